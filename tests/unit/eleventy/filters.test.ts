// The number filters templates call: the site's locale, and the formatters' guard on what a template passes.
import { describe, expect, it } from 'vitest';
import { registerFilters } from '../../../src/eleventy/filters.ts';
import type { BuildState } from '../../../src/eleventy/state.ts';
import type { EleventyConfig } from '../../../src/eleventy/types.ts';

const filters = new Map<string, (...args: unknown[]) => unknown>();
const config = {
  addFilter: (name: string, filter: (...args: unknown[]) => unknown) => filters.set(name, filter),
} as unknown as EleventyConfig;
registerFilters(config, () => ({ site: { locale: 'de-DE', timeZone: 'Europe/Berlin' } }) as unknown as BuildState);
const filter = (name: string) => filters.get(name) ?? (() => expect.unreachable(`no filter ${name}`));

describe('number filters', () => {
  it("print in the site's locale", () => {
    expect(filter('prose')(11_000)).toBe('11.000');
    expect(filter('approximate')(600)).toBe('etwa\u00a0600');
    expect(filter('numberRange')(4_000, 6_000)).toBe('4.000 bis 6.000');
    expect(filter('signedChange')(-300)).toBe('\u2212300');
    expect(filter('percent')(0.125)).toBe('12,5\u00a0%');
  });

  it('refuse what a template passes that is not a number, instead of printing NaN', () => {
    expect(() => filter('prose')('600')).toThrow('prose filter must be a number, got "600"');
    expect(() => filter('percent')(undefined)).toThrow('percent filter must be a number, got undefined');
    expect(() => filter('numberRange')(6, 4)).toThrow('numberRange filter.amount: range low (6) must not be greater than range high (4)');
  });
});

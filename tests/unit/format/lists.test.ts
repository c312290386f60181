import { describe, expect, it } from 'vitest';
import { formatList } from '../../../src/format/lists.ts';

const countries = ['South Korea', 'Russia', 'North Korea'];

describe('formatList', () => {
  it('follows AP in en-US: no serial comma', () => {
    expect(formatList(countries)).toBe('South Korea, Russia and North Korea');
    expect(formatList(countries, { type: 'disjunction' })).toBe('South Korea, Russia or North Korea');
    expect(formatList(['Seoul', 'Moscow', 'Pyongyang', 'Beijing'])).toBe('Seoul, Moscow, Pyongyang and Beijing');
  });

  it('handles short lists', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['Russia'])).toBe('Russia');
    expect(formatList(['Russia', 'North Korea'])).toBe('Russia and North Korea');
    expect(formatList(['Russia', 'North Korea'], { type: 'disjunction' })).toBe('Russia or North Korea');
  });

  it('never rewrites commas inside the items', () => {
    expect(formatList(['Smith, and Sons', 'Jones'])).toBe('Smith, and Sons and Jones');
    expect(formatList(['A', 'B', 'Smith, and Sons'])).toBe('A, B and Smith, and Sons');
  });

  it('uses Intl as-is for other languages', () => {
    expect(formatList(countries, { locale: 'en-GB' })).toBe('South Korea, Russia and North Korea');
    expect(formatList(['Südkorea', 'Russland', 'Nordkorea'], { locale: 'de-DE' })).toBe('Südkorea, Russland und Nordkorea');
    expect(formatList(['Juli', 'August'], { locale: 'de-DE', type: 'disjunction' })).toBe('Juli oder August');
    expect(formatList(['한국', '러시아', '북한'], { locale: 'ko-KR' })).toBe('한국, 러시아 및 북한');
    expect(formatList(['7월', '8월'], { locale: 'ko-KR', type: 'disjunction' })).toBe('7월 또는 8월');
  });

  it('rejects a locale that is not a BCP 47 tag', () => {
    expect(() => formatList(countries, { locale: 'not a locale' })).toThrow(/invalid locale/);
  });
});

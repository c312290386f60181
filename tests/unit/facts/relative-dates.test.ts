// Relative dates quoted from the text resolve against the publication date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRelativePhrase, sameFuzzyDate } from '../../../src/facts/relative-dates.ts';
import { checkRelativeDates, parseFactsFile } from '../../../src/facts/load.ts';

const published = { year: 2025, month: 6, day: 24 };

describe('resolveRelativePhrase', () => {
  it.each([
    ['October last year', { kind: 'on', date: { year: 2024, month: 10 } }],
    ['In April', { kind: 'on', date: { year: 2025, month: 4 } }],
    ['as early as July', { kind: 'on', date: { year: 2025, month: 7 } }],
    ['by July or August', { kind: 'choice', options: [{ year: 2025, month: 7 }, { year: 2025, month: 8 }] }],
    ['July–August', { kind: 'range', from: { year: 2025, month: 7 }, to: { year: 2025, month: 8 } }],
    ['last year', { kind: 'on', date: { year: 2024 } }],
    ['next year', { kind: 'on', date: { year: 2026 } }],
    ['last month', { kind: 'on', date: { year: 2025, month: 5 } }],
  ])('resolves "%s" against June 24, 2025', (phrase, expected) => {
    expect(resolveRelativePhrase(phrase, published)).toEqual(expected);
  });

  it('wraps "last month" across a year boundary', () => {
    expect(resolveRelativePhrase('last month', { year: 2025, month: 1, day: 3 })).toEqual({ kind: 'on', date: { year: 2024, month: 12 } });
  });

  it('leaves vague phrases to the editor', () => {
    expect(resolveRelativePhrase('recently', published)).toBeUndefined();
    expect(resolveRelativePhrase('over the past year', published)).toBeUndefined();
  });

  it('"<month> last year" is always the year before publication (property)', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 11 }), (year, index) => {
        const resolved = resolveRelativePhrase(`${months[index]} last year`, { year, month: 6 });
        return resolved !== undefined && sameFuzzyDate(resolved, { kind: 'on', date: { year: year - 1, month: index + 1 } });
      }),
    );
  });
});

describe('checkRelativeDates', () => {
  const facts = (date: string) =>
    parseFactsFile(
      `sources: { s: { name: S } }\nfigures:\n  - { id: dispatch, label: D, value: 11000, status: reported, source: s, date: ${date}, relative: October last year }\n`,
      'content/facts/x.yaml',
      'Asia/Seoul',
    );

  it('accepts a stored date that matches its phrase', () => {
    expect(checkRelativeDates(facts('2024-10'), published, '2025-06-24')).toEqual([]);
  });

  it('names the fact, the phrase and the expected date when they disagree', () => {
    expect(checkRelativeDates(facts('2025-10'), published, '2025-06-24')).toEqual([
      'content/facts/x.yaml: fact "dispatch": date 2025-10 does not match "October last year" resolved against the publication date 2025-06-24 (expected 2024-10)',
    ]);
  });
});

// Relative dates quoted from the text resolve against the publication date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRelativePhrase, sameFuzzyDate } from '../../../src/facts/relative-dates.ts';
import { checkRelativeDates } from '../../../src/facts/parse.ts';
import { factsFrom as parseFactsFile } from '../../helpers/model.ts';

const published = { year: 2025, month: 6, day: 24 };

describe('resolveRelativePhrase', () => {
  it.each([
    ['October last year', { kind: 'on', date: { year: 2024, month: 10 } }],
    ['In April', { kind: 'on', date: { year: 2025, month: 4 } }],
    ['as early as July', { kind: 'on', date: { year: 2025, month: 7 } }],
    [
      'by July or August',
      {
        kind: 'choice',
        options: [
          { year: 2025, month: 7 },
          { year: 2025, month: 8 },
        ],
      },
    ],
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

  it('resolves a bare month to the nearest such month, in the year before publication when that is nearer', () => {
    const january10 = { year: 2025, month: 1, day: 10 };
    expect(resolveRelativePhrase('In December', january10)).toEqual({ kind: 'on', date: { year: 2024, month: 12 } });
    expect(resolveRelativePhrase('in March', january10)).toEqual({ kind: 'on', date: { year: 2025, month: 3 } });
    expect(resolveRelativePhrase('as early as February', { year: 2025, month: 11, day: 20 })).toEqual({
      kind: 'on',
      date: { year: 2026, month: 2 },
    });
  });

  it('takes the earlier month when the month is six months away either way', () => {
    expect(resolveRelativePhrase('In December', published)).toEqual({ kind: 'on', date: { year: 2024, month: 12 } });
    expect(resolveRelativePhrase('In January', { year: 2025, month: 7, day: 31 })).toEqual({ kind: 'on', date: { year: 2025, month: 1 } });
  });

  it('keeps a month with a year word in that year, however far', () => {
    expect(resolveRelativePhrase('December this year', { year: 2025, month: 1, day: 10 })).toEqual({
      kind: 'on',
      date: { year: 2025, month: 12 },
    });
    expect(resolveRelativePhrase('January next year', { year: 2025, month: 1, day: 10 })).toEqual({
      kind: 'on',
      date: { year: 2026, month: 1 },
    });
  });

  it('puts the second of two bare months after the first, across a year boundary', () => {
    const january10 = { year: 2025, month: 1, day: 10 };
    expect(resolveRelativePhrase('December or January', january10)).toEqual({
      kind: 'choice',
      options: [
        { year: 2024, month: 12 },
        { year: 2025, month: 1 },
      ],
    });
    expect(resolveRelativePhrase('November–February', january10)).toEqual({
      kind: 'range',
      from: { year: 2024, month: 11 },
      to: { year: 2025, month: 2 },
    });
  });

  it('reads a bare month in the publication year when only the year of publication is known', () => {
    expect(resolveRelativePhrase('In December', { year: 2025 })).toEqual({ kind: 'on', date: { year: 2025, month: 12 } });
  });

  it('a bare month is never more than six months from publication, and six only before it (property)', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 11 }),
        (year, month, index) => {
          const resolved = resolveRelativePhrase(`in ${months[index]}`, { year, month, day: 15 });
          if (resolved?.kind !== 'on' || resolved.date.month !== index + 1) return false;
          const offset = resolved.date.year * 12 + index + 1 - (year * 12 + month);
          return offset >= -6 && offset < 6;
        },
      ),
    );
  });

  it('leaves vague phrases to the editor', () => {
    expect(resolveRelativePhrase('recently', published)).toBeUndefined();
    expect(resolveRelativePhrase('over the past year', published)).toBeUndefined();
  });

  it('"<month> last year" is always the year before publication (property)', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
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
    );

  it('accepts a stored date that matches its phrase', () => {
    expect(checkRelativeDates(facts('2024-10'), published, '2025-06-24')).toEqual([]);
  });

  it('checks a bare month in an article published early in the year against the month just past', () => {
    const december = (date: string) =>
      parseFactsFile(
        `sources: { s: { name: S } }\nevents:\n  - { id: talks, label: Talks, status: reported, source: s, date: ${date}, relative: In December }\n`,
        'content/facts/x.yaml',
      );
    const january10 = { year: 2025, month: 1, day: 10 };
    expect(checkRelativeDates(december('2024-12'), january10, '2025-01-10')).toEqual([]);
    expect(checkRelativeDates(december('2025-12'), january10, '2025-01-10')).toEqual([
      'content/facts/x.yaml: line 3: event "talks": date: 2025-12 does not match "In December" resolved against the publication date 2025-01-10 (expected 2024-12)',
    ]);
  });

  it('names the fact, the phrase and the expected date when they disagree', () => {
    expect(checkRelativeDates(facts('2025-10'), published, '2025-06-24')).toEqual([
      'content/facts/x.yaml: line 3: fact "dispatch": date: 2025-10 does not match "October last year" resolved against the publication date 2025-06-24 (expected 2024-10)',
    ]);
  });
});

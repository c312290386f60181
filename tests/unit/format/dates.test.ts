import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Settings } from 'luxon';
import {
  calendarDateToIso,
  checkFuzzyDate,
  compareFuzzyDates,
  formatCalendarDate,
  formatDateline,
  formatDistance,
  formatFuzzyDate,
  formatIsoDay,
  fuzzyDateBounds,
  parseCalendarDate,
  toIsoWithOffset,
  type CalendarDate,
  type FuzzyDate,
} from '../../../src/format/dates.ts';

const SEOUL = 'Asia/Seoul';
// '·' in an expected string is a no-break space: dates hold together on one line.
const nb = (text: string) => text.replaceAll('·', '\u00a0');
const d = parseCalendarDate;
const on = (s: string): FuzzyDate => ({ kind: 'on', date: d(s) });
const range = (from: string, to: string): FuzzyDate => ({ kind: 'range', from: d(from), to: d(to) });
const choice = (...options: string[]): FuzzyDate => ({ kind: 'choice', options: options.map(d) });

const calendarDate: fc.Arbitrary<CalendarDate> = fc.oneof(
  fc.record({ year: fc.integer({ min: 1, max: 9999 }) }),
  fc.record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) }),
  fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() })),
);

describe('parseCalendarDate', () => {
  it('keeps the precision it was given', () => {
    expect(parseCalendarDate('2025')).toEqual({ year: 2025 });
    expect(parseCalendarDate('2025-06')).toEqual({ year: 2025, month: 6 });
    expect(parseCalendarDate('2025-06-24')).toEqual({ year: 2025, month: 6, day: 24 });
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });

  it.each([
    ['2025-13', 'invalid calendar date "2025-13": month must be 01–12'],
    ['2025-00', 'invalid calendar date "2025-00": month must be 01–12'],
    ['2025-02-30', 'invalid calendar date "2025-02-30": February 2025 has 28 days'],
    ['2023-02-29', 'invalid calendar date "2023-02-29": February 2023 has 28 days'],
    // Century years are leap years only when divisible by 400.
    ['1900-02-29', 'invalid calendar date "1900-02-29": February 1900 has 28 days'],
    ['2100-02-29', 'invalid calendar date "2100-02-29": February 2100 has 28 days'],
    ['2025-04-31', 'invalid calendar date "2025-04-31": April 2025 has 30 days'],
    ['2025-01-00', 'invalid calendar date "2025-01-00": January 2025 has 31 days'],
    ['0000', 'invalid calendar date "0000": year must be a whole number from 1 to 9999'],
    ['25-1', 'invalid calendar date "25-1": expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['', 'invalid calendar date "": expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['2025-6', 'invalid calendar date "2025-6": expected YYYY, YYYY-MM or YYYY-MM-DD'],
    [' 2025', 'invalid calendar date " 2025": expected YYYY, YYYY-MM or YYYY-MM-DD'],
    ['2025-06-24T09:00', 'invalid calendar date "2025-06-24T09:00": expected YYYY, YYYY-MM or YYYY-MM-DD'],
  ])('rejects %j', (input, message) => {
    expect(() => parseCalendarDate(input)).toThrow(message);
  });
});

describe('calendarDateToIso', () => {
  it('pads to ISO 8601', () => {
    expect(calendarDateToIso({ year: 2025 })).toBe('2025');
    expect(calendarDateToIso({ year: 2025, month: 6 })).toBe('2025-06');
    expect(calendarDateToIso({ year: 2025, month: 6, day: 4 })).toBe('2025-06-04');
    expect(calendarDateToIso({ year: 5, month: 1 })).toBe('0005-01');
  });

  it('round-trips with parseCalendarDate', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        expect(parseCalendarDate(calendarDateToIso(date))).toEqual(date);
      }),
    );
  });
});

describe('formatCalendarDate', () => {
  const apWithDay = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
  const full = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  it.each(apWithDay.map((name, i) => [i + 1, name] as const))('en-US AP: month %d with a day is "%s"', (month, name) => {
    expect(formatCalendarDate({ year: 2024, month, day: 5 })).toBe(nb(`${name}·5,·2024`));
  });

  it.each(full.map((name, i) => [i + 1, name] as const))('en-US AP: month %d alone is spelled out "%s"', (month, name) => {
    expect(formatCalendarDate({ year: 2024, month })).toBe(nb(`${name}·2024`));
  });

  it.each([
    ['en-US', '2024', 'October 2024', 'Oct. 5, 2024'],
    ['en-GB', '2024', 'October 2024', '5 October 2024'],
    ['de-DE', '2024', 'Oktober 2024', '5. Oktober 2024'],
    ['ko-KR', '2024년', '2024년 10월', '2024년 10월 5일'],
    ['fr-FR', '2024', 'octobre 2024', '5 octobre 2024'],
  ])('%s prose: %s / %s / %s', (locale, year, month, day) => {
    // Every space in a date is a no-break space.
    expect(formatCalendarDate({ year: 2024 }, { locale })).toBe(nb(year.replaceAll(' ', '·')));
    expect(formatCalendarDate({ year: 2024, month: 10 }, { locale })).toBe(nb(month.replaceAll(' ', '·')));
    expect(formatCalendarDate({ year: 2024, month: 10, day: 5 }, { locale })).toBe(nb(day.replaceAll(' ', '·')));
  });

  it.each([
    ['en-US', 'Sep 2024', 'Sep 5, 2024'],
    ['en-GB', 'Sept 2024', '5 Sept 2024'],
    ['de-DE', 'Sept. 2024', '5. Sept. 2024'],
    ['ko-KR', '2024년 9월', '2024년 9월 5일'],
  ])('%s short: %s / %s', (locale, month, day) => {
    expect(formatCalendarDate({ year: 2024, month: 9 }, { locale, style: 'short' })).toBe(nb(month.replaceAll(' ', '·')));
    expect(formatCalendarDate({ year: 2024, month: 9, day: 5 }, { locale, style: 'short' })).toBe(nb(day.replaceAll(' ', '·')));
    expect(formatCalendarDate({ year: 2024 }, { locale, style: 'short' })).toMatch(/^2024/);
  });

  it('keeps years before 100 as they are', () => {
    expect(formatCalendarDate({ year: 50, month: 3, day: 1 }, { locale: 'fr-FR' })).toBe(nb('1·mars·50'));
    expect(formatCalendarDate({ year: 50, month: 3 }, { style: 'short' })).toBe(nb('Mar·50'));
    expect(formatCalendarDate({ year: 50, month: 3, day: 1 })).toBe(nb('March·1,·50'));
  });

  it('never prints a day for a month-precision date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const text = formatCalendarDate({ year, month });
        expect(text).toBe(nb(`${full[month - 1]}·${year}`));
      }),
    );
  });
});

describe('formatFuzzyDate', () => {
  // '·' is a no-break space: a date holds together, and only the words joining a choice ("or", ",") may break.
  const cases: Array<[string, FuzzyDate, string, string, string, string]> = [
    // label, date, en-US, en-GB, de-DE, ko-KR
    ['a day', on('2024-10-05'), 'Oct.·5,·2024', '5·October·2024', '5.·Oktober·2024', '2024년·10월·5일'],
    ['months, same year', range('2025-07', '2025-08'), 'July–August·2025', 'July–August·2025', 'Juli–August·2025', '2025년·7~8월'],
    [
      'months, across years',
      range('2024-12', '2025-01'),
      'December·2024–January·2025',
      'December·2024–January·2025',
      'Dezember·2024–Januar·2025',
      '2024년·12월~2025년·1월',
    ],
    [
      'days, same month',
      range('2024-10-05', '2024-10-07'),
      'Oct.·5–7,·2024',
      '5–7·October·2024',
      '5.–7.·Oktober·2024',
      '2024년·10월·5~7일',
    ],
    [
      'days, across months',
      range('2024-09-30', '2024-10-02'),
      'Sept.·30–Oct.·2,·2024',
      '30·September–2·October·2024',
      '30.·September–2.·Oktober·2024',
      '2024년·9월·30일~10월·2일',
    ],
    [
      'days, across years',
      range('2024-12-30', '2025-01-02'),
      'Dec.·30,·2024–Jan.·2,·2025',
      '30·December·2024–2·January·2025',
      '30.·Dezember·2024–2.·Januar·2025',
      '2024년·12월·30일~2025년·1월·2일',
    ],
    ['years', range('2024', '2025'), '2024–2025', '2024–2025', '2024–2025', '2024~2025년'],
    ['same start and end', range('2025-07', '2025-07'), 'July·2025', 'July·2025', 'Juli·2025', '2025년·7월'],
    [
      'two months',
      choice('2025-07', '2025-08'),
      'July or August·2025',
      'July or August·2025',
      'Juli oder August·2025',
      '2025년·7월 또는 8월',
    ],
    [
      'three months',
      choice('2025-06', '2025-07', '2025-08'),
      'June, July or August·2025',
      'June, July or August·2025',
      'Juni, Juli oder August·2025',
      '2025년·6월, 7월 또는 8월',
    ],
    [
      'months across years',
      choice('2024-12', '2025-01'),
      'December·2024 or January·2025',
      'December·2024 or January·2025',
      'Dezember·2024 oder Januar·2025',
      '2024년·12월 또는 2025년·1월',
    ],
    [
      'days in a month',
      choice('2024-10-05', '2024-10-07'),
      'Oct.·5 or 7,·2024',
      '5 or 7·October·2024',
      '5. oder 7.·Oktober·2024',
      '2024년·10월·5일 또는 7일',
    ],
    [
      'days across months',
      choice('2024-09-30', '2024-10-02'),
      'Sept.·30 or Oct.·2,·2024',
      '30·September or 2·October·2024',
      '30.·September oder 2.·Oktober·2024',
      '2024년·9월·30일 또는 10월·2일',
    ],
    ['years', choice('2024', '2025'), '2024 or 2025', '2024 or 2025', '2024 oder 2025', '2024년 또는 2025년'],
  ];

  it.each(cases)('%s', (_label, date, enUS, enGB, de, ko) => {
    expect(formatFuzzyDate(date)).toBe(nb(enUS));
    expect(formatFuzzyDate(date, { locale: 'en-GB' })).toBe(nb(enGB));
    expect(formatFuzzyDate(date, { locale: 'de-DE' })).toBe(nb(de));
    expect(formatFuzzyDate(date, { locale: 'ko-KR' })).toBe(nb(ko));
  });

  it('falls back to full Intl dates in other languages', () => {
    expect(formatFuzzyDate(range('2025-07', '2025-08'), { locale: 'fr-FR' })).toBe(nb('juillet·2025 – août·2025'));
    expect(formatFuzzyDate(choice('2025-07', '2025-08'), { locale: 'fr-FR' })).toBe(nb('juillet·2025 ou août·2025'));
  });
});

describe('checkFuzzyDate', () => {
  it('passes dates that can be meant', () => {
    for (const date of [on('2025-07'), range('2025-07', '2025-08'), choice('2025-07', '2025-08')]) expect(checkFuzzyDate(date)).toBe(date);
  });

  it('refuses what the parts cannot say alone, once, for the facts loader', () => {
    expect(() => checkFuzzyDate(range('2025-08', '2025-07'))).toThrow('range starts (2025-08) after it ends (2025-07)');
    expect(() => checkFuzzyDate(range('2025', '2025-07'))).toThrow(/all dates need the same precision/);
    expect(() => checkFuzzyDate(choice('2025-07'))).toThrow(/two or more options/);
    expect(() => checkFuzzyDate(choice('2025-08', '2025-07'))).toThrow(/distinct and ascending/);
    expect(() => checkFuzzyDate(choice('2025-07', '2025-07'))).toThrow(/distinct and ascending/);
  });
});

describe('fuzzyDateBounds', () => {
  it('spans from the start of the first day to the end of the last, in the zone', () => {
    const feb = fuzzyDateBounds(on('2024-02'), SEOUL);
    expect(feb.start.toISO()).toBe('2024-02-01T00:00:00.000+09:00');
    expect(feb.end.toISO()).toBe('2024-02-29T23:59:59.999+09:00');
    const year = fuzzyDateBounds(on('2024'), 'UTC');
    expect(year.start.toISO()).toBe('2024-01-01T00:00:00.000Z');
    expect(year.end.toISO()).toBe('2024-12-31T23:59:59.999Z');
    const options = fuzzyDateBounds(choice('2025-06-02', '2025-06-09'), 'America/New_York');
    expect(options.start.toISO()).toBe('2025-06-02T00:00:00.000-04:00');
    expect(options.end.toISO()).toBe('2025-06-09T23:59:59.999-04:00');
  });

  it('gives each zone its own bounds, however often the same date is asked for', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(fuzzyDateBounds(on('2024-10'), SEOUL).start.toISO()).toBe('2024-10-01T00:00:00.000+09:00');
      expect(fuzzyDateBounds(on('2024-10'), 'UTC').start.toISO()).toBe('2024-10-01T00:00:00.000Z');
      expect(fuzzyDateBounds(range('2024-10', '2024-11'), SEOUL).end.toISO()).toBe('2024-11-30T23:59:59.999+09:00');
    }
  });
});

describe('compareFuzzyDates', () => {
  // ISO strings of dates at the same precision sort chronologically.
  const byIso = (a: CalendarDate, b: CalendarDate) => calendarDateToIso(a).localeCompare(calendarDateToIso(b));
  const month = fc.record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) });
  const day = fc.tuple(month, fc.integer({ min: 1, max: 28 })).map(([m, dayOfMonth]): CalendarDate => ({ ...m, day: dayOfMonth }));
  const fuzzyDate: fc.Arbitrary<FuzzyDate> = fc.oneof(
    calendarDate.map((date): FuzzyDate => ({ kind: 'on', date })),
    fc.tuple(month, month).map(([a, b]): FuzzyDate => {
      const [from, to] = [a, b].sort(byIso) as [CalendarDate, CalendarDate];
      return { kind: 'range', from, to };
    }),
    fc
      .uniqueArray(day, { minLength: 2, maxLength: 4, selector: calendarDateToIso })
      .map((options): FuzzyDate => ({ kind: 'choice', options: options.sort(byIso) })),
  );
  const compare = (a: FuzzyDate, b: FuzzyDate) => compareFuzzyDates(a, b);

  it('sorts by start, then by end', () => {
    const sorted = [range('2025-07', '2025-08'), on('2025'), on('2025-07-15'), on('2025-07'), choice('2024-12', '2025-01')].sort(compare);
    expect(sorted.map((x) => formatFuzzyDate(x))).toEqual(
      ['December·2024 or January·2025', '2025', 'July·2025', 'July–August·2025', 'July·15,·2025'].map(nb),
    );
  });

  it('is reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(fuzzyDate, fuzzyDate, (a, b) => {
        expect(compare(a, a)).toBe(0);
        expect(Math.sign(compare(a, b))).toBe(-Math.sign(compare(b, a)) || 0);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(fuzzyDate, fuzzyDate, fuzzyDate, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compare) as [FuzzyDate, FuzzyDate, FuzzyDate];
        expect(compare(x, y)).toBeLessThanOrEqual(0);
        expect(compare(y, z)).toBeLessThanOrEqual(0);
        expect(compare(x, z)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('formatDateline', () => {
  it("shows the site zone's day, not the UTC day", () => {
    expect(formatDateline('2025-06-24T00:30:00+09:00', { zone: SEOUL })).toBe(nb('June·24,·2025'));
    expect(formatDateline('2025-06-23T15:30:00Z', { zone: SEOUL })).toBe(nb('June·24,·2025'));
    expect(formatDateline('2025-06-23T15:30:00Z', { zone: 'UTC' })).toBe(nb('June·23,·2025'));
  });

  it("reads a time without an offset as the site zone's wall time", () => {
    expect(formatDateline('2025-06-24T00:30', { zone: SEOUL })).toBe(nb('June·24,·2025'));
    expect(formatDateline('2025-06-24', { zone: 'America/Los_Angeles' })).toBe(nb('June·24,·2025'));
  });

  it('follows AP and each locale', () => {
    expect(formatDateline('2025-09-05T12:00:00+09:00', { zone: SEOUL })).toBe(nb('Sept.·5,·2025'));
    expect(formatDateline('2025-09-05T12:00:00+09:00', { zone: SEOUL, locale: 'en-GB' })).toBe(nb('5·September·2025'));
    expect(formatDateline('2025-09-05T12:00:00+09:00', { zone: SEOUL, locale: 'de-DE' })).toBe(nb('5.·September·2025'));
    expect(formatDateline('2025-09-05T12:00:00+09:00', { zone: SEOUL, locale: 'ko-KR' })).toBe(nb('2025년·9월·5일'));
  });

  it('rejects bad input', () => {
    expect(() => formatDateline('24 June 2025', { zone: SEOUL })).toThrow(/invalid ISO date-time "24 June 2025"/);
  });
});

describe('toIsoWithOffset and formatIsoDay', () => {
  it("writes the instant with the zone's offset", () => {
    expect(toIsoWithOffset('2025-06-24T00:00:00Z', SEOUL)).toBe('2025-06-24T09:00:00+09:00');
    expect(toIsoWithOffset('2025-06-24T09:00:00+09:00', SEOUL)).toBe('2025-06-24T09:00:00+09:00');
    expect(toIsoWithOffset(new Date('2025-06-24T00:00:00Z'), 'America/New_York')).toBe('2025-06-23T20:00:00-04:00');
    expect(toIsoWithOffset(new Date('2025-01-24T00:00:00Z'), 'America/New_York')).toBe('2025-01-23T19:00:00-05:00');
    expect(toIsoWithOffset('2025-06-24T09:00:00.250+09:00', SEOUL)).toBe('2025-06-24T09:00:00.250+09:00');
    expect(toIsoWithOffset('2025-06-24T09:00', SEOUL)).toBe('2025-06-24T09:00:00+09:00');
  });

  it('rejects an invalid Date', () => {
    expect(() => toIsoWithOffset(new Date('nope'), SEOUL)).toThrow('invalid Date');
  });

  it('gives the day in the zone', () => {
    expect(formatIsoDay('2025-06-23T15:30:00Z', SEOUL)).toBe('2025-06-24');
    expect(formatIsoDay('2025-06-23T15:30:00Z', 'UTC')).toBe('2025-06-23');
  });
});

describe('formatDistance', () => {
  const published = '2026-03-10T09:00:00+09:00';
  const options = { zone: SEOUL };
  // '·' is a no-break space: the span of time holds together; the word for the direction may start a line.
  const distance = (...args: Parameters<typeof formatDistance>) => formatDistance(...args).replaceAll('\u00a0', '·');

  it.each([
    ['2025-07', 'eight·months earlier', 'acht·Monate früher', '8개월 전'],
    ['2026-02-05', 'about·one·month earlier', 'etwa·einen·Monat früher', '약·1개월 전'],
    ['2026-04-14', 'about·one·month later', 'etwa·einen·Monat später', '약·1개월 후'],
    ['2026-03', 'the·same·month', 'im·selben·Monat', '같은·달'],
    ['2026-03-10', 'the·same·day', 'am·selben·Tag', '같은·날'],
    ['2026-02-24', 'two·weeks earlier', 'zwei·Wochen früher', '2주 전'],
    ['2026-02-18', 'about·three·weeks earlier', 'etwa·drei·Wochen früher', '약·3주 전'],
    ['2026-03-03', 'seven·days earlier', 'sieben·Tage früher', '7일 전'],
    ['2026-03-09', 'one·day earlier', 'einen·Tag früher', '1일 전'],
    ['2023', 'three·years earlier', 'drei·Jahre früher', '3년 전'],
    ['2026', 'the·same·year', 'im·selben·Jahr', '같은·해'],
    ['2023-03', 'three·years earlier', 'drei·Jahre früher', '3년 전'],
    ['2025-03-10', 'one·year earlier', 'ein·Jahr früher', '1년 전'],
    ['2024-09', '18·months earlier', '18·Monate früher', '18개월 전'],
    ['2023-09', 'about·three·years earlier', 'etwa·drei·Jahre früher', '약·3년 전'],
  ])('%s relative to publication: %s', (from, en, de, ko) => {
    expect(distance(from, published, options)).toBe(en);
    expect(distance(from, published, { ...options, locale: 'de-DE' })).toBe(de);
    expect(distance(from, published, { ...options, locale: 'ko-KR' })).toBe(ko);
  });

  it('compares at the coarser precision: a month against a day is counted in months', () => {
    expect(distance('2026-02', published, options)).toBe('one·month earlier');
    expect(distance(on('2026-03'), on('2026-03-31'), options)).toBe('the·same·month');
  });

  it("reads the publication instant on the site zone's calendar", () => {
    // 00:30 in Seoul is still the previous day in UTC.
    expect(distance('2025-06-24', '2025-06-24T00:30:00+09:00', options)).toBe('the·same·day');
    expect(distance('2025-06-24', '2025-06-24T00:30:00+09:00', { zone: 'UTC' })).toBe('one·day later');
  });

  it('gives both counts when a range or choice allows two whole distances', () => {
    expect(distance(range('2025-07', '2025-08'), published, options)).toBe('seven·to·eight·months earlier');
    // "by April or May", seen from March 10: one month or two, not "about two".
    expect(distance(choice('2026-04', '2026-05'), published, options)).toBe('one·to·two·months later');
    expect(distance(choice('2026-04', '2026-05'), published, { ...options, locale: 'de-DE' })).toBe('ein·bis·zwei·Monate später');
    expect(distance(choice('2026-04', '2026-05'), published, { ...options, locale: 'ko-KR' })).toBe('1~2개월 후');
    expect(distance(range('2025-07', '2025-08'), published, { ...options, locale: 'de-DE' })).toBe('sieben·bis·acht·Monate früher');
  });

  it('hedges when a range or choice makes the distance uncertain', () => {
    expect(distance(choice('2025-07-01', '2025-07-02'), published, options)).toBe('about·eight·months earlier');
    expect(distance(range('2026-02', '2026-04'), published, options)).toBe('around·the·same·time');
    expect(distance(range('2026-02', '2026-04'), published, { ...options, locale: 'ko-KR' })).toBe('비슷한·시기');
  });

  it('counts in the requested unit', () => {
    expect(distance('2025-03-10', published, { ...options, unit: 'months' })).toBe('12·months earlier');
    expect(distance('2026-02-28', published, { ...options, unit: 'months' })).toBe('one·month earlier');
    expect(distance('2026-02-24', published, { ...options, unit: 'days' })).toBe('14·days earlier');
    expect(distance('2025-03', published, { ...options, unit: 'months' })).toBe('12·months earlier');
  });

  it('refuses to invent precision', () => {
    expect(() => formatDistance('2026-02', published, { ...options, unit: 'days' })).toThrow(
      'cannot count days between dates known only to the month',
    );
    expect(() => formatDistance('2025', published, { ...options, unit: 'months' })).toThrow(/known only to the year/);
  });

  it('needs a language with a catalogue and readable dates', () => {
    expect(() => formatDistance('2025-07', published, { ...options, locale: 'fr-FR' })).toThrow(
      /no message catalogue for locale "fr-FR": the languages are de, en, ko/,
    );
    expect(() => formatDistance('2025-13', published, options)).toThrow(/month must be 01–12/);
    expect(() => formatDistance('last year', published, options)).toThrow(/invalid ISO date-time "last year"/);
  });
});

describe('no hidden globals', () => {
  const original = { zone: Settings.defaultZone, locale: Settings.defaultLocale };
  afterEach(() => {
    Settings.defaultZone = original.zone;
    Settings.defaultLocale = original.locale;
  });

  it("ignores Luxon's default zone and locale", () => {
    Settings.defaultZone = 'Pacific/Kiritimati';
    Settings.defaultLocale = 'de-DE';
    expect(formatDateline('2025-06-23T15:30:00Z', { zone: SEOUL })).toBe(nb('June·24,·2025'));
    expect(toIsoWithOffset('2025-06-24T09:00', SEOUL)).toBe('2025-06-24T09:00:00+09:00');
    expect(fuzzyDateBounds(on('2024-02'), SEOUL).start.toISO()).toBe('2024-02-01T00:00:00.000+09:00');
    expect(formatFuzzyDate(range('2025-07', '2025-08'))).toBe(nb('July–August·2025'));
  });
});

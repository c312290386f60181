// Dates for articles and facts: calendar dates that keep their precision, fuzzy dates, datelines and distances.
import { DateTime, IANAZone, Info } from 'luxon';
import { dateStyle, intlDate, type Shared } from './date-styles.ts';
import { formatList } from './lists.ts';
import { describeValue, resolveLocale, wordsLanguage, type ResolvedLocale, type WordsLanguage } from './locale.ts';
import { formatProse } from './numbers.ts';

export interface DateOptions {
  locale?: string;
  /** IANA zone of the site, such as 'Asia/Seoul'. Required: helpers never fall back to the machine's zone. */
  zone: string;
}

/** Precision is the set of parts present: a year, a month of a year, or a day. A day requires a month. */
export type CalendarDate = { year: number; month?: number; day?: number };

export type FuzzyDate =
  | { kind: 'on'; date: CalendarDate }
  /** from <= to, both at the same precision */
  | { kind: 'range'; from: CalendarDate; to: CalendarDate }
  /** two or more options at the same precision, ascending */
  | { kind: 'choice'; options: CalendarDate[] };

export type DatePrecision = 'year' | 'month' | 'day';

export type DistanceUnit = 'auto' | 'months' | 'days';

const CALENDAR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ENGLISH_MONTHS = Info.months('long', { locale: 'en-US' });

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month === 2) return leap ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkCalendarDate(value: unknown, shown?: string): CalendarDate {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`calendar date must be an object such as { year: 2025, month: 6 }, got ${describeValue(value)}`);
  }
  const { year, month, day } = value as Record<string, unknown>;
  const invalid = (why: string) => new RangeError(`invalid calendar date ${shown ?? JSON.stringify(value)}: ${why}`);
  if (!isWhole(year) || year < 1 || year > 9999) throw invalid('year must be a whole number from 1 to 9999');
  if (month === undefined) {
    if (day !== undefined) throw invalid('a day needs a month');
    return { year };
  }
  if (!isWhole(month) || month < 1 || month > 12) throw invalid('month must be 01–12');
  if (day === undefined) return { year, month };
  const days = daysInMonth(year, month);
  if (!isWhole(day) || day < 1 || day > days) throw invalid(`${ENGLISH_MONTHS[month - 1]} ${year} has ${days} days`);
  return { year, month, day };
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' to a calendar date at that precision; anything else throws. */
export function parseCalendarDate(s: string): CalendarDate {
  if (typeof s !== 'string') throw new TypeError(`calendar date must be a string such as "2025-06", got ${describeValue(s)}`);
  const match = CALENDAR_DATE.exec(s);
  if (match === null) throw new RangeError(`invalid calendar date ${JSON.stringify(s)}: expected YYYY, YYYY-MM or YYYY-MM-DD`);
  const [, year, month, day] = match;
  return checkCalendarDate(
    { year: Number(year), ...(month === undefined ? {} : { month: Number(month) }), ...(day === undefined ? {} : { day: Number(day) }) },
    JSON.stringify(s),
  );
}

/** The inverse of parseCalendarDate: '2025', '2025-06', '2025-06-24'. */
export function calendarDateToIso(d: CalendarDate): string {
  const { year, month, day } = checkCalendarDate(d);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return [pad(year, 4), month === undefined ? undefined : pad(month, 2), day === undefined ? undefined : pad(day, 2)]
    .filter((part) => part !== undefined)
    .join('-');
}

export function calendarDatePrecision(d: CalendarDate): DatePrecision {
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

/** Order of two dates at the same precision. */
function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

function checkSamePrecision(dates: CalendarDate[], what: string): void {
  const precisions = new Set(dates.map(calendarDatePrecision));
  if (precisions.size > 1) {
    throw new RangeError(`${what} ${dates.map(calendarDateToIso).join(', ')}: all dates need the same precision`);
  }
}

function checkFuzzyDate(value: unknown): FuzzyDate {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`fuzzy date must be an object with a kind (on, range or choice), got ${describeValue(value)}`);
  }
  const fuzzy = value as Record<string, unknown>;
  switch (fuzzy.kind) {
    case 'on':
      return { kind: 'on', date: checkCalendarDate(fuzzy.date) };
    case 'range': {
      const from = checkCalendarDate(fuzzy.from);
      const to = checkCalendarDate(fuzzy.to);
      checkSamePrecision([from, to], 'range');
      if (compareCalendarDates(from, to) > 0) {
        throw new RangeError(`range starts (${calendarDateToIso(from)}) after it ends (${calendarDateToIso(to)})`);
      }
      return { kind: 'range', from, to };
    }
    case 'choice': {
      if (!Array.isArray(fuzzy.options) || fuzzy.options.length < 2) {
        throw new RangeError(`a choice needs two or more options, got ${describeValue(fuzzy.options)}`);
      }
      const options = fuzzy.options.map((option) => checkCalendarDate(option));
      checkSamePrecision(options, 'choice');
      options.forEach((option, i) => {
        const previous = options[i - 1];
        if (previous !== undefined && compareCalendarDates(previous, option) >= 0) {
          throw new RangeError(`choice options must be distinct and ascending: ${options.map(calendarDateToIso).join(', ')}`);
        }
      });
      return { kind: 'choice', options };
    }
    default:
      throw new TypeError(`fuzzy date kind must be on, range or choice; got ${describeValue(fuzzy.kind)}`);
  }
}

/** Earliest and latest date a fuzzy date could mean. */
function endpoints(d: FuzzyDate): [CalendarDate, CalendarDate] {
  switch (d.kind) {
    case 'on':
      return [d.date, d.date];
    case 'range':
      return [d.from, d.to];
    case 'choice': {
      const [head] = d.options;
      const last = d.options[d.options.length - 1];
      if (head === undefined || last === undefined) throw new RangeError('a choice needs two or more options');
      return [head, last];
    }
  }
}

/**
 * Prose (default): en-US AP 'Oct. 5, 2024' / 'October 2024' / '2024'; en-GB '5 October 2024';
 * de '5. Oktober 2024'; ko '2024년 10월 5일'. Short, for tables: Intl's abbreviated month
 * ('Oct 5, 2024', 'Oct 2024', '5. Okt. 2024'), which for en-US is AP's tabular form.
 */
export function formatCalendarDate(d: CalendarDate, o: { locale?: string; style?: 'prose' | 'short' } = {}): string {
  const date = checkCalendarDate(d);
  const locale = resolveLocale(o.locale);
  const style = o.style ?? 'prose';
  if (style === 'prose') return dateStyle(locale).prose(date);
  if (style !== 'short') throw new RangeError(`style must be "prose" or "short", got ${describeValue(style)}`);
  return intlDate(date, locale, 'short');
}

function sharedParts(dates: CalendarDate[]): Shared {
  const [head, ...rest] = dates;
  if (head === undefined || head.month === undefined || rest.some((d) => d.year !== head.year)) return 'none';
  return head.day !== undefined && rest.every((d) => d.month === head.month) ? 'yearMonth' : 'year';
}

/**
 * A fuzzy date in prose, printing shared parts once: 'July–August 2025', 'December 2024–January 2025',
 * 'June, July or August 2025'; de 'Juli–August 2025', 'Juli oder August 2025'; ko '2025년 7~8월', '2025년 7월 또는 8월'.
 */
export function formatFuzzyDate(d: FuzzyDate, o: { locale?: string } = {}): string {
  const date = checkFuzzyDate(d);
  const locale = resolveLocale(o.locale);
  const style = dateStyle(locale);
  switch (date.kind) {
    case 'on':
      return style.prose(date.date);
    case 'range': {
      if (compareCalendarDates(date.from, date.to) === 0) return style.prose(date.from);
      const dates = [date.from, date.to];
      const { items, frame } = style.group(dates, sharedParts(dates), 'range');
      return frame(items.join(style.rangeSeparator));
    }
    case 'choice': {
      const { items, frame } = style.group(date.options, sharedParts(date.options), 'choice');
      return frame(formatList(items, { locale: locale.tag, type: 'disjunction' }));
    }
  }
}

// IANAZone.isValidZone builds an Intl.DateTimeFormat on every call, and a build checks the site's one
// zone tens of thousands of times (a sixth of a build's time at 500 articles), so valid zones are remembered.
const validZones = new Set<string>();

function checkZone(zone: unknown): string {
  if (zone === undefined) {
    throw new TypeError('zone is required: pass the site\'s IANA time zone, such as "Asia/Seoul"');
  }
  if (typeof zone === 'string' && validZones.has(zone)) return zone;
  if (typeof zone !== 'string' || !IANAZone.isValidZone(zone)) {
    throw new RangeError(`unknown time zone ${describeValue(zone)}: expected an IANA zone such as "Asia/Seoul"`);
  }
  validZones.add(zone);
  return zone;
}

function startOfDate(d: CalendarDate, zone: string): DateTime {
  return DateTime.fromObject({ year: d.year, month: d.month ?? 1, day: d.day ?? 1 }, { zone }).startOf('day');
}

// Bounds cost a few Luxon DateTimes in a named zone, each an Intl lookup, and sorting a build's events
// asks for them thousands of times for a few hundred distinct dates ('2024-10', 'June 2025'). They are
// computed once per zone; Luxon DateTimes are immutable, so sharing them is safe.
const knownBounds = new Map<string, { start: DateTime; end: DateTime }>();

/** Start of the first day and end of the last day a fuzzy date could mean, in `zone`. */
export function fuzzyDateBounds(d: FuzzyDate, zone: string): { start: DateTime; end: DateTime } {
  const [first, last] = endpoints(checkFuzzyDate(d));
  const where = checkZone(zone);
  const key = `${where} ${calendarDateToIso(first)} ${calendarDateToIso(last)}`;
  let bounds = knownBounds.get(key);
  if (bounds === undefined) {
    bounds = { start: startOfDate(first, where), end: startOfDate(last, where).endOf(calendarDatePrecision(last)) };
    knownBounds.set(key, bounds);
  }
  return { ...bounds };
}

/**
 * Chronological order: by start, then by end (so 'July 2025' sorts before 'July–August 2025').
 * Calendar dates order the same in every zone, so this counts days rather than building zoned instants,
 * which matters when a build sorts tens of thousands of events. The zone is still checked.
 */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate, zone: string): number {
  checkZone(zone);
  const [aFirst, aLast] = endpoints(checkFuzzyDate(a));
  const [bFirst, bLast] = endpoints(checkFuzzyDate(b));
  return Math.sign(firstDay(aFirst) - firstDay(bFirst) || lastDay(aLast) - lastDay(bLast));
}

/** Days since 1970-01-01 of a proleptic Gregorian date; month is 1-based and may overflow (13 = next January). */
function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / 86_400_000);
}

function firstDay(d: CalendarDate): number {
  return dayNumber(d.year, d.month ?? 1, d.day ?? 1);
}

function lastDay(d: CalendarDate): number {
  if (d.day !== undefined) return dayNumber(d.year, d.month ?? 1, d.day);
  // Day 0 of the following month is the last day of this one.
  return dayNumber(d.year, (d.month ?? 12) + 1, 0);
}

// Reading an ISO string in a zone costs Luxon a time-zone lookup; a build reads each article's date for
// its dateline, its <time> and its timeline, so readings are remembered (DateTimes are immutable).
const instants = new Map<string, DateTime<true>>();
const MAX_REMEMBERED_INSTANTS = 50_000;

// A string without an offset is read as wall time in the site zone; with one, it is converted.
function instantIn(value: unknown, zone: string): DateTime<true> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date');
    return DateTime.fromJSDate(value, { zone }) as DateTime<true>;
  }
  if (typeof value !== 'string') {
    throw new TypeError(`date-time must be an ISO 8601 string such as "2025-06-24T09:00:00+09:00", got ${describeValue(value)}`);
  }
  const key = `${zone}\u0000${value}`;
  const known = instants.get(key);
  if (known) return known;
  const instant = DateTime.fromISO(value, { zone });
  if (!instant.isValid)
    throw new RangeError(`invalid ISO date-time ${JSON.stringify(value)}: ${instant.invalidExplanation ?? instant.invalidReason}`);
  if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
  instants.set(key, instant);
  return instant;
}

function dayOf(instant: DateTime<true>): CalendarDate {
  return { year: instant.year, month: instant.month, day: instant.day };
}

/** Article dateline, on the site's calendar day: en-US 'June 24, 2025', 'Sept. 5, 2025'; de '24. Juni 2025'. */
export function formatDateline(iso: string, o: DateOptions): string {
  const zone = checkZone(o.zone);
  return formatCalendarDate(dayOf(instantIn(iso, zone)), { locale: o.locale });
}

/** '2025-06-24T09:00:00+09:00' (milliseconds only when present) for <time datetime> and JSON-LD. */
export function toIsoWithOffset(iso: string | Date, zone: string): string {
  return instantIn(iso, checkZone(zone)).toISO({ suppressMilliseconds: true });
}

/** 'YYYY-MM-DD' of the instant's day in `zone`. */
export function formatIsoDay(iso: string, zone: string): string {
  return instantIn(iso, checkZone(zone)).toISODate();
}

type Counted = 'year' | 'month' | 'week' | 'day';

interface DistanceWords {
  same: Record<DatePrecision, string>;
  sameTime: string;
  phrase(count: number, unit: Counted, approximate: boolean, later: boolean, locale: ResolvedLocale): string;
  /** 'one to two months later': the dates allow any whole count from `low` to `high`. */
  span(low: number, high: number, unit: Counted, later: boolean, locale: ResolvedLocale): string;
}

// German needs the accusative article for one ('einen Monat früher'), which the number formatter cannot know.
const GERMAN_UNITS: Record<Counted, [one: string, other: string]> = {
  year: ['ein Jahr', 'Jahre'],
  month: ['einen Monat', 'Monate'],
  week: ['eine Woche', 'Wochen'],
  day: ['einen Tag', 'Tage'],
};
const KOREAN_UNITS: Record<Counted, string> = { year: '년', month: '개월', week: '주', day: '일' };

const DISTANCE_WORDS: Record<WordsLanguage, DistanceWords> = {
  en: {
    same: { year: 'the same year', month: 'the same month', day: 'the same day' },
    sameTime: 'around the same time',
    phrase: (count, unit, approximate, later, locale) =>
      `${approximate ? 'about ' : ''}${formatProse(count, { locale: locale.tag })} ${count === 1 ? unit : `${unit}s`} ${later ? 'later' : 'earlier'}`,
    span: (low, high, unit, later, locale) =>
      `${formatProse(low, { locale: locale.tag })} to ${formatProse(high, { locale: locale.tag })} ${unit}s ${later ? 'later' : 'earlier'}`,
  },
  de: {
    same: { year: 'im selben Jahr', month: 'im selben Monat', day: 'am selben Tag' },
    sameTime: 'etwa zur selben Zeit',
    phrase: (count, unit, approximate, later, locale) => {
      const [one, other] = GERMAN_UNITS[unit];
      const amount = count === 1 ? one : `${formatProse(count, { locale: locale.tag })} ${other}`;
      return `${approximate ? 'etwa ' : ''}${amount} ${later ? 'später' : 'früher'}`;
    },
    span: (low, high, unit, later, locale) => {
      // 'ein bis zwei Monate': the uninflected 'ein' German uses at the start of a range.
      const first = low === 1 ? 'ein' : formatProse(low, { locale: locale.tag });
      return `${first} bis ${formatProse(high, { locale: locale.tag })} ${GERMAN_UNITS[unit][1]} ${later ? 'später' : 'früher'}`;
    },
  },
  ko: {
    same: { year: '같은 해', month: '같은 달', day: '같은 날' },
    sameTime: '비슷한 시기',
    phrase: (count, unit, approximate, later, locale) =>
      `${approximate ? '약 ' : ''}${formatProse(count, { locale: locale.tag })}${KOREAN_UNITS[unit]} ${later ? '후' : '전'}`,
    span: (low, high, unit, later, locale) =>
      `${formatProse(low, { locale: locale.tag })}~${formatProse(high, { locale: locale.tag })}${KOREAN_UNITS[unit]} ${later ? '후' : '전'}`,
  },
};

function asFuzzyDate(value: FuzzyDate | string, zone: string): FuzzyDate {
  if (typeof value !== 'string') return checkFuzzyDate(value);
  // '2025-06' is a month, not midnight on the first; only full date-times go through the zone.
  if (/^\d{4}(-\d{2}){0,2}$/.test(value)) return { kind: 'on', date: parseCalendarDate(value) };
  return { kind: 'on', date: dayOf(instantIn(value, zone)) };
}

const COARSENESS: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return COARSENESS[a] <= COARSENESS[b] ? a : b;
}

function truncate(d: CalendarDate, precision: DatePrecision): CalendarDate {
  if (precision === 'year') return { year: d.year };
  if (precision === 'month') return { year: d.year, month: d.month ?? 1 };
  return d;
}

function truncateBoth([first, last]: [CalendarDate, CalendarDate], precision: DatePrecision): [CalendarDate, CalendarDate] {
  return [truncate(first, precision), truncate(last, precision)];
}

function asUtcDay(d: CalendarDate): DateTime {
  return DateTime.utc(d.year, d.month ?? 1, d.day ?? 1);
}

/** a − b in whole units of `precision`. */
function difference(a: CalendarDate, b: CalendarDate, precision: DatePrecision): number {
  if (precision === 'year') return a.year - b.year;
  if (precision === 'month') return a.year * 12 + (a.month ?? 1) - (b.year * 12 + (b.month ?? 1));
  return firstDay(a) - firstDay(b);
}

interface Measure {
  unit: Counted;
  /** Smallest and largest distance the two dates allow, in `unit` (may be fractional). */
  low: number;
  high: number;
}

// Whole years read better than '24 months'; below two years, months are more telling than 'about one year'.
function monthsOrYears(low: number, high: number): Measure {
  const wholeYears = low === high && Number.isInteger(low) && low % 12 === 0;
  return wholeYears || Math.abs(low + high) / 2 >= 24 ? { unit: 'year', low: low / 12, high: high / 12 } : { unit: 'month', low, high };
}

/** Picks the unit a reader expects for a distance of `low`..`high` whole units of `precision`. */
function measureDistance(
  precision: DatePrecision,
  unit: DistanceUnit,
  low: number,
  high: number,
  calendarMonths: () => [number, number],
): Measure {
  const middle = Math.abs(low + high) / 2;
  switch (precision) {
    case 'year':
      return { unit: 'year', low, high };
    case 'month':
      return unit === 'months' ? { unit: 'month', low, high } : monthsOrYears(low, high);
    case 'day':
      if (unit === 'days' || middle < 14) return { unit: 'day', low, high };
      if (middle < 28) return { unit: 'week', low: low / 7, high: high / 7 };
      return monthsOrYears(...calendarMonths());
  }
}

/**
 * How far `from` is from `to` (usually the publication date), in words: 'eight months earlier',
 * 'about one month later', 'the same month', 'two weeks earlier'; de 'acht Monate früher'; ko '8개월 전'.
 * Dates are compared at the coarser of their precisions; strings are read as ISO (a bare 'YYYY-MM' is a month).
 * `unit: 'months'` counts calendar months; `unit: 'days'` needs day precision on both sides.
 */
export function formatDistance(from: FuzzyDate | string, to: FuzzyDate | string, o: DateOptions & { unit?: DistanceUnit }): string {
  const zone = checkZone(o.zone);
  const locale = resolveLocale(o.locale);
  const words = DISTANCE_WORDS[wordsLanguage(locale, 'formatDistance')];
  const unit = o.unit ?? 'auto';
  if (unit !== 'auto' && unit !== 'months' && unit !== 'days') {
    throw new RangeError(`unit must be "auto", "months" or "days", got ${describeValue(unit)}`);
  }
  const fromDates = endpoints(asFuzzyDate(from, zone));
  const toDates = endpoints(asFuzzyDate(to, zone));
  const known = coarser(calendarDatePrecision(fromDates[0]), calendarDatePrecision(toDates[0]));
  if (unit === 'days' && known !== 'day') throw new RangeError(`cannot count days between dates known only to the ${known}`);
  if (unit === 'months' && known === 'year') throw new RangeError('cannot count months between dates known only to the year');
  const precision = unit === 'months' ? 'month' : known;
  const [fromFirst, fromLast] = truncateBoth(fromDates, precision);
  const [toFirst, toLast] = truncateBoth(toDates, precision);
  // The earliest `from` against the latest `to`, and the other way round, bound what the dates allow.
  const low = difference(fromFirst, toLast, precision);
  const high = difference(fromLast, toFirst, precision);
  if (low <= 0 && high >= 0) return low === high ? words.same[precision] : words.sameTime;

  const months = (x: CalendarDate, y: CalendarDate) => asUtcDay(x).diff(asUtcDay(y), 'months').months;
  const measure = measureDistance(precision, unit, low, high, () => [months(fromFirst, toLast), months(fromLast, toFirst)]);
  const whole = Number.isInteger(measure.low) && Number.isInteger(measure.high);
  const exact = whole && measure.low === measure.high;
  // Two whole counts ("by July or August", seen from June) are said as such, not rounded to one of them.
  if (whole && !exact) {
    const [least, most] = [Math.abs(measure.low), Math.abs(measure.high)].sort((a, b) => a - b) as [number, number];
    return words.span(least, most, measure.unit, low > 0, locale);
  }
  const count = exact ? Math.abs(measure.low) : Math.round(Math.abs(measure.low + measure.high) / 2);
  return words.phrase(count, measure.unit, !exact, low > 0, locale);
}

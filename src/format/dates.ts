// Dates for articles and facts: calendar dates that keep their precision, fuzzy dates, datelines and distances.
import { DateTime, Info } from 'luxon';
import { dateStyle, intlDate, type Shared } from './date-styles.ts';
import { formatList } from './lists.ts';
import { formatContext, resolveLocale, type FormatContext, type NumberOptions } from './locale.ts';
import { hold, proseNumber } from './number-words.ts';

export interface DateOptions extends NumberOptions {
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

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month === 2) return leap ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkCalendarDate(date: CalendarDate, shown: string): CalendarDate {
  const { year, month, day } = date;
  const invalid = (why: string) => new RangeError(`invalid calendar date ${shown}: ${why}`);
  if (year < 1 || year > 9999) throw invalid('year must be a whole number from 1 to 9999');
  if (month === undefined) return { year };
  if (month < 1 || month > 12) throw invalid('month must be 01–12');
  if (day === undefined) return { year, month };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) throw invalid(`${ENGLISH_MONTHS[month - 1]} ${year} has ${days} days`);
  return { year, month, day };
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' to a calendar date at that precision; anything else throws. */
export function parseCalendarDate(s: string): CalendarDate {
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
  const { year, month, day } = d;
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

/**
 * Checks what a fuzzy date's parts cannot say alone, for the facts loader to call once: a range's or a choice's
 * dates share one precision, a range does not run backwards, a choice is distinct and ascending.
 */
export function checkFuzzyDate(date: FuzzyDate): FuzzyDate {
  switch (date.kind) {
    case 'on':
      return date;
    case 'range':
      checkSamePrecision([date.from, date.to], 'range');
      if (compareCalendarDates(date.from, date.to) > 0) {
        throw new RangeError(`range starts (${calendarDateToIso(date.from)}) after it ends (${calendarDateToIso(date.to)})`);
      }
      return date;
    case 'choice':
      if (date.options.length < 2) throw new RangeError('a choice needs two or more options');
      checkSamePrecision(date.options, 'choice');
      date.options.forEach((option, i) => {
        const previous = date.options[i - 1];
        if (previous !== undefined && compareCalendarDates(previous, option) >= 0) {
          throw new RangeError(`choice options must be distinct and ascending: ${date.options.map(calendarDateToIso).join(', ')}`);
        }
      });
      return date;
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
export function formatCalendarDate(
  d: CalendarDate,
  o: { locale?: string | undefined; style?: 'prose' | 'short' | undefined } = {},
): string {
  const locale = resolveLocale(o.locale);
  return hold(o.style === 'short' ? intlDate(d, locale, 'short') : dateStyle(locale).prose(d));
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
export function formatFuzzyDate(date: FuzzyDate, o: { locale?: string | undefined } = {}): string {
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

function startOfDate(d: CalendarDate, zone: string): DateTime {
  return DateTime.fromObject({ year: d.year, month: d.month ?? 1, day: d.day ?? 1 }, { zone }).startOf('day');
}

/** Start of the first day and end of the last day a fuzzy date could mean, in `zone`. */
export function fuzzyDateBounds(d: FuzzyDate, zone: string): { start: DateTime; end: DateTime } {
  const [first, last] = endpoints(d);
  return { start: startOfDate(first, zone), end: startOfDate(last, zone).endOf(calendarDatePrecision(last)) };
}

/**
 * Chronological order: by start, then by end (so 'July 2025' sorts before 'July–August 2025').
 * Calendar dates order the same in every zone, so this counts days rather than building zoned instants,
 * which matters when a build sorts tens of thousands of events.
 */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  const [aFirst, aLast] = endpoints(a);
  const [bFirst, bLast] = endpoints(b);
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

// A string without an offset is read as wall time in the site zone; with one, it is converted.
function instantIn(value: unknown, zone: string): DateTime<true> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date');
    return DateTime.fromJSDate(value, { zone }) as DateTime<true>;
  }
  const instant = typeof value === 'string' ? DateTime.fromISO(value, { zone }) : DateTime.invalid('not an ISO 8601 string');
  if (!instant.isValid) {
    throw new RangeError(
      `invalid ISO date-time ${JSON.stringify(value)} (expected such as "2025-06-24T09:00:00+09:00"): ${instant.invalidExplanation ?? instant.invalidReason}`,
    );
  }
  return instant;
}

function dayOf(instant: DateTime<true>): CalendarDate {
  return { year: instant.year, month: instant.month, day: instant.day };
}

/** Article dateline, on the site's calendar day: en-US 'June 24, 2025', 'Sept. 5, 2025'; de '24. Juni 2025'. */
export function formatDateline(iso: string, o: DateOptions): string {
  return formatCalendarDate(dayOf(instantIn(iso, o.zone)), { locale: o.locale });
}

/** '2025-06-24T09:00:00+09:00' (milliseconds only when present) for <time datetime> and JSON-LD. */
export function toIsoWithOffset(iso: string | Date, zone: string): string {
  return instantIn(iso, zone).toISO({ suppressMilliseconds: true });
}

/** 'YYYY-MM-DD' of the instant's day in `zone`. */
export function formatIsoDay(iso: string, zone: string): string {
  return instantIn(iso, zone).toISODate();
}

type Counted = 'year' | 'month' | 'week' | 'day';

/** "eight months", "einen Monat", "8개월": the catalogue's span of time, in the case the distance phrase needs. */
function duration(count: number, unit: Counted, ctx: FormatContext): string {
  return hold(ctx.catalogue.format(`format.distance.${unit}`, { n: count, count: proseNumber(count, ctx) }));
}

function distancePhrase(span: string, later: boolean, ctx: FormatContext): string {
  return ctx.catalogue.format(later ? 'format.distance.later' : 'format.distance.earlier', { duration: span });
}

/** "one to two months", "ein bis zwei Monate", "1~2개월": the dates allow any whole count from `low` to `high`. */
function durationRange(low: number, high: number, unit: Counted, ctx: FormatContext): string {
  const start = proseNumber(low, ctx);
  const range = ctx.catalogue.format('format.range', {
    low: ctx.grammar.countInComposition?.(low, start) ?? start,
    high: proseNumber(high, ctx),
  });
  const joint = /\p{Nd}$/u.test(range) ? 'format.unit.afterFigure' : 'format.unit.afterWord';
  return hold(ctx.catalogue.format(joint, { count: range, unit: ctx.catalogue.format(`format.unit.${unit}`, { n: high }) }));
}

const SAME: Record<DatePrecision, string> = {
  year: 'format.distance.sameYear',
  month: 'format.distance.sameMonth',
  day: 'format.distance.sameDay',
};

function asFuzzyDate(value: FuzzyDate | string, zone: string): FuzzyDate {
  if (typeof value !== 'string') return value;
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
  const { zone } = o;
  const ctx = formatContext(o);
  const unit = o.unit ?? 'auto';
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
  if (low <= 0 && high >= 0) return hold(ctx.catalogue.format(low === high ? SAME[precision] : 'format.distance.sameTime'));

  const months = (x: CalendarDate, y: CalendarDate) => asUtcDay(x).diff(asUtcDay(y), 'months').months;
  const measure = measureDistance(precision, unit, low, high, () => [months(fromFirst, toLast), months(fromLast, toFirst)]);
  const whole = Number.isInteger(measure.low) && Number.isInteger(measure.high);
  const exact = whole && measure.low === measure.high;
  // Two whole counts ("by July or August", seen from June) are said as such, not rounded to one of them.
  if (whole && !exact) {
    const [least, most] = [Math.abs(measure.low), Math.abs(measure.high)].sort((a, b) => a - b) as [number, number];
    return distancePhrase(durationRange(least, most, measure.unit, ctx), low > 0, ctx);
  }
  const count = exact ? Math.abs(measure.low) : Math.round(Math.abs(measure.low + measure.high) / 2);
  const span = duration(count, measure.unit, ctx);
  return distancePhrase(exact ? span : hold(ctx.catalogue.format('format.distance.approximately', { duration: span })), low > 0, ctx);
}

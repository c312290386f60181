// Per-language patterns for calendar dates and for ranges and choices of them; dates.ts is the public API.
import { DateTime, Info } from 'luxon';
import type { CalendarDate } from './dates.ts';
import type { ResolvedLocale } from './locale.ts';

/** Parts that every date in a range or choice has in common, and so are printed once. */
export type Shared = 'none' | 'year' | 'yearMonth';

export interface Grouped {
  /** Each date without the shared parts. */
  items: string[];
  /** Puts the shared parts back around the joined items. */
  frame: (inner: string) => string;
}

export interface DateStyle {
  rangeSeparator: string;
  /** A date at its own precision, for running text. */
  prose(this: void, d: CalendarDate): string;
  group(this: void, dates: CalendarDate[], shared: Shared, joining: 'range' | 'choice'): Grouped;
}

const EN_DASH = '\u2013';
// A date holds together on one line ("Dec. 19, 2024" never breaks after "19,"): its parts are joined by no-break spaces.
const NBSP = '\u00a0';
const identity = (inner: string) => inner;

// AP: months standing alone or with a year are spelled out; with a day, these five stay whole.
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function monthNames(locale: ResolvedLocale): string[] {
  return Info.monthsFormat('long', { locale: locale.tag });
}

function at(names: readonly string[], month: number): string {
  const name = names[month - 1];
  if (name === undefined) throw new RangeError(`month must be 1–12, got ${month}`);
  return name;
}

function first(dates: CalendarDate[]): CalendarDate {
  const [head] = dates;
  if (head === undefined) throw new RangeError('a range or choice needs at least one date');
  return head;
}

function apStyle(locale: ResolvedLocale): DateStyle {
  const long = monthNames(locale);
  const prose = ({ year, month, day }: CalendarDate) => {
    if (month === undefined) return String(year);
    if (day === undefined) return `${at(long, month)}${NBSP}${year}`;
    return `${at(AP_MONTHS, month)}${NBSP}${day},${NBSP}${year}`;
  };
  return {
    rangeSeparator: EN_DASH,
    prose,
    group(dates, shared) {
      const { year, month } = first(dates);
      if (shared === 'yearMonth' && month !== undefined) {
        return { items: dates.map((d) => String(d.day)), frame: (inner) => `${at(AP_MONTHS, month)}${NBSP}${inner},${NBSP}${year}` };
      }
      if (shared === 'year') {
        const withDay = dates.some((d) => d.day !== undefined);
        return withDay
          ? { items: dates.map((d) => `${at(AP_MONTHS, d.month ?? 1)}${NBSP}${d.day}`), frame: (inner) => `${inner},${NBSP}${year}` }
          : { items: dates.map((d) => at(long, d.month ?? 1)), frame: (inner) => `${inner}${NBSP}${year}` };
      }
      return { items: dates.map(prose), frame: identity };
    },
  };
}

/** Day before month, as in en-GB ('5 October 2024') and German ('5. Oktober 2024'). */
function dayMonthYearStyle(locale: ResolvedLocale, dayMark: string): DateStyle {
  const long = monthNames(locale);
  const prose = ({ year, month, day }: CalendarDate) => {
    if (month === undefined) return String(year);
    if (day === undefined) return `${at(long, month)}${NBSP}${year}`;
    return `${day}${dayMark}${NBSP}${at(long, month)}${NBSP}${year}`;
  };
  return {
    rangeSeparator: EN_DASH,
    prose,
    group(dates, shared) {
      const { year, month } = first(dates);
      if (shared === 'yearMonth' && month !== undefined) {
        return { items: dates.map((d) => `${d.day}${dayMark}`), frame: (inner) => `${inner}${NBSP}${at(long, month)}${NBSP}${year}` };
      }
      if (shared === 'year') {
        const item = (d: CalendarDate) =>
          d.day === undefined ? at(long, d.month ?? 1) : `${d.day}${dayMark}${NBSP}${at(long, d.month ?? 1)}`;
        return { items: dates.map(item), frame: (inner) => `${inner}${NBSP}${year}` };
      }
      return { items: dates.map(prose), frame: identity };
    },
  };
}

// Korean ranges share the trailing counter too ('2025년 7~8월'), choices repeat it ('7월 또는 8월').
function koreanStyle(): DateStyle {
  const prose = ({ year, month, day }: CalendarDate) => {
    if (month === undefined) return `${year}년`;
    if (day === undefined) return `${year}년${NBSP}${month}월`;
    return `${year}년${NBSP}${month}월${NBSP}${day}일`;
  };
  return {
    rangeSeparator: '~',
    prose,
    group(dates, shared, joining) {
      const { year, month } = first(dates);
      const range = joining === 'range';
      if (shared === 'yearMonth') {
        return range
          ? { items: dates.map((d) => String(d.day)), frame: (inner) => `${year}년${NBSP}${month}월${NBSP}${inner}일` }
          : { items: dates.map((d) => `${d.day}일`), frame: (inner) => `${year}년${NBSP}${month}월${NBSP}${inner}` };
      }
      if (shared === 'year') {
        if (dates.some((d) => d.day !== undefined)) {
          return { items: dates.map((d) => `${d.month}월${NBSP}${d.day}일`), frame: (inner) => `${year}년${NBSP}${inner}` };
        }
        return range
          ? { items: dates.map((d) => String(d.month)), frame: (inner) => `${year}년${NBSP}${inner}월` }
          : { items: dates.map((d) => `${d.month}월`), frame: (inner) => `${year}년${NBSP}${inner}` };
      }
      if (range && month === undefined) {
        return { items: dates.map((d) => String(d.year)), frame: (inner) => `${inner}년` };
      }
      return { items: dates.map(prose), frame: identity };
    },
  };
}

/** Intl's own date at the precision of `d`, with a long or abbreviated month. */
export function intlDate(d: CalendarDate, locale: ResolvedLocale, month: 'long' | 'short'): string {
  // Luxon rather than Date.UTC, which reads the years 0–99 as 1900–1999.
  return DateTime.utc(d.year, d.month ?? 1, d.day ?? 1)
    .setLocale(locale.tag)
    .toLocaleString({
      year: 'numeric',
      ...(d.month === undefined ? {} : { month }),
      ...(d.day === undefined ? {} : { day: 'numeric' }),
    });
}

// For languages without hand-written rules, Intl's long date and no merging of shared parts.
function intlStyle(locale: ResolvedLocale): DateStyle {
  const prose = (d: CalendarDate) => intlDate(d, locale, 'long').replaceAll(' ', NBSP);
  return {
    rangeSeparator: ` ${EN_DASH} `,
    prose,
    group: (dates) => ({ items: dates.map(prose), frame: identity }),
  };
}

/**
 * en-US (and bare 'en') follow AP; en-GB and German write the day first; Korean has its own counters.
 * Other locales, including other English ones, get Intl's long date.
 */
export function dateStyle(locale: ResolvedLocale): DateStyle {
  switch (locale.language) {
    case 'en':
      if (locale.region === undefined || locale.region === 'US') return apStyle(locale);
      return locale.region === 'GB' ? dayMonthYearStyle(locale, '') : intlStyle(locale);
    case 'de':
      return dayMonthYearStyle(locale, '.');
    case 'ko':
      return koreanStyle();
    default:
      return intlStyle(locale);
  }
}

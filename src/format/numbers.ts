// Newsroom numbers for templates and the facts layer: AP-style prose, table figures, and sourced amounts.
// Node 20 implements ES2023 Intl (signDisplay 'negative'); the project's ES2022 lib types predate it.
/// <reference lib="es2023.intl" />
import {
  describeValue,
  numberFormat,
  pluralRules,
  resolveLocale,
  wordsLanguage,
  type ResolvedLocale,
  type WordsLanguage,
} from './locale.ts';

export interface NumberOptions {
  /** BCP 47 tag; defaults to 'en-US'. */
  locale?: string;
}

/** 'prose' for running text, 'table' for tables and charts (figures, symbols, true minus sign). */
export type NumberStyle = 'prose' | 'table';

export type Magnitude =
  | 'dozens'
  | 'hundreds'
  | 'thousands'
  | 'tens of thousands'
  | 'hundreds of thousands'
  | 'millions'
  | 'several thousand'
  | 'several million'
  | 'several hundred';

export type Amount =
  | { kind: 'exact'; value: number }
  | { kind: 'approximate'; value: number; qualifier?: string }
  | { kind: 'range'; low: number; high: number }
  /** "more than N" */
  | { kind: 'atLeast'; value: number }
  | { kind: 'qualitative'; magnitude: Magnitude };

export interface UnitLabel {
  one: string;
  other: string;
}

export interface AmountOptions extends NumberOptions {
  style?: NumberStyle;
  unit?: UnitLabel;
  /** English adjective form (AP): 'a three-year sentence', 'an about one-month delay'. Prose only. */
  compound?: boolean;
}

// U+2212 lines up with '+' in tables and does not break at line ends the way a hyphen can.
const MINUS = '\u2212';
const EN_DASH = '\u2013';
const MAX_DECIMALS = 2;
const MAGNITUDES: readonly Magnitude[] = [
  'dozens',
  'hundreds',
  'thousands',
  'tens of thousands',
  'hundreds of thousands',
  'millions',
  'several thousand',
  'several million',
  'several hundred',
];

// AP spells out one to nine; German newsrooms (dpa, Duden) spell out up to twelve.
const SPELLED: Partial<Record<string, readonly string[]>> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
};

// Korean (like Japanese and Chinese) counts in myriads: 1,500,000 is '150만', and papers do not
// write '123.4만', so these languages take the scale word only when it needs no decimal.
const MYRIAD_LANGUAGES = new Set(['ko', 'ja', 'zh']);

interface Words {
  approximately: string;
  moreThan(count: string): string;
  rangeJoin: string;
  up(count: string): string;
  down(count: string): string;
  unchanged: string;
  magnitudes: Record<Magnitude, string>;
  magnitudeWithUnit(magnitude: Magnitude, unitOther: string): string;
}

const WORDS: Record<WordsLanguage, Words> = {
  en: {
    approximately: 'about',
    moreThan: (count) => `more than ${count}`,
    rangeJoin: ' to ',
    up: (count) => `up ${count}`,
    down: (count) => `down ${count}`,
    unchanged: 'unchanged',
    magnitudes: {
      dozens: 'dozens',
      hundreds: 'hundreds',
      thousands: 'thousands',
      'tens of thousands': 'tens of thousands',
      'hundreds of thousands': 'hundreds of thousands',
      millions: 'millions',
      'several thousand': 'several thousand',
      'several million': 'several million',
      'several hundred': 'several hundred',
    },
    // "thousands of people" but "several thousand people".
    magnitudeWithUnit: (magnitude, unit) => (magnitude.startsWith('several ') ? `${magnitude} ${unit}` : `${magnitude} of ${unit}`),
  },
  de: {
    approximately: 'etwa',
    moreThan: (count) => `mehr als ${count}`,
    rangeJoin: ' bis ',
    up: (count) => `plus ${count}`,
    down: (count) => `minus ${count}`,
    unchanged: 'unverändert',
    magnitudes: {
      dozens: 'Dutzende',
      hundreds: 'Hunderte',
      thousands: 'Tausende',
      'tens of thousands': 'Zehntausende',
      'hundreds of thousands': 'Hunderttausende',
      millions: 'Millionen',
      'several thousand': 'mehrere Tausend',
      'several million': 'mehrere Millionen',
      'several hundred': 'mehrere Hundert',
    },
    magnitudeWithUnit: (magnitude, unit) => `${WORDS.de.magnitudes[magnitude]} ${unit}`,
  },
  ko: {
    approximately: '약',
    // '이상' is strictly "N or more", but it is how Korean newsrooms render "more than N";
    // '초과' reads as legal text and '여' ('600여') already means "roughly", which is `approximate`.
    moreThan: (count) => `${count} 이상`,
    rangeJoin: '~',
    up: (count) => `${count} 증가`,
    down: (count) => `${count} 감소`,
    unchanged: '변동 없음',
    // Korean has one word each for "hundreds"/"several hundred" and "thousands"/"several thousand".
    magnitudes: {
      dozens: '수십',
      hundreds: '수백',
      thousands: '수천',
      'tens of thousands': '수만',
      'hundreds of thousands': '수십만',
      millions: '수백만',
      'several thousand': '수천',
      'several million': '수백만',
      'several hundred': '수백',
    },
    magnitudeWithUnit: (magnitude, unit) => `${WORDS.ko.magnitudes[magnitude]} ${unit}`,
  },
};

/** Validates a number argument; -0 becomes 0 so that nothing ever prints '-0'. */
function finite(value: unknown, name: string): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
  return value === 0 ? 0 : value;
}

function checkStyle(style: unknown): NumberStyle {
  if (style === undefined) return 'prose';
  if (style === 'prose' || style === 'table') return style;
  throw new RangeError(`style must be "prose" or "table", got ${describeValue(style)}`);
}

function checkUnit(unit: unknown): UnitLabel | undefined {
  if (unit === undefined) return undefined;
  if (
    typeof unit === 'object' &&
    unit !== null &&
    'one' in unit &&
    'other' in unit &&
    typeof unit.one === 'string' &&
    typeof unit.other === 'string'
  ) {
    return { one: unit.one, other: unit.other };
  }
  throw new TypeError(`unit must be { one: string; other: string }, got ${describeValue(unit)}`);
}

function withTypographicMinus(parts: Intl.NumberFormatPart[]): string {
  return parts.map((part) => (part.type === 'minusSign' ? MINUS : part.value)).join('');
}

function format(n: number, locale: ResolvedLocale, style: NumberStyle, options: Intl.NumberFormatOptions): string {
  // 'negative' drops the sign of values that round to zero: -0.001 is '0', never '-0'.
  const formatter = numberFormat(locale.tag, { maximumFractionDigits: MAX_DECIMALS, signDisplay: 'negative', ...options });
  return style === 'table' ? withTypographicMinus(formatter.formatToParts(n)) : formatter.format(n);
}

/** Grouped figures with at most two decimals: '11,000', '2.35'. */
function figures(n: number, locale: ResolvedLocale, style: NumberStyle): string {
  return format(n, locale, style, {});
}

function roundsToZero(n: number, locale: ResolvedLocale): boolean {
  return figures(Math.abs(n), locale, 'prose') === figures(0, locale, 'prose');
}

function spelledOut(n: number, locale: ResolvedLocale): string | undefined {
  return Number.isInteger(n) && n >= 0 ? SPELLED[locale.language]?.[n] : undefined;
}

// Whole millions and up read as '6 million' / '2.5 million'; anything that would need rounding
// (1,049,999) keeps its figures, because a sourced number must not silently lose precision.
// Intl has no word above trillions (it prints '1000 trillion'), hence the upper bound.
function largeInWords(n: number, locale: ResolvedLocale): string | undefined {
  if (!Number.isInteger(n) || Math.abs(n) < 1e6 || Math.abs(n) >= 1e15) return undefined;
  const decimals = MYRIAD_LANGUAGES.has(locale.language) ? 0 : 1;
  const inWords = (maximumFractionDigits: number) =>
    numberFormat(locale.tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits }).format(n);
  const rounded = inWords(decimals);
  return rounded === inWords(20) ? rounded : undefined;
}

function proseNumber(n: number, locale: ResolvedLocale): string {
  return spelledOut(n, locale) ?? largeInWords(n, locale) ?? figures(n, locale, 'prose');
}

/**
 * Newsroom prose: 'zero', 'one'…'nine' (German 'null'…'zwölf'), '11,000', '6 million', '2.5 million',
 * '1,049,999', '-5', '2.35'. Korean and other languages use figures only.
 */
export function formatProse(n: number, o: NumberOptions = {}): string {
  return proseNumber(finite(n, 'number'), resolveLocale(o.locale));
}

/** Table and chart figures: '11K', '1.2K', '6M', '2.5B' (en-US); whatever Intl's short compact form is elsewhere. */
export function formatCompact(n: number, o: NumberOptions = {}): string {
  const value = finite(n, 'number');
  return format(value, resolveLocale(o.locale), 'table', { notation: 'compact', maximumFractionDigits: 1 });
}

/** 'about 600' / 'etwa 600' / '약 600'; a given qualifier ('around') is used verbatim. */
export function formatApproximate(n: number, o: NumberOptions & { qualifier?: string } = {}): string {
  const amount: Amount = { kind: 'approximate', value: n };
  if (o.qualifier !== undefined) amount.qualifier = o.qualifier;
  return formatAmount(amount, { locale: o.locale });
}

/** 'more than three' / 'mehr als drei' / '3 이상' (see the note on '이상' above). */
export function formatAtLeast(n: number, o: NumberOptions = {}): string {
  return formatAmount({ kind: 'atLeast', value: n }, { locale: o.locale });
}

/** Prose '4,000 to 6,000' / '4.000 bis 6.000' / '4,000~6,000'; table '4,000–6,000', '−5 to 5'. Throws when low > high. */
export function formatNumberRange(low: number, high: number, o: NumberOptions & { style?: NumberStyle } = {}): string {
  return formatAmount({ kind: 'range', low, high }, o);
}

/** Table: '+1,200', '−300', '0'. Prose: 'up 1,200', 'down 300', 'unchanged'. Defaults to prose. */
export function formatSignedChange(delta: number, o: NumberOptions & { style?: NumberStyle } = {}): string {
  const value = finite(delta, 'change');
  const locale = resolveLocale(o.locale);
  if (checkStyle(o.style) === 'table') return format(value, locale, 'table', { signDisplay: 'exceptZero' });
  const words = WORDS[wordsLanguage(locale, 'formatSignedChange')];
  if (roundsToZero(value, locale)) return words.unchanged;
  const size = proseNumber(Math.abs(value), locale);
  return value > 0 ? words.up(size) : words.down(size);
}

/**
 * Percentages as Intl writes them: 0.125 → '12.5%' (en), '12,5 %' (de). By default up to one decimal;
 * `fractionDigits` fixes the number of decimals (so table columns line up). `input: 'percent'` takes 12.5.
 */
export function formatPercent(value: number, o: NumberOptions & { fractionDigits?: number; input?: 'ratio' | 'percent' } = {}): string {
  const n = finite(value, 'percentage');
  const { fractionDigits, input = 'ratio' } = o;
  if (fractionDigits !== undefined && !(Number.isInteger(fractionDigits) && fractionDigits >= 0 && fractionDigits <= 20)) {
    throw new RangeError(`fractionDigits must be a whole number from 0 to 20, got ${describeValue(fractionDigits)}`);
  }
  if (input !== 'ratio' && input !== 'percent') {
    throw new RangeError(`input must be "ratio" or "percent", got ${describeValue(input)}`);
  }
  const digits =
    fractionDigits === undefined
      ? { minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  // 'unit: percent' takes 12.5 as-is; multiplying by 100 ourselves would print float noise.
  const kind: Intl.NumberFormatOptions = input === 'ratio' ? { style: 'percent' } : { style: 'unit', unit: 'percent' };
  return format(n, resolveLocale(o.locale), 'prose', { ...kind, ...digits });
}

function checkMagnitude(magnitude: unknown): Magnitude {
  if (MAGNITUDES.includes(magnitude as Magnitude)) return magnitude as Magnitude;
  throw new RangeError(`magnitude must be one of ${MAGNITUDES.map((m) => `"${m}"`).join(', ')}; got ${describeValue(magnitude)}`);
}

/** 'thousands', 'several million' (en); 'Tausende', 'mehrere Millionen' (de); '수천', '수백만' (ko). */
export function formatQualitative(m: Magnitude, o: NumberOptions = {}): string {
  const magnitude = checkMagnitude(m);
  return WORDS[wordsLanguage(resolveLocale(o.locale), 'formatQualitative')].magnitudes[magnitude];
}

/** The number to chart or sum: exact, approximate and "more than" values; none for ranges and magnitudes. */
export function amountValue(a: Amount): number | undefined {
  const amount = checkAmount(a);
  return amount.kind === 'range' || amount.kind === 'qualitative' ? undefined : amount.value;
}

function checkAmount(a: unknown): Amount {
  const amount = a as Amount | null;
  if (typeof amount !== 'object' || amount === null) {
    throw new TypeError(`amount must be an object with a kind, got ${describeValue(a)}`);
  }
  switch (amount.kind) {
    case 'exact':
    case 'atLeast':
      return { kind: amount.kind, value: finite(amount.value, `${amount.kind} amount value`) };
    case 'approximate': {
      const checked: Amount = { kind: 'approximate', value: finite(amount.value, 'approximate amount value') };
      if (amount.qualifier !== undefined) {
        if (typeof amount.qualifier !== 'string' || amount.qualifier.trim() === '') {
          throw new TypeError(`qualifier must be a non-empty string, got ${describeValue(amount.qualifier)}`);
        }
        checked.qualifier = amount.qualifier;
      }
      return checked;
    }
    case 'range': {
      const low = finite(amount.low, 'range low');
      const high = finite(amount.high, 'range high');
      if (low > high) throw new RangeError(`range low (${low}) must not be greater than range high (${high})`);
      return { kind: 'range', low, high };
    }
    case 'qualitative':
      return { kind: 'qualitative', magnitude: checkMagnitude(amount.magnitude) };
    default:
      throw new TypeError(
        `amount kind must be exact, approximate, range, atLeast or qualitative; got ${describeValue((amount as { kind: unknown }).kind)}`,
      );
  }
}

function unitFor(n: number | 'many', unit: UnitLabel, locale: ResolvedLocale): string {
  if (n === 'many') return unit.other;
  const rule = pluralRules(locale.tag, { maximumFractionDigits: MAX_DECIMALS }).select(n);
  return rule === 'one' ? unit.one : unit.other;
}

// Korean counters attach to digits ('600명') but follow numeral words after a space ('수천 명').
function joinUnit(count: string, unit: string, locale: ResolvedLocale): string {
  return locale.language === 'ko' && /\d$/.test(count) ? `${count}${unit}` : `${count} ${unit}`;
}

/**
 * One amount in prose or table style, optionally with a unit:
 * prose 'about one month', '4,000 to 6,000 years', 'more than three years', 'several million people';
 * table '11,000', '~600', '4,000–6,000', '>3'; compound (en prose) '11-year', 'more than three-year'.
 */
export function formatAmount(a: Amount, o: AmountOptions = {}): string {
  const amount = checkAmount(a);
  const locale = resolveLocale(o.locale);
  const style = checkStyle(o.style);
  const unit = checkUnit(o.unit);
  if (o.compound === true) return compoundAmount(amount, locale, style, unit);
  return style === 'table' ? tableAmount(amount, locale, unit) : proseAmount(amount, locale, unit);
}

function proseAmount(amount: Amount, locale: ResolvedLocale, unit: UnitLabel | undefined): string {
  const count = (n: number, text: string, plural: number | 'many' = n) =>
    unit === undefined ? text : joinUnit(text, unitFor(plural, unit, locale), locale);
  // German 'eins' does not decline and the article ('ein Jahr', 'eine Woche') depends on the noun's
  // gender, which a UnitLabel does not carry; Duden allows figures next to units, so 1 stays '1 Jahr'.
  const number = (n: number) => (unit !== undefined && locale.language === 'de' && n === 1 ? '1' : proseNumber(n, locale));
  switch (amount.kind) {
    case 'exact':
      return count(amount.value, number(amount.value));
    case 'qualitative': {
      const words = WORDS[wordsLanguage(locale, 'formatQualitative')];
      return unit === undefined ? words.magnitudes[amount.magnitude] : words.magnitudeWithUnit(amount.magnitude, unit.other);
    }
    case 'approximate': {
      const qualifier = amount.qualifier ?? WORDS[wordsLanguage(locale, 'formatApproximate')].approximately;
      return `${qualifier} ${count(amount.value, number(amount.value))}`;
    }
    case 'atLeast':
      return WORDS[wordsLanguage(locale, 'formatAtLeast')].moreThan(count(amount.value, number(amount.value)));
    case 'range': {
      if (amount.low === amount.high) return count(amount.low, number(amount.low));
      const words = WORDS[wordsLanguage(locale, 'formatNumberRange')];
      const [low, high] = rangeEnds(amount.low, amount.high, locale);
      // Before a unit German counts 'ein bis zwei Jahre': the standalone 'eins' is only for counting aloud.
      const first = unit !== undefined && locale.language === 'de' && low === 'eins' ? 'ein' : low;
      return `${first}${words.rangeJoin}${count(amount.high, high, 'many')}`;
    }
  }
}

// Both ends of a range take the same form: 'four to six' and '8 to 12', never 'eight to 12'.
function rangeEnds(low: number, high: number, locale: ResolvedLocale): [string, string] {
  const lowWord = spelledOut(low, locale);
  const highWord = spelledOut(high, locale);
  if (lowWord !== undefined && highWord !== undefined) return [lowWord, highWord];
  const asFigures = (n: number) => largeInWords(n, locale) ?? figures(n, locale, 'prose');
  return [asFigures(low), asFigures(high)];
}

function tableAmount(amount: Amount, locale: ResolvedLocale, unit: UnitLabel | undefined): string {
  const count = (n: number, plural: number | 'many' = n) => {
    const text = figures(n, locale, 'table');
    return unit === undefined ? text : joinUnit(text, unitFor(plural, unit, locale), locale);
  };
  switch (amount.kind) {
    case 'exact':
      return count(amount.value);
    case 'qualitative':
      return proseAmount(amount, locale, unit);
    // In Korean '~600' reads as "up to 600" (the tilde is the range mark), so tables keep '약'.
    case 'approximate':
      return locale.language === 'ko' ? `약 ${count(amount.value)}` : `~${count(amount.value)}`;
    case 'atLeast':
      return `>${count(amount.value)}`;
    case 'range': {
      if (amount.low === amount.high) return count(amount.low);
      return `${figures(amount.low, locale, 'table')}${tableRangeSeparator(amount.low, locale)}${count(amount.high, 'many')}`;
    }
  }
}

// A dash beside a minus sign reads as a subtraction ('−5–5'), so a range with a negative end takes the
// word, as Chicago advises ('−5 to 5', '−5 bis 5'), or a spaced dash in a language we have no words for.
// Korean's '~' is not a dash.
function tableRangeSeparator(low: number, locale: ResolvedLocale): string {
  if (locale.language === 'ko') return '~';
  if (low >= 0) return EN_DASH;
  return Object.hasOwn(WORDS, locale.language) ? WORDS[locale.language as WordsLanguage].rangeJoin : ` ${EN_DASH} `;
}

// AP compound modifiers: a number, a hyphen and the singular unit ('a three-year term', 'four- to six-year').
function compoundAmount(amount: Amount, locale: ResolvedLocale, style: NumberStyle, unit: UnitLabel | undefined): string {
  if (locale.language !== 'en') throw new RangeError(`compound amounts are English-only; got locale "${locale.tag}"`);
  if (style !== 'prose') throw new RangeError('compound amounts are a prose form; use style "prose"');
  if (unit === undefined) throw new TypeError('compound amounts need a unit, e.g. { one: "year", other: "years" }');
  const hyphenated = (n: number) => `${proseNumber(n, locale)}-${unit.one}`;
  switch (amount.kind) {
    case 'exact':
      return hyphenated(amount.value);
    case 'approximate':
      return `${amount.qualifier ?? WORDS.en.approximately} ${hyphenated(amount.value)}`;
    case 'atLeast':
      return WORDS.en.moreThan(hyphenated(amount.value));
    case 'range': {
      if (amount.low === amount.high) return hyphenated(amount.low);
      const [low, high] = rangeEnds(amount.low, amount.high, locale);
      return `${low}- to ${high}-${unit.one}`;
    }
    case 'qualitative':
      throw new RangeError(`a qualitative amount ("${amount.magnitude}") has no compound form`);
  }
}

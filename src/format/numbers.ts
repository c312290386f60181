// Figures as readers see them: an amount with its unit, currency or percent sign, in prose, table or compound
// form, in the reader's language. The words come from the catalogue; the numbers from number-words.ts and Intl.
import { currencyNames, numberFormat, pluralRules } from '../shared/intl-memo.ts';
import { formatContext, type FormatContext, type NumberOptions } from './locale.ts';
import {
  MINUS,
  endsInFigure,
  figures,
  formatWith,
  hold,
  largeInWords,
  proseNumber,
  roundsToZero,
  spelledOut,
  type NumberStyle,
} from './number-words.ts';
import {
  type Amount,
  type BoundKind,
  type CurrencyCode,
  type Fraction,
  type Magnitude,
  type Quantity,
  type Unit,
  type UnitKeyword,
} from './quantity.ts';

export { formatProse, formatCompact, formatPercent, NBSP, type NumberStyle } from './number-words.ts';
export { amountValue, type Amount, type Magnitude, type Quantity, type Unit, type UnitLabel } from './quantity.ts';

/** prose: running text; table: tables and the table form of a fact; compound: a modifier before a noun. */
export type FigureForm = 'prose' | 'table' | 'compound';

export interface QuantityOptions extends NumberOptions {
  form?: FigureForm | undefined;
  /**
   * Compound form in languages that inflect it (German): the adjective ending the sentence needs, 'e' (the
   * default: "die dreijährige Offensive"), 'en', 'er', 'es' or 'em' ("der dreijährigen Offensive").
   */
  ending?: string | undefined;
}

/** Why a figure cannot take a form in a language, for the check to report against the fact. */
export class FigureFormError extends RangeError {
  override name = 'FigureFormError';
}

const MAGNITUDE_KEYS: Record<Magnitude, string> = {
  dozens: 'dozens',
  'several hundred': 'severalHundred',
  hundreds: 'hundreds',
  'several thousand': 'severalThousand',
  thousands: 'thousands',
  'tens of thousands': 'tensOfThousands',
  'hundreds of thousands': 'hundredsOfThousands',
  'several million': 'severalMillion',
  millions: 'millions',
};

// A count in each magnitude, so that its unit word takes the plural form a number of that size takes.
const MAGNITUDE_COUNTS: Record<Magnitude, number> = {
  dozens: 36,
  'several hundred': 300,
  hundreds: 300,
  'several thousand': 3_000,
  thousands: 3_000,
  'tens of thousands': 30_000,
  'hundreds of thousands': 300_000,
  'several million': 3_000_000,
  millions: 3_000_000,
};

// A count large enough to take every language's general plural, for unit names standing alone ("in years").
const MANY = 100;

/** Where a spelled number stands: alone, before its unit word, or joined to the next word (see grammar.ts). */
type Place = 'alone' | 'beforeUnit' | 'composed';

/** How one quantity's numbers are written and joined to what they count. */
interface Counter {
  /** A number as it stands in this form ('three', '11,000', '3.5%', '$1.2 billion'). */
  number(n: number, style: NumberStyle, place: Place): string;
  /** The number joined to its unit word or currency name, chosen by `plural` (a count, or a magnitude's). */
  counted(numberText: string, plural: number): string;
  /** The word a magnitude is "of" ('people', 'dollars'), if any. */
  word(plural: number): string | undefined;
  /** Whether "fewer" or "less" (AP): individual items, or bulk and quantity. */
  measure: 'count' | 'quantity';
  /** Whether the number is followed by a word (a unit or a currency name), which changes some spelled numbers. */
  hasWord: boolean;
}

function unitWordOf(unit: Unit, plural: number, ctx: FormatContext): string {
  if (typeof unit !== 'string')
    return pluralRules(ctx.locale.tag, { maximumFractionDigits: 2 }).select(plural) === 'one' ? unit.one : unit.other;
  return ctx.catalogue.format(`format.unit.${unit}`, { n: plural });
}

/** The catalogue's name of a currency for `plural` of it, or Intl's for a currency it does not list. */
function currencyName(currency: CurrencyCode, plural: number, ctx: FormatContext): string {
  const key = `format.currency.${currency}`;
  if (ctx.catalogue.has(key)) return ctx.catalogue.format(key, { n: plural });
  const parts = numberFormat(ctx.locale.tag, { style: 'currency', currency, currencyDisplay: 'name' }).formatToParts(plural);
  return parts.find((part) => part.type === 'currency')?.value ?? currencyNames(ctx.locale.tag).of(currency) ?? currency;
}

function currencySymbol(currency: CurrencyCode, ctx: FormatContext): string {
  const key = `format.currencySymbol.${currency}`;
  return ctx.catalogue.has(key) ? ctx.catalogue.format(key) : '';
}

/** Joins a number and a word with the catalogue's joint: "600 people", "600명", "수천 명". */
function joinUnit(count: string, word: string, ctx: FormatContext): string {
  return ctx.catalogue.format(endsInFigure(count) ? 'format.unit.afterFigure' : 'format.unit.afterWord', { count, unit: word });
}

function spelledCount(n: number, style: NumberStyle, place: Place, ctx: FormatContext): string {
  if (style === 'table') return figures(n, ctx, 'table');
  const word = spelledOut(n, ctx);
  if (word === undefined) return largeInWords(n, ctx) ?? figures(n, ctx, 'prose');
  if (place === 'beforeUnit') return ctx.grammar.countBeforeUnit?.(n, word) ?? word;
  if (place === 'composed') return ctx.grammar.countInComposition?.(n, word) ?? word;
  return word;
}

/** Decimals as written: 1380.55 → 2. */
function decimalPlaces(x: number): number {
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

const DURATIONS: readonly UnitKeyword[] = ['year', 'month', 'week', 'day', 'hour', 'minute'];

function counterFor(quantity: Omit<Quantity, 'amount'>, ctx: FormatContext): Counter {
  const { unit, currency, per } = quantity;
  if (currency !== undefined) {
    const symbol = currencySymbol(currency, ctx);
    const decimals = numberFormat(ctx.locale.tag, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const name = (plural: number) => currencyName(currency, plural, ctx);
    const money = (numberText: string, plural: number) => (symbol ? numberText : joinUnit(numberText, name(plural), ctx));
    return {
      // Money is always in figures (AP: "$5", never "$five"); cents only when there are any ("$12.50").
      number(n, style) {
        const size = Math.abs(n);
        // An exchange rate may carry more decimals than the currency's smallest unit ("1,380.55"); none are dropped.
        const digits = Number.isInteger(size) ? 0 : Math.max(decimals, decimalPlaces(size));
        const text =
          largeInWords(size, ctx) ?? formatWith(size, ctx, style, { minimumFractionDigits: digits, maximumFractionDigits: digits });
        const sign = n < 0 && !roundsToZero(n, ctx) ? (style === 'table' ? MINUS : '-') : '';
        return `${sign}${symbol}${text}`;
      },
      counted:
        per === undefined
          ? money
          : (numberText, plural) =>
              ctx.catalogue.format('format.rate', { quote: money(numberText, plural), base: currencyName(per, 1, ctx) }),
      word: (plural) => name(plural),
      measure: 'quantity',
      hasWord: true,
    };
  }
  if (unit === 'percent') {
    return {
      number: (n, style) => formatWith(n, ctx, style, { style: 'unit', unit: 'percent' }),
      counted: (numberText) => numberText,
      word: (plural) => unitWordOf('percent', plural, ctx),
      measure: 'quantity',
      hasWord: false,
    };
  }
  if (unit === undefined) {
    return {
      number: (n, style) => (style === 'table' ? figures(n, ctx, 'table') : proseNumber(n, ctx)),
      counted: (numberText) => numberText,
      word: () => undefined,
      measure: 'count',
      hasWord: false,
    };
  }
  // AP: figures for percentages, and so for percentage points ("0.4 percentage points", "1 percentage point").
  const inFigures = unit === 'percentage-points';
  return {
    number: (n, style, place) => (inFigures ? figures(n, ctx, style) : spelledCount(n, style, place, ctx)),
    counted: (numberText, plural) => joinUnit(numberText, unitWordOf(unit, plural, ctx), ctx),
    word: (plural) => unitWordOf(unit, plural, ctx),
    measure: typeof unit === 'string' && (DURATIONS.includes(unit) || unit === 'percentage-points') ? 'quantity' : 'count',
    hasWord: true,
  };
}

function boundKey(kind: BoundKind, prefix: string): string {
  return `${prefix}.${kind}`;
}

function magnitudeText(magnitude: Magnitude, counter: Counter, ctx: FormatContext): string {
  const key = MAGNITUDE_KEYS[magnitude];
  const word = counter.word(MAGNITUDE_COUNTS[magnitude]);
  if (word === undefined) return ctx.catalogue.format(`format.magnitude.${key}`);
  return ctx.catalogue.format(`format.magnitudeOf.${key}`, { unit: word });
}

// Both ends of a range take the same form: 'four to six' and '8 to 12', never 'eight to 12'.
function rangeEnds(amount: { low: number; high: number }, counter: Counter, places: [Place, Place], ctx: FormatContext): [string, string] {
  const [lowPlace, highPlace] = places;
  const low = counter.number(amount.low, 'prose', lowPlace);
  const high = counter.number(amount.high, 'prose', highPlace);
  const isWord = (text: string) => !/\p{Nd}/u.test(text);
  if (isWord(low) === isWord(high)) return [low, high];
  const inFigures = (n: number, text: string) => (isWord(text) ? figures(n, ctx, 'prose') : text);
  return [inFigures(amount.low, low), inFigures(amount.high, high)];
}

function proseAmount(amount: Amount, counter: Counter, ctx: FormatContext): string {
  const place = counter.hasWord ? 'beforeUnit' : 'alone';
  const counted = (n: number) => hold(counter.counted(counter.number(n, 'prose', place), n));
  switch (amount.kind) {
    case 'exact':
      return counted(amount.value);
    case 'approximate':
      return hold(
        amount.qualifier === undefined
          ? ctx.catalogue.format('format.approximately', { count: counted(amount.value) })
          : ctx.catalogue.format('format.qualified', { count: counted(amount.value), qualifier: amount.qualifier }),
      );
    case 'moreThan':
    case 'lessThan':
    case 'atLeast':
    case 'atMost':
      return hold(ctx.catalogue.format(boundKey(amount.kind, 'format'), { count: counted(amount.value), measure: counter.measure }));
    case 'range': {
      if (amount.low === amount.high) return counted(amount.low);
      // Before a unit German counts "ein bis zwei Jahre": the standalone "eins" is only for counting aloud.
      const [low, high] = rangeEnds(amount, counter, counter.hasWord ? ['composed', 'beforeUnit'] : ['alone', 'alone'], ctx);
      return ctx.catalogue.format('format.range', { low: hold(low), high: hold(counter.counted(high, amount.high)) });
    }
    case 'qualitative':
      return hold(magnitudeText(amount.magnitude, counter, ctx));
  }
}

function tableAmount(amount: Amount, counter: Counter, ctx: FormatContext): string {
  const counted = (n: number) => hold(counter.counted(counter.number(n, 'table', 'alone'), n));
  switch (amount.kind) {
    case 'exact':
      return counted(amount.value);
    case 'approximate':
      return hold(ctx.catalogue.format('format.table.approximately', { count: counted(amount.value) }));
    case 'moreThan':
    case 'lessThan':
    case 'atLeast':
    case 'atMost':
      return hold(ctx.catalogue.format(boundKey(amount.kind, 'format.table'), { count: counted(amount.value) }));
    case 'range': {
      if (amount.low === amount.high) return counted(amount.low);
      const key = amount.low < 0 ? 'format.table.rangeWithNegative' : 'format.table.range';
      const low = counter.number(amount.low, 'table', 'alone');
      return ctx.catalogue.format(key, { low: hold(low), high: counted(amount.high) });
    }
    case 'qualitative':
      return hold(magnitudeText(amount.magnitude, counter, ctx));
  }
}

/** The stem a compound adjective is built on: 'year' → 'year' / 'jährige' / '년'; a label's singular where the language allows. */
function compoundStem(quantity: Omit<Quantity, 'amount'>, ctx: FormatContext): string {
  const { unit, currency } = quantity;
  const language = ctx.catalogue.language;
  if (currency !== undefined) {
    throw new FigureFormError(
      'money has no compound form: print it in the prose form, which already reads before a noun ("a $1.2 billion package")',
    );
  }
  if (unit === undefined) {
    throw new FigureFormError(
      'the compound form ("a three-year war") needs a unit, such as year, month or { one: soldier, other: soldiers }',
    );
  }
  if (unit === 'percent' || unit === 'percentage-points') {
    throw new FigureFormError(`a ${unit} figure has no compound form: print it in the prose form ("a 5% rise")`);
  }
  if (typeof unit === 'string') {
    const stem = ctx.catalogue.format(`format.compound.stem.${unit}`);
    if (stem === '') {
      throw new FigureFormError(
        `"${language}" forms no compound adjective from "${unit}": print the prose form ("an offensive of three years")`,
      );
    }
    return stem;
  }
  const stem = ctx.catalogue.format('format.compound.custom', { unit: unit.one });
  if (stem === '') {
    throw new FigureFormError(
      `"${language}" forms compound adjectives only from the known units (year, month, week, day, hour, minute, person), ` +
        `not from a unit of the editor's own ("${unit.one}"): use a known unit, or the prose form`,
    );
  }
  return stem;
}

function compoundAmount(amount: Amount, quantity: Omit<Quantity, 'amount'>, counter: Counter, ctx: FormatContext): string {
  if (amount.kind === 'qualitative') throw new FigureFormError(`a magnitude ("${amount.magnitude}") has no compound form`);
  const stem = compoundStem(quantity, ctx);
  const adjective = (count: string) =>
    ctx.catalogue.format(endsInFigure(count) ? 'format.compound.afterFigure' : 'format.compound.afterWord', { count, stem });
  const single = (n: number) => adjective(counter.number(n, 'prose', 'composed'));
  switch (amount.kind) {
    case 'exact':
      return single(amount.value);
    case 'approximate':
      return amount.qualifier === undefined
        ? ctx.catalogue.format('format.approximately', { count: single(amount.value) })
        : ctx.catalogue.format('format.qualified', { count: single(amount.value), qualifier: amount.qualifier });
    case 'moreThan':
    case 'lessThan':
    case 'atLeast':
    case 'atMost':
      return ctx.catalogue.format(boundKey(amount.kind, 'format.compound'), { count: single(amount.value), measure: counter.measure });
    case 'range': {
      if (amount.low === amount.high) return single(amount.low);
      const [low, high] = rangeEnds(amount, counter, ['composed', 'composed'], ctx);
      return ctx.catalogue.format('format.compound.range', { low, high: adjective(high) });
    }
  }
}

/**
 * One figure in the reader's language. Prose (the default): 'about 600', 'more than three years', '$1.2 billion',
 * 'etwa 600 Millionen Euro', '12억 달러', 'at least 3.5%', 'several million people'. Table: '~600', '>3 years',
 * '4,000–6,000'. Compound, a modifier before a noun: 'three-year', 'more than three-year', 'dreijährige', '3년 넘는'.
 * The spaces inside a figure are no-break spaces; a range may break around its join ('to', 'bis').
 * Throws a FigureFormError when the figure has no such form in the language.
 */
export function formatQuantity(quantity: Quantity, o: QuantityOptions = {}): string {
  const ctx = formatContext(o);
  const counter = counterFor(quantity, ctx);
  const form = o.form ?? 'prose';
  if (form === 'compound') {
    const adjective = hold(compoundAmount(quantity.amount, quantity, counter, ctx));
    if (o.ending === undefined) return adjective;
    if (!ctx.grammar.withEnding) throw new FigureFormError(`compound forms in "${ctx.catalogue.language}" take no ending`);
    return ctx.grammar.withEnding(adjective, o.ending);
  }
  if (form === 'table') return tableAmount(quantity.amount, counter, ctx);
  return proseAmount(quantity.amount, counter, ctx);
}

export interface AmountOptions extends NumberOptions {
  style?: NumberStyle | undefined;
  unit?: Unit | undefined;
  currency?: CurrencyCode | undefined;
  /** The adjective form before a noun ("a three-year sentence"); prose only. */
  compound?: boolean | undefined;
  ending?: string | undefined;
}

/** formatQuantity for an amount and its unit or currency given separately. */
export function formatAmount(amount: Amount, o: AmountOptions = {}): string {
  if (o.compound === true && o.style === 'table') throw new FigureFormError('compound amounts are a prose form; use style "prose"');
  const form: FigureForm = o.compound === true ? 'compound' : (o.style ?? 'prose');
  return formatQuantity(
    { amount, unit: o.unit, currency: o.currency },
    { locale: o.locale, catalogue: o.catalogue, form, ending: o.ending },
  );
}

/** 'about 600' / 'etwa 600' / '약 600'; a given qualifier ('around') is used verbatim. */
export function formatApproximate(n: number, o: NumberOptions & { qualifier?: string | undefined } = {}): string {
  return formatAmount({ kind: 'approximate', value: n, ...(o.qualifier === undefined ? {} : { qualifier: o.qualifier }) }, o);
}

/** 'more than three' / 'mehr als drei' / '3 넘게'. */
export function formatMoreThan(n: number, o: NumberOptions = {}): string {
  return formatAmount({ kind: 'moreThan', value: n }, o);
}

/** 'at least three' / 'mindestens drei' / '3 이상'. */
export function formatAtLeast(n: number, o: NumberOptions = {}): string {
  return formatAmount({ kind: 'atLeast', value: n }, o);
}

/** Prose '4,000 to 6,000' / '4.000 bis 6.000' / '4,000~6,000'; table '4,000–6,000', '−5 to 5'. */
export function formatNumberRange(low: number, high: number, o: NumberOptions & { style?: NumberStyle | undefined } = {}): string {
  return formatAmount({ kind: 'range', low, high }, o);
}

/** 'thousands', 'several million' (en); 'Tausende', 'mehrere Millionen' (de); '수천', '수백만' (ko). */
export function formatQualitative(magnitude: Magnitude, o: NumberOptions = {}): string {
  return formatAmount({ kind: 'qualitative', magnitude }, o);
}

/** Table: '+1,200', '−300', '0'. Prose: 'up 1,200', 'down 300', 'unchanged'. Defaults to prose. */
export function formatSignedChange(delta: number, o: NumberOptions & { style?: NumberStyle | undefined } = {}): string {
  return formatChange({ amount: { kind: 'exact', value: delta } }, { ...o, form: o.style === 'table' ? 'table' : 'prose' });
}

/**
 * A signed difference with its unit: prose 'up 1,500', 'down $3 million', 'up 0.4 percentage points',
 * 'up about 2,000', 'unchanged'; table '+1,500', '−$3 million', '~+2,000'. Exact or approximate amounts.
 */
export function formatChange(difference: Quantity, o: NumberOptions & { form?: 'prose' | 'table' | undefined } = {}): string {
  const ctx = formatContext(o);
  const { amount } = difference;
  if (amount.kind !== 'exact' && amount.kind !== 'approximate') {
    throw new FigureFormError(`a change is an exact or approximate difference, not ${amount.kind}`);
  }
  if (o.form === 'table') {
    const counter = counterFor(difference, ctx);
    const signed =
      amount.value > 0 && !roundsToZero(amount.value, ctx)
        ? `+${counter.counted(counter.number(amount.value, 'table', 'alone'), amount.value)}`
        : counter.counted(counter.number(roundsToZero(amount.value, ctx) ? 0 : amount.value, 'table', 'alone'), amount.value);
    return hold(amount.kind === 'approximate' ? ctx.catalogue.format('format.table.approximately', { count: signed }) : signed);
  }
  if (roundsToZero(amount.value, ctx)) return hold(ctx.catalogue.format('format.change.unchanged'));
  const size = formatQuantity({ ...difference, amount: { ...amount, value: Math.abs(amount.value) } }, { ...o, form: 'prose' });
  return hold(ctx.catalogue.format(amount.value > 0 ? 'format.change.up' : 'format.change.down', { count: size }));
}

/** A share as a fraction: 'one in five', 'half', 'about three in 10'; de 'ein Fünftel'; ko '5분의 1'. */
export function formatFraction(fraction: Fraction, o: NumberOptions = {}): string {
  const ctx = formatContext(o);
  const { numerator: n, denominator: d } = fraction;
  const text = ctx.catalogue.format('format.share', {
    n,
    d,
    numerator: spelledCount(n, 'prose', 'composed', ctx),
    denominator: spelledCount(d, 'prose', 'alone', ctx),
  });
  return hold(fraction.approximate ? ctx.catalogue.format('format.approximately', { count: text }) : text);
}

/** What a quantity counts, in the plural, for headings ('years', 'people', 'dollars', 'percent'); undefined for plain counts. */
export function formatMeasureName(quantity: Omit<Quantity, 'amount'>, o: NumberOptions = {}): string | undefined {
  const ctx = formatContext(o);
  return counterFor(quantity, ctx).word(MANY);
}

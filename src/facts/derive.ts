// Derived figures: sums, changes, shares and currency conversions computed from sourced figures, never typed in.
// Pure arithmetic on typed quantities; results never claim more precision than their inputs (docs/facts.md).
import { NBSP, formatMeasureName, formatQuantity } from '../format/numbers.ts';
import {
  LOWER_BOUNDS,
  UPPER_BOUNDS,
  isBound,
  measureOf,
  type Amount,
  type BoundKind,
  type CurrencyCode,
  type Fraction,
  type Quantity,
  type Unit,
} from '../format/quantity.ts';
import { COMPUTATIONS, type ComputationKind, type DerivedSpec, type Figure } from './schema.ts';

/** Arithmetic that has no honest answer. Messages name the parts by id; the caller prefixes file and derived id. */
export class FigureArithmeticError extends Error {
  override name = 'FigureArithmeticError';
}

/** A figure taking part in a computation: its id, for messages, and its value. */
export interface Part {
  id: string;
  quantity: Quantity;
}

/** '"killed" (at least 100)': a part as an editor finds it in the facts file. */
function described(part: Part): string {
  return `"${part.id}" (${formatQuantity(part.quantity, { locale: 'en-US' }).replaceAll(NBSP, ' ')})`;
}

function measureName(part: Part): string {
  const { currency, per } = part.quantity;
  if (currency !== undefined) return per === undefined ? currency : `${currency} per ${per}`;
  return formatMeasureName(part.quantity, { locale: 'en-US' }) ?? 'no unit';
}

function sameMeasure(a: Part, b: Part, doing: string): void {
  if (measureOf(a.quantity) !== measureOf(b.quantity)) {
    throw new FigureArithmeticError(
      `cannot ${doing} ${described(a)} and ${described(b)}: they count different things (${measureName(a)}; ${measureName(b)})`,
    );
  }
}

/** A number given as exact or approximate; bounds, ranges and magnitudes are refused with why. */
function pointValue(part: Part, doing: string): { value: number; approximate: boolean } {
  const { amount } = part.quantity;
  if (amount.kind === 'exact' || amount.kind === 'approximate') return { value: amount.value, approximate: amount.kind === 'approximate' };
  const what = amount.kind === 'qualitative' ? 'a magnitude, not a number' : amount.kind === 'range' ? 'a range' : 'a bound';
  throw new FigureArithmeticError(`cannot ${doing} ${described(part)}: it is ${what}; this needs an exact or approximate number`);
}

// Precision. An exact figure is exact to its last digit; an approximate one only to its last significant digit:
// "about 600" is known to the hundred, "about 11,000" to the thousand, "about 3.5" to the tenth.

/** Significant digits and the power of ten of the last one: 600 → [1, 2]; 11,000 → [2, 3]; 3.5 → [2, -1]. */
function significance(x: number): { digits: number; lastPlace: number } {
  if (x === 0) return { digits: 1, lastPlace: 0 };
  const [mantissa = '0', exponent = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '').length;
  return { digits, lastPlace: Number(exponent) - (digits - 1) };
}

/** Rounds to the nearest, or towards where a bound stays true: down for "at least", up for "at most". */
type Rounding = 'nearest' | 'down' | 'up';
const ROUND: Record<Rounding, (x: number) => number> = { nearest: Math.round, down: Math.floor, up: Math.ceil };

function roundToPlace(x: number, place: number, rounding: Rounding = 'nearest'): number {
  const round = ROUND[rounding];
  const rounded = place >= 0 ? round(x / 10 ** place) * 10 ** place : Number((round(x * 10 ** -place) / 10 ** -place).toFixed(-place));
  return rounded === 0 ? 0 : rounded;
}

function roundToDigits(x: number, digits: number, rounding: Rounding = 'nearest'): number {
  if (x === 0) return 0;
  return roundToPlace(x, Math.floor(Math.log10(Math.abs(x))) - Math.max(1, digits) + 1, rounding);
}

/** Decimals of an exact figure as written (2.35 → 2), so that sums of decimals lose their float noise. */
function decimalsOf(x: number): number {
  const { lastPlace } = significance(x);
  return Math.max(0, -lastPlace);
}

/**
 * How newsrooms print a computed percentage from exact figures: two significant digits, and whole percent from
 * 10% up (15.79 → 16, 3.41 → 3.4, 0.456 → 0.46). Approximate inputs allow no more digits than they have
 * (`approximateDigits`); the coarser of the two places wins, in one rounding.
 */
function roundedPercent(percent: number, approximateDigits: number): number {
  if (percent === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(percent)));
  const newsroomPlace = Math.abs(percent) >= 10 ? 0 : magnitude - 1;
  const inputPlace = Number.isFinite(approximateDigits) ? magnitude - approximateDigits + 1 : Number.NEGATIVE_INFINITY;
  return roundToPlace(percent, Math.max(newsroomPlace, inputPlace));
}

/** Adds `values`, rounding to the coarsest place any approximate value is known to, or to the exact decimals. */
function addValues(values: ReadonlyArray<{ value: number; approximate: boolean }>): number {
  const total = values.reduce((sum, { value }) => sum + value, 0);
  const approximatePlaces = values.filter((v) => v.approximate).map((v) => significance(v.value).lastPlace);
  if (approximatePlaces.length) return roundToPlace(total, Math.max(...approximatePlaces));
  return roundToPlace(total, -Math.max(0, ...values.map((v) => decimalsOf(v.value))));
}

/**
 * The sum of figures in one unit or currency. Exact parts give an exact sum; any approximate part makes it approximate,
 * rounded to the coarsest part ("about 600" + "about 11,000" is "about 12,000"). A bound makes the sum a bound of the
 * same direction ("at least 100" + 1,000 is "at least 1,100"; with "more than" it is "more than"); a range makes it a
 * range (4,000 to 6,000 + 1,000 is 5,000 to 7,000). Throws for different units or currencies, magnitudes, exchange
 * rates, and lower and upper bounds together.
 */
export function sumAmounts(parts: readonly Part[]): Quantity {
  const [first, ...rest] = parts;
  if (first === undefined) throw new FigureArithmeticError('a sum needs at least one figure');
  for (const part of rest) sameMeasure(first, part, 'add up');
  const rate = parts.find((part) => part.quantity.per !== undefined);
  if (rate) throw new FigureArithmeticError(`cannot add up ${described(rate)}: exchange rates do not add up`);
  const magnitude = parts.find((part) => part.quantity.amount.kind === 'qualitative');
  if (magnitude) throw new FigureArithmeticError(`cannot add up ${described(magnitude)}: a magnitude has no number to add`);
  const lower = parts.find((part) => (LOWER_BOUNDS as readonly string[]).includes(part.quantity.amount.kind));
  const upper = parts.find((part) => (UPPER_BOUNDS as readonly string[]).includes(part.quantity.amount.kind));
  if (lower && upper) {
    throw new FigureArithmeticError(
      `cannot add up ${described(lower)} and ${described(upper)}: one may be higher and the other lower, so the sum is neither a lower nor an upper bound`,
    );
  }
  const amounts = parts.map((part) => part.quantity.amount);
  // The end of each part the sum's bound rests on: a range's low end under a lower bound, its high end under an upper one.
  const end = (amount: Amount, side: 'low' | 'high') => {
    if (amount.kind === 'range') return { value: amount[side], approximate: false };
    if (amount.kind === 'qualitative') throw new FigureArithmeticError('unreachable: magnitudes are refused above');
    return { value: amount.value, approximate: amount.kind === 'approximate' };
  };
  const unit = { unit: first.quantity.unit, currency: first.quantity.currency };
  if (lower || upper) {
    const side = lower ? 'low' : 'high';
    const strict = amounts.some((amount) => amount.kind === (lower ? 'moreThan' : 'lessThan'));
    const kind: BoundKind = lower ? (strict ? 'moreThan' : 'atLeast') : strict ? 'lessThan' : 'atMost';
    return { amount: { kind, value: addValues(amounts.map((amount) => end(amount, side))) }, ...unit };
  }
  if (amounts.some((amount) => amount.kind === 'range')) {
    const low = addValues(amounts.map((amount) => end(amount, 'low')));
    const high = addValues(amounts.map((amount) => end(amount, 'high')));
    return { amount: { kind: 'range', low, high }, ...unit };
  }
  const values = amounts.map((amount) => end(amount, 'low'));
  const total = addValues(values);
  return { amount: values.some((v) => v.approximate) ? { kind: 'approximate', value: total } : { kind: 'exact', value: total }, ...unit };
}

export interface Change {
  /** to − from, in their unit; the difference of two percentages is in percentage points. */
  difference: Quantity;
  /** (to − from) / from as a percentage; undefined for percentages and points, whose change is the difference. */
  relative: Quantity | undefined;
}

/**
 * The change from one figure to another of the same unit: "rose by 1,500 to 11,000", "up 16%". Approximate inputs
 * give approximate results, rounded as sums are and to the significant digits of the inputs. Throws for different
 * units, bounds, ranges or magnitudes, and for a percentage change from zero or across a sign change.
 */
export function change(from: Part, to: Part): Change {
  sameMeasure(from, to, 'compute a change between');
  const start = pointValue(from, 'compute a change from');
  const end = pointValue(to, 'compute a change to');
  const { unit, currency, per } = from.quantity;
  const approximate = start.approximate || end.approximate;
  const delta = addValues([end, { ...start, value: -start.value }]);
  const difference: Quantity = {
    amount: approximate ? { kind: 'approximate', value: delta } : { kind: 'exact', value: delta },
    unit: unit === 'percent' ? 'percentage-points' : unit,
    currency,
    per,
  };
  if (unit === 'percent' || unit === 'percentage-points') return { difference, relative: undefined };
  if (start.value === 0) {
    throw new FigureArithmeticError(
      `cannot give a percentage change from ${described(from)} to ${described(to)}: a change from zero has no percentage`,
    );
  }
  if (Math.sign(start.value) * Math.sign(end.value) < 0) {
    throw new FigureArithmeticError(
      `cannot give a percentage change from ${described(from)} to ${described(to)}: it crosses zero, so a percentage would mislead`,
    );
  }
  // Approximate inputs allow as many digits as the least precise of them and of the rounded difference.
  const digits = approximate
    ? Math.min(
        ...[start, end].filter((v) => v.approximate).map((v) => significance(v.value).digits),
        delta === 0 ? 1 : significance(delta).digits,
      )
    : Number.POSITIVE_INFINITY;
  const percent = roundedPercent((100 * (end.value - start.value)) / Math.abs(start.value), digits);
  return {
    difference,
    relative: { amount: approximate ? { kind: 'approximate', value: percent } : { kind: 'exact', value: percent }, unit: 'percent' },
  };
}

export interface Share {
  /** The part as a percentage of the whole. */
  percent: Quantity;
  /** A simple fraction near it ("one in five", "half"), or undefined when none is near enough to say. */
  fraction: Fraction | undefined;
}

// Fractions newsrooms use: halves to fifths and tenths with any numerator; "one in N" up to one in a hundred.
const DENOMINATORS = [2, 3, 4, 5, 10];
const ONE_IN = [6, 7, 8, 9, 20, 50, 100];
// A fraction is "about" the share when within 5% of it; further away it would tell a different story.
const FRACTION_TOLERANCE = 0.05;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function nearestFraction(ratio: number, approximateInputs: boolean): Fraction | undefined {
  const candidates: Array<[number, number]> = [
    ...DENOMINATORS.flatMap((d) => Array.from({ length: d - 1 }, (_, i): [number, number] => [i + 1, d])),
    ...ONE_IN.map((d): [number, number] => [1, d]),
  ].filter(([n, d]) => gcd(n, d) === 1);
  const exact = candidates.find(([n, d]) => Math.abs(ratio - n / d) < 1e-9);
  if (exact) return { numerator: exact[0], denominator: exact[1], approximate: approximateInputs };
  const near = candidates
    .filter(([n, d]) => Math.abs(ratio - n / d) <= FRACTION_TOLERANCE * ratio)
    .sort(([an, ad], [bn, bd]) => ad - bd || Math.abs(ratio - an / ad) - Math.abs(ratio - bn / bd))[0];
  return near ? { numerator: near[0], denominator: near[1], approximate: true } : undefined;
}

/**
 * A part's share of a whole in the same unit: "20%", "one in five". Approximate inputs make it approximate, to their
 * significant digits. Throws for different units, a whole of zero or less, a negative part, and a share above 100%.
 */
export function share(part: Part, whole: Part): Share {
  sameMeasure(part, whole, 'take a share of');
  const piece = pointValue(part, 'take the share of');
  const total = pointValue(whole, 'take a share of');
  if (total.value <= 0) throw new FigureArithmeticError(`cannot take a share of ${described(whole)}: the whole must be more than zero`);
  if (piece.value < 0) throw new FigureArithmeticError(`cannot take the share of ${described(part)}: a part cannot be negative`);
  if (piece.value > total.value) {
    throw new FigureArithmeticError(`${described(part)} is more than ${described(whole)}: a share cannot be above 100%`);
  }
  const approximate = piece.approximate || total.approximate;
  const digits = approximate
    ? Math.min(...[piece, total].filter((v) => v.approximate).map((v) => significance(v.value).digits))
    : Number.POSITIVE_INFINITY;
  const ratio = piece.value / total.value;
  const percent = roundedPercent(100 * ratio, digits);
  return {
    percent: { amount: approximate ? { kind: 'approximate', value: percent } : { kind: 'exact', value: percent }, unit: 'percent' },
    fraction: ratio > 0 && ratio < 1 ? nearestFraction(ratio, approximate) : undefined,
  };
}

/**
 * An amount of money in another currency, from an exchange rate that is itself a sourced figure (`currency` per
 * `per`). The result is an estimate, so approximate: rates move and are quoted for a day. It keeps the significant
 * digits of the less precise of amount and rate as written ($1.2 billion at 1,380.5 won is about 1.7 trillion won).
 * Bounds and ranges keep their kind, with rounded ends.
 */
export function convert(money: Part, rate: Part): Quantity {
  const { currency, per } = rate.quantity;
  if (currency === undefined || per === undefined) {
    throw new FigureArithmeticError(`cannot convert with ${described(rate)}: it is not an exchange rate (a currency per another)`);
  }
  if (money.quantity.currency === undefined || money.quantity.per !== undefined) {
    throw new FigureArithmeticError(`cannot convert ${described(money)}: it is not an amount of money`);
  }
  if (money.quantity.currency !== per) {
    throw new FigureArithmeticError(
      `cannot convert ${described(money)} with ${described(rate)}: the rate is per ${per}, the amount is in ${money.quantity.currency}`,
    );
  }
  const factor = pointValue(rate, 'convert with');
  const { amount } = money.quantity;
  if (amount.kind === 'qualitative') throw new FigureArithmeticError(`cannot convert ${described(money)}: a magnitude has no number`);
  const written = amount.kind === 'range' ? [amount.low, amount.high] : [amount.value];
  const digits = Math.min(significance(factor.value).digits, ...written.map((x) => significance(x).digits));
  // A bound stays true when rounded: "at least" rounds down, "at most" up.
  const rounding: Rounding = isBound(amount) ? ((LOWER_BOUNDS as readonly string[]).includes(amount.kind) ? 'down' : 'up') : 'nearest';
  const times = (x: number) => roundToDigits(x * factor.value, digits, rounding);
  const converted: Amount =
    amount.kind === 'range'
      ? { kind: 'range', low: times(amount.low), high: times(amount.high) }
      : isBound(amount)
        ? { kind: amount.kind, value: times(amount.value) }
        : { kind: 'approximate', value: times(amount.value) };
  return { amount: converted, currency };
}

/** How a derived figure was computed, and what the computation gives beside its value. */
export type Derivation =
  | { kind: 'sum' }
  /** `relative`: the percentage change; none between percentages, whose change is in points. */
  | { kind: 'change'; relative: Quantity | undefined }
  /** `fraction`: a simple fraction near the share ("one in five"), when one is near enough to say. */
  | { kind: 'share'; fraction: Fraction | undefined }
  | { kind: 'convert' };

export interface DerivedFigure {
  id: string;
  label: string;
  key: boolean;
  /** The figure's value: a sum's total, a change's difference, a share's percentage, a conversion's amount. */
  value: Amount;
  unit: Unit | undefined;
  currency: CurrencyCode | undefined;
  per: CurrencyCode | undefined;
  /** The figures it is computed from, as the facts file names them: the parts of a sum; from and to; part and whole; amount and rate. */
  from: Array<Figure | DerivedFigure>;
  derivation: Derivation;
}

/** A figure's value and what it counts, as the arithmetic and the formatters take it. */
export function quantityOf(figure: Figure | DerivedFigure): Quantity {
  return { amount: figure.value, unit: figure.unit, currency: figure.currency, per: figure.per };
}

/** A derived figure that cannot be computed: `field` is where in its entry (['change', 'from']), `message` says why. */
export class DerivationError extends Error {
  override name = 'DerivationError';
  constructor(
    readonly field: readonly PropertyKey[],
    message: string,
  ) {
    super(message);
  }
}

/** The figures a derived figure names, by its keys: ['sum', 0] → 'a', ['change', 'from'] → 'b'. */
function inputsOf(spec: DerivedSpec): Array<{ field: readonly PropertyKey[]; id: string }> {
  if (spec.sum) return spec.sum.map((id) => ({ field: ['sum'], id }));
  const pairs: Array<[ComputationKind, Record<string, string> | undefined]> = [
    ['change', spec.change],
    ['share', spec.share],
    ['convert', spec.convert],
  ];
  for (const [kind, pair] of pairs) if (pair) return Object.entries(pair).map(([key, id]) => ({ field: [kind, key], id }));
  throw new DerivationError([], 'expected how the figure is computed: sum, change, share or convert');
}

/**
 * A facts file's derived figure, computed from the figures it names (`known`: the file's figures and the derived
 * figures listed before it). A conversion's rate must be a reported, dated figure: nothing is converted at a rate
 * no one sourced. Throws a DerivationError naming the field and, for arithmetic with no honest answer, both figures.
 */
export function deriveFigure(
  spec: DerivedSpec,
  known: ReadonlyMap<string, Figure | DerivedFigure>,
  explain?: (id: string) => string,
): DerivedFigure {
  const inputs = inputsOf(spec).map(({ field, id }) => {
    const figure = known.get(id);
    if (!figure) throw new DerivationError(field, explain?.(id) ?? `"${id}" is not a figure in this file`);
    return { field, figure };
  });
  const figures = inputs.map((input) => input.figure);
  const parts: Part[] = figures.map((figure) => ({ id: figure.id, quantity: quantityOf(figure) }));
  const base = { id: spec.id, label: spec.label, key: spec.key, from: figures };
  const result = (quantity: Quantity, derivation: Derivation): DerivedFigure => ({
    ...base,
    value: quantity.amount,
    unit: quantity.unit,
    currency: quantity.currency,
    per: quantity.per,
    derivation,
  });
  const kind = COMPUTATIONS.find((k) => spec[k] !== undefined) ?? 'sum';
  try {
    const [first, second] = parts as [Part, Part, ...Part[]];
    switch (kind) {
      case 'sum':
        return result(sumAmounts(parts), { kind: 'sum' });
      case 'change': {
        const { difference, relative } = change(first, second);
        return result(difference, { kind: 'change', relative });
      }
      case 'share': {
        const { percent, fraction } = share(first, second);
        return result(percent, { kind: 'share', fraction });
      }
      case 'convert': {
        const rate = inputs[1]!;
        if ('derivation' in rate.figure) {
          throw new DerivationError(
            rate.field,
            `"${rate.figure.id}" is computed; a conversion uses a rate that is itself a sourced, dated figure`,
          );
        }
        if (rate.figure.per !== undefined && rate.figure.date === undefined) {
          throw new DerivationError(
            rate.field,
            `"${rate.figure.id}" has no date: rates move, so a conversion uses a rate quoted for a given day; give it one (date: 2025-06-20)`,
          );
        }
        return result(convert(first, second), { kind: 'convert' });
      }
    }
  } catch (error) {
    if (error instanceof FigureArithmeticError) throw new DerivationError([kind], error.message);
    throw error;
  }
}

// The typed values every figure is made of: an amount (exact, approximate, a range, a bound or a magnitude) and
// what it counts (a unit, a currency, percent). The facts schema builds them; the formatters and arithmetic trust them.

/** Magnitudes an editor may give instead of a number, smallest first. */
export const MAGNITUDES = [
  'dozens',
  'several hundred',
  'hundreds',
  'several thousand',
  'thousands',
  'tens of thousands',
  'hundreds of thousands',
  'several million',
  'millions',
] as const;
export type Magnitude = (typeof MAGNITUDES)[number];

/** "more than N", "less than N" exclude N; "at least N", "at most N" include it. */
export const BOUND_KINDS = ['moreThan', 'lessThan', 'atLeast', 'atMost'] as const;
export type BoundKind = (typeof BOUND_KINDS)[number];
/** Bounds below which the figure cannot lie (it may be higher) and above which it cannot. */
export const LOWER_BOUNDS: readonly BoundKind[] = ['moreThan', 'atLeast'];
export const UPPER_BOUNDS: readonly BoundKind[] = ['lessThan', 'atMost'];

export type Amount =
  | { kind: 'exact'; value: number }
  /** `qualifier` is the editor's own word ("around", "nearly"), printed as written instead of "about". */
  | { kind: 'approximate'; value: number; qualifier?: string }
  /** low <= high */
  | { kind: 'range'; low: number; high: number }
  | { kind: BoundKind; value: number }
  | { kind: 'qualitative'; magnitude: Magnitude };

/**
 * Units whose words the catalogues carry in every language, so they print, compound and chart everywhere:
 * durations, people, and percentages. `percent` figures are percentages (3.5 is 3.5%); `percentage-points`
 * is the difference between two percentages, never written as percent.
 */
export const UNIT_KEYWORDS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'person', 'percent', 'percentage-points'] as const;
export type UnitKeyword = (typeof UNIT_KEYWORDS)[number];

/** A unit the editor names, in the article's language: { one: 'soldier', other: 'soldiers' }. */
export interface UnitLabel {
  one: string;
  other: string;
}

export type Unit = UnitKeyword | UnitLabel;

/** An ISO 4217 code in capitals: 'USD', 'KRW', 'EUR'. */
export type CurrencyCode = string;

/**
 * A figure's value: its amount and what it counts. A figure has at most one of `unit` and `currency`.
 * `per` makes it an exchange rate: `amount` of `currency` for one unit of `per` (1,380 KRW per USD).
 */
export interface Quantity {
  amount: Amount;
  unit?: Unit | undefined;
  currency?: CurrencyCode | undefined;
  per?: CurrencyCode | undefined;
}

/** A simple fraction for a share, "one in five": numerator < denominator. */
export interface Fraction {
  numerator: number;
  denominator: number;
  /** True when the share is only near this fraction, or rests on approximate figures: "about one in five". */
  approximate: boolean;
}

/** The number to chart or add up: exact, approximate and bounds; none for ranges and magnitudes. -0 is 0. */
export function amountValue(amount: Amount): number | undefined {
  if (amount.kind === 'range' || amount.kind === 'qualitative') return undefined;
  return amount.value === 0 ? 0 : amount.value;
}

export function isBound(amount: Amount): amount is Extract<Amount, { kind: BoundKind }> {
  return (BOUND_KINDS as readonly string[]).includes(amount.kind);
}

/**
 * What a quantity measures, as one string: two quantities can be added, compared or drawn on one axis only when
 * theirs are equal. 'count', 'unit:year', 'unit:percent', 'label:soldiers', 'money:USD', 'rate:KRW/USD'.
 */
export function measureOf(quantity: Pick<Quantity, 'unit' | 'currency' | 'per'>): string {
  if (quantity.currency !== undefined)
    return quantity.per === undefined ? `money:${quantity.currency}` : `rate:${quantity.currency}/${quantity.per}`;
  if (quantity.unit === undefined) return 'count';
  return typeof quantity.unit === 'string' ? `unit:${quantity.unit}` : `label:${quantity.unit.other}`;
}

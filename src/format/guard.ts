// The one check at the template boundary: a value from a template (or anywhere untyped) becomes the typed number or
// Quantity the formatters trust, or a clear error. Facts are checked by their schema and need no second check.
import { BOUND_KINDS, MAGNITUDES, UNIT_KEYWORDS, type Amount, type Quantity, type Unit } from './quantity.ts';

/** How a value that should have been something else reads in an error message. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

/** A finite number; -0 becomes 0 so that nothing ever prints '-0'. */
export function checkNumber(value: unknown, what = 'number'): number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
  return value === 0 ? 0 : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkAmount(value: unknown, what: string): Amount {
  if (!isRecord(value)) throw new TypeError(`${what} must be an object with a kind, got ${describe(value)}`);
  const kind = value.kind;
  if (kind === 'exact') return { kind, value: checkNumber(value.value, `${what}.value`) };
  if (typeof kind === 'string' && (BOUND_KINDS as readonly string[]).includes(kind)) {
    return { kind: kind as (typeof BOUND_KINDS)[number], value: checkNumber(value.value, `${what}.value`) };
  }
  if (kind === 'approximate') {
    const amount: Amount = { kind, value: checkNumber(value.value, `${what}.value`) };
    if (value.qualifier === undefined) return amount;
    if (typeof value.qualifier !== 'string' || value.qualifier.trim() === '') {
      throw new TypeError(`${what}.qualifier must be a word such as "around", got ${describe(value.qualifier)}`);
    }
    return { ...amount, qualifier: value.qualifier };
  }
  if (kind === 'range') {
    const low = checkNumber(value.low, `${what}.low`);
    const high = checkNumber(value.high, `${what}.high`);
    if (low > high) throw new RangeError(`${what}: range low (${low}) must not be greater than range high (${high})`);
    return { kind, low, high };
  }
  if (kind === 'qualitative') {
    const magnitude = MAGNITUDES.find((known) => known === value.magnitude);
    if (magnitude === undefined) {
      throw new RangeError(
        `${what}.magnitude must be one of ${MAGNITUDES.map((m) => `"${m}"`).join(', ')}; got ${describe(value.magnitude)}`,
      );
    }
    return { kind, magnitude };
  }
  throw new TypeError(`${what}.kind must be exact, approximate, range, ${BOUND_KINDS.join(', ')} or qualitative; got ${describe(kind)}`);
}

function checkUnit(value: unknown, what: string): Unit {
  const keyword = UNIT_KEYWORDS.find((known) => known === value);
  if (keyword !== undefined) return keyword;
  if (isRecord(value) && typeof value.one === 'string' && typeof value.other === 'string' && value.one.trim() && value.other.trim()) {
    return { one: value.one, other: value.other };
  }
  throw new TypeError(`${what} must be one of ${UNIT_KEYWORDS.join(', ')} or { one, other } words, got ${describe(value)}`);
}

const SUPPORTED_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

function checkCurrency(value: unknown, what: string): string {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value) && SUPPORTED_CURRENCIES.has(value)) return value;
  throw new RangeError(`${what} must be an ISO 4217 currency code such as "USD", "KRW" or "EUR", got ${describe(value)}`);
}

/**
 * A Quantity as the formatters expect it, or a bare finite number (an exact count); throws a TypeError or
 * RangeError naming `what` and the broken field otherwise.
 */
export function checkQuantity(value: unknown, what = 'figure'): Quantity {
  if (typeof value === 'number') return { amount: { kind: 'exact', value: checkNumber(value, what) } };
  if (!isRecord(value)) throw new TypeError(`${what} must be a number or { amount, unit?, currency? }, got ${describe(value)}`);
  const amount = checkAmount(value.amount, `${what}.amount`);
  const quantity: Quantity = { amount };
  if (value.unit !== undefined) quantity.unit = checkUnit(value.unit, `${what}.unit`);
  if (value.currency !== undefined) quantity.currency = checkCurrency(value.currency, `${what}.currency`);
  if (value.per !== undefined) quantity.per = checkCurrency(value.per, `${what}.per`);
  if (quantity.unit !== undefined && quantity.currency !== undefined) {
    throw new TypeError(`${what}: a figure has a unit or a currency, not both`);
  }
  if (quantity.per !== undefined) {
    if (quantity.currency === undefined) throw new TypeError(`${what}: an exchange rate (per) needs the currency it is quoted in`);
    if (quantity.per === quantity.currency) throw new RangeError(`${what}: a rate of ${quantity.currency} per ${quantity.per} is always 1`);
    if (amount.kind !== 'exact' && amount.kind !== 'approximate') {
      throw new RangeError(`${what}: an exchange rate is an exact or approximate number, not ${amount.kind}`);
    }
  }
  if (amount.kind === 'qualitative' && (quantity.unit === 'percent' || quantity.unit === 'percentage-points')) {
    throw new RangeError(`${what}: a ${quantity.unit} figure needs a number, not "${amount.magnitude}"`);
  }
  return quantity;
}

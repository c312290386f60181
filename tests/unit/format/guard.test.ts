// The one check at the template boundary: untyped values in, typed quantities out, or an error naming the field.
import { describe, expect, it } from 'vitest';
import { checkNumber, checkQuantity } from '../../../src/format/guard.ts';
import { formatQuantity } from '../../../src/format/numbers.ts';

describe('checkNumber', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('throws a RangeError for %d', (bad) => {
    expect(() => checkNumber(bad)).toThrow(RangeError);
    expect(() => checkNumber(bad)).toThrow(/must be a finite number/);
  });

  it.each([
    ['"600"', '600'],
    ['null', null],
    ['undefined', undefined],
    ['a bigint', 5n],
    ['an object', {}],
  ])('throws a TypeError for %s', (_label, bad) => {
    expect(() => checkNumber(bad)).toThrow(TypeError);
    expect(() => checkNumber(bad)).toThrow(/must be a number/);
  });

  it('quotes the offending value so editors can find it, and never passes -0', () => {
    expect(() => checkNumber('six hundred', 'prose filter')).toThrow('prose filter must be a number, got "six hundred"');
    expect(Object.is(checkNumber(-0), 0)).toBe(true);
  });
});

describe('checkQuantity', () => {
  it('passes what the formatters expect, and a bare number as an exact count', () => {
    expect(checkQuantity(11_000)).toEqual({ amount: { kind: 'exact', value: 11_000 } });
    const money = { amount: { kind: 'atLeast', value: 1e9 }, currency: 'USD' };
    expect(checkQuantity(money)).toEqual(money);
    expect(formatQuantity(checkQuantity(money))).toBe('at\u00a0least\u00a0$1\u00a0billion');
    expect(checkQuantity({ amount: { kind: 'approximate', value: 600, qualifier: 'around' }, unit: 'person' })).toEqual({
      amount: { kind: 'approximate', value: 600, qualifier: 'around' },
      unit: 'person',
    });
    expect(checkQuantity({ amount: { kind: 'exact', value: 1380 }, currency: 'KRW', per: 'USD' }).per).toBe('USD');
  });

  it.each<[string, unknown, RegExp | string]>([
    ['a string', 'eleven thousand', 'figure must be a number or { amount, unit?, currency? }, got "eleven thousand"'],
    ['an unknown kind', { amount: { kind: 'roughly', value: 3 } }, /figure\.amount\.kind must be exact, approximate, range, moreThan/],
    ['NaN', { amount: { kind: 'exact', value: Number.NaN } }, 'figure.amount.value must be a finite number, got NaN'],
    ['a text value', { amount: { kind: 'approximate', value: '600' } }, 'figure.amount.value must be a number, got "600"'],
    ['an empty qualifier', { amount: { kind: 'approximate', value: 600, qualifier: ' ' } }, /qualifier must be a word/],
    [
      'a backwards range',
      { amount: { kind: 'range', low: 6, high: 4 } },
      'figure.amount: range low (6) must not be greater than range high (4)',
    ],
    ['an unknown magnitude', { amount: { kind: 'qualitative', magnitude: 'scores' } }, /magnitude must be one of "dozens"/],
    ['an unknown unit', { amount: { kind: 'exact', value: 3 }, unit: 'years' }, /figure\.unit must be one of year, month/],
    ['a unit without a plural', { amount: { kind: 'exact', value: 3 }, unit: { one: 'ship' } }, /or \{ one, other \} words/],
    ['a made-up currency', { amount: { kind: 'exact', value: 3 }, currency: 'DOLLARS' }, /ISO 4217 currency code such as "USD"/],
    ['a lower-case currency', { amount: { kind: 'exact', value: 3 }, currency: 'usd' }, /ISO 4217/],
    ['unit and currency', { amount: { kind: 'exact', value: 3 }, unit: 'year', currency: 'USD' }, /a unit or a currency, not both/],
    ['a rate without currency', { amount: { kind: 'exact', value: 3 }, per: 'USD' }, /needs the currency it is quoted in/],
    [
      'a rate of a bound',
      { amount: { kind: 'atLeast', value: 3 }, currency: 'KRW', per: 'USD' },
      /exact or approximate number, not atLeast/,
    ],
    ['a rate of itself', { amount: { kind: 'exact', value: 3 }, currency: 'USD', per: 'USD' }, /always 1/],
    ['a percentage magnitude', { amount: { kind: 'qualitative', magnitude: 'dozens' }, unit: 'percent' }, /needs a number/],
  ])('refuses %s, naming the field', (_label, value, message) => {
    expect(() => checkQuantity(value)).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { amountValue, formatAmount, type Amount, type UnitLabel } from '../../../src/format/numbers.ts';

const years: UnitLabel = { one: 'year', other: 'years' };
const months: UnitLabel = { one: 'month', other: 'months' };
const people: UnitLabel = { one: 'person', other: 'people' };
const jahre: UnitLabel = { one: 'Jahr', other: 'Jahre' };
const myeong: UnitLabel = { one: '명', other: '명' };

const exact = (value: number): Amount => ({ kind: 'exact', value });
const approximate = (value: number, qualifier?: string): Amount =>
  qualifier === undefined ? { kind: 'approximate', value } : { kind: 'approximate', value, qualifier };
const range = (low: number, high: number): Amount => ({ kind: 'range', low, high });
const atLeast = (value: number): Amount => ({ kind: 'atLeast', value });
const qualitative = (magnitude: Extract<Amount, { kind: 'qualitative' }>['magnitude']): Amount => ({ kind: 'qualitative', magnitude });

describe('formatAmount in prose', () => {
  it.each<[Amount, string]>([
    [exact(11_000), '11,000'],
    [exact(3), 'three'],
    [exact(6_000_000), '6 million'],
    [approximate(600), 'about 600'],
    [approximate(600, 'around'), 'around 600'],
    [range(4_000, 6_000), '4,000 to 6,000'],
    [atLeast(3), 'more than three'],
    [qualitative('several million'), 'several million'],
  ])('%o → %s', (amount, expected) => {
    expect(formatAmount(amount)).toBe(expected);
  });

  it('appends a unit only when given, singular for one', () => {
    expect(formatAmount(exact(1), { unit: months })).toBe('one month');
    expect(formatAmount(exact(0), { unit: months })).toBe('zero months');
    expect(formatAmount(exact(11_000), { unit: people })).toBe('11,000 people');
    expect(formatAmount(exact(1.5), { unit: years })).toBe('1.5 years');
    expect(formatAmount(exact(1_000_000), { unit: people })).toBe('1 million people');
    expect(formatAmount(approximate(1), { unit: months })).toBe('about one month');
    expect(formatAmount(atLeast(3), { unit: years })).toBe('more than three years');
    expect(formatAmount(atLeast(1), { unit: years })).toBe('more than one year');
    expect(formatAmount(range(4_000, 6_000), { unit: years })).toBe('4,000 to 6,000 years');
    expect(formatAmount(range(1, 2), { unit: years })).toBe('one to two years');
  });

  it('puts "of" after plural magnitudes but not after "several"', () => {
    expect(formatAmount(qualitative('thousands'), { unit: people })).toBe('thousands of people');
    expect(formatAmount(qualitative('hundreds of thousands'), { unit: people })).toBe('hundreds of thousands of people');
    expect(formatAmount(qualitative('several thousand'), { unit: people })).toBe('several thousand people');
  });

  it('German', () => {
    expect(formatAmount(exact(11_000), { locale: 'de-DE' })).toBe('11.000');
    expect(formatAmount(exact(3), { locale: 'de-DE', unit: jahre })).toBe('drei Jahre');
    // The article of 'ein Jahr' / 'eine Woche' depends on gender, which a unit label does not carry.
    expect(formatAmount(exact(1), { locale: 'de-DE', unit: jahre })).toBe('1 Jahr');
    expect(formatAmount(exact(1), { locale: 'de-DE' })).toBe('eins');
    expect(formatAmount(approximate(600), { locale: 'de-DE', unit: { one: 'Mensch', other: 'Menschen' } })).toBe('etwa 600 Menschen');
    expect(formatAmount(atLeast(3), { locale: 'de-DE', unit: jahre })).toBe('mehr als drei Jahre');
    expect(formatAmount(range(4_000, 6_000), { locale: 'de-DE', unit: jahre })).toBe('4.000 bis 6.000 Jahre');
    expect(formatAmount(range(1, 2), { locale: 'de-DE', unit: jahre })).toBe('ein bis zwei Jahre');
    expect(formatAmount(range(1, 2), { locale: 'de-DE' })).toBe('eins bis zwei');
    expect(formatAmount(qualitative('thousands'), { locale: 'de-DE', unit: { one: 'Mensch', other: 'Menschen' } })).toBe(
      'Tausende Menschen',
    );
  });

  it('Korean attaches counters to digits and spaces them after numeral words', () => {
    expect(formatAmount(exact(600), { locale: 'ko-KR', unit: myeong })).toBe('600명');
    expect(formatAmount(approximate(600), { locale: 'ko-KR', unit: myeong })).toBe('약 600명');
    expect(formatAmount(atLeast(3), { locale: 'ko-KR', unit: { one: '년', other: '년' } })).toBe('3년 이상');
    expect(formatAmount(range(4_000, 6_000), { locale: 'ko-KR', unit: myeong })).toBe('4,000~6,000명');
    expect(formatAmount(exact(1_500_000), { locale: 'ko-KR', unit: myeong })).toBe('150만 명');
    expect(formatAmount(qualitative('thousands'), { locale: 'ko-KR', unit: myeong })).toBe('수천 명');
  });
});

describe('formatAmount compound (AP adjective form)', () => {
  it.each<[Amount, UnitLabel, string]>([
    [exact(11), years, '11-year'],
    [exact(3), years, 'three-year'],
    [exact(1), months, 'one-month'],
    [approximate(1), months, 'about one-month'],
    [approximate(6, 'nearly'), months, 'nearly six-month'],
    [atLeast(3), years, 'more than three-year'],
    [range(4, 6), years, 'four- to six-year'],
    [range(8, 12), years, '8- to 12-year'],
  ])('%o → %s', (amount, unit, expected) => {
    expect(formatAmount(amount, { unit, compound: true })).toBe(expected);
  });

  it('needs English prose, a unit and a count', () => {
    expect(() => formatAmount(exact(3), { compound: true })).toThrow(/need a unit/);
    expect(() => formatAmount(exact(3), { unit: jahre, compound: true, locale: 'de-DE' })).toThrow(/English-only/);
    expect(() => formatAmount(exact(3), { unit: years, compound: true, style: 'table' })).toThrow(/prose form/);
    expect(() => formatAmount(qualitative('thousands'), { unit: years, compound: true })).toThrow(/no compound form/);
  });
});

describe('formatAmount in tables', () => {
  it.each<[Amount, string]>([
    [exact(11_000), '11,000'],
    [exact(6_000_000), '6,000,000'],
    [exact(3), '3'],
    [exact(-300), '\u2212300'],
    [approximate(600), '~600'],
    [approximate(600, 'around'), '~600'],
    [range(4_000, 6_000), '4,000\u20136,000'],
    [atLeast(3), '>3'],
    [qualitative('several million'), 'several million'],
  ])('%o → %s', (amount, expected) => {
    expect(formatAmount(amount, { style: 'table' })).toBe(expected);
  });

  it('keeps the unit when given', () => {
    expect(formatAmount(approximate(600), { style: 'table', unit: people })).toBe('~600 people');
    expect(formatAmount(atLeast(1), { style: 'table', unit: years })).toBe('>1 year');
  });

  it('uses 약 rather than ~ in Korean, where a tilde marks a range', () => {
    expect(formatAmount(approximate(600), { style: 'table', locale: 'ko-KR' })).toBe('약 600');
    expect(formatAmount(range(4_000, 6_000), { style: 'table', locale: 'ko-KR' })).toBe('4,000~6,000');
  });

  it('German groups with dots', () => {
    expect(formatAmount(exact(11_000), { style: 'table', locale: 'de-DE' })).toBe('11.000');
    expect(formatAmount(qualitative('thousands'), { style: 'table', locale: 'de-DE' })).toBe('Tausende');
  });
});

describe('formatAmount validation', () => {
  it('names the broken field', () => {
    expect(() => formatAmount({ kind: 'exact', value: Number.NaN })).toThrow('exact amount value must be a finite number, got NaN');
    expect(() => formatAmount({ kind: 'approximate', value: '600' } as unknown as Amount)).toThrow(
      'approximate amount value must be a number, got "600"',
    );
    expect(() => formatAmount({ kind: 'range', low: 6, high: 4 })).toThrow(RangeError);
    expect(() => formatAmount({ kind: 'range', low: 4, high: Number.POSITIVE_INFINITY })).toThrow(/range high/);
    expect(() => formatAmount({ kind: 'roughly', value: 3 } as unknown as Amount)).toThrow(/amount kind must be exact, approximate/);
    expect(() => formatAmount(null as unknown as Amount)).toThrow(TypeError);
    expect(() => formatAmount(exact(3), { unit: 'years' as unknown as UnitLabel })).toThrow(/unit must be/);
  });
});

describe('amountValue', () => {
  it('gives the number to chart or sum, and nothing for ranges and magnitudes', () => {
    expect(amountValue(exact(11_000))).toBe(11_000);
    expect(amountValue(approximate(600))).toBe(600);
    expect(amountValue(atLeast(3))).toBe(3);
    expect(amountValue(range(4_000, 6_000))).toBeUndefined();
    expect(amountValue(qualitative('thousands'))).toBeUndefined();
  });

  it('never hands a chart -0', () => {
    expect(amountValue(exact(-0))).toBe(0);
  });

  it('validates like formatAmount', () => {
    expect(() => amountValue({ kind: 'exact', value: Number.NaN })).toThrow(RangeError);
  });
});

// Derived figures: sums, changes, shares and conversions that never claim more than their inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DerivationError,
  FigureArithmeticError,
  change,
  convert,
  deriveFigure,
  share,
  sumAmounts,
  type Part,
} from '../../../src/facts/derive.ts';
import type { DerivedSpec, Figure } from '../../../src/facts/schema.ts';
import { formatChange, formatFraction, formatQuantity } from '../../../src/format/numbers.ts';
import type { Amount, Quantity } from '../../../src/format/quantity.ts';

const part = (id: string, amount: Amount, measure: Omit<Quantity, 'amount'> = {}): Part => ({ id, quantity: { amount, ...measure } });
const exact = (value: number): Amount => ({ kind: 'exact', value });
const about = (value: number): Amount => ({ kind: 'approximate', value });
const text = (quantity: Quantity, locale = 'en-US') => formatQuantity(quantity, { locale }).replaceAll('\u00a0', ' ');

describe('sumAmounts', () => {
  it('adds exact figures exactly, without float noise', () => {
    expect(sumAmounts([part('a', exact(11_000)), part('b', exact(4_000)), part('c', exact(6_000))])).toEqual({ amount: exact(21_000) });
    expect(sumAmounts([part('a', exact(0.1)), part('b', exact(0.2))]).amount).toEqual(exact(0.3));
  });

  it('is approximate when a part is, rounded to the coarsest approximate part', () => {
    expect(sumAmounts([part('a', about(600)), part('b', exact(11_000))]).amount).toEqual(about(11_600));
    expect(sumAmounts([part('a', about(600)), part('b', about(11_000))]).amount).toEqual(about(12_000));
    expect(sumAmounts([part('a', about(100)), part('b', exact(1_000))]).amount).toEqual(about(1_100));
  });

  it('is a bound when a part is: "at least 100" and 1,000 are at least 1,100', () => {
    const total = sumAmounts([
      part('killed', { kind: 'atLeast', value: 100 }, { unit: 'person' }),
      part('wounded', exact(1_000), { unit: 'person' }),
    ]);
    expect(total).toEqual({ amount: { kind: 'atLeast', value: 1_100 }, unit: 'person' });
    expect(text(total)).toBe('at least 1,100 people');
    expect(text(total, 'de-DE')).toBe('mindestens 1.100 Personen');
    expect(text(total, 'ko-KR')).toBe('1,100명 이상');
    expect(sumAmounts([part('a', { kind: 'moreThan', value: 100 }), part('b', { kind: 'atLeast', value: 5 })]).amount).toEqual({
      kind: 'moreThan',
      value: 105,
    });
    expect(sumAmounts([part('a', { kind: 'atMost', value: 100 }), part('b', { kind: 'lessThan', value: 5 })]).amount).toEqual({
      kind: 'lessThan',
      value: 105,
    });
    expect(sumAmounts([part('a', { kind: 'atLeast', value: 100 }), part('b', about(600))]).amount).toEqual({ kind: 'atLeast', value: 700 });
  });

  it('adds ranges end to end, and takes the end a bound rests on', () => {
    expect(sumAmounts([part('a', { kind: 'range', low: 4_000, high: 6_000 }), part('b', exact(1_000))]).amount).toEqual({
      kind: 'range',
      low: 5_000,
      high: 7_000,
    });
    expect(sumAmounts([part('a', { kind: 'range', low: 4_000, high: 6_000 }), part('b', { kind: 'atLeast', value: 100 })]).amount).toEqual({
      kind: 'atLeast',
      value: 4_100,
    });
    expect(sumAmounts([part('a', { kind: 'range', low: 4_000, high: 6_000 }), part('b', { kind: 'atMost', value: 100 })]).amount).toEqual({
      kind: 'atMost',
      value: 6_100,
    });
  });

  it.each<[string, Part[], string]>([
    [
      'a lower and an upper bound',
      [part('killed', { kind: 'atLeast', value: 100 }), part('missing', { kind: 'atMost', value: 50 })],
      'cannot add up "killed" (at least 100) and "missing" (at most 50): one may be higher and the other lower, so the sum is neither a lower nor an upper bound',
    ],
    [
      'two currencies',
      [part('aid', exact(1.2e9), { currency: 'USD' }), part('loans', exact(6e8), { currency: 'EUR' })],
      'cannot add up "aid" ($1.2 billion) and "loans" (600 million euros): they count different things (USD; EUR)',
    ],
    [
      'two units',
      [part('war', exact(3), { unit: 'year' }), part('troops', exact(11_000))],
      'cannot add up "war" (three years) and "troops" (11,000): they count different things (years; no unit)',
    ],
    [
      'percent and points',
      [part('rate', exact(3.5), { unit: 'percent' }), part('rise', exact(0.4), { unit: 'percentage-points' })],
      'cannot add up "rate" (3.5%) and "rise" (0.4 percentage points): they count different things (percent; percentage points)',
    ],
    [
      'a magnitude',
      [part('wounded', { kind: 'qualitative', magnitude: 'thousands' }), part('b', exact(5))],
      'cannot add up "wounded" (thousands): a magnitude has no number to add',
    ],
    [
      'exchange rates',
      [part('r1', exact(1_380), { currency: 'KRW', per: 'USD' }), part('r2', exact(1_390), { currency: 'KRW', per: 'USD' })],
      'cannot add up "r1" (1,380 won per dollar): exchange rates do not add up',
    ],
  ])('refuses %s, naming both facts', (_label, parts, message) => {
    expect(() => sumAmounts(parts)).toThrow(FigureArithmeticError);
    expect(() => sumAmounts(parts)).toThrow(message);
  });

  it('of exact parts is their exact total, in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 6 }), (values) => {
        const parts = values.map((value, i) => part(`p${i}`, exact(value)));
        expect(sumAmounts(parts).amount).toEqual(exact(values.reduce((a, b) => a + b, 0)));
        expect(sumAmounts([...parts].reverse()).amount).toEqual(sumAmounts(parts).amount);
      }),
    );
  });
});

describe('change', () => {
  it('gives the difference and the percentage change: "rose by 1,500 to 11,000", "up 16%"', () => {
    const result = change(part('before', exact(9_500)), part('after', exact(11_000)));
    expect(result.difference.amount).toEqual(exact(1_500));
    expect(result.relative).toEqual({ amount: exact(16), unit: 'percent' });
    expect(formatChange(result.difference).replaceAll('\u00a0', ' ')).toBe('up 1,500');
    expect(formatChange(result.relative!).replaceAll('\u00a0', ' ')).toBe('up 16%');
    expect(formatChange(result.relative!, { locale: 'de-DE' }).replaceAll('\u00a0', ' ')).toBe('plus 16 %');
    expect(formatChange(result.relative!, { locale: 'ko-KR' }).replaceAll('\u00a0', ' ')).toBe('16% 증가');
  });

  it('rounds computed percentages as newsrooms print them: two significant digits, whole from 10%', () => {
    expect(change(part('a', exact(100)), part('b', exact(103.41))).relative?.amount).toEqual(exact(3.4));
    expect(change(part('a', exact(1_000)), part('b', exact(1_004.56))).relative?.amount).toEqual(exact(0.46));
    expect(change(part('a', exact(100)), part('b', exact(88))).relative?.amount).toEqual(exact(-12));
  });

  it('is approximate from approximate figures, with no more digits than they have', () => {
    const result = change(part('before', about(9_500)), part('after', about(11_000)));
    // Known to the thousand: 1,500 is "about 2,000", and the percentage has one significant digit.
    expect(result.difference.amount).toEqual(about(2_000));
    expect(result.relative?.amount).toEqual(about(20));
  });

  it('measures a change of percentages in percentage points, never percent', () => {
    const result = change(part('before', exact(3.1), { unit: 'percent' }), part('after', exact(3.5), { unit: 'percent' }));
    expect(result.difference).toEqual({ amount: exact(0.4), unit: 'percentage-points', currency: undefined, per: undefined });
    expect(result.relative).toBeUndefined();
    expect(formatChange(result.difference).replaceAll('\u00a0', ' ')).toBe('up 0.4 percentage points');
  });

  it.each<[string, Part, Part, string]>([
    [
      'from zero',
      part('before', exact(0)),
      part('after', exact(5)),
      'cannot give a percentage change from "before" (zero) to "after" (five): a change from zero has no percentage',
    ],
    [
      'across a sign change',
      part('before', exact(-5)),
      part('after', exact(5)),
      'cannot give a percentage change from "before" (-5) to "after" (five): it crosses zero, so a percentage would mislead',
    ],
    [
      'between units',
      part('before', exact(5), { unit: 'year' }),
      part('after', exact(5), { currency: 'USD' }),
      'cannot compute a change between "before" (five years) and "after" ($5): they count different things (years; USD)',
    ],
    [
      'from a bound',
      part('before', { kind: 'atLeast', value: 100 }),
      part('after', exact(5)),
      'cannot compute a change from "before" (at least 100): it is a bound; this needs an exact or approximate number',
    ],
  ])('refuses a change %s', (_label, from, to, message) => {
    expect(() => change(from, to)).toThrow(message);
  });
});

describe('share', () => {
  it('gives "one in five" and "20%"', () => {
    const result = share(part('part', exact(2_000)), part('whole', exact(10_000)));
    expect(result.percent).toEqual({ amount: exact(20), unit: 'percent' });
    expect(result.fraction).toEqual({ numerator: 1, denominator: 5, approximate: false });
    expect(formatFraction(result.fraction!).replaceAll('\u00a0', ' ')).toBe('one in five');
    expect(formatFraction(result.fraction!, { locale: 'de-DE' }).replaceAll('\u00a0', ' ')).toBe('ein Fünftel');
    expect(formatFraction(result.fraction!, { locale: 'ko-KR' }).replaceAll('\u00a0', ' ')).toBe('5분의 1');
  });

  it('says "about" when the fraction is only near the share, and gives none when no simple one is near', () => {
    expect(share(part('a', exact(2_100)), part('b', exact(10_000))).fraction).toEqual({ numerator: 1, denominator: 5, approximate: true });
    expect(share(part('a', exact(3_700)), part('b', exact(10_000))).fraction).toBeUndefined();
    expect(share(part('a', exact(0)), part('b', exact(10_000))).fraction).toBeUndefined();
  });

  it('is approximate from approximate figures, to their significant digits', () => {
    const result = share(part('deaths', about(600)), part('deployed', exact(11_000)));
    expect(result.percent.amount).toEqual(about(5));
    expect(text(result.percent)).toBe('about 5%');
  });

  it.each<[string, Part, Part, string]>([
    [
      'above 100%',
      part('killed', exact(12_000)),
      part('deployed', exact(11_000)),
      '"killed" (12,000) is more than "deployed" (11,000): a share cannot be above 100%',
    ],
    ['of nothing', part('a', exact(0)), part('b', exact(0)), 'cannot take a share of "b" (zero): the whole must be more than zero'],
    ['of a negative part', part('a', exact(-1)), part('b', exact(10)), 'cannot take the share of "a" (-1): a part cannot be negative'],
    [
      'across units',
      part('a', exact(1), { currency: 'USD' }),
      part('b', exact(10)),
      'cannot take a share of "a" ($1) and "b" (10): they count different things (USD; no unit)',
    ],
  ])('refuses a share %s', (_label, a, b, message) => {
    expect(() => share(a, b)).toThrow(message);
  });
});

describe('convert', () => {
  const rate = part('won-per-dollar', exact(1_380.5), { currency: 'KRW', per: 'USD' });

  it('multiplies by a rate that is itself a figure, as an estimate to the digits of its inputs', () => {
    const won = convert(part('aid', exact(1.2e9), { currency: 'USD' }), rate);
    expect(won).toEqual({ amount: about(1.7e12), currency: 'KRW' });
    expect(text(won)).toBe('about 1.7 trillion won');
    expect(text(won, 'ko-KR')).toBe('약 1조 7000억 원');
    expect(convert(part('aid', { kind: 'atLeast', value: 1e9 }, { currency: 'USD' }), rate).amount).toEqual({
      kind: 'atLeast',
      value: 1e12,
    });
  });

  it('rounds a bound the way it stays true: "at least" down, "at most" up', () => {
    const thousand = part('won-per-dollar', exact(1_000), { currency: 'KRW', per: 'USD' });
    expect(convert(part('aid', { kind: 'atLeast', value: 1.6e9 }, { currency: 'USD' }), thousand).amount).toEqual({
      kind: 'atLeast',
      value: 1e12,
    });
    expect(convert(part('aid', { kind: 'atMost', value: 1.4e9 }, { currency: 'USD' }), thousand).amount).toEqual({
      kind: 'atMost',
      value: 2e12,
    });
    expect(convert(part('aid', exact(1.6e9), { currency: 'USD' }), thousand).amount).toEqual(about(2e12));
  });

  it('refuses a rate for another currency, and what is not a rate', () => {
    expect(() => convert(part('aid', exact(6e8), { currency: 'EUR' }), rate)).toThrow(
      'cannot convert "aid" (600 million euros) with "won-per-dollar" (1,380.5 won per dollar): the rate is per USD, the amount is in EUR',
    );
    expect(() => convert(part('aid', exact(6e8), { currency: 'USD' }), part('troops', exact(3)))).toThrow(/it is not an exchange rate/);
    expect(() => convert(part('troops', exact(3)), rate)).toThrow(/it is not an amount of money/);
  });
});

describe('deriveFigure', () => {
  const figure = (id: string, value: Amount, measure: Partial<Pick<Figure, 'unit' | 'currency' | 'per' | 'date'>> = {}): Figure => ({
    id,
    label: id,
    value,
    ...measure,
    status: 'reported',
    source: 's',
    key: false,
  });
  const spec = (computation: Partial<DerivedSpec>): DerivedSpec => ({ id: 'result', label: 'Result', key: true, ...computation });
  const soldiers = { unit: { one: 'soldier', other: 'soldiers' } };

  it('adds the figures a facts file names, keeping their unit', () => {
    const figures = new Map([
      ['a', figure('a', { kind: 'atLeast', value: 100 }, soldiers)],
      ['b', figure('b', exact(1_000), soldiers)],
    ]);
    const derived = deriveFigure(spec({ sum: ['a', 'b'] }), figures);
    expect(derived.value).toEqual({ kind: 'atLeast', value: 1_100 });
    expect(derived.unit).toEqual({ one: 'soldier', other: 'soldiers' });
    expect(derived.derivation).toEqual({ kind: 'sum' });
    expect(derived.from.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('gives a change its difference and percentage, a share its percentage and fraction, a conversion its money', () => {
    const figures = new Map([
      ['before', figure('before', exact(9_500))],
      ['after', figure('after', exact(11_000))],
      ['part', figure('part', exact(2_000))],
      ['whole', figure('whole', exact(10_000))],
      ['aid', figure('aid', exact(1.2e9), { currency: 'USD' })],
      [
        'rate',
        figure('rate', exact(1_380.5), { currency: 'KRW', per: 'USD', date: { kind: 'on', date: { year: 2025, month: 6, day: 20 } } }),
      ],
    ]);
    const rise = deriveFigure(spec({ change: { from: 'before', to: 'after' } }), figures);
    expect([rise.value, rise.derivation]).toEqual([exact(1_500), { kind: 'change', relative: { amount: exact(16), unit: 'percent' } }]);
    const portion = deriveFigure(spec({ share: { part: 'part', whole: 'whole' } }), figures);
    expect([portion.value, portion.unit, portion.derivation]).toEqual([
      exact(20),
      'percent',
      { kind: 'share', fraction: { numerator: 1, denominator: 5, approximate: false } },
    ]);
    const won = deriveFigure(spec({ convert: { amount: 'aid', rate: 'rate' } }), figures);
    expect([won.value, won.currency, won.from.map((f) => f.id)]).toEqual([about(1.7e12), 'KRW', ['aid', 'rate']]);
  });

  it('names the field and both figures for arithmetic with no honest answer', () => {
    const figures = new Map([
      ['a', figure('a', { kind: 'atLeast', value: 100 })],
      ['b', figure('b', { kind: 'atMost', value: 5 })],
      ['zero', figure('zero', exact(0))],
      ['five', figure('five', exact(5))],
    ]);
    const failure = (computation: Partial<DerivedSpec>) => {
      try {
        deriveFigure(spec(computation), figures);
      } catch (error) {
        if (error instanceof DerivationError) return [error.field, error.message];
        throw error;
      }
      throw new Error('expected a DerivationError');
    };
    expect(failure({ sum: ['a', 'b'] })).toEqual([
      ['sum'],
      expect.stringMatching(/^cannot add up "a" \(at least 100\) and "b" \(at most five\)/),
    ]);
    expect(failure({ sum: ['a', 'nope'] })).toEqual([['sum'], '"nope" is not a figure in this file']);
    expect(failure({ change: { from: 'zero', to: 'five' } })).toEqual([
      ['change'],
      'cannot give a percentage change from "zero" (zero) to "five" (five): a change from zero has no percentage',
    ]);
  });

  it('converts only at a rate that is dated and reported, not at one computed or undated', () => {
    const rate = figure('rate', exact(1_380.5), { currency: 'KRW', per: 'USD' });
    const figures = new Map([
      ['aid', figure('aid', exact(1.2e9), { currency: 'USD' })],
      ['rate', rate],
    ]);
    expect(() => deriveFigure(spec({ convert: { amount: 'aid', rate: 'rate' } }), figures)).toThrow(
      '"rate" has no date: rates move, so a conversion uses a rate quoted for a given day; give it one (date: 2025-06-20)',
    );
  });
});

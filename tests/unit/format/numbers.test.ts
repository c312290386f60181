import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatApproximate,
  formatAtLeast,
  formatCompact,
  formatNumberRange,
  formatPercent,
  formatProse,
  formatQualitative,
  formatSignedChange,
  type Magnitude,
} from '../../../src/format/numbers.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const LOCALES = ['en-US', 'en-GB', 'de-DE', 'ko-KR'];

describe('formatProse', () => {
  it.each([
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'three'],
    [4, 'four'],
    [5, 'five'],
    [6, 'six'],
    [7, 'seven'],
    [8, 'eight'],
    [9, 'nine'],
    [10, '10'],
    [11_000, '11,000'],
    [999_999, '999,999'],
    [1_000_000, '1 million'],
    [1_500_000, '1.5 million'],
    [6_000_000, '6 million'],
    [1_000_000_000, '1 billion'],
    [2_500_000_000, '2.5 billion'],
    [1_000_000_000_000, '1 trillion'],
  ])('en-US %d → %s', (n, expected) => {
    expect(formatProse(n)).toBe(expected);
    expect(formatProse(n, { locale: 'en-US' })).toBe(expected);
  });

  it('keeps figures when millions would need rounding: sourced numbers never lose precision', () => {
    expect(formatProse(1_049_999)).toBe('1,049,999');
    expect(formatProse(1_234_000)).toBe('1,234,000');
    expect(formatProse(2_250_000_000)).toBe('2,250,000,000');
  });

  it('uses figures above the trillions, where Intl has no word', () => {
    expect(formatProse(1e15)).toBe('1,000,000,000,000,000');
  });

  it('writes negatives as figures with the locale minus', () => {
    expect(formatProse(-5)).toBe('-5');
    expect(formatProse(-11_000)).toBe('-11,000');
    expect(formatProse(-1_500_000)).toBe('-1.5 million');
    expect(formatProse(-5, { locale: 'de-DE' })).toBe('-5');
  });

  it('treats -0 as zero', () => {
    expect(formatProse(-0)).toBe('zero');
  });

  it('writes non-integers as figures with at most two decimals', () => {
    expect(formatProse(2.345)).toBe('2.35');
    expect(formatProse(1.005)).toBe('1.01');
    expect(formatProse(0.5)).toBe('0.5');
    expect(formatProse(2.5)).toBe('2.5');
    expect(formatProse(12_345.678)).toBe('12,345.68');
    expect(formatProse(-0.001)).toBe('0');
    expect(formatProse(2.345, { locale: 'de-DE' })).toBe('2,35');
  });

  it('spells out one to nine in every English locale', () => {
    expect(formatProse(7, { locale: 'en-GB' })).toBe('seven');
    expect(formatProse(11_000, { locale: 'en-GB' })).toBe('11,000');
    expect(formatProse(1_500_000, { locale: 'en-GB' })).toBe('1.5 million');
  });

  it('spells out zero to twelve in German and groups with dots', () => {
    const words = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
    words.forEach((word, n) => expect(formatProse(n, { locale: 'de-DE' })).toBe(word));
    expect(formatProse(13, { locale: 'de-DE' })).toBe('13');
    expect(formatProse(11_000, { locale: 'de-DE' })).toBe('11.000');
    expect(formatProse(999_999, { locale: 'de-DE' })).toBe('999.999');
    expect(formatProse(1_000_000, { locale: 'de-DE' })).toBe('1 Million');
    expect(formatProse(1_500_000, { locale: 'de-DE' })).toBe('1,5 Millionen');
    expect(formatProse(1_000_000_000, { locale: 'de-DE' })).toBe('1 Milliarde');
    expect(formatProse(2_500_000_000, { locale: 'de-DE' })).toBe('2,5 Milliarden');
    expect(formatProse(1_049_999, { locale: 'de-DE' })).toBe('1.049.999');
  });

  it('uses figures in Korean, and 만/억 only when no decimal is needed', () => {
    expect(formatProse(0, { locale: 'ko-KR' })).toBe('0');
    expect(formatProse(5, { locale: 'ko-KR' })).toBe('5');
    expect(formatProse(11_000, { locale: 'ko-KR' })).toBe('11,000');
    expect(formatProse(1_000_000, { locale: 'ko-KR' })).toBe('100만');
    expect(formatProse(1_500_000, { locale: 'ko-KR' })).toBe('150만');
    expect(formatProse(2_500_000_000, { locale: 'ko-KR' })).toBe('25억');
    expect(formatProse(1_234_000, { locale: 'ko-KR' })).toBe('1,234,000');
    expect(formatProse(1_049_999, { locale: 'ko-KR' })).toBe('1,049,999');
  });

  it('uses figures only in languages without spelling rules', () => {
    expect(formatProse(5, { locale: 'fr-FR' })).toBe('5');
  });

  it('rejects malformed locales', () => {
    expect(() => formatProse(5, { locale: 'en_US' })).toThrow(/invalid locale "en_US"/);
  });

  it('never prints NaN or Infinity for any finite number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...LOCALES), (n, locale) => {
        expect(formatProse(n, { locale })).not.toMatch(/NaN|Infinity|∞/);
      }),
    );
  });

  it('for whole numbers from 10 up, loses nothing: figures strip to the number, words scale back to it', () => {
    const scales: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 10, max: 10_000_000 }),
          fc.integer({ min: 1, max: 9_999 }).map((k) => k * 100_000),
          fc.integer({ min: 10, max: 1e15 - 1 }),
        ),
        (n) => {
          const text = formatProse(n);
          const words = /^(\d+)(?:\.(\d))? (million|billion|trillion)$/.exec(text);
          if (words) {
            const [, whole, tenth, scale] = words;
            const scaleValue = scales[scale ?? ''] ?? Number.NaN;
            expect(Number(whole) * scaleValue + Number(tenth ?? 0) * (scaleValue / 10)).toBe(n);
          } else {
            expect(text.replaceAll(',', '')).toBe(String(n));
          }
        },
      ),
    );
  });

  it('German figures strip to the same integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 13, max: 999_999 }), (n) => {
        expect(formatProse(n, { locale: 'de-DE' }).replaceAll('.', '')).toBe(String(n));
      }),
    );
  });
});

describe('number arguments are checked everywhere', () => {
  const takesNumber: Array<[string, (x: unknown) => string]> = [
    ['formatProse', (x) => formatProse(x as number)],
    ['formatApproximate', (x) => formatApproximate(x as number)],
    ['formatAtLeast', (x) => formatAtLeast(x as number)],
    ['formatNumberRange low', (x) => formatNumberRange(x as number, 10)],
    ['formatNumberRange high', (x) => formatNumberRange(1, x as number)],
    ['formatCompact', (x) => formatCompact(x as number)],
    ['formatSignedChange', (x) => formatSignedChange(x as number)],
    ['formatPercent', (x) => formatPercent(x as number)],
  ];

  describe.each(takesNumber)('%s', (_name, call) => {
    it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('throws RangeError for %d', (bad) => {
      expect(() => call(bad)).toThrow(RangeError);
      expect(() => call(bad)).toThrow(/must be a finite number/);
    });
    it.each([
      ['"600"', '600'],
      ['null', null],
      ['undefined', undefined],
      ['a bigint', 5n],
      ['an object', {}],
    ])('throws TypeError for %s', (_label, bad) => {
      expect(() => call(bad)).toThrow(TypeError);
      expect(() => call(bad)).toThrow(/must be a number/);
    });
  });

  it('quotes the offending value so editors can find it', () => {
    expect(() => formatProse('six hundred' as unknown as number)).toThrow('number must be a number, got "six hundred"');
  });
});

describe('formatApproximate', () => {
  it('uses the locale qualifier and prose numbers', () => {
    expect(formatApproximate(600)).toBe('about 600');
    expect(formatApproximate(5)).toBe('about five');
    expect(formatApproximate(1_500_000)).toBe('about 1.5 million');
    expect(formatApproximate(600, { locale: 'de-DE' })).toBe('etwa 600');
    expect(formatApproximate(12, { locale: 'de-DE' })).toBe('etwa zwölf');
    expect(formatApproximate(600, { locale: 'ko-KR' })).toBe('약 600');
  });

  it('uses a given qualifier verbatim', () => {
    expect(formatApproximate(600, { qualifier: 'around' })).toBe('around 600');
    expect(formatApproximate(600, { locale: 'de-DE', qualifier: 'rund' })).toBe('rund 600');
    expect(formatApproximate(600, { locale: 'fr-FR', qualifier: 'environ' })).toBe('environ 600');
  });

  it('refuses to guess words for languages it has none for', () => {
    expect(() => formatApproximate(600, { locale: 'fr-FR' })).toThrow(/no wording for locale "fr-FR"/);
  });

  it('rejects an empty qualifier', () => {
    expect(() => formatApproximate(600, { qualifier: ' ' })).toThrow(TypeError);
  });
});

describe('formatAtLeast', () => {
  it.each([
    ['en-US', 3, 'more than three'],
    ['en-US', 11_000, 'more than 11,000'],
    ['en-GB', 3, 'more than three'],
    ['de-DE', 3, 'mehr als drei'],
    ['de-DE', 600, 'mehr als 600'],
    ['ko-KR', 3, '3 이상'],
    ['ko-KR', 11_000, '11,000 이상'],
  ])('%s %d → %s', (locale, n, expected) => {
    expect(formatAtLeast(n, { locale })).toBe(expected);
  });
});

describe('formatNumberRange', () => {
  it('joins prose ranges with words', () => {
    expect(formatNumberRange(4_000, 6_000)).toBe('4,000 to 6,000');
    expect(formatNumberRange(4_000, 6_000, { locale: 'de-DE' })).toBe('4.000 bis 6.000');
    expect(formatNumberRange(4_000, 6_000, { locale: 'ko-KR' })).toBe('4,000~6,000');
    expect(formatNumberRange(4_000_000, 6_000_000)).toBe('4 million to 6 million');
  });

  it('writes both ends the same way: both spelled out or both figures', () => {
    expect(formatNumberRange(4, 6)).toBe('four to six');
    expect(formatNumberRange(8, 12)).toBe('8 to 12');
    expect(formatNumberRange(0, 3)).toBe('zero to three');
    expect(formatNumberRange(4, 6, { locale: 'de-DE' })).toBe('vier bis sechs');
    expect(formatNumberRange(8, 12, { locale: 'de-DE' })).toBe('acht bis zwölf');
    expect(formatNumberRange(8, 13, { locale: 'de-DE' })).toBe('8 bis 13');
  });

  it('uses an unspaced en dash in tables (a tilde in Korean)', () => {
    expect(formatNumberRange(4_000, 6_000, { style: 'table' })).toBe('4,000\u20136,000');
    expect(formatNumberRange(4, 6, { style: 'table' })).toBe('4\u20136');
    expect(formatNumberRange(4_000, 6_000, { style: 'table', locale: 'de-DE' })).toBe('4.000\u20136.000');
    expect(formatNumberRange(4_000, 6_000, { style: 'table', locale: 'ko-KR' })).toBe('4,000~6,000');
    // A dash next to a minus sign would read as a subtraction: ranges with a negative end take the word.
    expect(formatNumberRange(-5, -3, { style: 'table' })).toBe(`${MINUS}5 to ${MINUS}3`);
    expect(formatNumberRange(-5, 5, { style: 'table' })).toBe(`${MINUS}5 to 5`);
    expect(formatNumberRange(-5, 5, { style: 'table', locale: 'de-DE' })).toBe(`${MINUS}5 bis 5`);
    expect(formatNumberRange(-5, 5, { style: 'table', locale: 'ko-KR' })).toBe(`${MINUS}5~5`);
    expect(formatNumberRange(-5, 5, { style: 'table', locale: 'fr-FR' })).toBe(`${MINUS}5 \u2013 5`);
    expect(formatNumberRange(4, 6, { style: 'table', locale: 'fr-FR' })).toBe('4\u20136');
  });

  it('prints a range whose ends are equal as that one number', () => {
    expect(formatNumberRange(600, 600)).toBe('600');
    expect(formatNumberRange(3, 3, { style: 'table' })).toBe('3');
  });

  it('rejects low > high, and accepts every low <= high', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        if (a > b) {
          expect(() => formatNumberRange(a, b)).toThrow(RangeError);
        } else {
          expect(formatNumberRange(a, b)).not.toMatch(/NaN/);
        }
      }),
    );
    expect(() => formatNumberRange(6_000, 4_000)).toThrow('range low (6000) must not be greater than range high (4000)');
  });

  it('rejects an unknown style', () => {
    expect(() => formatNumberRange(1, 2, { style: 'chart' as 'table' })).toThrow(/style must be "prose" or "table"/);
  });
});

describe('formatCompact', () => {
  it.each([
    [0, '0'],
    [600, '600'],
    [1_200, '1.2K'],
    [11_000, '11K'],
    [999_999, '1M'],
    [6_000_000, '6M'],
    [2_500_000_000, '2.5B'],
    [1.25, '1.3'],
    [-1_200, `${MINUS}1.2K`],
    [-0.01, '0'],
  ])('en-US %d → %s', (n, expected) => {
    expect(formatCompact(n)).toBe(expected);
  });

  it('follows Intl in other locales', () => {
    expect(formatCompact(11_000, { locale: 'en-GB' })).toBe('11k');
    expect(formatCompact(2_500_000_000, { locale: 'en-GB' })).toBe('2.5bn');
    expect(formatCompact(11_000, { locale: 'de-DE' })).toBe('11.000');
    expect(formatCompact(1_200, { locale: 'de-DE' })).toBe('1200');
    expect(formatCompact(6_000_000, { locale: 'de-DE' })).toBe(`6${NBSP}Mio.`);
    expect(formatCompact(2_500_000_000, { locale: 'de-DE' })).toBe(`2,5${NBSP}Mrd.`);
    expect(formatCompact(11_000, { locale: 'ko-KR' })).toBe('1.1만');
    expect(formatCompact(6_000_000, { locale: 'ko-KR' })).toBe('600만');
    expect(formatCompact(2_500_000_000, { locale: 'ko-KR' })).toBe('25억');
  });
});

describe('formatSignedChange', () => {
  it('table style: plus sign, true minus sign, bare zero', () => {
    expect(formatSignedChange(1_200, { style: 'table' })).toBe('+1,200');
    expect(formatSignedChange(-300, { style: 'table' })).toBe('\u2212300');
    expect(formatSignedChange(0, { style: 'table' })).toBe('0');
    expect(formatSignedChange(0.001, { style: 'table' })).toBe('0');
    expect(formatSignedChange(-0.001, { style: 'table' })).toBe('0');
    expect(formatSignedChange(2.5, { style: 'table' })).toBe('+2.5');
    expect(formatSignedChange(1_200, { style: 'table', locale: 'de-DE' })).toBe('+1.200');
    expect(formatSignedChange(-300, { style: 'table', locale: 'ko-KR' })).toBe(`${MINUS}300`);
  });

  it('prose style (the default) says up, down or unchanged', () => {
    expect(formatSignedChange(1_200)).toBe('up 1,200');
    expect(formatSignedChange(-300)).toBe('down 300');
    expect(formatSignedChange(3)).toBe('up three');
    expect(formatSignedChange(-1_500_000)).toBe('down 1.5 million');
    expect(formatSignedChange(0)).toBe('unchanged');
    expect(formatSignedChange(-0.001)).toBe('unchanged');
  });

  it('prose style in German and Korean', () => {
    expect(formatSignedChange(1_200, { locale: 'de-DE' })).toBe('plus 1.200');
    expect(formatSignedChange(-3, { locale: 'de-DE' })).toBe('minus drei');
    expect(formatSignedChange(0, { locale: 'de-DE' })).toBe('unverändert');
    expect(formatSignedChange(1_200, { locale: 'ko-KR' })).toBe('1,200 증가');
    expect(formatSignedChange(-300, { locale: 'ko-KR' })).toBe('300 감소');
    expect(formatSignedChange(0, { locale: 'ko-KR' })).toBe('변동 없음');
  });

  it('table sign always matches the direction', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (delta) => {
        const text = formatSignedChange(delta, { style: 'table' });
        if (Math.abs(delta) < 0.005) expect(text).toBe('0');
        else expect(text[0]).toBe(delta > 0 ? '+' : MINUS);
      }),
    );
  });
});

describe('formatPercent', () => {
  it('takes ratios by default and keeps up to one decimal', () => {
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(0.07)).toBe('7%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(-0.0001)).toBe('0%');
    expect(formatPercent(-0.125)).toBe('-12.5%');
  });

  it('follows each locale', () => {
    expect(formatPercent(0.125, { locale: 'en-GB' })).toBe('12.5%');
    expect(formatPercent(0.125, { locale: 'de-DE' })).toBe(`12,5${NBSP}%`);
    expect(formatPercent(0.125, { locale: 'ko-KR' })).toBe('12.5%');
  });

  it('takes percentages with input: percent', () => {
    expect(formatPercent(12.5, { input: 'percent' })).toBe('12.5%');
    expect(formatPercent(12.5, { input: 'percent', locale: 'de-DE' })).toBe(`12,5${NBSP}%`);
  });

  it('fixes the number of decimals with fractionDigits', () => {
    expect(formatPercent(0.125, { fractionDigits: 2 })).toBe('12.50%');
    expect(formatPercent(0.125, { fractionDigits: 0 })).toBe('13%');
    expect(formatPercent(0.5, { fractionDigits: 1 })).toBe('50.0%');
  });

  it('rejects bad options', () => {
    expect(() => formatPercent(0.1, { fractionDigits: -1 })).toThrow(RangeError);
    expect(() => formatPercent(0.1, { fractionDigits: 1.5 })).toThrow(RangeError);
    expect(() => formatPercent(0.1, { fractionDigits: 21 })).toThrow(RangeError);
    expect(() => formatPercent(0.1, { input: 'per mille' as 'ratio' })).toThrow(/input must be "ratio" or "percent"/);
  });
});

describe('formatQualitative', () => {
  const table: Array<[Magnitude, string, string]> = [
    ['dozens', 'Dutzende', '수십'],
    ['hundreds', 'Hunderte', '수백'],
    ['thousands', 'Tausende', '수천'],
    ['tens of thousands', 'Zehntausende', '수만'],
    ['hundreds of thousands', 'Hunderttausende', '수십만'],
    ['millions', 'Millionen', '수백만'],
    ['several hundred', 'mehrere Hundert', '수백'],
    ['several thousand', 'mehrere Tausend', '수천'],
    ['several million', 'mehrere Millionen', '수백만'],
  ];

  it.each(table)('%s → de %s, ko %s', (magnitude, german, korean) => {
    expect(formatQualitative(magnitude)).toBe(magnitude);
    expect(formatQualitative(magnitude, { locale: 'en-GB' })).toBe(magnitude);
    expect(formatQualitative(magnitude, { locale: 'de-DE' })).toBe(german);
    expect(formatQualitative(magnitude, { locale: 'ko-KR' })).toBe(korean);
  });

  it('rejects unknown magnitudes and languages without words', () => {
    expect(() => formatQualitative('scores' as Magnitude)).toThrow(/magnitude must be one of "dozens"/);
    expect(() => formatQualitative('thousands', { locale: 'fr-FR' })).toThrow(RangeError);
  });
});

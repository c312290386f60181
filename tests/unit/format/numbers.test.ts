import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatApproximate,
  formatAtLeast,
  formatCompact,
  formatMoreThan,
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
// '·' in an expected string is a no-break space: a figure holds together on one line.
const nb = (text: string) => text.replaceAll('·', NBSP);

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
    [1_000_000, '1·million'],
    [1_500_000, '1.5·million'],
    [6_000_000, '6·million'],
    [7_510_000, '7.51·million'],
    [1_000_000_000, '1·billion'],
    [2_500_000_000, '2.5·billion'],
    [1_000_000_000_000, '1·trillion'],
  ])('en-US %d → %s', (n, expected) => {
    expect(formatProse(n)).toBe(nb(expected));
    expect(formatProse(n, { locale: 'en-US' })).toBe(nb(expected));
  });

  it('keeps figures when millions would need rounding: sourced numbers never lose precision', () => {
    // AP: no more than two decimals with million and billion ("7.51 million people").
    expect(formatProse(1_049_999)).toBe('1,049,999');
    expect(formatProse(1_234_000)).toBe('1,234,000');
    expect(formatProse(2_250_000_000)).toBe(nb('2.25·billion'));
    expect(formatProse(2_255_000_000)).toBe('2,255,000,000');
  });

  it('uses figures above the trillions, where Intl has no word', () => {
    expect(formatProse(1e15)).toBe('1,000,000,000,000,000');
  });

  it('writes negatives as figures with the locale minus', () => {
    expect(formatProse(-5)).toBe('-5');
    expect(formatProse(-11_000)).toBe('-11,000');
    expect(formatProse(-1_500_000)).toBe(nb('-1.5·million'));
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
    expect(formatProse(1_500_000, { locale: 'en-GB' })).toBe(nb('1.5·million'));
  });

  it('spells out zero to twelve in German and groups with dots', () => {
    const words = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
    words.forEach((word, n) => expect(formatProse(n, { locale: 'de-DE' })).toBe(word));
    expect(formatProse(13, { locale: 'de-DE' })).toBe('13');
    expect(formatProse(11_000, { locale: 'de-DE' })).toBe('11.000');
    expect(formatProse(999_999, { locale: 'de-DE' })).toBe('999.999');
    expect(formatProse(1_000_000, { locale: 'de-DE' })).toBe(nb('1·Million'));
    expect(formatProse(1_500_000, { locale: 'de-DE' })).toBe(nb('1,5·Millionen'));
    expect(formatProse(1_000_000_000, { locale: 'de-DE' })).toBe(nb('1·Milliarde'));
    expect(formatProse(2_500_000_000, { locale: 'de-DE' })).toBe(nb('2,5·Milliarden'));
    expect(formatProse(1_049_999, { locale: 'de-DE' })).toBe('1.049.999');
  });

  it('uses figures in Korean, and 만/억/조 spaced by myriads (한글 맞춤법 제44항) when the number ends on one', () => {
    expect(formatProse(0, { locale: 'ko-KR' })).toBe('0');
    expect(formatProse(5, { locale: 'ko-KR' })).toBe('5');
    expect(formatProse(11_000, { locale: 'ko-KR' })).toBe('11,000');
    expect(formatProse(1_000_000, { locale: 'ko-KR' })).toBe('100만');
    expect(formatProse(1_500_000, { locale: 'ko-KR' })).toBe('150만');
    expect(formatProse(2_500_000_000, { locale: 'ko-KR' })).toBe('25억');
    expect(formatProse(1_250_000_000, { locale: 'ko-KR' })).toBe(nb('12억·5000만'));
    expect(formatProse(1_200_000_000_000, { locale: 'ko-KR' })).toBe(nb('1조·2000억'));
    expect(formatProse(1_234_000, { locale: 'ko-KR' })).toBe('1,234,000');
    expect(formatProse(1_049_999, { locale: 'ko-KR' })).toBe('1,049,999');
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
          fc.integer({ min: 1, max: 99_999 }).map((k) => k * 10_000_000),
          fc.integer({ min: 10, max: 1e15 - 1 }),
        ),
        (n) => {
          const text = formatProse(n);
          const words = new RegExp(`^(\\d+)(?:\\.(\\d{1,2}))?${NBSP}(million|billion|trillion)$`).exec(text);
          if (words) {
            const [, whole, decimals = '', scale] = words;
            expect(Math.round(Number(`${whole}.${decimals || '0'}`) * (scales[scale ?? ''] ?? Number.NaN))).toBe(n);
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

describe('formatApproximate', () => {
  it('uses the catalogue qualifier and prose numbers', () => {
    expect(formatApproximate(600)).toBe(nb('about·600'));
    expect(formatApproximate(5)).toBe(nb('about·five'));
    expect(formatApproximate(1_500_000)).toBe(nb('about·1.5·million'));
    expect(formatApproximate(600, { locale: 'de-DE' })).toBe(nb('etwa·600'));
    expect(formatApproximate(12, { locale: 'de-DE' })).toBe(nb('etwa·zwölf'));
    expect(formatApproximate(600, { locale: 'ko-KR' })).toBe(nb('약·600'));
  });

  it('uses a given qualifier verbatim', () => {
    expect(formatApproximate(600, { qualifier: 'around' })).toBe(nb('around·600'));
    expect(formatApproximate(600, { locale: 'de-DE', qualifier: 'rund' })).toBe(nb('rund·600'));
    expect(formatApproximate(600, { qualifier: 'as many as' })).toBe(nb('as·many·as·600'));
  });

  it('refuses to guess words for a language without a catalogue, and names the file to add', () => {
    expect(() => formatApproximate(600, { locale: 'fr-FR' })).toThrow(
      'no message catalogue for locale "fr-FR": the languages are de, en, ko; a language is added with one file, src/i18n/messages/fr.yaml',
    );
  });
});

describe('bounds', () => {
  it.each([
    ['en-US', 3, 'more·than·three', 'at·least·three'],
    ['en-US', 11_000, 'more·than·11,000', 'at·least·11,000'],
    ['en-GB', 3, 'more·than·three', 'at·least·three'],
    ['de-DE', 3, 'mehr·als·drei', 'mindestens·drei'],
    ['de-DE', 600, 'mehr·als·600', 'mindestens·600'],
    ['ko-KR', 3, '3·넘게', '3·이상'],
    ['ko-KR', 11_000, '11,000·넘게', '11,000·이상'],
  ])('%s %d → %s, %s', (locale, n, moreThan, atLeast) => {
    expect(formatMoreThan(n, { locale })).toBe(nb(moreThan));
    expect(formatAtLeast(n, { locale })).toBe(nb(atLeast));
  });
});

describe('formatNumberRange', () => {
  it('joins prose ranges with words, which may break; each end holds together', () => {
    expect(formatNumberRange(4_000, 6_000)).toBe('4,000 to 6,000');
    expect(formatNumberRange(4_000, 6_000, { locale: 'de-DE' })).toBe('4.000 bis 6.000');
    expect(formatNumberRange(4_000, 6_000, { locale: 'ko-KR' })).toBe('4,000~6,000');
    expect(formatNumberRange(4_000_000, 6_000_000)).toBe(nb('4·million to 6·million'));
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
  });

  it('prints a range whose ends are equal as that one number', () => {
    expect(formatNumberRange(600, 600)).toBe('600');
    expect(formatNumberRange(3, 3, { style: 'table' })).toBe('3');
  });

  it('never prints NaN for a range whose ends are in order', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(formatNumberRange(low, high)).not.toMatch(/NaN/);
      }),
    );
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
    expect(formatSignedChange(1_200)).toBe(nb('up·1,200'));
    expect(formatSignedChange(-300)).toBe(nb('down·300'));
    expect(formatSignedChange(3)).toBe(nb('up·three'));
    expect(formatSignedChange(-1_500_000)).toBe(nb('down·1.5·million'));
    expect(formatSignedChange(0)).toBe('unchanged');
    expect(formatSignedChange(-0.001)).toBe('unchanged');
  });

  it('prose style in German and Korean', () => {
    expect(formatSignedChange(1_200, { locale: 'de-DE' })).toBe(nb('plus·1.200'));
    expect(formatSignedChange(-3, { locale: 'de-DE' })).toBe(nb('minus·drei'));
    expect(formatSignedChange(0, { locale: 'de-DE' })).toBe('unverändert');
    expect(formatSignedChange(1_200, { locale: 'ko-KR' })).toBe(nb('1,200·증가'));
    expect(formatSignedChange(-300, { locale: 'ko-KR' })).toBe(nb('300·감소'));
    expect(formatSignedChange(0, { locale: 'ko-KR' })).toBe(nb('변동·없음'));
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
});

describe('formatQualitative', () => {
  const table: Array<[Magnitude, string, string]> = [
    ['dozens', 'Dutzende', '수십'],
    ['hundreds', 'Hunderte', '수백'],
    ['thousands', 'Tausende', '수천'],
    ['tens of thousands', 'Zehntausende', '수만'],
    ['hundreds of thousands', 'Hunderttausende', '수십만'],
    ['millions', 'Millionen', '수백만'],
    ['several hundred', 'mehrere·Hundert', '수백'],
    ['several thousand', 'mehrere·Tausend', '수천'],
    ['several million', 'mehrere·Millionen', '수백만'],
  ];

  it.each(table)('%s → de %s, ko %s', (magnitude, german, korean) => {
    expect(formatQualitative(magnitude)).toBe(nb(magnitude.replaceAll(' ', '·')));
    expect(formatQualitative(magnitude, { locale: 'en-GB' })).toBe(nb(magnitude.replaceAll(' ', '·')));
    expect(formatQualitative(magnitude, { locale: 'de-DE' })).toBe(nb(german));
    expect(formatQualitative(magnitude, { locale: 'ko-KR' })).toBe(nb(korean));
  });
});

// Figures with their units, currencies and forms: formatQuantity and formatAmount.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FigureFormError,
  amountValue,
  formatAmount,
  formatChange,
  formatFraction,
  formatMeasureName,
  formatQuantity,
  type Amount,
  type Quantity,
  type UnitLabel,
} from '../../../src/format/numbers.ts';
import { UNIT_KEYWORDS, measureOf } from '../../../src/format/quantity.ts';

const NBSP = '\u00a0';
// '·' in an expected string is a no-break space.
const nb = (text: string) => text.replaceAll('·', NBSP);

const years: UnitLabel = { one: 'year', other: 'years' };
const soldiers: UnitLabel = { one: 'soldier', other: 'soldiers' };
const jahre: UnitLabel = { one: 'Jahr', other: 'Jahre' };
const myeong: UnitLabel = { one: '명', other: '명' };

const exact = (value: number): Amount => ({ kind: 'exact', value });
const approximate = (value: number, qualifier?: string): Amount =>
  qualifier === undefined ? { kind: 'approximate', value } : { kind: 'approximate', value, qualifier };
const range = (low: number, high: number): Amount => ({ kind: 'range', low, high });
const moreThan = (value: number): Amount => ({ kind: 'moreThan', value });
const atLeast = (value: number): Amount => ({ kind: 'atLeast', value });
const qualitative = (magnitude: Extract<Amount, { kind: 'qualitative' }>['magnitude']): Amount => ({ kind: 'qualitative', magnitude });

describe('formatAmount in prose', () => {
  it.each<[Amount, string]>([
    [exact(11_000), '11,000'],
    [exact(3), 'three'],
    [exact(6_000_000), '6·million'],
    [approximate(600), 'about·600'],
    [approximate(600, 'around'), 'around·600'],
    [range(4_000, 6_000), '4,000 to 6,000'],
    [moreThan(3), 'more·than·three'],
    [atLeast(100), 'at·least·100'],
    [{ kind: 'lessThan', value: 50 }, 'fewer·than·50'],
    [{ kind: 'atMost', value: 50 }, 'at·most·50'],
    [qualitative('several million'), 'several·million'],
  ])('%o → %s', (amount, expected) => {
    expect(formatAmount(amount)).toBe(nb(expected));
  });

  it('appends a unit only when given, singular for one', () => {
    expect(formatAmount(exact(1), { unit: 'month' })).toBe(nb('one·month'));
    expect(formatAmount(exact(0), { unit: 'month' })).toBe(nb('zero·months'));
    expect(formatAmount(exact(11_000), { unit: 'person' })).toBe(nb('11,000·people'));
    expect(formatAmount(exact(1.5), { unit: years })).toBe(nb('1.5·years'));
    expect(formatAmount(exact(1_000_000), { unit: 'person' })).toBe(nb('1·million·people'));
    expect(formatAmount(approximate(1), { unit: 'month' })).toBe(nb('about·one·month'));
    expect(formatAmount(moreThan(3), { unit: 'year' })).toBe(nb('more·than·three·years'));
    expect(formatAmount(moreThan(1), { unit: years })).toBe(nb('more·than·one·year'));
    expect(formatAmount(range(4_000, 6_000), { unit: years })).toBe(nb('4,000 to 6,000·years'));
    expect(formatAmount(range(1, 2), { unit: 'year' })).toBe(nb('one to two·years'));
  });

  it('puts "of" after plural magnitudes but not after "several"', () => {
    expect(formatAmount(qualitative('thousands'), { unit: 'person' })).toBe(nb('thousands·of·people'));
    expect(formatAmount(qualitative('hundreds of thousands'), { unit: soldiers })).toBe(nb('hundreds·of·thousands·of·soldiers'));
    expect(formatAmount(qualitative('several thousand'), { unit: 'person' })).toBe(nb('several·thousand·people'));
  });

  it('says "fewer" of things counted one by one and "less" of quantities (AP)', () => {
    expect(formatAmount({ kind: 'lessThan', value: 100 }, { unit: soldiers })).toBe(nb('fewer·than·100·soldiers'));
    expect(formatAmount({ kind: 'lessThan', value: 3 }, { unit: 'year' })).toBe(nb('less·than·three·years'));
    expect(formatAmount({ kind: 'lessThan', value: 5 }, { unit: 'percent' })).toBe(nb('less·than·5%'));
    expect(formatAmount({ kind: 'lessThan', value: 1e6 }, { currency: 'USD' })).toBe(nb('less·than·$1·million'));
  });

  it('German', () => {
    expect(formatAmount(exact(11_000), { locale: 'de-DE' })).toBe('11.000');
    expect(formatAmount(exact(3), { locale: 'de-DE', unit: jahre })).toBe(nb('drei·Jahre'));
    expect(formatAmount(exact(3), { locale: 'de-DE', unit: 'year' })).toBe(nb('drei·Jahre'));
    // The article of 'ein Jahr' / 'eine Woche' depends on gender and case, which a figure does not know.
    expect(formatAmount(exact(1), { locale: 'de-DE', unit: 'year' })).toBe(nb('1·Jahr'));
    expect(formatAmount(exact(1), { locale: 'de-DE' })).toBe('eins');
    expect(formatAmount(approximate(600), { locale: 'de-DE', unit: { one: 'Mensch', other: 'Menschen' } })).toBe(nb('etwa·600·Menschen'));
    expect(formatAmount(moreThan(3), { locale: 'de-DE', unit: 'year' })).toBe(nb('mehr·als·drei·Jahre'));
    expect(formatAmount(atLeast(100), { locale: 'de-DE', unit: 'person' })).toBe(nb('mindestens·100·Personen'));
    expect(formatAmount(range(4_000, 6_000), { locale: 'de-DE', unit: jahre })).toBe(nb('4.000 bis 6.000·Jahre'));
    expect(formatAmount(range(1, 2), { locale: 'de-DE', unit: 'year' })).toBe(nb('ein bis zwei·Jahre'));
    expect(formatAmount(range(1, 2), { locale: 'de-DE' })).toBe('eins bis zwei');
    expect(formatAmount(qualitative('thousands'), { locale: 'de-DE', unit: { one: 'Mensch', other: 'Menschen' } })).toBe(
      nb('Tausende·Menschen'),
    );
  });

  it('Korean attaches counters to figures and spaces them after numeral words (한글 맞춤법 제43항)', () => {
    expect(formatAmount(exact(600), { locale: 'ko-KR', unit: myeong })).toBe('600명');
    expect(formatAmount(exact(600), { locale: 'ko-KR', unit: 'person' })).toBe('600명');
    expect(formatAmount(approximate(600), { locale: 'ko-KR', unit: 'person' })).toBe(nb('약·600명'));
    expect(formatAmount(moreThan(3), { locale: 'ko-KR', unit: 'year' })).toBe(nb('3년·넘게'));
    expect(formatAmount(atLeast(100), { locale: 'ko-KR', unit: 'person' })).toBe(nb('100명·이상'));
    expect(formatAmount({ kind: 'atMost', value: 100 }, { locale: 'ko-KR', unit: 'person' })).toBe(nb('100명·이하'));
    expect(formatAmount({ kind: 'lessThan', value: 100 }, { locale: 'ko-KR', unit: 'person' })).toBe(nb('100명·미만'));
    expect(formatAmount(range(4_000, 6_000), { locale: 'ko-KR', unit: 'person' })).toBe('4,000~6,000명');
    expect(formatAmount(exact(1_500_000), { locale: 'ko-KR', unit: 'person' })).toBe(nb('150만·명'));
    expect(formatAmount(qualitative('thousands'), { locale: 'ko-KR', unit: 'person' })).toBe(nb('수천·명'));
  });
});

describe('compound form (an adjective before a noun)', () => {
  it.each<[Amount, Quantity['unit'], string]>([
    [exact(11), 'year', '11-year'],
    [exact(3), 'year', 'three-year'],
    [exact(1), 'month', 'one-month'],
    [approximate(1), 'month', 'about·one-month'],
    [approximate(6, 'nearly'), 'month', 'nearly·six-month'],
    [moreThan(3), 'year', 'more·than·three-year'],
    [atLeast(3), 'year', 'at·least·three-year'],
    [range(4, 6), 'year', 'four-·to·six-year'],
    [range(8, 12), 'year', '8-·to·12-year'],
    [exact(600), 'person', '600-person'],
    [exact(3), years, 'three-year'],
  ])('en %o %o → %s (AP: hyphen, singular unit)', (amount, unit, expected) => {
    expect(formatAmount(amount, { unit, compound: true })).toBe(nb(expected));
  });

  it.each<[Amount, Quantity['unit'], string]>([
    [exact(3), 'year', 'dreijährige'],
    [exact(11), 'year', 'elfjährige'],
    [exact(13), 'year', '13-jährige'],
    [exact(1), 'month', 'einmonatige'],
    [exact(12), 'week', 'zwölfwöchige'],
    [approximate(1), 'month', 'etwa·einmonatige'],
    [moreThan(3), 'year', 'mehr·als·dreijährige'],
    [atLeast(3), 'year', 'mindestens·dreijährige'],
    [range(4, 6), 'year', 'vier-·bis·sechsjährige'],
    [range(8, 12), 'day', 'acht-·bis·zwölftägige'],
    [range(8, 13), 'day', '8-·bis·13-tägige'],
    [exact(600), 'person', '600-köpfige'],
  ])('de %o %o → %s (Duden: one word after a spelled number, hyphen after figures)', (amount, unit, expected) => {
    expect(formatAmount(amount, { unit, compound: true, locale: 'de-DE' })).toBe(nb(expected));
  });

  it('takes the German ending the sentence needs', () => {
    const war: Quantity = { amount: exact(3), unit: 'year' };
    expect(formatQuantity(war, { locale: 'de-DE', form: 'compound', ending: 'en' })).toBe('dreijährigen');
    expect(formatQuantity(war, { locale: 'de-DE', form: 'compound', ending: 'er' })).toBe('dreijähriger');
    expect(formatQuantity({ amount: moreThan(3), unit: 'year' }, { locale: 'de-DE', form: 'compound', ending: 'es' })).toBe(
      nb('mehr·als·dreijähriges'),
    );
    expect(() => formatQuantity(war, { locale: 'de-DE', form: 'compound', ending: 'ig' })).toThrow(/one of e, en, er, es, em/);
    expect(() => formatQuantity(war, { form: 'compound', ending: 'en' })).toThrow(FigureFormError);
  });

  it.each<[Amount, Quantity['unit'], string]>([
    [exact(3), 'year', '3년'],
    [approximate(1), 'month', '약·1개월'],
    [moreThan(3), 'year', '3년·넘는'],
    [atLeast(3), 'year', '3년·이상의'],
    [{ kind: 'atMost', value: 3 }, 'year', '3년·이하의'],
    [range(4, 6), 'year', '4~6년'],
    [exact(600), 'person', '600명'],
  ])('ko %o %o → %s (the counted phrase, bounds as adnominals)', (amount, unit, expected) => {
    expect(formatAmount(amount, { unit, compound: true, locale: 'ko-KR' })).toBe(nb(expected));
  });

  it("forms a unit of the editor's own in English and Korean, and says German cannot", () => {
    expect(formatAmount(exact(11_000), { unit: soldiers, compound: true })).toBe('11,000-soldier');
    expect(formatAmount(exact(3), { unit: { one: '척', other: '척' }, compound: true, locale: 'ko-KR' })).toBe('3척');
    expect(() => formatAmount(exact(3), { unit: { one: 'Soldat', other: 'Soldaten' }, compound: true, locale: 'de-DE' })).toThrow(
      /"de" forms compound adjectives only from the known units \(year, month, week, day, hour, minute, person\), not from a unit of the editor's own \("Soldat"\)/,
    );
  });

  it('explains what has no compound form', () => {
    expect(() => formatAmount(exact(3), { compound: true })).toThrow(/needs a unit/);
    expect(() => formatAmount(exact(3), { unit: 'year', compound: true, style: 'table' })).toThrow(/prose form/);
    expect(() => formatAmount(qualitative('thousands'), { unit: 'year', compound: true })).toThrow(/no compound form/);
    expect(() => formatAmount(exact(5), { unit: 'percent', compound: true })).toThrow(/"a 5% rise"/);
    expect(() => formatAmount(exact(5e6), { currency: 'USD', compound: true })).toThrow(/money has no compound form/);
    expect(() => formatAmount(exact(5e6), { currency: 'USD', compound: true })).toThrow(FigureFormError);
  });

  it('exists for every known unit in every shipped language', () => {
    for (const locale of ['en-US', 'de-DE', 'ko-KR']) {
      for (const unit of UNIT_KEYWORDS.filter((u) => u !== 'percent' && u !== 'percentage-points')) {
        expect(formatAmount(exact(3), { unit, compound: true, locale })).not.toBe('');
      }
    }
  });
});

describe('no-break spaces', () => {
  const amounts: fc.Arbitrary<Amount> = fc.oneof(
    fc.integer({ min: 0, max: 1e12 }).map(exact),
    fc.integer({ min: 0, max: 1e12 }).map((n) => approximate(n)),
    fc
      .tuple(fc.constantFrom('moreThan', 'lessThan', 'atLeast', 'atMost'), fc.integer({ min: 0, max: 1e12 }))
      .map(([kind, value]) => ({ kind, value })),
    fc.constantFrom(...(['dozens', 'thousands', 'several million'] as const)).map(qualitative),
  );
  const measures: fc.Arbitrary<Omit<Quantity, 'amount'>> = fc.constantFrom(
    {},
    { unit: 'year' },
    { unit: 'person' },
    { unit: soldiers },
    { unit: 'percentage-points' },
    { currency: 'USD' },
    { currency: 'KRW' },
  );

  it('hold every figure but a range together: "at least 100" never breaks after "at"', () => {
    fc.assert(
      fc.property(
        amounts,
        measures,
        fc.constantFrom('en-US', 'de-DE', 'ko-KR'),
        fc.constantFrom<'prose' | 'table'>('prose', 'table'),
        (amount, measure, locale, form) => {
          expect(formatQuantity({ amount, ...measure }, { locale, form })).not.toMatch(/ /);
        },
      ),
    );
  });

  it('let a range break only around its join', () => {
    expect(formatQuantity({ amount: range(3e6, 5e6), currency: 'USD' })).toBe(nb('$3·million to $5·million'));
    expect(formatQuantity({ amount: range(3e6, 5e6), currency: 'USD' }, { locale: 'de-DE' })).toBe(
      nb('3·Millionen bis 5·Millionen·US-Dollar'),
    );
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
    [moreThan(3), '>3'],
    [atLeast(3), '≥3'],
    [{ kind: 'lessThan', value: 3 }, '<3'],
    [{ kind: 'atMost', value: 3 }, '≤3'],
    [qualitative('several million'), 'several·million'],
  ])('%o → %s', (amount, expected) => {
    expect(formatAmount(amount, { style: 'table' })).toBe(nb(expected));
  });

  it('keeps the unit when given', () => {
    expect(formatAmount(approximate(600), { style: 'table', unit: 'person' })).toBe(nb('~600·people'));
    expect(formatAmount(moreThan(1), { style: 'table', unit: years })).toBe(nb('>1·year'));
  });

  it('uses 약 and words in Korean, where a tilde marks a range', () => {
    expect(formatAmount(approximate(600), { style: 'table', locale: 'ko-KR' })).toBe(nb('약·600'));
    expect(formatAmount(range(4_000, 6_000), { style: 'table', locale: 'ko-KR' })).toBe('4,000~6,000');
    expect(formatAmount(atLeast(100), { style: 'table', locale: 'ko-KR', unit: 'person' })).toBe(nb('100명·이상'));
  });

  it('German groups with dots and writes "ca." (Duden)', () => {
    expect(formatAmount(exact(11_000), { style: 'table', locale: 'de-DE' })).toBe('11.000');
    expect(formatAmount(approximate(600), { style: 'table', locale: 'de-DE' })).toBe(nb('ca.·600'));
    expect(formatAmount(qualitative('thousands'), { style: 'table', locale: 'de-DE' })).toBe('Tausende');
  });
});

describe('money', () => {
  const usd = (amount: Amount): Quantity => ({ amount, currency: 'USD' });

  it('holds together: no line ever starts inside a sum of money', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e14 }),
        fc.constantFrom('en-US', 'de-DE', 'ko-KR'),
        fc.constantFrom('USD', 'KRW', 'EUR', 'CHF'),
        (n, locale, currency) => {
          expect(formatQuantity({ amount: exact(n), currency }, { locale })).not.toMatch(/ /);
        },
      ),
    );
  });

  it('never rounds a sourced amount into scale words it does not fill', () => {
    expect(formatQuantity(usd(exact(1_049_999)))).toBe('$1,049,999');
    expect(formatQuantity(usd(exact(1_200_000_000)))).toBe(nb('$1.2·billion'));
    expect(formatQuantity(usd(exact(1_234_567_000)))).toBe('$1,234,567,000');
    expect(formatQuantity({ amount: exact(1_234_567_000), currency: 'USD' }, { locale: 'ko-KR' })).toBe('1,234,567,000달러');
  });

  it('prints cents only when there are any, and keeps the decimals of an exchange rate', () => {
    expect(formatQuantity(usd(exact(12.5)))).toBe('$12.50');
    expect(formatQuantity(usd(exact(12)))).toBe('$12');
    expect(formatQuantity({ amount: exact(1_380.55), currency: 'KRW', per: 'USD' })).toBe(nb('1,380.55·won·per·dollar'));
    expect(formatQuantity({ amount: exact(1_380.55), currency: 'KRW', per: 'USD' }, { locale: 'de-DE' })).toBe(
      nb('1.380,55·Won·je·US-Dollar'),
    );
    expect(formatQuantity({ amount: exact(1_380), currency: 'KRW', per: 'USD' }, { locale: 'ko-KR' })).toBe(nb('달러당·1,380원'));
  });

  it("names a currency the catalogue does not list with Intl's name", () => {
    expect(formatQuantity({ amount: exact(5e6), currency: 'CHF' })).toBe(nb('5·million·Swiss·francs'));
    expect(formatQuantity({ amount: exact(5e6), currency: 'CHF' }, { locale: 'de-DE' })).toBe(nb('5·Millionen·Schweizer·Franken'));
  });

  it('gives magnitudes of money in words', () => {
    expect(formatQuantity(usd(qualitative('millions')))).toBe(nb('millions·of·dollars'));
    expect(formatQuantity(usd(qualitative('several million')), { locale: 'de-DE' })).toBe(nb('mehrere·Millionen·US-Dollar'));
    expect(formatQuantity(usd(qualitative('millions')), { locale: 'ko-KR' })).toBe(nb('수백만·달러'));
  });
});

describe('changes and shares', () => {
  it('says the direction and the size with its unit', () => {
    expect(formatChange({ amount: exact(1_500) })).toBe(nb('up·1,500'));
    expect(formatChange({ amount: approximate(-2_000), unit: 'person' })).toBe(nb('down·about·2,000·people'));
    expect(formatChange({ amount: exact(16), unit: 'percent' })).toBe(nb('up·16%'));
    expect(formatChange({ amount: exact(0.4), unit: 'percentage-points' })).toBe(nb('up·0.4·percentage·points'));
    expect(formatChange({ amount: exact(-3e6), currency: 'USD' })).toBe(nb('down·$3·million'));
    expect(formatChange({ amount: exact(16), unit: 'percent' }, { form: 'table' })).toBe('+16%');
    expect(formatChange({ amount: exact(-3e6), currency: 'USD' }, { form: 'table' })).toBe(nb('\u2212$3·million'));
    expect(formatChange({ amount: approximate(2_000) }, { form: 'table' })).toBe('~+2,000');
    expect(formatChange({ amount: exact(0.4), unit: 'percentage-points' }, { locale: 'de-DE' })).toBe(nb('plus·0,4·Prozentpunkte'));
    expect(formatChange({ amount: exact(0.4), unit: 'percentage-points' }, { locale: 'ko-KR' })).toBe(nb('0.4%포인트·증가'));
    expect(() => formatChange({ amount: atLeast(3) })).toThrow(FigureFormError);
  });

  it('writes a share as a fraction', () => {
    expect(formatFraction({ numerator: 1, denominator: 5, approximate: false })).toBe(nb('one·in·five'));
    expect(formatFraction({ numerator: 3, denominator: 10, approximate: true })).toBe(nb('about·three·in·10'));
    expect(formatFraction({ numerator: 1, denominator: 2, approximate: false })).toBe('half');
    expect(formatFraction({ numerator: 1, denominator: 5, approximate: false }, { locale: 'de-DE' })).toBe(nb('ein·Fünftel'));
    expect(formatFraction({ numerator: 2, denominator: 3, approximate: false }, { locale: 'de-DE' })).toBe(nb('zwei·Drittel'));
    expect(formatFraction({ numerator: 1, denominator: 2, approximate: true }, { locale: 'de-DE' })).toBe(nb('etwa·die·Hälfte'));
    expect(formatFraction({ numerator: 1, denominator: 5, approximate: false }, { locale: 'ko-KR' })).toBe(nb('5분의·1'));
    expect(formatFraction({ numerator: 1, denominator: 2, approximate: false }, { locale: 'ko-KR' })).toBe('절반');
  });
});

describe('formatMeasureName and measureOf', () => {
  it('names what a figure counts, for headings', () => {
    expect(formatMeasureName({ unit: 'year' })).toBe('years');
    expect(formatMeasureName({ currency: 'USD' })).toBe('dollars');
    expect(formatMeasureName({ currency: 'USD' }, { locale: 'de-DE' })).toBe('US-Dollar');
    expect(formatMeasureName({ unit: 'percentage-points' }, { locale: 'ko-KR' })).toBe('%포인트');
    expect(formatMeasureName({ unit: soldiers })).toBe('soldiers');
    expect(formatMeasureName({})).toBeUndefined();
  });

  it('tells units, currencies and rates apart', () => {
    expect(measureOf({ unit: 'percent' })).not.toBe(measureOf({ unit: 'percentage-points' }));
    expect(measureOf({ currency: 'USD' })).not.toBe(measureOf({ currency: 'KRW' }));
    expect(measureOf({ currency: 'KRW', per: 'USD' })).not.toBe(measureOf({ currency: 'KRW' }));
    expect(measureOf({ unit: soldiers })).toBe(measureOf({ unit: { one: 'Soldier', other: 'soldiers' } }));
    expect(measureOf({})).toBe('count');
  });
});

describe('amountValue', () => {
  it('gives the number to chart or sum, and nothing for ranges and magnitudes', () => {
    expect(amountValue(exact(11_000))).toBe(11_000);
    expect(amountValue(approximate(600))).toBe(600);
    expect(amountValue(moreThan(3))).toBe(3);
    expect(amountValue(atLeast(100))).toBe(100);
    expect(amountValue(range(4_000, 6_000))).toBeUndefined();
    expect(amountValue(qualitative('thousands'))).toBeUndefined();
  });

  it('never hands a chart -0', () => {
    expect(Object.is(amountValue(exact(-0)), 0)).toBe(true);
  });
});

// Newsroom style cases per locale, each from the style guide it follows: the AP Stylebook for en-US, Duden and dpa
// practice for German, the National Institute of Korean Language's 한글 맞춤법 and Yonhap practice for Korean.
// Spaces are compared as a reader sees them; which of them are no-break spaces is tested in numbers.test.ts.
import { describe, expect, it } from 'vitest';
import { change, share } from '../../../src/facts/derive.ts';
import { formatCalendarDate, formatDistance } from '../../../src/format/dates.ts';
import { formatChange, formatFraction, formatProse, formatQuantity, type FigureForm } from '../../../src/format/numbers.ts';
import type { Amount, Quantity } from '../../../src/format/quantity.ts';

type Case = [description: string, print: (locale: string) => string, expected: string, source: string];

const q = (amount: Amount, measure: Omit<Quantity, 'amount'> = {}): Quantity => ({ amount, ...measure });
const exact = (value: number): Amount => ({ kind: 'exact', value });
const about = (value: number): Amount => ({ kind: 'approximate', value });
const bound = (kind: 'moreThan' | 'lessThan' | 'atLeast' | 'atMost', value: number): Amount => ({ kind, value });
const range = (low: number, high: number): Amount => ({ kind: 'range', low, high });
const figure =
  (quantity: Quantity, form: FigureForm = 'prose', ending?: string) =>
  (locale: string) =>
    formatQuantity(quantity, { locale, form, ending });
const usd = (amount: Amount) => q(amount, { currency: 'USD' });
const rise = change({ id: 'before', quantity: q(exact(9_500)) }, { id: 'after', quantity: q(exact(11_000)) });
const unemployment = change(
  { id: 'before', quantity: q(exact(3.1), { unit: 'percent' }) },
  { id: 'after', quantity: q(exact(3.5), { unit: 'percent' }) },
);
const fifth = share({ id: 'part', quantity: q(exact(2_000)) }, { id: 'whole', quantity: q(exact(10_000)) });
const half = share({ id: 'part', quantity: q(exact(5_000)) }, { id: 'whole', quantity: q(exact(10_000)) });
const rate = q(exact(1_380.5), { currency: 'KRW', per: 'USD' });
const published = '2025-06-24T09:00:00+09:00';

const english: Case[] = [
  ['dollars, with the sign and a scale word', figure(usd(exact(1.2e9))), '$1.2 billion', 'AP: dollars; millions, billions'],
  ['about, before the sign', figure(usd(about(6e8))), 'about $600 million', 'AP: about'],
  ['a money range repeats sign and scale', figure(usd(range(3e6, 5e6))), '$3 million to $5 million', 'AP: millions, billions'],
  ['a sourced figure is not rounded into words', figure(usd(exact(1_049_999))), '$1,049,999', 'AP: dollars (exact amounts)'],
  ['cents with two decimals', figure(usd(exact(12.5))), '$12.50', 'AP: cents, dollars'],
  ['other currencies spelled out', figure(q(exact(6e8), { currency: 'EUR' })), '600 million euros', 'AP: euro'],
  ['won, spelled out', figure(q(exact(2e12), { currency: 'KRW' })), '2 trillion won', 'AP: currencies other than the dollar'],
  ['at most two decimals with million', (locale) => formatProse(7_510_000, { locale }), '7.51 million', 'AP: millions, billions'],
  ['the % sign with figures', figure(q(exact(3.5), { unit: 'percent' })), '3.5%', 'AP: percent'],
  ['a zero before a decimal under 1%', figure(q(exact(0.6), { unit: 'percent' })), '0.6%', 'AP: percent'],
  ['% repeated in a range', figure(q(range(10, 30), { unit: 'percent' })), '10% to 30%', 'AP: percent'],
  [
    'percentage points, never percent',
    figure(q(exact(0.4), { unit: 'percentage-points' })),
    '0.4 percentage points',
    'AP: percentage points',
  ],
  ['one percentage point, singular', figure(q(exact(1), { unit: 'percentage-points' })), '1 percentage point', 'AP: percentage points'],
  ['at least', figure(q(bound('atLeast', 100), { unit: 'person' })), 'at least 100 people', 'AP: numerals'],
  ['more than, with numerals', figure(q(bound('moreThan', 3), { unit: 'year' })), 'more than three years', 'AP: more than, over'],
  [
    'fewer for things counted one by one',
    figure(q(bound('lessThan', 100), { unit: 'person' })),
    'fewer than 100 people',
    'AP: fewer, less',
  ],
  ['less for money', figure(usd(bound('lessThan', 1e6))), 'less than $1 million', 'AP: fewer, less'],
  ['about, not approximately', figure(q(about(600))), 'about 600', 'AP: about'],
  ['one to nine spelled out', (locale) => formatProse(9, { locale }), 'nine', 'AP: numerals'],
  ['10 and up in figures', (locale) => formatProse(10, { locale }), '10', 'AP: numerals'],
  [
    'a compound modifier, hyphenated and singular',
    figure(q(exact(3), { unit: 'year' }), 'compound'),
    'three-year',
    'AP: hyphen (compound modifiers)',
  ],
  ['figures in a compound from 10', figure(q(exact(11), { unit: 'year' }), 'compound'), '11-year', 'AP: hyphen; numerals'],
  [
    'suspensive hyphens in a range',
    figure(q(range(4, 6), { unit: 'year' }), 'compound'),
    'four- to six-year',
    'AP: hyphen (suspensive hyphenation)',
  ],
  ['a bound before a compound', figure(q(bound('moreThan', 3), { unit: 'year' }), 'compound'), 'more than three-year', 'AP: hyphen'],
  [
    'a month with a day, abbreviated',
    (locale) => formatCalendarDate({ year: 2024, month: 12, day: 19 }, { locale }),
    'Dec. 19, 2024',
    'AP: months',
  ],
  ['a month alone, spelled out', (locale) => formatCalendarDate({ year: 2024, month: 10 }, { locale }), 'October 2024', 'AP: months'],
  ['a change, up', (locale) => formatChange(rise.difference, { locale }), 'up 1,500', 'AP: numerals'],
  ['a percentage change', (locale) => formatChange(rise.relative!, { locale }), 'up 16%', 'AP: percent'],
  [
    'a change of a rate in points',
    (locale) => formatChange(unemployment.difference, { locale }),
    'up 0.4 percentage points',
    'AP: percentage points',
  ],
  ['a share as a fraction', (locale) => formatFraction(fifth.fraction!, { locale }), 'one in five', 'AP: numerals (one in five)'],
  ['half', (locale) => formatFraction(half.fraction!, { locale }), 'half', 'AP: fractions'],
  [
    'magnitudes of a unit',
    figure(q({ kind: 'qualitative', magnitude: 'thousands' }, { unit: 'person' })),
    'thousands of people',
    'AP: numerals (casual uses)',
  ],
  ['an exchange rate', figure(rate), '1,380.5 won per dollar', 'AP: dollars'],
  [
    'a distance in time',
    (locale) => formatDistance('2024-10', published, { locale, zone: 'Asia/Seoul' }),
    'eight months earlier',
    'AP: numerals',
  ],
];

const german: Case[] = [
  ['US-Dollar after the amount, scale word in full', figure(usd(exact(1.2e9))), '1,2 Milliarden US-Dollar', 'dpa: Währungen'],
  ['euros', figure(q(exact(6e8), { currency: 'EUR' })), '600 Millionen Euro', 'dpa: Währungen'],
  ['etwa', figure(usd(about(6e8))), 'etwa 600 Millionen US-Dollar', 'dpa: ungefähre Zahlen'],
  ['a money range, the currency once', figure(usd(range(3e6, 5e6))), '3 Millionen bis 5 Millionen US-Dollar', 'Duden: bis bei Zahlen'],
  ['a sourced figure is not rounded into words', figure(usd(exact(1_049_999))), '1.049.999 US-Dollar', 'Duden: Gliederung großer Zahlen'],
  ['cents with two decimals', figure(usd(exact(12.5))), '12,50 US-Dollar', 'Duden: Dezimalkomma'],
  ['a space before %', figure(q(exact(3.5), { unit: 'percent' })), '3,5 %', 'Duden, DIN 5008: Prozentzeichen'],
  ['Prozentpunkte, never Prozent', figure(q(exact(0.4), { unit: 'percentage-points' })), '0,4 Prozentpunkte', 'Duden: Prozentpunkt'],
  ['one Prozentpunkt, singular', figure(q(exact(1), { unit: 'percentage-points' })), '1 Prozentpunkt', 'Duden: Prozentpunkt'],
  ['mindestens', figure(q(bound('atLeast', 100), { unit: 'person' })), 'mindestens 100 Personen', 'dpa: Zahlen'],
  ['mehr als', figure(q(bound('moreThan', 3), { unit: 'year' })), 'mehr als drei Jahre', 'dpa: Zahlen bis zwölf in Worten'],
  ['weniger als', figure(q(bound('lessThan', 100), { unit: 'person' })), 'weniger als 100 Personen', 'dpa: Zahlen'],
  ['höchstens', figure(q(bound('atMost', 50))), 'höchstens 50', 'dpa: Zahlen'],
  ['etwa with a number', figure(q(about(600))), 'etwa 600', 'dpa: ungefähre Zahlen'],
  ['twelve spelled out', (locale) => formatProse(12, { locale }), 'zwölf', 'dpa: Zahlen bis zwölf in Worten'],
  ['13 in figures', (locale) => formatProse(13, { locale }), '13', 'dpa: Zahlen ab 13 in Ziffern'],
  ['Millionen with a decimal comma', (locale) => formatProse(1_500_000, { locale }), '1,5 Millionen', 'Duden: Million'],
  ['grouping with dots', (locale) => formatProse(11_000, { locale }), '11.000', 'Duden: Gliederung großer Zahlen'],
  ['-jährige, one word after a spelled number', figure(q(exact(3), { unit: 'year' }), 'compound'), 'dreijährige', 'Duden: dreijährig'],
  ['-jährige with a hyphen after figures', figure(q(exact(13), { unit: 'year' }), 'compound'), '13-jährige', 'Duden: 3-jährig'],
  [
    'mehr als before the adjective',
    figure(q(bound('moreThan', 3), { unit: 'year' }), 'compound'),
    'mehr als dreijährige',
    'Duden: dreijährig',
  ],
  [
    'Ergänzungsstrich in a range',
    figure(q(range(4, 6), { unit: 'year' }), 'compound'),
    'vier- bis sechsjährige',
    'Duden: Ergänzungsstrich',
  ],
  ['ein- in composition', figure(q(exact(1), { unit: 'month' }), 'compound'), 'einmonatige', 'Duden: einmonatig'],
  ['the ending the sentence needs', figure(q(exact(3), { unit: 'year' }), 'compound', 'en'), 'dreijährigen', 'Duden: Adjektivdeklination'],
  ['köpfig for people', figure(q(exact(600), { unit: 'person' }), 'compound'), '600-köpfige', 'Duden: -köpfig'],
  ['ein bis zwei before a unit', figure(q(range(1, 2), { unit: 'year' })), 'ein bis zwei Jahre', 'Duden: ein, eins'],
  [
    'the day with a period',
    (locale) => formatCalendarDate({ year: 2024, month: 12, day: 19 }, { locale }),
    '19. Dezember 2024',
    'Duden: Datum',
  ],
  ['a change', (locale) => formatChange(rise.relative!, { locale }), 'plus 16 %', 'DIN 5008: Prozentzeichen'],
  [
    'a change of a rate in points',
    (locale) => formatChange(unemployment.difference, { locale }),
    'plus 0,4 Prozentpunkte',
    'Duden: Prozentpunkt',
  ],
  ['a share as a fraction', (locale) => formatFraction(fifth.fraction!, { locale }), 'ein Fünftel', 'Duden: Bruchzahlen'],
  ['die Hälfte', (locale) => formatFraction(half.fraction!, { locale }), 'die Hälfte', 'Duden: Hälfte'],
  ['an exchange rate', figure(rate), '1.380,5 Won je US-Dollar', 'Duden: je'],
  ['ca. in tables', figure(q(about(600)), 'table'), 'ca. 600', 'Duden: ca.'],
  [
    'Tausende, capitalised',
    figure(q({ kind: 'qualitative', magnitude: 'thousands' }, { unit: 'person' })),
    'Tausende Personen',
    'Duden: Tausende',
  ],
  [
    'a distance in time',
    (locale) => formatDistance('2024-10', published, { locale, zone: 'Asia/Seoul' }),
    'acht Monate früher',
    'dpa: Zahlen bis zwölf in Worten',
  ],
];

const korean: Case[] = [
  ['억 with a space before the currency', figure(usd(exact(1.2e9))), '12억 달러', '한글 맞춤법 제43항·제44항; 연합뉴스'],
  ['조 원', figure(q(exact(2e12), { currency: 'KRW' })), '2조 원', '한글 맞춤법 제43항·제44항'],
  ['spaced by myriads', figure(q(exact(1.25e9), { currency: 'KRW' })), '12억 5000만 원', '한글 맞춤법 제44항'],
  ['약 before the amount', figure(usd(about(6e8))), '약 6억 달러', '연합뉴스'],
  ['a money range with a tilde', figure(usd(range(3e8, 5e8))), '3억~5억 달러', '한글 맞춤법 문장 부호: 물결표'],
  ['a sourced figure is not rounded into words', figure(usd(exact(1_049_999))), '1,049,999달러', '한글 맞춤법 제43항 (붙여 쓸 수 있음)'],
  ['percent', figure(q(exact(3.5), { unit: 'percent' })), '3.5%', '연합뉴스'],
  ['%포인트 for points', figure(q(exact(0.4), { unit: 'percentage-points' })), '0.4%포인트', '연합뉴스'],
  ['이상 for at least', figure(q(bound('atLeast', 100), { unit: 'person' })), '100명 이상', '표준국어대사전: 이상'],
  ['넘게 for more than', figure(q(bound('moreThan', 3), { unit: 'year' })), '3년 넘게', '연합뉴스'],
  ['미만 for less than', figure(q(bound('lessThan', 100), { unit: 'person' })), '100명 미만', '표준국어대사전: 미만'],
  ['이하 for at most', figure(q(bound('atMost', 50), { unit: 'person' })), '50명 이하', '표준국어대사전: 이하'],
  ['약 with a count', figure(q(about(600), { unit: 'person' })), '약 600명', '연합뉴스'],
  ['a range with a tilde, the counter once', figure(q(range(4_000, 6_000), { unit: 'person' })), '4,000~6,000명', '문장 부호: 물결표'],
  [
    'a counter after a numeral word, spaced',
    figure(q({ kind: 'qualitative', magnitude: 'thousands' }, { unit: 'person' })),
    '수천 명',
    '한글 맞춤법 제43항',
  ],
  ['a counter after figures, attached', figure(q(exact(600), { unit: 'person' })), '600명', '한글 맞춤법 제43항 다만'],
  ['a counter after 만, spaced', figure(q(exact(1.5e6), { unit: 'person' })), '150만 명', '한글 맞춤법 제43항·제44항'],
  ['figures, never number words', (locale) => formatProse(5, { locale }), '5', '연합뉴스'],
  ['a compound is the counted phrase', figure(q(exact(3), { unit: 'year' }), 'compound'), '3년', '3년 임기'],
  ['넘는 before a noun', figure(q(bound('moreThan', 3), { unit: 'year' }), 'compound'), '3년 넘는', '3년 넘는 전쟁'],
  ['이상의 before a noun', figure(q(bound('atLeast', 3), { unit: 'year' }), 'compound'), '3년 이상의', '3년 이상의 공세'],
  ['a compound range', figure(q(range(4, 6), { unit: 'year' }), 'compound'), '4~6년', '문장 부호: 물결표'],
  ['a date', (locale) => formatCalendarDate({ year: 2024, month: 12, day: 19 }, { locale }), '2024년 12월 19일', '한글 맞춤법 제43항'],
  ['a distance in time', (locale) => formatDistance('2024-10', published, { locale, zone: 'Asia/Seoul' }), '8개월 전', '연합뉴스'],
  ['a change', (locale) => formatChange(rise.difference, { locale }), '1,500 증가', '연합뉴스'],
  ['a percentage change', (locale) => formatChange(rise.relative!, { locale }), '16% 증가', '연합뉴스'],
  ['a change of a rate in points', (locale) => formatChange(unemployment.difference, { locale }), '0.4%포인트 증가', '연합뉴스'],
  ['a share as a fraction', (locale) => formatFraction(fifth.fraction!, { locale }), '5분의 1', '표준국어대사전: 분의'],
  ['절반', (locale) => formatFraction(half.fraction!, { locale }), '절반', '표준국어대사전: 절반'],
  ['an exchange rate', figure(q(exact(1_380), { currency: 'KRW', per: 'USD' })), '달러당 1,380원', '연합뉴스'],
  ['magnitudes of money', figure(usd({ kind: 'qualitative', magnitude: 'millions' })), '수백만 달러', '한글 맞춤법 제43항'],
  ['a conversion, 조 and 억', figure(q(about(1.7e12), { currency: 'KRW' })), '약 1조 7000억 원', '한글 맞춤법 제44항'],
];

describe.each([
  ['en-US', english],
  ['de-DE', german],
  ['ko-KR', korean],
])('%s newsroom style', (locale, cases) => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map(([description, print, expected, source]) => ({ description, print, expected, source })))(
    '$description: $expected ($source)',
    ({ print, expected }) => {
      expect(print(locale).replace(/[\u00a0\u202f]/g, ' ')).toBe(expected);
    },
  );
});

// What readers see of facts: prose forms, key figures with attribution, timeline entries.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactForm } from '../../../src/content/fact-tags.ts';
import { projectRoot } from '../../../src/shared/paths.ts';
import { factsFrom as parseFactsFile } from '../../helpers/model.ts';
import { factText, keyFigures, timeline, sourcesView } from '../../../src/present/figures.ts';

const facts = parseFactsFile(
  `
sources:
  legislator: { name: A South Korean legislator }
  russia: { name: Russia's official announcement }
figures:
  - { id: dispatch, label: Personnel in the initial dispatch, value: 11000, status: reported, source: legislator, date: 2024-10, relative: October last year, key: true }
  - { id: second, label: Second deployment, value: 4000, status: announced, source: russia, via: legislator, key: true }
  - { id: war, label: War length, value: { moreThan: 3 }, unit: { one: year, other: years }, status: reported, source: legislator }
derived:
  - { id: total, label: Personnel committed, sum: [dispatch, second], key: true }
events:
  - { id: next, label: Next movement, date: { oneOf: [2025-07, 2025-08] }, relative: by July or August, status: expected, source: legislator }
  - { id: first, label: First dispatch, date: 2024-10, relative: October last year, status: reported, source: legislator }
  - { id: visit, label: Visit, date: { from: 2025-05, to: 2025-06 }, relative: recently, status: reported, source: russia }
`,
  'content/facts/x.yaml',
);
const options = { locale: 'en-US', zone: 'Asia/Seoul' };
// '·' in an expected string is a no-break space: figures and dates hold together on one line.
const nb = (text: string) => text.replaceAll('·', '\u00a0');

describe('factText', () => {
  it('prints figures in newsroom prose', () => {
    expect(factText(facts, 'dispatch', 'prose', options)).toBe('11,000');
    expect(factText(facts, 'war', 'prose', options)).toBe(nb('more·than·three'));
    expect(factText(facts, 'war', 'compound', options)).toBe(nb('more·than·three-year'));
    expect(factText(facts, 'total', 'prose', options)).toBe('15,000');
  });

  it('follows the locale', () => {
    expect(factText(facts, 'dispatch', 'prose', { locale: 'de-DE', zone: 'Europe/Berlin' })).toBe('11.000');
  });

  it('names the missing fact, the one most likely meant and the known ones', () => {
    expect(() => factText(facts, 'nope', 'prose', options)).toThrow(
      'fact "nope" does not exist in content/facts/x.yaml (known: dispatch, second, war, total)',
    );
    expect(() => factText(facts, 'dispatc', 'prose', options)).toThrow(
      'fact "dispatc" does not exist in content/facts/x.yaml; did you mean "dispatch"? (known: dispatch, second, war, total)',
    );
  });

  it('refuses the compound form for a figure without a unit, instead of printing the prose form', () => {
    expect(() => factText(facts, 'dispatch', 'compound', options)).toThrow(/compound form .* needs? a unit/);
  });
});

describe('keyFigures', () => {
  it("carries value, label, attribution and date, with the article's own words for a relative date; derived figures show their computation", () => {
    const views = keyFigures(facts, options);
    expect(views.map((v) => [v.id, v.value, v.attribution, v.date])).toEqual([
      ['dispatch', '11,000', 'Reported: a South Korean legislator', nb('October·2024 (“October last year” in the text)')],
      ['second', '4,000', "Officially announced: Russia's official announcement, via a South Korean legislator", undefined],
      ['total', '15,000', 'Computed: 11,000 + 4,000 (Personnel in the initial dispatch; Second deployment)', undefined],
    ]);
    expect(views.map((v) => v.numeric)).toEqual([11000, 4000, 15000]);
  });
});

describe('timeline', () => {
  it('orders events, keeps the words of the text, and marks uncertainty', () => {
    const events = timeline(facts, '2025-06-24T09:00:00+09:00', options);
    expect(events.map((e) => [e.id, e.date, e.relative, e.precision, e.uncertain])).toEqual([
      ['first', nb('October·2024'), 'October last year', 'month', false],
      ['visit', nb('May–June·2025'), 'recently', 'range', true],
      ['next', nb('July or August·2025'), 'by July or August', 'choice', true],
    ]);
    expect(events[0]?.distance).toBe(nb('eight·months earlier'));
    expect(events[0]?.datetime).toBe('2024-10');
    expect(events[1]?.distance).toBeUndefined();
    expect(events[2]?.datetime).toBeUndefined();
  });
});

describe('sourcesView', () => {
  it('lists what rests on each source', () => {
    const [legislator] = sourcesView(facts);
    expect(legislator?.supports).toEqual([
      'Personnel in the initial dispatch',
      'Second deployment',
      'War length',
      'First dispatch',
      'Next movement',
    ]);
  });
});

describe('economic figures (tests/fixtures/economy)', () => {
  const file = path.join(projectRoot, 'tests/fixtures/economy/facts/south-korea-chip-exports.yaml');
  const economy = parseFactsFile(fs.readFileSync(file, 'utf8'), file);
  const text = (id: string, form: FactForm = 'prose', locale = 'en-US') => factText(economy, id, form, { locale, zone: 'Asia/Seoul' });

  it.each<[string, FactForm, string, string, string]>([
    ['chip-exports-june', 'prose', '$14.2·billion', '14,2·Milliarden·US-Dollar', '142억·달러'],
    ['support-package', 'prose', '33·trillion·won', '33·Billionen·Won', '33조·원'],
    ['won-per-dollar', 'prose', '1,365.3·won·per·dollar', '1.365,3·Won·je·US-Dollar', '달러당·1,365.3원'],
    ['tariff-exposure', 'prose', 'at·least·$2·billion', 'mindestens·2·Milliarden·US-Dollar', '20억·달러·이상'],
    ['base-rate-july', 'prose', '2.5%', '2,5·%', '2.5%'],
    ['growth-forecast-cut', 'prose', '0.3·percentage·points', '0,3·Prozentpunkte', '0.3%포인트'],
    ['chip-exports-rise', 'prose', 'up·$1.8·billion', 'plus·1,8·Milliarden·US-Dollar', '18억·달러·증가'],
    ['chip-exports-rise', 'percent', 'up·15%', 'plus·15·%', '15%·증가'],
    ['chip-exports-rise', 'table', '+$1.8·billion', '+1,8·Milliarden·US-Dollar', '+18억·달러'],
    ['base-rate-cut', 'prose', 'down·0.25·percentage·points', 'minus·0,25·Prozentpunkte', '0.25%포인트·감소'],
    ['chip-share', 'prose', '25%', '25·%', '25%'],
    ['chip-share', 'fraction', 'about·one·in·four', 'etwa·ein·Viertel', '약·4분의·1'],
    ['chip-exports-in-won', 'prose', 'about·19.4·trillion·won', 'etwa·19,4·Billionen·Won', '약·19조·4000억·원'],
    ['suppliers-affected', 'prose', 'more·than·120', 'mehr·als·120', '120·넘게'],
  ])('prints %s in the %s form: %s, %s, %s', (id, form, en, de, ko) => {
    expect([text(id, form), text(id, form, 'de-DE'), text(id, form, 'ko-KR')]).toEqual([nb(en), nb(de), nb(ko)]);
  });

  it('refuses a form a figure cannot take, saying which it can', () => {
    expect(() => text('base-rate-cut', 'percent')).toThrow(
      'a change between percentages is in percentage points and has no percentage change: print the prose form',
    );
    expect(() => text('chip-exports-june', 'percent')).toThrow('the percent form is for a change (change: { from, to }): "up 16%"');
    expect(() => text('chip-exports-june', 'fraction')).toThrow('the fraction form is for a share (share: { part, whole }): "one in five"');
    expect(() => text('chip-exports-june', 'compound')).toThrow(/money has no compound form/);
    expect(() => text('chip-exports-rise', 'compound')).toThrow(
      'a change has no compound form: print the prose form ("up 1,500") or the percent form ("up 16%")',
    );
  });

  it('says when a share is near no simple fraction', () => {
    const facts = parseFactsFile(
      `sources: { s: { name: S } }\ndefaults: { source: s }\nfigures:\n  - { id: a, label: A, value: 37 }\n  - { id: b, label: B, value: 100 }\nderived:\n  - { id: part, label: P, share: { part: a, whole: b } }\n`,
      'content/facts/x.yaml',
    );
    expect(() => factText(facts, 'part', 'fraction', options)).toThrow(
      '37% is not near a simple fraction (within 5%): print the prose form, a percentage',
    );
  });

  it('shows changes with their percentage, shares with their fraction, and every computation with its inputs', () => {
    const views = keyFigures(economy, options);
    expect(views.filter((v) => v.derived).map((v) => [v.id, v.value, v.attribution])).toEqual([
      [
        'chip-exports-rise',
        nb('up·$1.8·billion (15%)'),
        nb('Computed: $14.2·billion − $12.4·billion (Semiconductor exports in June; Semiconductor exports in June last year)'),
      ],
      [
        'base-rate-cut',
        nb('down·0.25·percentage·points'),
        'Computed: 2.5% − 2.75% (Bank of Korea base rate after the July meeting; Bank of Korea base rate before the July meeting)',
      ],
      [
        'chip-share',
        nb('25% (about·one·in·four)'),
        nb('Computed: $14.2·billion ÷ $57.2·billion (Semiconductor exports in June; All exports in June)'),
      ],
      [
        'chip-exports-in-won',
        nb('about·19.4·trillion·won'),
        nb('Computed: $14.2·billion × 1,365.3·won·per·dollar (Semiconductor exports in June; Exchange rate at the end of June)'),
      ],
    ]);
    expect(views.find((v) => v.id === 'chip-exports-june')?.value).toBe(nb('$14.2·billion'));
    expect(views.find((v) => v.id === 'chip-exports-june')?.quantity).toEqual({
      amount: { kind: 'exact', value: 14_200_000_000 },
      currency: 'USD',
      per: undefined,
      unit: undefined,
    });
    expect(views.filter((v) => v.change).map((v) => v.id)).toEqual(['chip-exports-rise', 'base-rate-cut']);
  });
});

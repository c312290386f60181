// What readers see of facts: prose forms, key figures with attribution, timeline entries.
import { describe, expect, it } from 'vitest';
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

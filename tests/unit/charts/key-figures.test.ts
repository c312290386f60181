import * as cheerio from 'cheerio';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFiguresChart, type ChartFigure } from '../../../src/charts/key-figures.ts';
import { chartFiguresOf } from '../../../src/present/article.ts';
import { projectRoot } from '../../../src/shared/paths.ts';
import { keyFigures } from '../../../src/present/figures.ts';
import { formatQuantity } from '../../../src/format/numbers.ts';
import type { Quantity } from '../../../src/format/quantity.ts';
import { factsOf } from '../../helpers/model.ts';

const seed = factsOf(path.join(projectRoot, 'content'), 'north-korea-more-troops-russia');
const options = { id: 'chart', locale: 'en-US' };

/** A key figure as the model would hand it over: its text is what the key-figures box prints. */
function figure(label: string, quantity: Quantity, locale = 'en-US', derived = false): ChartFigure {
  return { label, quantity, text: formatQuantity(quantity, { locale }), derived };
}
const values = (svg: string) => {
  const $ = cheerio.load(svg, { xml: true });
  return $('.bar-chart__value')
    .map((_, t) => $(t).text())
    .get();
};

describe('keyFiguresChart', () => {
  it("labels the seed article's bars with the key-figures box's words, and leaves nothing out", () => {
    const views = keyFigures(seed, { locale: 'en-US', zone: 'Asia/Seoul' });
    const chart = keyFiguresChart(chartFiguresOf(views), options);
    expect(chart?.drawn.map((d) => d.valueLabel)).toEqual(views.map((v) => v.value));
    expect(chart?.drawn.map((d) => d.valueLabel)).toEqual(['11,000', '4,000', '6,000', 'around\u00a0600', '21,000']);
    expect(values(chart?.svg ?? '')).toEqual(views.map((v) => v.value));
    expect(chart?.omitted).toEqual([]);
    expect(chart?.note).toBe(
      'Bars start at zero. A lighter bar with a dashed outline marks an approximate figure. Computed here from reported figures, ' +
        'not reported as such: North Korean personnel in the initial dispatch and the announced troops and construction soldiers.',
    );
    expect(chart?.svg).toContain(
      'North Korean personnel in the initial dispatch and the announced troops and construction soldiers: 21,000 (computed).',
    );
  });

  it('prints German figures as the German text does', () => {
    const views = keyFigures(seed, { locale: 'de-DE', zone: 'Asia/Seoul' });
    const chart = keyFiguresChart(chartFiguresOf(views), { id: 'chart', locale: 'de-DE' });
    expect(values(chart?.svg ?? '')).toEqual(['11.000', '4.000', '6.000', 'around\u00a0600', '21.000']);
    expect(chart?.title).toBe('Kennzahlen im Größenvergleich');
    expect(chart?.note).toMatch(/^Die Balken beginnen bei null\./);
  });

  it('draws bounds unlike exact figures and says how, in the words of the text', () => {
    const chart = keyFiguresChart(
      [
        figure('Killed', { amount: { kind: 'atLeast', value: 100 }, unit: 'person' }),
        figure('Wounded', { amount: { kind: 'exact', value: 1_000 }, unit: 'person' }),
        figure('Missing', { amount: { kind: 'atMost', value: 50 }, unit: 'person' }),
      ],
      options,
    );
    expect(values(chart?.svg ?? '')).toEqual([
      'at\u00a0least\u00a0100\u00a0people',
      '1,000\u00a0people',
      'at\u00a0most\u00a050\u00a0people',
    ]);
    expect(chart?.svg).toContain('bar-chart__bar--lowerBound');
    expect(chart?.svg).toContain('bar-chart__bar--upperBound');
    expect(chart?.title).toBe('Key figures to scale, in people');
    expect(chart?.note).toContain('An arrowhead at the end of a bar marks a figure that may be higher (“at least”, “more than”).');
    expect(chart?.note).toContain('An open bar marks a figure that may be lower (“at most”, “less than”).');
  });

  it('never puts money and counts on one axis: one group each, each with its own heading', () => {
    const chart = keyFiguresChart(
      [
        figure('Aid', { amount: { kind: 'exact', value: 1.2e9 }, currency: 'USD' }),
        figure('Troops', { amount: { kind: 'exact', value: 11_000 } }),
        figure('Loans', { amount: { kind: 'approximate', value: 6e8 }, currency: 'USD' }),
        figure('Construction soldiers', { amount: { kind: 'exact', value: 6_000 } }),
        figure('Unemployment', { amount: { kind: 'exact', value: 3.5 }, unit: 'percent' }),
      ],
      options,
    );
    const $ = cheerio.load(chart?.svg ?? '', { xml: true });
    expect(
      $('.bar-chart__group')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['In dollars', 'Counts']);
    expect($('.bar-chart__axis')).toHaveLength(2);
    expect(values(chart?.svg ?? '')).toEqual(['$1.2\u00a0billion', 'about\u00a0$600\u00a0million', '11,000', '6,000']);
    expect(chart?.title).toBe('Key figures to scale');
    expect(chart?.omitted.map((f) => f.label)).toEqual(['Unemployment']);
    expect(chart?.note).toContain('Not drawn: Unemployment (no other figure in its unit).');
  });

  it("draws the economy fixture's dollars, won and percentages on three scales, and leaves its changes out", () => {
    const economy = factsOf(path.join(projectRoot, 'tests/fixtures/economy'), 'south-korea-chip-exports');
    const views = keyFigures(economy, { locale: 'en-US', zone: 'Asia/Seoul' });
    const chart = keyFiguresChart(chartFiguresOf(views), options);
    const $ = cheerio.load(chart?.svg ?? '', { xml: true });
    expect(
      $('.bar-chart__group')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['In dollars', 'In won', 'In percent']);
    expect($('.bar-chart__axis')).toHaveLength(3);
    // Grouped by what they count, each bar labelled with the box's words.
    expect(chart?.drawn.map((d) => [d.figure.view.id, d.valueLabel])).toEqual(
      ['chip-exports-june', 'chip-exports-june-last-year', 'total-exports-june', 'support-package', 'chip-exports-in-won']
        .concat(['base-rate-may', 'base-rate-july', 'chip-share'])
        .map((id) => [id, views.find((v) => v.id === id)?.value]),
    );
    expect(chart?.omitted.map((f) => f.view.id)).toEqual(['chip-exports-rise', 'base-rate-cut']);
    expect(chart?.note).toContain(
      'Not drawn: Change in semiconductor exports from June last year (a change, not a level); Change in the base rate at the July meeting (a change, not a level).',
    );
  });

  it('leaves out figures with no single number, and says so', () => {
    const chart = keyFiguresChart(
      [
        figure('Dispatch', { amount: { kind: 'exact', value: 11_000 } }),
        figure('Second', { amount: { kind: 'exact', value: 4_000 } }),
        figure('Wounded', { amount: { kind: 'qualitative', magnitude: 'thousands' } }),
        figure('Range', { amount: { kind: 'range', low: 4_000, high: 6_000 } }),
        figure('Change', { amount: { kind: 'exact', value: -300 } }),
      ],
      options,
    );
    expect(chart?.drawn.map((d) => d.figure.label)).toEqual(['Dispatch', 'Second']);
    expect(chart?.note).toContain('Not drawn: Wounded (no single number); Range (no single number); Change (below zero).');
  });

  it('labels a Korean chart in Korean', () => {
    const chart = keyFiguresChart(
      [
        figure('파견', { amount: { kind: 'exact', value: 11_000 }, unit: 'person' }, 'ko-KR'),
        figure('사망', { amount: { kind: 'approximate', value: 600 }, unit: 'person' }, 'ko-KR'),
      ],
      { id: 'chart', locale: 'ko-KR' },
    );
    expect(values(chart?.svg ?? '')).toEqual(['11,000명', '약\u00a0600명']);
    expect(chart?.title).toBe('주요 수치 비교, 단위: 명');
  });

  it('draws nothing for fewer than two comparable figures', () => {
    expect(keyFiguresChart([figure('Only', { amount: { kind: 'exact', value: 3 } })], options)).toBeUndefined();
    expect(
      keyFiguresChart(
        [
          figure('Years', { amount: { kind: 'exact', value: 3 }, unit: 'year' }),
          figure('Months', { amount: { kind: 'exact', value: 3 }, unit: 'month' }),
        ],
        options,
      ),
    ).toBeUndefined();
    expect(keyFiguresChart([], options)).toBeUndefined();
  });
});

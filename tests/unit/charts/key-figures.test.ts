import { describe, expect, it } from 'vitest';
import { keyFiguresChart } from '../../../src/charts/key-figures.ts';
import { projectRoot } from '../../../src/shared/paths.ts';
import type { ArticleFacts } from '../../../src/facts/parse.ts';
import { keyFigures } from '../../../src/present/figures.ts';
import { factsOf } from '../../helpers/model.ts';
import path from 'node:path';

const options = { locale: 'en-US', zone: 'Asia/Seoul' };
const seed = factsOf(path.join(projectRoot, 'content'), 'north-korea-more-troops-russia');

/** The seed's facts with some figures marked key (or not). */
function withKey(ids: string[]): ArticleFacts {
  return {
    ...seed,
    figures: seed.figures.map((f) => ({ ...f, key: ids.includes(f.id) })),
    derived: seed.derived.map((f) => ({ ...f, key: ids.includes(f.id) })),
  };
}

const chartOf = (facts: ArticleFacts) => keyFiguresChart(facts, keyFigures(facts, options), { id: 'chart', locale: 'en-US' });

describe('keyFiguresChart', () => {
  it('draws the seed article key figures and leaves nothing out', () => {
    const chart = chartOf(seed);
    expect(chart?.drawn.map((d) => d.valueLabel)).toEqual(['11K', '4K', '6K', '~600', '21K']);
    expect(chart?.omitted).toEqual([]);
    expect(chart?.note).toBe(
      'Bars start at zero. “~” and a dashed outline mark an approximate figure. Computed here by adding reported figures, not reported as such: ' +
        'North Korean personnel in the initial dispatch and the announced troops and construction soldiers.',
    );
    expect(chart?.svg).toContain(
      'North Korean personnel in the initial dispatch and the announced troops and construction soldiers: 21,000 (computed).',
    );
  });

  it('leaves out figures with no single number, and says so', () => {
    const chart = chartOf(withKey(['initial-dispatch', 'second-deployment', 'wounded']));
    expect(chart?.drawn.map((d) => d.figure.id)).toEqual(['initial-dispatch', 'second-deployment']);
    expect(chart?.omitted.map((f) => f.id)).toEqual(['wounded']);
    expect(chart?.note).toContain('Not drawn: North Korean soldiers wounded (no single number).');
  });

  it('does not put figures in other units on the same axis', () => {
    const chart = chartOf(withKey(['initial-dispatch', 'second-deployment', 'war-duration']));
    expect(chart?.drawn.map((d) => d.figure.id)).toEqual(['initial-dispatch', 'second-deployment']);
    expect(chart?.note).toContain("Length of Russia's offensive in Ukraine (counted in another unit)");
  });

  it('names the unit when the figures have one, and marks "more than" figures', () => {
    const months = withKey(['war-duration', 'shoigu-lead-time']);
    expect(chartOf(months)).toBeUndefined(); // years and months: no two figures in one unit
    const years = {
      ...months,
      figures: months.figures.map((f) => (f.id === 'shoigu-lead-time' ? { ...f, unit: { one: 'year', other: 'years' } } : f)),
    };
    const chart = chartOf(years);
    expect(chart?.title).toBe('Key figures to scale, in years');
    expect(chart?.drawn.map((d) => d.valueLabel)).toEqual(['>3', '~1']);
    expect(chart?.note).toContain('“>” marks a figure given as “more than”.');
  });

  it('draws nothing for fewer than two comparable figures, or without facts', () => {
    expect(chartOf(withKey(['initial-dispatch']))).toBeUndefined();
    expect(chartOf(withKey(['wounded', 'troops-deployed']))).toBeUndefined();
    expect(keyFiguresChart(undefined, [], { id: 'chart', locale: 'en-US' })).toBeUndefined();
  });
});

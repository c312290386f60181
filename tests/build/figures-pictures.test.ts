// The seed article's key figures as an SVG bar chart, and its dated events as a timeline that shows
// how precise each date is.
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, load, realContentDir, seedSlug } from '../helpers/site.ts';

const page = `articles/${seedSlug}/index.html`;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the key figures chart on the seed article', () => {
  let $: cheerio.CheerioAPI;
  const svg = () => $('.chart svg');
  beforeAll(async () => {
    $ = load(await buildInto(realContentDir), page);
  });

  it('sits in the facts column, right after the key figures', () => {
    expect(
      $('.article__aside > section')
        .map((_, s) => $(s).attr('class'))
        .get(),
    ).toEqual(['panel key-figures', 'panel chart', 'panel timeline', 'panel sources']);
    expect(svg()).toHaveLength(1);
  });

  it('is an accessible image: role="img", named by its <title> and described by its <desc>', () => {
    expect(svg().attr('role')).toBe('img');
    const titleId = svg().attr('aria-labelledby');
    const descId = svg().attr('aria-describedby');
    expect(svg().find(`title#${titleId}`).text()).toBe('Key figures to scale');
    expect(svg().find(`desc#${descId}`).text()).toContain('North Korean personnel in the initial dispatch: 11,000');
    expect(svg().find(`desc#${descId}`).text()).toContain('North Korean soldiers who died in Ukraine: around\u00a0600 (approximate).');
  });

  it('draws one bar per key figure that has a number, to scale from zero', () => {
    const labels = svg()
      .find('.bar-chart__label')
      .map((_, t) =>
        normalise(
          $(t)
            .find('tspan')
            .map((__, s) => $(s).text())
            .get()
            .join(' '),
        ),
      )
      .get();
    expect(labels).toEqual([
      'North Korean personnel in the initial dispatch',
      'Troops in the second deployment announced by Russia',
      'Construction soldiers to rebuild infrastructure in Kursk',
      'North Korean soldiers who died in Ukraine',
      'North Korean personnel in the initial dispatch and the announced troops and construction soldiers',
    ]);
    const widths = svg()
      .find('rect.bar-chart__bar')
      .map((_, r) => Number($(r).attr('width')))
      .get();
    const values = [11000, 4000, 6000, 600, 21000];
    for (const [i, width] of widths.entries()) {
      expect(width / widths[0]!).toBeCloseTo(values[i]! / values[0]!, 2);
      expect(svg().find('rect.bar-chart__bar').eq(i).attr('x')).toBe('0');
    }
  });

  it("labels bars with the key-figures box's words and marks the approximate one", () => {
    expect(
      svg()
        .find('.bar-chart__value')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(
      $('.key-figure__value')
        .map((_, v) => $(v).text())
        .get(),
    );
    expect(
      svg()
        .find('.bar-chart__value')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['11,000', '4,000', '6,000', 'around\u00a0600', '21,000']);
    expect(svg().find('rect.bar-chart__bar--approximate')).toHaveLength(1);
    expect(svg().find('.bar-chart__ticks text').first().text()).toBe('0');
    expect(normalise($('.chart figcaption').text())).toContain('A lighter bar with a dashed outline marks an approximate figure');
  });

  it('draws in the page colours, so it follows light and dark mode', () => {
    expect(svg().attr('fill')).toBe('currentColor');
    expect(svg().find('[fill^="#"], [stroke^="#"]')).toHaveLength(0);
  });

  it('gives screen readers the same numbers as a table', () => {
    const rows = $('.chart table tbody tr')
      .map((_, tr) => [[normalise($(tr).find('th').text()), $(tr).find('td').text()]])
      .get();
    expect(rows).toEqual([
      ['North Korean personnel in the initial dispatch', '11,000'],
      ['Troops in the second deployment announced by Russia', '4,000'],
      ['Construction soldiers to rebuild infrastructure in Kursk', '6,000'],
      ['North Korean soldiers who died in Ukraine', 'around\u00a0600'],
      ['North Korean personnel in the initial dispatch and the announced troops and construction soldiers', '21,000'],
    ]);
    expect($('.chart table caption').text()).toBe('Key figures to scale');
  });
});

describe('the timeline on the seed article', () => {
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    $ = load(await buildInto(realContentDir), page);
  });

  const events = () =>
    $('.timeline ol > li')
      .map((_, li) => ({
        marker: ($(li).attr('class') ?? '').match(/timeline__marker--(\w+)/)?.[1],
        date: normalise($(li).find('.timeline__date').text()),
        datetime: $(li).find('time').attr('datetime'),
      }))
      .get();

  it('marks month-only dates apart from uncertain ones (spans, either-or, expected)', () => {
    expect(events()).toEqual([
      { marker: 'uncertain', date: 'June 2024–June 2025', datetime: undefined },
      { marker: 'partial', date: 'October 2024', datetime: '2024-10' },
      { marker: 'partial', date: 'April 2025', datetime: '2025-04' },
      { marker: 'uncertain', date: 'May–June 2025', datetime: undefined },
      { marker: 'uncertain', date: 'July or August 2025 (expected)', datetime: undefined },
    ]);
  });

  it('keeps <time datetime> for single months only, never for spans or choices', () => {
    $('.timeline time').each((_, t) => expect($(t).attr('datetime')).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/));
    expect($('.timeline .timeline__marker--uncertain time')).toHaveLength(0);
  });

  it('explains the markers it uses in a legend', () => {
    const legend = $('.timeline__legend .timeline__legend-item')
      .map((_, item) => [
        [
          $(item)
            .attr('class')
            ?.match(/timeline__marker--(\w+)/)?.[1],
          normalise($(item).text()),
        ],
      ])
      .get();
    expect(legend).toEqual([
      ['partial', 'Month or year only: no day given'],
      ['uncertain', 'Uncertain: a span, either of two dates, or expected'],
    ]);
  });
});

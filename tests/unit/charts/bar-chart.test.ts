import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisTicks, barChart, niceScale, textWidth, wrapLabel, type Bar, type BarGroup } from '../../../src/charts/bar-chart.ts';
import { formatCompact, formatQuantity } from '../../../src/format/numbers.ts';

const options = { id: 'c', title: 'Title', description: 'Description' };
const parse = (svg: string) => cheerio.load(svg, { xml: true });
const figures = (locale: string) => (value: number) =>
  value >= 1e6 ? formatCompact(value, { locale }) : formatQuantity({ amount: { kind: 'exact', value } }, { locale, form: 'table' });
const group = (bars: Bar[], heading?: string): BarGroup => ({ bars, heading, tick: figures('en-US') });

describe('barChart', () => {
  const bars: Bar[] = [
    { label: 'Initial dispatch', value: 11000, valueLabel: '11,000', shape: 'exact' },
    { label: 'Killed', value: 600, valueLabel: 'about\u00a0600', shape: 'approximate' },
    { label: 'Missing', value: 100, valueLabel: 'at\u00a0least\u00a0100', shape: 'lowerBound' },
    { label: 'Wounded', value: 50, valueLabel: 'at\u00a0most\u00a050', shape: 'upperBound' },
  ];

  it('is an image named by its title and described by its description', () => {
    const $ = parse(barChart([group(bars)], options));
    expect($('svg').attr('role')).toBe('img');
    // The title alone is the name, so a screen reader does not read every value as the image's name.
    expect($('svg').attr('aria-labelledby')).toBe('c-title');
    expect($('svg').attr('aria-describedby')).toBe('c-desc');
    expect($('svg > title#c-title').text()).toBe('Title');
    expect($('svg > desc#c-desc').text()).toBe('Description');
  });

  it('labels each bar with exactly the words it is given', () => {
    const $ = parse(barChart([group(bars)], options));
    expect(
      $('.bar-chart__value')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(bars.map((bar) => bar.valueLabel));
  });

  it('draws an approximate figure dashed, a lower bound with an arrowhead past its end, an upper bound open', () => {
    const $ = parse(barChart([group(bars)], options));
    expect($('rect.bar-chart__bar--exact').attr('fill-opacity')).toBeUndefined();
    expect($('rect.bar-chart__bar--approximate').attr('stroke-dasharray')).toBe('3 2');
    const lower = $('rect.bar-chart__bar--lowerBound');
    const arrow = $('polygon.bar-chart__arrow');
    expect(arrow).toHaveLength(1);
    // The arrow starts where the bar ends and points further.
    const tip = Number(arrow.attr('points')?.split(' ')[1]?.split(',')[0]);
    expect(tip).toBeGreaterThan(Number(lower.attr('width')));
    expect(Number($('rect.bar-chart__bar--upperBound').attr('fill-opacity'))).toBeLessThan(0.2);
    expect($('rect.bar-chart__bar--upperBound').attr('stroke')).toBe('currentColor');
  });

  it('gives each group its heading, its own scale and its own axis', () => {
    const money: Bar[] = [
      { label: 'Aid', value: 1.2e9, valueLabel: '$1.2 billion', shape: 'exact' },
      { label: 'Loans', value: 6e8, valueLabel: 'about $600 million', shape: 'approximate' },
    ];
    const $ = parse(barChart([group(bars.slice(0, 2), 'Counts'), group(money, 'In dollars')], options));
    expect(
      $('.bar-chart__group')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['Counts', 'In dollars']);
    expect($('.bar-chart__axis')).toHaveLength(2);
    // Each group's largest bar spans its own plot: the dollars are not drawn against the counts' scale.
    const widths = $('rect')
      .map((_, r) => Number($(r).attr('width')))
      .get();
    expect(widths[0]).toBeGreaterThan(200);
    expect(widths[2]).toBeGreaterThan(150);
  });

  it('keeps a long value inside the drawing, breaking it only where it has plain spaces', () => {
    const long = 'about\u00a0$1.25\u00a0billion to about\u00a0$1.5\u00a0billion';
    const $ = parse(
      barChart(
        [
          group([
            { label: 'A', value: 10, valueLabel: long, shape: 'exact' },
            { label: 'B', value: 5, valueLabel: '5', shape: 'exact' },
          ]),
        ],
        options,
      ),
    );
    const lines = $('.bar-chart__value').first().find('tspan').toArray();
    expect(lines.map((line) => $(line).text()).join(' ')).toBe(long);
    for (const line of lines) expect(Number($(line).attr('x')) + textWidth($(line).text())).toBeLessThanOrEqual(320);
  });

  it('escapes every text it prints', () => {
    const hostile = '</text><script>alert(1)</script> & "x"';
    const svg = barChart([group([{ label: hostile, value: 1, valueLabel: hostile, shape: 'exact' }], hostile)], {
      ...options,
      title: hostile,
      description: hostile,
      id: 'a"b',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('id="a"b');
    const $ = parse(svg);
    expect($('title').text()).toBe(hostile);
    expect($('.bar-chart__label').text()).toContain('alert(1)');
  });

  it('refuses values it cannot draw from zero', () => {
    const bad = (value: number) => barChart([group([{ label: 'Negative', value, valueLabel: String(value), shape: 'exact' }])], options);
    expect(() => bad(-1)).toThrow(/bar "Negative": value must be a finite number of zero or more/);
    expect(() => bad(Number.NaN)).toThrow(RangeError);
  });

  it('draws every bar to scale from zero, within the drawing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 8 }), (values) => {
        const $ = parse(
          barChart([group(values.map((value, i) => ({ label: `Bar ${i}`, value, valueLabel: String(i), shape: 'exact' })))], options),
        );
        const viewWidth = Number($('svg').attr('viewBox')?.split(' ')[2]);
        const widths = $('rect')
          .map((_, r) => Number($(r).attr('width')))
          .get();
        const max = Math.max(...values);
        const widest = Math.max(...widths);
        for (const [i, width] of widths.entries()) {
          expect($('rect').eq(i).attr('x')).toBe('0');
          expect(width).toBeGreaterThanOrEqual(0);
          expect(width).toBeLessThanOrEqual(viewWidth);
          // Same ratio to the largest bar as the value to the largest value (widths are rounded to 0.01).
          if (max > 0) expect(Math.abs(width - (values[i]! / max) * widest)).toBeLessThanOrEqual(0.02);
        }
      }),
    );
  });
});

describe('axis tick labels', () => {
  /** The labelled ticks' extents, as drawn: first anchored at its start, last at its end, the rest centred. */
  function extents(svg: string): Array<[number, number]> {
    const $ = parse(svg);
    return $('.bar-chart__ticks text')
      .toArray()
      .map((t) => {
        const x = Number($(t).attr('x'));
        const w = textWidth($(t).text());
        const anchor = $(t).attr('text-anchor');
        return anchor === 'start' ? [x, x + w] : anchor === 'end' ? [x - w, x] : [x - w / 2, x + w / 2];
      });
  }
  const apart = (spans: Array<[number, number]>) => spans.every(([left], i) => i === 0 || left - spans[i - 1]![1] >= 6.5);

  it.each([
    ['de-DE', 11_000, ['0', '5.000', '10.000']],
    ['en-US', 11_000, ['0', '5,000', '10,000']],
    ['ko-KR', 11_000, ['0', '5,000', '10,000']],
  ])('%s: the 0–12,500 axis of 11,000 keeps its labels apart', (locale, max, expected) => {
    const svg = barChart(
      [
        {
          bars: [
            { label: 'A', value: max, valueLabel: 'x', shape: 'exact' },
            { label: 'B', value: 600, valueLabel: 'y', shape: 'exact' },
          ],
          tick: figures(locale),
        },
      ],
      options,
    );
    const $ = parse(svg);
    expect(
      $('.bar-chart__ticks text')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(expected);
    expect(apart(extents(svg))).toBe(true);
  });

  it('never lets labels touch or leave the plot, in any locale (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e13, noNaN: true }),
        fc.constantFrom('en-US', 'de-DE', 'ko-KR'),
        fc.integer({ min: 40, max: 320 }),
        (max, locale, width) => {
          const ticks = axisTicks(niceScale(max), width, figures(locale));
          const intervals = ticks.length - 1;
          const spans = ticks
            .map((t, i) => ({ ...t, x: (i / intervals) * width }))
            .filter((t) => t.label !== undefined)
            .map((t): [number, number] => {
              const w = textWidth(t.label ?? '');
              return t.anchor === 'start' ? [t.x, t.x + w] : t.anchor === 'end' ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2];
            });
          expect(ticks[0]?.label).toBe(figures(locale)(0));
          if (spans.length > 1) {
            expect(apart(spans)).toBe(true);
            for (const [left, right] of spans) expect(left >= 0 && right <= width).toBe(true);
          }
        },
      ),
    );
  });
});

describe('textWidth', () => {
  it('is at least what Arial Bold draws, so measured labels never touch', () => {
    // Arial / Liberation Sans Bold advance widths, in ems.
    const arialBold: Array<[string, number]> = [
      ['0123456789', 10 * 0.556],
      ['.,', 2 * 0.278],
      ['MW', 0.833 + 0.944],
      ['%', 0.889],
      ['OQG', 3 * 0.778],
      ['abcdo', 0.556 + 0.611 + 0.556 + 0.611 + 0.611],
      ['\u00a0', 0.278],
    ];
    for (const [text, ems] of arialBold) expect(textWidth(text, 10)).toBeGreaterThanOrEqual(ems * 10);
    expect(textWidth('만', 10)).toBe(10);
  });
});

describe('niceScale', () => {
  it.each([
    [21000, 5000, 25000],
    [11000, 2500, 12500],
    [600, 200, 600],
    [3, 1, 3],
    [0, 1, 1],
  ])('max %d: ticks every %d up to %d', (max, step, top) => {
    expect(niceScale(max)).toEqual({ step, max: top });
  });

  it('always reaches the largest value in at most ten steps (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), (max) => {
        const scale = niceScale(max);
        expect(scale.max).toBeGreaterThanOrEqual(max);
        expect(scale.max / scale.step).toBeLessThanOrEqual(10);
      }),
    );
  });
});

describe('wrapLabel', () => {
  it('breaks between words, keeping each line within the width', () => {
    const lines = wrapLabel('North Korean personnel across the initial dispatch and the announced second deployment', 320);
    expect(lines.join(' ')).toBe('North Korean personnel across the initial dispatch and the announced second deployment');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(320);
  });

  it('never breaks at a no-break space', () => {
    expect(wrapLabel('at\u00a0least\u00a01,100 to 2,000', 40)).toEqual(['at\u00a0least\u00a01,100', 'to', '2,000']);
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapLabel(`a ${'x'.repeat(60)} b`, 100)).toEqual(['a', 'x'.repeat(60), 'b']);
  });
});

import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, barValueLabel, niceScale, wrapLabel, type Bar } from '../../../src/charts/bar-chart.ts';

const options = { id: 'c', title: 'Title', description: 'Description', locale: 'en-US' };
const parse = (svg: string) => cheerio.load(svg, { xml: true });

describe('barChart', () => {
  const bars: Bar[] = [
    { label: 'Initial dispatch', value: 11000, qualifier: 'exact' },
    { label: 'Killed', value: 600, qualifier: 'approximate' },
    { label: 'War length', value: 3, qualifier: 'atLeast' },
  ];

  it('is an image named by its title and described by its description', () => {
    const $ = parse(barChart(bars, options));
    expect($('svg').attr('role')).toBe('img');
    // The title alone is the name, so a screen reader does not read every value as the image's name.
    expect($('svg').attr('aria-labelledby')).toBe('c-title');
    expect($('svg').attr('aria-describedby')).toBe('c-desc');
    expect($('svg > title#c-title').text()).toBe('Title');
    expect($('svg > desc#c-desc').text()).toBe('Description');
  });

  it('labels bars "11K", "~600", ">3" and draws approximate ones with a dashed outline', () => {
    const $ = parse(barChart(bars, options));
    expect(
      $('.bar-chart__value')
        .map((_, t) => $(t).text())
        .get(),
    ).toEqual(['11K', '~600', '>3']);
    expect($('rect.bar-chart__bar--approximate').attr('stroke-dasharray')).toBe('3 2');
  });

  it('escapes every text it prints', () => {
    const hostile = '</text><script>alert(1)</script> & "x"';
    const svg = barChart([{ label: hostile, value: 1, qualifier: 'exact' }], {
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
    expect(() => barChart([{ label: 'Negative', value: -1, qualifier: 'exact' }], options)).toThrow(
      /bar "Negative": value must be a finite number of zero or more/,
    );
    expect(() => barChart([{ label: 'NaN', value: Number.NaN, qualifier: 'exact' }], options)).toThrow(RangeError);
  });

  it('draws every bar to scale from zero, within the drawing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 8 }), (values) => {
        const $ = parse(
          barChart(
            values.map((value, i) => ({ label: `Bar ${i}`, value, qualifier: 'exact' })),
            options,
          ),
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
    for (const line of lines) expect(line.length * 0.6 * 13).toBeLessThanOrEqual(320);
  });

  it('gives a word longer than a line a line of its own', () => {
    expect(wrapLabel(`a ${'x'.repeat(60)} b`, 100)).toEqual(['a', 'x'.repeat(60), 'b']);
  });
});

describe('barValueLabel', () => {
  it('uses the locale and marks approximate figures the way its tables do', () => {
    expect(barValueLabel({ value: 1500000, qualifier: 'exact' }, 'en-US')).toBe('1.5M');
    expect(barValueLabel({ value: 600, qualifier: 'approximate' }, 'de-DE')).toBe('~600');
    expect(barValueLabel({ value: 600, qualifier: 'approximate' }, 'ko-KR')).toBe('약 600');
  });
});

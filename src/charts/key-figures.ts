// The article's key figures as a bar chart: which figures can be drawn honestly, and the chart itself.
import { findFigure, unitOf as figureUnit } from '../facts/lookup.ts';
import type { ArticleFacts } from '../facts/parse.ts';
import type { UnitLabel } from '../format/numbers.ts';
import type { FigureView } from '../present/figures.ts';
import { barChart, barValueLabel, type Bar } from './bar-chart.ts';

export interface ChartedFigure {
  figure: FigureView;
  /** What the bar is labelled with: "11K", "~600". */
  valueLabel: string;
}

export interface KeyFiguresChart {
  svg: string;
  title: string;
  drawn: ChartedFigure[];
  /** Key figures left out: no single number (ranges, "thousands"), or counted in another unit. */
  omitted: FigureView[];
  /** How to read the chart, for its caption: the zero baseline, the approximate marking, what is left out. */
  note: string;
}

export interface KeyFiguresChartOptions {
  id: string;
  locale: string;
}

function unitOf(facts: ArticleFacts, id: string): UnitLabel | undefined {
  return figureUnit(findFigure(facts, id));
}

function qualifierOf(figure: FigureView): Bar['qualifier'] {
  return figure.amount.kind === 'approximate' || figure.amount.kind === 'atLeast' ? figure.amount.kind : 'exact';
}

/**
 * Bars for the figures that have one number, in the unit of the first such figure: troops and years on one
 * axis would mislead. Returns undefined when fewer than two figures can be compared.
 */
export function keyFiguresChart(
  facts: ArticleFacts | undefined,
  figures: readonly FigureView[],
  options: KeyFiguresChartOptions,
): KeyFiguresChart | undefined {
  if (!facts) return undefined;
  const numeric = figures.filter((f) => f.numeric !== undefined && f.numeric >= 0);
  const unit = numeric[0] ? unitOf(facts, numeric[0].id) : undefined;
  const drawable = numeric.filter((f) => unitOf(facts, f.id)?.other === unit?.other);
  if (drawable.length < 2) return undefined;
  const omitted = figures.filter((f) => !drawable.includes(f));

  const bars: Bar[] = drawable.map((f) => ({ label: f.label, value: f.numeric as number, qualifier: qualifierOf(f) }));
  const drawn = drawable.map((figure, i) => ({ figure, valueLabel: barValueLabel(bars[i] as Bar, options.locale) }));
  const title = unit ? `Key figures to scale, in ${unit.other}` : 'Key figures to scale';
  const description =
    `Horizontal bar chart, bars drawn to scale from zero. ` +
    drawable
      .map((f) => `${f.label}: ${f.tableValue}${f.amount.kind === 'approximate' ? ' (approximate)' : ''}${f.derived ? ' (computed)' : ''}`)
      .join('; ') +
    '.';
  const notes = ['Bars start at zero.'];
  if (bars.some((b) => b.qualifier === 'approximate')) notes.push('“~” and a dashed outline mark an approximate figure.');
  if (bars.some((b) => b.qualifier === 'atLeast')) notes.push('“>” marks a figure given as “more than”.');
  // A sum sits among reported figures as a bar like theirs; the caption says it was worked out, not reported.
  const computed = drawable.filter((f) => f.derived);
  if (computed.length)
    notes.push(`Computed here by adding reported figures, not reported as such: ${computed.map((f) => f.label).join('; ')}.`);
  if (omitted.length) {
    const reason = (f: FigureView) => (numeric.includes(f) ? 'counted in another unit' : 'no single number');
    notes.push(`Not drawn: ${omitted.map((f) => `${f.label} (${reason(f)})`).join('; ')}.`);
  }
  return {
    svg: barChart(bars, { id: options.id, title, description, locale: options.locale }),
    title,
    drawn,
    omitted,
    note: notes.join(' '),
  };
}

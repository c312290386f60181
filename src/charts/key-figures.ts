// The article's key figures as a bar chart: which figures can be drawn honestly, on which scale, and in what words.
import type { Catalogue } from '../i18n/catalogue.ts';
import { formatContext } from '../format/locale.ts';
import { formatCompact, formatMeasureName, formatPercent, formatQuantity } from '../format/numbers.ts';
import { LOWER_BOUNDS, UPPER_BOUNDS, amountValue, measureOf, type Quantity } from '../format/quantity.ts';
import { barChart, type BarGroup, type BarShape } from './bar-chart.ts';

/** One key figure as the chart needs it: a plain value the caller builds from its model. */
export interface ChartFigure {
  label: string;
  quantity: Quantity;
  /** The figure's words exactly as the key-figures box prints them; the bar is labelled with them. */
  text: string;
  /** Computed from other figures (a sum, a change) rather than reported as such. */
  derived: boolean;
  /** A change between two figures: a difference, not a level, so never a bar beside levels of its unit. */
  change?: boolean | undefined;
}

export interface ChartedFigure<F extends ChartFigure = ChartFigure> {
  figure: F;
  /** The words beside its bar: the figure's `text`. */
  valueLabel: string;
}

export interface KeyFiguresChart<F extends ChartFigure = ChartFigure> {
  svg: string;
  title: string;
  drawn: Array<ChartedFigure<F>>;
  /** Key figures left out: changes, no single number (ranges, magnitudes), below zero, or alone in their unit. */
  omitted: F[];
  /** How to read the chart, for its caption: the zero baseline, the markings, what is left out and why. */
  note: string;
}

export interface KeyFiguresChartOptions {
  id: string;
  locale: string;
  catalogue?: Catalogue | undefined;
}

function shapeOf(quantity: Quantity): BarShape {
  const { kind } = quantity.amount;
  if ((LOWER_BOUNDS as readonly string[]).includes(kind)) return 'lowerBound';
  if ((UPPER_BOUNDS as readonly string[]).includes(kind)) return 'upperBound';
  return kind === 'approximate' ? 'approximate' : 'exact';
}

/** Axis labels: grouped figures below a million ("12,500", "12.500"), the short compact form above ("1.5M", "6 Mio."). */
function tickFormatter(quantity: Quantity, locale: string): (value: number) => string {
  if (quantity.unit === 'percent') return (value) => formatPercent(value, { locale, input: 'percent' });
  return (value) =>
    value >= 1e6 ? formatCompact(value, { locale }) : formatQuantity({ amount: { kind: 'exact', value } }, { locale, form: 'table' });
}

/**
 * Bars for the key figures that have one number of zero or more, one group (one scale, one axis) per unit or
 * currency: troops and dollars on one axis would mislead. A unit with a single figure has nothing to be compared
 * with and is left out, as are ranges, magnitudes and changes (a difference is not a level); the note says which and why. Undefined when no unit has two.
 */
export function keyFiguresChart<F extends ChartFigure>(
  figures: readonly F[],
  options: KeyFiguresChartOptions,
): KeyFiguresChart<F> | undefined {
  const { catalogue } = formatContext(options);
  const words = (key: string, values: Record<string, string> = {}) => catalogue.format(`chart.${key}`, values);
  const numeric = figures.filter((f) => !f.change && (amountValue(f.quantity.amount) ?? -1) >= 0);
  const measures = new Map<string, F[]>();
  for (const figure of numeric) {
    const measure = measureOf(figure.quantity);
    measures.set(measure, [...(measures.get(measure) ?? []), figure]);
  }
  const groups = [...measures.values()].filter((group) => group.length >= 2);
  if (groups.length === 0) return undefined;
  const drawable = groups.flat();
  const omitted = figures.filter((f) => !drawable.includes(f));

  const unitName = (figure: F) => formatMeasureName(figure.quantity, options);
  const barGroups: BarGroup[] = groups.map((group) => {
    const [first] = group as [F, ...F[]];
    const name = unitName(first);
    return {
      heading: groups.length > 1 ? (name === undefined ? words('groupCounts') : words('groupIn', { unit: name })) : undefined,
      bars: group.map((f) => ({
        label: f.label,
        value: amountValue(f.quantity.amount) ?? 0,
        valueLabel: f.text,
        shape: shapeOf(f.quantity),
      })),
      tick: tickFormatter(first.quantity, options.locale),
    };
  });
  const onlyUnit = groups.length === 1 && groups[0]?.[0] ? unitName(groups[0][0]) : undefined;
  const title = onlyUnit === undefined ? words('title') : words('titleIn', { unit: onlyUnit });
  const description = [
    words('description'),
    ...drawable.map((f) => {
      const key = f.derived ? 'describedComputed' : f.quantity.amount.kind === 'approximate' ? 'describedApproximate' : 'described';
      return words(key, { label: f.label, value: f.text });
    }),
  ].join(' ');

  const shapes = new Set(drawable.map((f) => shapeOf(f.quantity)));
  const notes = [words('note.zero')];
  if (shapes.has('approximate')) notes.push(words('note.approximate'));
  if (shapes.has('lowerBound')) notes.push(words('note.lowerBound'));
  if (shapes.has('upperBound')) notes.push(words('note.upperBound'));
  // A computed figure sits among reported ones as a bar like theirs; the caption says it was worked out, not reported.
  const computed = drawable.filter((f) => f.derived);
  if (computed.length) notes.push(words('note.computed', { labels: computed.map((f) => f.label).join('; ') }));
  if (omitted.length) {
    const reason = (f: F) => {
      const value = amountValue(f.quantity.amount);
      const why = f.change ? 'note.change' : value === undefined ? 'note.noSingleNumber' : value < 0 ? 'note.belowZero' : 'note.alone';
      return words(why, { label: f.label });
    };
    notes.push(words('note.notDrawn', { figures: omitted.map(reason).join('; ') }));
  }
  return {
    svg: barChart(barGroups, { id: options.id, title, description }),
    title,
    drawn: drawable.map((figure) => ({ figure, valueLabel: figure.text })),
    omitted,
    note: notes.join(' '),
  };
}

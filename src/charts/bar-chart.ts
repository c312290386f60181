// A horizontal bar chart as an SVG string, drawn at build time: no DOM, no client script, all text escaped.
// Bars come in groups, one scale each, so that figures counted in different units never share an axis.
import { escapeHtml } from '../shared/html.ts';

/**
 * How firm the number is, and so how its bar is drawn: exact is solid; approximate lighter with a dashed outline;
 * a lower bound ("at least", "more than") solid with an arrowhead past its end, as it may be higher; an upper bound
 * ("at most", "less than") open, as it may be lower.
 */
export type BarShape = 'exact' | 'approximate' | 'lowerBound' | 'upperBound';

export interface Bar {
  label: string;
  value: number;
  /** The words beside the bar: exactly what the text prints for the figure ("about 600", "at least 1,100"). */
  valueLabel: string;
  shape: BarShape;
}

export interface BarGroup {
  /** Printed above the group's bars when the chart has several groups ("In dollars"). */
  heading?: string | undefined;
  bars: readonly Bar[];
  /** The label of an axis tick at `value` ("12,500", "12.500", "1.5M", "20%"). */
  tick: (value: number) => string;
}

export interface BarChartOptions {
  /** Prefix for the ids of <title> and <desc>; must be unique on the page. */
  id: string;
  title: string;
  description: string;
}

// Sized for the article's side column (about 20rem) so the text stays near its CSS size when scaled.
const WIDTH = 320;
const FONT_SIZE = 13;
const LINE_HEIGHT = 16;
const BAR_HEIGHT = 14;
const ROW_GAP = 14;
const GROUP_GAP = 20;
const VALUE_GAP = 6;
const ARROW = 7;
const AXIS_HEIGHT = 24;
const TARGET_TICKS = 5;
// Tick labels keep at least half a character apart, so "10K" and "12.5K" never touch.
const TICK_GAP = 0.5 * FONT_SIZE;
// Value labels beside the bars take at most this share of the width; wider ones go under their bar.
const MAX_VALUE_ROOM = 0.45 * WIDTH;
// Presentation attributes, so the marking survives without the site's CSS (which may restyle it).
const BAR_STYLE: Record<BarShape, string> = {
  exact: '',
  approximate: ' fill-opacity="0.45" stroke="currentColor" stroke-dasharray="3 2"',
  lowerBound: '',
  upperBound: ' fill-opacity="0.12" stroke="currentColor"',
};

/**
 * A conservative width of `text` in the chart's font size: at least what Arial / Liberation Sans Bold draw (the
 * widest of the usual UI fonts at these sizes), so that labels measured apart never touch. Hangul, CJK and an em
 * dash take a full em, M, W, m, w, @ and % nearly one, capitals 0.8, narrow punctuation a third.
 */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let ems = 0;
  for (const char of text) {
    if (/[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\u2014]/u.test(char)) ems += 1;
    else if (/[MWmw@%]/u.test(char)) ems += 1;
    else if (/[\s\u00a0\u202f]/u.test(char)) ems += 0.33;
    else if (/[.,:;'’|!iIlj]/u.test(char)) ems += 0.35;
    else if (/\p{Lu}/u.test(char)) ems += 0.8;
    else ems += 0.65;
  }
  return ems * fontSize;
}

/** Tick spacing of 1, 2, 2.5 or 5 times a power of ten giving about TARGET_TICKS intervals up to max. */
export function niceScale(max: number): { step: number; max: number } {
  if (max <= 0) return { step: 1, max: 1 };
  const rough = max / TARGET_TICKS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  // Near the smallest doubles the power of ten underflows to zero; one interval still draws to scale.
  if (!(step > 0)) return { step: max, max };
  return { step, max: Math.ceil(max / step) * step };
}

/** Greedy word wrap by measured width, breaking only at plain spaces (a figure's no-break spaces hold it together). */
export function wrapLabel(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (line && textWidth(joined) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = joined;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface Tick {
  value: number;
  /** Undefined for a tick drawn without a label, to keep its neighbours' labels apart. */
  label: string | undefined;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Ticks every `step` up to `max`, labelled every k-th with the smallest k whose labels keep TICK_GAP apart and stay
 * inside [0, width]: first label anchored at its start, last at its end, the others centred. Zero is always labelled.
 */
export function axisTicks(scale: { step: number; max: number }, width: number, tick: (value: number) => string): Tick[] {
  const intervals = Math.round(scale.max / scale.step);
  const x = (i: number) => (i / intervals) * width;
  const anchorOf = (i: number): Tick['anchor'] => (i === 0 ? 'start' : i === intervals ? 'end' : 'middle');
  const extent = (i: number, label: string): [number, number] => {
    const w = textWidth(label);
    const anchor = anchorOf(i);
    return anchor === 'start' ? [x(i), x(i) + w] : anchor === 'end' ? [x(i) - w, x(i)] : [x(i) - w / 2, x(i) + w / 2];
  };
  const labels = Array.from({ length: intervals + 1 }, (_, i) => tick(i * scale.step));
  for (let every = 1; every <= intervals; every += 1) {
    const shown = labels.map((_, i) => i).filter((i) => i % every === 0);
    const spans = shown.map((i) => extent(i, labels[i] ?? ''));
    const fits = spans.every(([left, right], j) => left >= 0 && right <= width && (j === 0 || left - (spans[j - 1]?.[1] ?? 0) >= TICK_GAP));
    if (fits) return labels.map((label, i) => ({ value: i * scale.step, label: i % every === 0 ? label : undefined, anchor: anchorOf(i) }));
  }
  return labels.map((label, i) => ({ value: i * scale.step, label: i === 0 ? label : undefined, anchor: anchorOf(i) }));
}

const round = (n: number) => Math.round(n * 100) / 100;

function textLines(lines: readonly string[], x: number, className: string, y: number, anchor = 'start'): string {
  const spans = lines.map((line, i) => `<tspan x="${x}" dy="${i === 0 ? FONT_SIZE : LINE_HEIGHT}">${escapeHtml(line)}</tspan>`).join('');
  return `<text class="${className}" y="${y}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${spans}</text>`;
}

function barMark(bar: Bar, y: number, width: number): string {
  const rect = `<rect class="bar-chart__bar bar-chart__bar--${bar.shape}" x="0" y="${y}" width="${width}" height="${BAR_HEIGHT}"${BAR_STYLE[bar.shape]}/>`;
  if (bar.shape !== 'lowerBound') return rect;
  const tip = `${round(width + ARROW)},${y + BAR_HEIGHT / 2}`;
  return `${rect}<polygon class="bar-chart__arrow" points="${width},${y - 2} ${tip} ${width},${y + BAR_HEIGHT + 2}"/>`;
}

/** One group: its heading, its bars to its own scale, and its axis; returns the SVG and the height it took. */
function drawGroup(group: BarGroup, top: number): { svg: string; height: number } {
  for (const bar of group.bars) {
    if (!Number.isFinite(bar.value) || bar.value < 0) {
      throw new RangeError(`bar "${bar.label}": value must be a finite number of zero or more, got ${bar.value}`);
    }
  }
  const parts: string[] = [];
  let y = top;
  if (group.heading !== undefined) {
    const lines = wrapLabel(group.heading, WIDTH);
    parts.push(textLines(lines, 0, 'bar-chart__group', y));
    y += lines.length * LINE_HEIGHT + 4;
  }
  const markExtra = (bar: Bar) => (bar.shape === 'lowerBound' ? ARROW : 0);
  const widest = Math.max(
    0,
    ...group.bars.map(
      (bar) => markExtra(bar) + VALUE_GAP + Math.max(...wrapLabel(bar.valueLabel, MAX_VALUE_ROOM).map((l) => textWidth(l))),
    ),
  );
  const plotWidth = WIDTH - Math.min(widest, MAX_VALUE_ROOM);
  const scale = niceScale(Math.max(0, ...group.bars.map((bar) => bar.value)));
  const x = (value: number) => round((value / scale.max) * plotWidth);

  for (const bar of group.bars) {
    const labelLines = wrapLabel(bar.label, WIDTH);
    const barY = y + labelLines.length * LINE_HEIGHT + 4;
    const width = x(bar.value);
    const valueX = round(width + markExtra(bar) + VALUE_GAP);
    const valueLines = wrapLabel(bar.valueLabel, WIDTH - valueX);
    const beside = valueLines.every((line) => valueX + textWidth(line) <= WIDTH);
    // Beside the bar when it fits there, else on its own lines under the bar.
    const value = beside
      ? textLines(valueLines, valueX, 'bar-chart__value', barY - 1)
      : textLines(wrapLabel(bar.valueLabel, WIDTH), 0, 'bar-chart__value', barY + BAR_HEIGHT + 2);
    const valueHeight = beside
      ? Math.max(0, (valueLines.length - 1) * LINE_HEIGHT)
      : wrapLabel(bar.valueLabel, WIDTH).length * LINE_HEIGHT + 2;
    parts.push(`<g class="bar-chart__row">${textLines(labelLines, 0, 'bar-chart__label', y)}${barMark(bar, barY, width)}${value}</g>`);
    y = barY + BAR_HEIGHT + valueHeight + ROW_GAP;
  }

  const ticks = axisTicks(scale, plotWidth, group.tick);
  const lines = ticks.map((t) => `<line x1="${x(t.value)}" x2="${x(t.value)}" y1="${y}" y2="${y + 4}"/>`).join('');
  const labels = ticks
    .filter((t) => t.label !== undefined)
    .map((t) => `<text x="${x(t.value)}" y="${y + AXIS_HEIGHT - 6}" text-anchor="${t.anchor}">${escapeHtml(t.label ?? '')}</text>`)
    .join('');
  parts.push(
    `<g class="bar-chart__axis" stroke="currentColor" stroke-width="1"><line x1="0" x2="${plotWidth}" y1="${y}" y2="${y}"/>${lines}</g>`,
    `<g class="bar-chart__ticks">${labels}</g>`,
  );
  return { svg: parts.join(''), height: y + AXIS_HEIGHT - top };
}

export function barChart(groups: readonly BarGroup[], options: BarChartOptions): string {
  const drawn: string[] = [];
  let height = 0;
  for (const group of groups) {
    const { svg, height: groupHeight } = drawGroup(group, height === 0 ? 0 : height + GROUP_GAP);
    drawn.push(svg);
    height += (height === 0 ? 0 : GROUP_GAP) + groupHeight;
  }
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return (
    `<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${escapeHtml(titleId)}" aria-describedby="${escapeHtml(descId)}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="${FONT_SIZE}" fill="currentColor">` +
    `<title id="${escapeHtml(titleId)}">${escapeHtml(options.title)}</title>` +
    `<desc id="${escapeHtml(descId)}">${escapeHtml(options.description)}</desc>` +
    drawn.join('') +
    `</svg>`
  );
}

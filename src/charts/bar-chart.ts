// A horizontal bar chart as an SVG string, drawn at build time: no DOM, no client script, all text escaped.
import { escapeHtml } from '../shared/html.ts';
import { formatCompact } from '../format/numbers.ts';

export interface Bar {
  label: string;
  value: number;
  /** How firm the number is: approximate bars read "~600" and are drawn with a dashed outline. */
  qualifier: 'exact' | 'approximate' | 'atLeast';
}

export interface BarChartOptions {
  /** Prefix for the ids of <title> and <desc>; must be unique on the page. */
  id: string;
  title: string;
  description: string;
  locale: string;
}

// Sized for the article's side column (about 20rem) so the text stays near its CSS size when scaled.
const WIDTH = 320;
const FONT_SIZE = 13;
const LINE_HEIGHT = 16;
const BAR_HEIGHT = 14;
const ROW_GAP = 14;
// Room right of the longest bar for its value label ("~999.9K").
const VALUE_LABEL_ROOM = 60;
const AXIS_HEIGHT = 24;
// A conservative average glyph width for system UI fonts, so wrapped labels do not overrun the chart.
const AVERAGE_GLYPH_WIDTH = 0.6 * FONT_SIZE;
const TARGET_TICKS = 5;
// Presentation attributes, so the marking survives without the site's CSS (which may restyle it).
const BAR_STYLE: Record<Bar['qualifier'], string> = {
  exact: '',
  approximate: ' fill-opacity="0.45" stroke="currentColor" stroke-dasharray="3 2"',
  atLeast: ' fill-opacity="0.7"',
};

// formatCompact builds an Intl.NumberFormat on every call, and every chart repeats the same tick values:
// remembering the strings keeps thousands of charts cheap. The results are pure, so nothing else changes.
const compactStrings = new Map<string, string>();
function compact(value: number, locale: string): string {
  const key = `${locale} ${value}`;
  let text = compactStrings.get(key);
  if (text === undefined) compactStrings.set(key, (text = formatCompact(value, { locale })));
  return text;
}

/** "~600", ">3", "11K": compact figures, marked when the source gave no exact number. */
export function barValueLabel(bar: Pick<Bar, 'value' | 'qualifier'>, locale: string): string {
  const figure = compact(bar.value, locale);
  if (bar.qualifier === 'atLeast') return `>${figure}`;
  // Korean reads "~600" as "up to 600", so its tables write "약 600" (see src/format/numbers.ts).
  if (bar.qualifier === 'approximate') return locale.toLowerCase().startsWith('ko') ? `약 ${figure}` : `~${figure}`;
  return figure;
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

/** Greedy word wrap by estimated width; a word longer than a line gets a line of its own. */
export function wrapLabel(text: string, maxWidth: number): string[] {
  const perLine = Math.max(1, Math.floor(maxWidth / AVERAGE_GLYPH_WIDTH));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  for (const bar of bars) {
    if (!Number.isFinite(bar.value) || bar.value < 0) {
      throw new RangeError(`bar "${bar.label}": value must be a finite number of zero or more, got ${bar.value}`);
    }
  }
  const scale = niceScale(Math.max(0, ...bars.map((b) => b.value)));
  const plotWidth = WIDTH - VALUE_LABEL_ROOM;
  const x = (value: number) => round((value / scale.max) * plotWidth);

  const rows: string[] = [];
  let y = 0;
  for (const bar of bars) {
    const lines = wrapLabel(bar.label, WIDTH);
    const label = lines.map((line, i) => `<tspan x="0" dy="${i === 0 ? FONT_SIZE : LINE_HEIGHT}">${escapeHtml(line)}</tspan>`).join('');
    const barY = y + lines.length * LINE_HEIGHT + 4;
    const width = x(bar.value);
    rows.push(
      `<g class="bar-chart__row">` +
        `<text class="bar-chart__label" y="${y}">${label}</text>` +
        `<rect class="bar-chart__bar bar-chart__bar--${bar.qualifier}" x="0" y="${barY}" width="${width}" height="${BAR_HEIGHT}"${BAR_STYLE[bar.qualifier]}/>` +
        `<text class="bar-chart__value" x="${round(width + 6)}" y="${barY + BAR_HEIGHT - 3}">${escapeHtml(barValueLabel(bar, options.locale))}</text>` +
        `</g>`,
    );
    y = barY + BAR_HEIGHT + ROW_GAP;
  }

  const plotHeight = y;
  const tickLines: string[] = [];
  const tickLabels: string[] = [];
  const intervals = Math.round(scale.max / scale.step);
  for (let i = 0; i <= intervals; i += 1) {
    const value = i * scale.step;
    const tickX = x(value);
    // The first and last labels align inward so they stay inside the drawing.
    const anchor = i === 0 ? 'start' : i === intervals ? 'end' : 'middle';
    tickLines.push(`<line x1="${tickX}" x2="${tickX}" y1="${plotHeight}" y2="${plotHeight + 4}"/>`);
    tickLabels.push(
      `<text x="${tickX}" y="${plotHeight + AXIS_HEIGHT - 6}" text-anchor="${anchor}">${escapeHtml(compact(value, options.locale))}</text>`,
    );
  }
  const axis =
    `<g class="bar-chart__axis" stroke="currentColor" stroke-width="1">` +
    `<line x1="0" x2="${plotWidth}" y1="${plotHeight}" y2="${plotHeight}"/>` +
    tickLines.join('') +
    `</g>` +
    `<g class="bar-chart__ticks">${tickLabels.join('')}</g>`;

  const height = plotHeight + AXIS_HEIGHT;
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return (
    `<svg class="bar-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${escapeHtml(titleId)}" aria-describedby="${escapeHtml(descId)}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="${FONT_SIZE}" fill="currentColor">` +
    `<title id="${escapeHtml(titleId)}">${escapeHtml(options.title)}</title>` +
    `<desc id="${escapeHtml(descId)}">${escapeHtml(options.description)}</desc>` +
    rows.join('') +
    axis +
    `</svg>`
  );
}

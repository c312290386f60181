// Numbers in newsroom style: spelled out, in figures, in scale words ("6 million", "150만"), as percentages.
// Node 20 implements ES2023 Intl (signDisplay 'negative'); the project's ES2022 lib types predate it.
/// <reference lib="es2023.intl" />
import { numberFormat } from '../shared/intl-memo.ts';
import { formatContext, type FormatContext, type NumberOptions } from './locale.ts';

export type { NumberOptions } from './locale.ts';

/** 'prose' for running text, 'table' for tables and charts (figures, symbols, true minus sign). */
export type NumberStyle = 'prose' | 'table';

export const NBSP = '\u00a0';
// U+2212 lines up with '+' in tables and does not break at line ends the way a hyphen can.
export const MINUS = '\u2212';
const MAX_DECIMALS = 2;

/** A figure's words held together on one line: every space becomes a no-break space. */
export function hold(text: string): string {
  return text.replaceAll(' ', NBSP);
}

/** Whether text ends in a digit ("600", "3.5") rather than a word ("million", "수천", "150만"). */
export function endsInFigure(text: string): boolean {
  return /\p{Nd}$/u.test(text);
}

function withTypographicMinus(parts: Intl.NumberFormatPart[]): string {
  return parts.map((part) => (part.type === 'minusSign' ? MINUS : part.value)).join('');
}

export function formatWith(n: number, ctx: FormatContext, style: NumberStyle, options: Intl.NumberFormatOptions): string {
  // 'negative' drops the sign of values that round to zero: -0.001 is '0', never '-0'.
  const formatter = numberFormat(ctx.locale.tag, { maximumFractionDigits: MAX_DECIMALS, signDisplay: 'negative', ...options });
  return style === 'table' ? withTypographicMinus(formatter.formatToParts(n)) : formatter.format(n);
}

/** Grouped figures with at most two decimals: '11,000', '2.35'. */
export function figures(n: number, ctx: FormatContext, style: NumberStyle): string {
  return formatWith(n, ctx, style, {});
}

export function roundsToZero(n: number, ctx: FormatContext): boolean {
  return figures(Math.abs(n), ctx, 'prose') === figures(0, ctx, 'prose');
}

/** The catalogue's word for a whole number ('three', 'drei'), or undefined where the language writes figures. */
export function spelledOut(n: number, ctx: FormatContext): string | undefined {
  if (!Number.isInteger(n) || n < 0) return undefined;
  return ctx.catalogue.format('format.number.words', { n }) || undefined;
}

// Whole millions and up read as '6 million' / '2.5 million' / '7.51 million' (AP: at most two decimals); anything
// that would need rounding (1,049,999; 1,234,500) keeps its figures, because a sourced number must not silently
// lose precision. Intl has no word above trillions (it prints '1000 trillion'), hence the upper bound.
export function largeInWords(n: number, ctx: FormatContext): string | undefined {
  if (!Number.isInteger(n) || Math.abs(n) < 1e6 || Math.abs(n) >= 1e15) return undefined;
  if (ctx.grammar.largeNumber) return ctx.grammar.largeNumber(n, ctx.locale);
  const inWords = (maximumFractionDigits: number) =>
    numberFormat(ctx.locale.tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits }).format(n);
  const rounded = inWords(MAX_DECIMALS);
  return rounded === inWords(20) ? rounded : undefined;
}

/** A number in running text: spelled out where the catalogue has a word, else scale words, else figures. */
export function proseNumber(n: number, ctx: FormatContext): string {
  return spelledOut(n, ctx) ?? largeInWords(n, ctx) ?? figures(n, ctx, 'prose');
}

/**
 * Newsroom prose: 'zero', 'one'…'nine' (German 'null'…'zwölf'), '11,000', '6 million', '2.5 million',
 * '1,049,999', '-5', '2.35'. Korean and other languages without number words use figures.
 */
export function formatProse(n: number, o: NumberOptions = {}): string {
  return hold(proseNumber(n === 0 ? 0 : n, formatContext(o)));
}

/** Chart axes only: '11K', '1.2K', '6M', '2.5B' (en-US); Intl's short compact form elsewhere. It rounds. */
export function formatCompact(n: number, o: NumberOptions = {}): string {
  return hold(formatWith(n, formatContext(o), 'table', { notation: 'compact', maximumFractionDigits: 1 }));
}

/**
 * Percentages as Intl writes them: 0.125 → '12.5%' (en), '12,5 %' (de). By default up to one decimal;
 * `fractionDigits` fixes the number of decimals (so table columns line up). `input: 'percent'` takes 12.5.
 */
export function formatPercent(value: number, o: NumberOptions & { fractionDigits?: number; input?: 'ratio' | 'percent' } = {}): string {
  const { fractionDigits, input = 'ratio' } = o;
  const digits =
    fractionDigits === undefined
      ? { minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  // 'unit: percent' takes 12.5 as-is; multiplying by 100 ourselves would print float noise.
  const kind: Intl.NumberFormatOptions = input === 'ratio' ? { style: 'percent' } : { style: 'unit', unit: 'percent' };
  return formatWith(value, formatContext(o), 'prose', { ...kind, ...digits });
}

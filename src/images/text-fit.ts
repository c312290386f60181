// Fitting text into a width by measured widths: word wrap, words broken only when they must be, an ellipsis.

/** The drawn width of a text, in the unit of the widths it is compared with. */
export type Measure = (text: string) => number;

export interface FitOptions {
  maxWidth: number;
  maxLines: number;
  /** Break a word wider than a line between its characters; when false, such a word makes the text not fit. */
  breakWords: boolean;
  /** For the character boundaries a word is broken at (Intl.Segmenter's graphemes). */
  locale: string;
}

export interface FittedText {
  lines: string[];
  /** False when a word was wider than a line and breakWords was off: the lines would overflow. */
  fits: boolean;
  /** True when text was left out and the last line ends with an ellipsis. */
  truncated: boolean;
}

export const ELLIPSIS = '…';

/** Every run of white space as one space, none at either end: the card draws one line of text at a time. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function graphemes(text: string, locale: string): string[] {
  return Array.from(new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

/** `word` in pieces no wider than maxWidth, each as long as it can be (a single grapheme always gets a piece). */
function breakWord(word: string, maxWidth: number, measure: Measure, locale: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const grapheme of graphemes(word, locale)) {
    if (piece && measure(piece + grapheme) > maxWidth) {
      pieces.push(piece);
      piece = grapheme;
    } else {
      piece += grapheme;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * `line` shortened to end in an ellipsis within maxWidth: whole words dropped while more than one remains,
 * then characters; punctuation and spaces before the ellipsis go too ("Troops,…" reads as "Troops…").
 */
export function withEllipsis(line: string, maxWidth: number, measure: Measure, locale: string): string {
  const finish = (text: string) => text.replace(/[\s\p{P}]+$/u, '') + ELLIPSIS;
  let text = line;
  while (text.includes(' ') && measure(finish(text)) > maxWidth) text = text.slice(0, text.lastIndexOf(' '));
  if (measure(finish(text)) <= maxWidth && finish(text) !== ELLIPSIS) return finish(text);
  const characters = graphemes(text, locale);
  while (characters.length > 0 && measure(finish(characters.join(''))) > maxWidth) characters.pop();
  return finish(characters.join(''));
}

/** `text` as one line no wider than maxWidth, cut with an ellipsis when it is wider. */
export function fitOneLine(text: string, maxWidth: number, measure: Measure, locale: string): { line: string; truncated: boolean } {
  const line = collapseSpace(text);
  if (measure(line) <= maxWidth) return { line, truncated: false };
  return { line: withEllipsis(line, maxWidth, measure, locale), truncated: true };
}

/** Greedy word wrap into at most maxLines lines no wider than maxWidth; what does not fit is cut with an ellipsis. */
export function fitLines(text: string, measure: Measure, options: FitOptions): FittedText {
  const { maxWidth, maxLines, breakWords, locale } = options;
  const lines: string[] = [];
  let fits = true;
  let line = '';
  for (const word of collapseSpace(text).split(' ').filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (measure(word) > maxWidth) {
      if (!breakWords) {
        fits = false;
        continue;
      }
      const pieces = breakWord(word, maxWidth, measure, locale);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, fits, truncated: false };
  const kept = lines.slice(0, maxLines);
  // The last kept line and the first left out, so the ellipsis follows as much of the text as fits.
  const last = `${kept[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`;
  kept[maxLines - 1] = withEllipsis(last, maxWidth, measure, locale);
  return { lines: kept, fits, truncated: true };
}

/** Break HTML lines that are longer than email allows, only where a newline cannot change what is shown. */

/** RFC 5322 §2.1.1: lines must be no more than 998 characters, excluding the CRLF (measured here in UTF-8 bytes). */
export const MAX_LINE_BYTES = 998;

interface BreakPoint {
  /** Index in the line of the character the new line starts at (or the whitespace replaced by the newline). */
  index: number;
  /** Whether the character at `index` is whitespace that the newline replaces, rather than a newline inserted before it. */
  replaces: boolean;
}

/**
 * Splits every line longer than `maxBytes`. A newline replaces existing whitespace in text or
 * between attributes, or goes just before a tag's closing `>`; none of these changes rendering.
 * Nothing is broken inside attribute values, CSS strings or comment markers such as `<!--[if mso]>`.
 * A line with no such place within the limit stays too long, for the line-length check to report.
 */
export function breakLongLines(html: string, maxBytes: number = MAX_LINE_BYTES): string {
  return html
    .split('\n')
    .map((line) => (Buffer.byteLength(line, 'utf8') <= maxBytes ? line : breakLine(line, maxBytes)))
    .join('\n');
}

function breakLine(line: string, maxBytes: number): string {
  const byteOffsets = utf8Offsets(line);
  const bytesBetween = (from: number, to: number): number => (byteOffsets[to] ?? 0) - (byteOffsets[from] ?? 0);
  const breakPoints = findBreakPoints(line);

  const lines: string[] = [];
  let start = 0;
  let best: BreakPoint | undefined;
  const breakAt = (point: BreakPoint): void => {
    lines.push(line.slice(start, point.index));
    start = point.replaces ? point.index + 1 : point.index;
    best = undefined;
  };
  for (const point of breakPoints) {
    if (point.index <= start) continue;
    if (bytesBetween(start, point.index) <= maxBytes) {
      best = point;
      continue;
    }
    // Too far: break at the last point that fitted, or here if none did (the line stays too long).
    if (best !== undefined) breakAt(best);
    if (bytesBetween(start, point.index) <= maxBytes) best = point;
    else breakAt(point);
  }
  if (best !== undefined && bytesBetween(start, line.length) > maxBytes) breakAt(best);
  lines.push(line.slice(start));
  return lines.join('\n');
}

/** Byte offset in UTF-8 of each UTF-16 index of the line (and of its end). */
function utf8Offsets(line: string): Uint32Array {
  const offsets = new Uint32Array(line.length + 1);
  let bytes = 0;
  for (let index = 0; index < line.length; index += 1) {
    offsets[index] = bytes;
    const code = line.charCodeAt(index);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  offsets[line.length] = bytes;
  return offsets;
}

// Comment markers are kept whole; a newline inside `<!--[if mso]>` would break the condition.
const TOKEN =
  /<!--\[if[^\]]*\]>(?:<!-->)?|<!--<!\[endif\]-->|<!\[endif\]-->|<!--[\s\S]*?-->|<\/?[a-zA-Z!][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|[^<]+|</g;
const WHITESPACE = /[ \t]/;

function findBreakPoints(line: string): BreakPoint[] {
  const points: BreakPoint[] = [];
  let inStyle = false;
  for (const match of line.matchAll(TOKEN)) {
    const token = match[0];
    const offset = match.index;
    if (token.startsWith('<!')) {
      continue;
    } else if (token.startsWith('<') && token.length > 1) {
      addTagBreakPoints(token, offset, points);
      if (/^<style\b/i.test(token)) inStyle = true;
      else if (/^<\/style\b/i.test(token)) inStyle = false;
    } else {
      addTextBreakPoints(token, offset, inStyle, points);
    }
  }
  return points;
}

/** Whitespace between attributes, and the place just before the closing `>`. */
function addTagBreakPoints(tag: string, offset: number, points: BreakPoint[]): void {
  let quote: string | undefined;
  for (let index = 1; index < tag.length - 1; index += 1) {
    const char = tag[index] ?? '';
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (WHITESPACE.test(char)) {
      points.push({ index: offset + index, replaces: true });
    }
  }
  const closing = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  if (!WHITESPACE.test(tag[closing - 1] ?? '')) points.push({ index: offset + closing, replaces: false });
}

/**
 * Whitespace in text. In a <style> element: after `{`, `}` and `;`, and at whitespace, but not inside
 * CSS strings nor just before `!important` (Outlook needs a space there, not a line break).
 */
function addTextBreakPoints(text: string, offset: number, inStyle: boolean, points: BreakPoint[]): void {
  let quote: string | undefined;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (!inStyle) {
      if (WHITESPACE.test(char)) points.push({ index: offset + index, replaces: true });
    } else if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '{' || char === '}' || char === ';') {
      points.push({ index: offset + index + 1, replaces: false });
    } else if (WHITESPACE.test(char) && text[index + 1] !== '!') {
      points.push({ index: offset + index, replaces: true });
    }
  }
}

// Finds numerals an editor typed into prose instead of printing them from a fact.

export interface StrayNumeral {
  line: number;
  numeral: string;
  /** The words around it, to find it in the file. */
  context: string;
}

// Shortcodes, code, HTML tags, link targets and URLs are not prose.
const NOT_PROSE = [/\{%[\s\S]*?%\}/g, /\{\{[\s\S]*?\}\}/g, /`[^`\n]*`/g, /<[^>\n]+>/g, /\]\([^)\n]*\)/g, /https?:\/\/\S+/g];
const NUMERAL = /\d[\d,.]*\d|\d/g;

/** Body text only (no front matter); line numbers are 1-based and relative to `firstLine`. */
export function findStrayNumerals(body: string, firstLine = 1): StrayNumeral[] {
  const found: StrayNumeral[] = [];
  body.split('\n').forEach((raw, index) => {
    if (/^\s*```/.test(raw)) return;
    // Blank out non-prose with spaces so columns (and context) stay put.
    const line = NOT_PROSE.reduce((text, pattern) => text.replace(pattern, (m) => ' '.repeat(m.length)), raw);
    for (const match of line.matchAll(NUMERAL)) {
      const start = match.index ?? 0;
      found.push({
        line: firstLine + index,
        numeral: match[0],
        context: raw.slice(Math.max(0, start - 30), start + match[0].length + 30).trim(),
      });
    }
  });
  return found;
}

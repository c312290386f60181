// The template syntax editors may write in an article's Markdown and in every text field (titles, summaries,
// a digest's subject…): `{% fact "id" %}` and `{% fact "id", "form" %}`, which print a figure from a facts
// file, and `{# … #}`, a note to other editors that is never published. Nothing is a Nunjucks template:
// anything else in braces (`{{ … }}`, another `{% … %}` tag) is an error. The model, the check and the
// build all read text with this grammar, so what the check accepts is what the build prints.

/**
 * How a fact tag prints its figure: in running text, as a compound modifier ("a three-year war"), as in a table,
 * a change as its percentage ("up 16%"), a share as a fraction ("one in five").
 */
export type FactForm = 'prose' | 'compound' | 'table' | 'percent' | 'fraction';
export const FACT_FORMS: readonly FactForm[] = ['prose', 'compound', 'table', 'percent', 'fraction'];

export interface FactTag {
  kind: 'fact';
  id: string;
  form: FactForm;
  start: number;
  end: number;
}

export interface CommentTag {
  kind: 'comment';
  start: number;
  end: number;
}

export interface BadTag {
  kind: 'bad';
  start: number;
  end: number;
  /** What is wrong, quoting the tag: `{{ site.title }}: articles are not templates; …` */
  problem: string;
}

export type BodyTag = FactTag | CommentTag | BadTag;

const CLOSERS: Record<string, string> = { '%': '%}', '{': '}}', '#': '#}' };
const FACT = /^\{%\s*fact\s+(?:"([^"\n]*)"|'([^'\n]*)')\s*(?:,\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*)?%\}$/;
const USAGE = 'only {% fact "id" %} and {% fact "id", "form" %} can be written';
const OTHER_ARTICLES_FACT = /\{%\s*fact\s+["'][^"'/]+\//;

/**
 * Whether a text has a tag naming another article's fact (`{% fact "slug/id" %}`): what it prints depends on a
 * file besides its own, so a result kept while its own files are unchanged may be stale.
 */
export function namesAnotherArticlesFact(text: string): boolean {
  return OTHER_ARTICLES_FACT.test(text);
}

/** Every tag in `text` (an article's Markdown body), in order. */
export function readBodyTags(text: string): BodyTag[] {
  const tags: BodyTag[] = [];
  let at = text.indexOf('{');
  while (at !== -1) {
    const closer = CLOSERS[text[at + 1] ?? ''];
    if (!closer) {
      at = text.indexOf('{', at + 1);
      continue;
    }
    const close = text.indexOf(closer, at + 2);
    if (close === -1) {
      const opener = text.slice(at, at + 2);
      tags.push({ kind: 'bad', start: at, end: at + 2, problem: `"${opener}" is never closed with "${closer}" (${USAGE})` });
      at = text.indexOf('{', at + 2);
      continue;
    }
    const end = close + 2;
    tags.push(readTag(text.slice(at, end), at, end));
    at = text.indexOf('{', end);
  }
  return tags;
}

function readTag(source: string, start: number, end: number): BodyTag {
  if (source.startsWith('{#')) return { kind: 'comment', start, end };
  const bad = (problem: string): BadTag => ({ kind: 'bad', start, end, problem: `${quote(source)}: ${problem}` });
  if (source.startsWith('{{')) return bad(`content is not a template, so nothing in {{ }} is printed (${USAGE})`);
  const match = FACT.exec(source);
  if (!match) return bad(USAGE);
  const id = match[1] ?? match[2] ?? '';
  const form = match[3] ?? match[4] ?? 'prose';
  if (!id) return bad(`the fact id is empty (${USAGE})`);
  if (!(FACT_FORMS as readonly string[]).includes(form)) return bad(`unknown form "${form}" (expected one of: ${FACT_FORMS.join(', ')})`);
  return { kind: 'fact', id, form: form as FactForm, start, end };
}

/** A tag as an error message shows it: on one line, and cut short when long. */
function quote(source: string): string {
  const line = source.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** The 1-based line of `source` (a whole Markdown file) on which `body`, the text after its front matter, starts. */
export function bodyFirstLine(source: string, body: string): number {
  return source.split('\n').length - body.split('\n').length + 1;
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

export class BodyTagError extends Error {
  constructor(readonly tag: BadTag, readonly line: number) {
    super(`line ${line}: ${tag.problem}`);
    this.name = 'BodyTagError';
  }
}

/**
 * Whether a tag at `offset` starts a sentence, so its words take a capital: at the start of the text, of a
 * paragraph, a list item or a heading, or after a full stop, question or exclamation mark.
 */
export function startsSentence(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (/^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+|>[ \t]*)+$/.test(before)) return true;
  if (/^[ \t]*$/.test(before)) {
    if (lineStart === 0) return true;
    const previousLine = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
    if (/^[ \t]*$/.test(previousLine)) return true;
  }
  // The last thing written before the tag, quotes and brackets aside.
  let at = offset - 1;
  while (at >= 0 && /[\s"'”’)\]]/.test(text[at] ?? '')) at -= 1;
  return at < 0 || /[.!?]/.test(text[at] ?? '');
}

/**
 * `text` with each fact tag replaced by `print(tag, startsSentence)` and each comment removed. A tag that
 * is neither is replaced by `printBad(tag)`, or, without it, throws BodyTagError.
 */
export function printFacts(text: string, print: (tag: FactTag, sentenceStart: boolean) => string, printBad?: (tag: BadTag) => string): string {
  if (!text.includes('{')) return text;
  const tags = readBodyTags(text);
  if (!tags.length) return text;
  // Notes are not text: a tag after one starts a sentence if it would without it.
  const comments = tags.filter((tag) => tag.kind === 'comment');
  const read = comments.length ? comments.reduce((t, c) => t.slice(0, c.start) + t.slice(c.start, c.end).replace(/[^\n]/g, ' ') + t.slice(c.end), text) : text;
  let out = '';
  let from = 0;
  for (const tag of tags) {
    if (tag.kind === 'bad' && !printBad) throw new BodyTagError(tag, lineAt(text, tag.start));
    out += text.slice(from, tag.start);
    if (tag.kind === 'fact') out += print(tag, startsSentence(read, tag.start));
    else if (tag.kind === 'bad') out += printBad!(tag);
    from = tag.end;
  }
  return out + text.slice(from);
}

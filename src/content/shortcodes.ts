// The template syntax an article's Markdown may carry: `{% fact "id" %}` and `{% fact "id", "form" %}`,
// which print a figure from the article's facts file, and `{# … #}`, a note to other editors that is
// never published. Articles are not Nunjucks templates: anything else in braces (`{{ … }}`, another
// `{% … %}` tag) is an error. The build and `npm run check` both read articles with this grammar,
// so what the check accepts is what the build prints.
import { FACT_FORMS, type FactForm } from '../facts/present.ts';

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
const USAGE = 'articles can only use {% fact "id" %} or {% fact "id", "form" %}';

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
  if (source.startsWith('{{')) return bad(`articles are not templates, so nothing in {{ }} is printed (${USAGE})`);
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
 * `text` with each fact tag replaced by `print(tag)` and each comment removed. A tag that is neither is
 * replaced by `printBad(tag)`, or, without it, throws BodyTagError.
 */
export function printFacts(text: string, print: (tag: FactTag) => string, printBad?: (tag: BadTag) => string): string {
  if (!text.includes('{')) return text;
  const tags = readBodyTags(text);
  if (!tags.length) return text;
  let out = '';
  let from = 0;
  for (const tag of tags) {
    if (tag.kind === 'bad' && !printBad) throw new BodyTagError(tag, lineAt(text, tag.start));
    out += text.slice(from, tag.start);
    if (tag.kind === 'fact') out += print(tag);
    else if (tag.kind === 'bad') out += printBad!(tag);
    from = tag.end;
  }
  return out + text.slice(from);
}

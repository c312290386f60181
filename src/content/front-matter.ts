// Front matter and body of a Markdown or Nunjucks file, read the same way by the content model and (for the
// site's other pages) by Eleventy: YAML 1.2's core schema, so an unquoted timestamp stays the text the editor
// typed, and every field keeps its line for messages.
import jsYaml from 'js-yaml';
import { ContentError } from '../shared/errors.ts';
import { normaliseText } from '../shared/text.ts';
import { readYaml } from '../shared/yaml.ts';

export interface SourceFile {
  /** The fields, or {} when the file has none. */
  data: Record<string, unknown>;
  /** Everything after the closing `---`. */
  body: string;
  /** The file line (1-based) the body starts on. */
  bodyLine: number;
  /** The line of a field (or of an entry inside one), for messages. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** Front matter in a language other than YAML (`---js`): the model does not read it. */
  opaque: boolean;
  /** The front matter as written, between its lines of ---: an edit that leaves it alone keeps `data`. */
  matter?: string;
}

const OPENING = /^---([a-z]*)[ \t]*\n/;
const CLOSING = /\n---[ \t]*(?:\n|$)/;

/**
 * Splits a file into its front matter and body; YAML that does not parse is a ContentError naming the line.
 * `earlier`: the last reading of the same file; when its front matter is unchanged, its fields are kept (the
 * same object), so what depends only on them need not be worked out again.
 */
export function readSourceFile(text: string, shown: string, earlier?: SourceFile): SourceFile {
  const source = normaliseText(text);
  const opening = OPENING.exec(source);
  const none = { data: {}, body: source, bodyLine: 1, lineOf: () => undefined, opaque: false };
  if (!opening) return none;
  const rest = source.slice(opening[0].length);
  // An empty front matter block closes on the line right after the opening one.
  const closing = rest.startsWith('---') ? /^---[ \t]*(?:\n|$)/.exec(rest) : CLOSING.exec(rest);
  if (!closing) throw new ContentError([`${shown}: line 1: the front matter opened with --- is never closed with a line of ---`]);
  const yamlText = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length);
  const bodyLine = source.slice(0, source.length - body.length).split('\n').length;
  if (opening[1] && opening[1] !== 'yaml') return { ...none, body, bodyLine, opaque: true };
  if (earlier?.matter === yamlText && !earlier.opaque) return { ...earlier, body, bodyLine };
  const yaml = readYaml(yamlText, shown, 2);
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError([`${shown}: line 2: front matter must be fields such as "title: …", not a single value or a list`]);
  }
  return { data: data as Record<string, unknown>, body, bodyLine, lineOf: yaml.lineOf, opaque: false, matter: yamlText };
}

/** Eleventy's front-matter options: the same YAML reader and schema as readSourceFile. */
export const frontMatterOptions = {
  engines: { yaml: (source: string) => (jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA }) ?? {}) },
};

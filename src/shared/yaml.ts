// YAML as editors write it (front matter and facts files), read with YAML 1.2's core schema. js-yaml reads
// it (fast: a build reads thousands of files); the `yaml` package, which keeps every node's place, is asked
// only when a message needs a line, so a problem names the line it is on.
import jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError } from './errors.ts';

export interface YamlFile {
  /** The document as plain data: `2024-10-05` stays text (the core schema has no timestamps), `yes` stays text. */
  data: unknown;
  /** The file line (1-based) of the entry at `path` (a key's line, or an item's), or of its nearest parent that exists. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

function located(source: string) {
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: true });
  return { counter, document };
}

/**
 * Parses `source`, which starts on line `firstLine` of its file (front matter starts on line 2).
 * Syntax errors, duplicate keys among them, throw a ContentError naming `shown` and the line.
 */
export function readYaml(source: string, shown: string, firstLine = 1): YamlFile {
  let data: unknown;
  try {
    data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA });
  } catch (error) {
    // Said as the `yaml` package says it, with its line; js-yaml's own words if that one reads the text.
    const { document } = located(source);
    const problem = document.errors[0];
    const line = problem?.linePos?.[0].line ?? (error as { mark?: { line: number } }).mark?.line;
    const reason = problem
      ? (problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'unreadable')
      : String((error as { reason?: string }).reason ?? (error as Error).message);
    throw new ContentError([`${shown}: ${line === undefined ? '' : `line ${line + firstLine - 1}: `}not valid YAML: ${reason}`]);
  }
  let places: ReturnType<typeof located> | undefined;
  return {
    data,
    lineOf(path) {
      places ??= located(source);
      const { counter, document } = places;
      const fileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
      let node: Node | null | undefined = document.contents;
      let line = node?.range ? fileLine(node.range[0]) : undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
          if (!pair) break;
          const keyNode = pair.key as Node | null;
          if (keyNode?.range) line = fileLine(keyNode.range[0]);
          node = pair.value as Node | null;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as Node | undefined;
          if (!item) break;
          if (item.range) line = fileLine(item.range[0]);
          node = item;
        } else break;
      }
      return line;
    },
  };
}

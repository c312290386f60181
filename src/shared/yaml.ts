// YAML as editors write it (front matter and facts files), read with YAML 1.2's core schema and with the
// line of every key kept, so a problem can name the line it is on.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ContentError } from './errors.ts';

export interface YamlFile {
  /** The document as plain data: `2024-10-05` stays text (the core schema has no timestamps), `yes` stays text. */
  data: unknown;
  /** The file line (1-based) of the entry at `path` (a key's line, or an item's), or of its nearest parent that exists. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Parses `source`, which starts on line `firstLine` of its file (front matter starts on line 2).
 * Syntax errors, duplicate keys among them, throw a ContentError naming `shown` and the line.
 */
export function readYaml(source: string, shown: string, firstLine = 1): YamlFile {
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter, schema: 'core', uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'unreadable';
    throw new ContentError([`${shown}: ${line === undefined ? '' : `line ${line + firstLine - 1}: `}not valid YAML: ${reason}`]);
  }
  const fileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  return {
    data: document.toJS({ maxAliasCount: 100 }) as unknown,
    lineOf(path) {
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

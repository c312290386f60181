// The folders of src/ depend on each other one way only: a loop between folders (content → facts → content)
// means neither can be read, tested or changed without the other. Each relative import, type imports and
// dynamic imports included, is an edge from its file's folder to the imported file's folder; the test fails on
// any loop, naming one import for each step of it. Inside a folder, files may share types both ways (they are
// erased), but no file runs code from a file that runs code from it: which module loads first would matter.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';

const SRC = path.join(projectRoot, 'src');
const IMPORT =
  /\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/**
 * Node → node it imports → one import that does it ("src/a/x.ts imports src/b/y.ts"), where `node` names a
 * file's node (its folder, or itself) and `runtimeOnly` leaves out imports of types only.
 */
function importGraph(node: (relative: string) => string, { runtimeOnly = false } = {}): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  const files = fs
    .readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
  for (const file of files) {
    const from = node(path.relative(SRC, file));
    for (const match of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (runtimeOnly && match[1]) continue;
      const target = path.resolve(path.dirname(file), match[2] ?? match[3]!);
      const relative = path.relative(SRC, target);
      if (relative.startsWith('..')) continue;
      const to = node(relative);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path.relative(projectRoot, file)} imports ${path.relative(projectRoot, target)}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Loops in the graph: each strongly connected set of two or more folders, as one loop through it. */
function loops(graph: Map<string, Map<string, string>>): string[][] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        component.push(member);
        if (member === node) break;
      }
      if (component.length > 1) components.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  // One loop through each component, found by walking from its first member back to it inside the component.
  return components.map((component) => {
    const inside = new Set(component);
    const start = [...component].sort()[0]!;
    const path: string[] = [start];
    const seen = new Set([start]);
    const walk = (node: string): boolean => {
      for (const to of graph.get(node)?.keys() ?? []) {
        if (to === start) return true;
        if (!inside.has(to) || seen.has(to)) continue;
        seen.add(to);
        path.push(to);
        if (walk(to)) return true;
        path.pop();
      }
      return false;
    };
    walk(start);
    return [...path, start];
  });
}

/** Each loop as the imports that make it. */
function describeLoops(graph: Map<string, Map<string, string>>): string[] {
  return loops(graph).map((loop) =>
    loop
      .slice(0, -1)
      .map((from, i) => graph.get(from)!.get(loop[i + 1]!)!)
      .join('\n  '),
  );
}

describe('the folders of src/', () => {
  it('import each other one way only', () => {
    const found = describeLoops(importGraph((file) => file.split(path.sep)[0]!));
    expect(found, `folders importing each other in a loop:\n  ${found.join('\n\n  ')}`).toEqual([]);
  });

  it('hold no file that runs code from a file that runs code from it', () => {
    const found = describeLoops(importGraph((file) => file, { runtimeOnly: true }));
    expect(found, `files importing each other in a loop:\n  ${found.join('\n\n  ')}`).toEqual([]);
  });

  it('finds a loop when there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a imports b']])],
      ['b', new Map([['c', 'b imports c']])],
      ['c', new Map([['a', 'c imports a']])],
      ['d', new Map([['a', 'd imports a']])],
    ]);
    expect(loops(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reads every kind of relative import', () => {
    const sources = [
      "import fs from 'node:fs';",
      "import { a } from '../content/a.ts';",
      "import type { B } from '../facts/b.ts';",
      "export { c } from '../site/c.ts';",
      "import '../format/d.ts';",
      "const e = await import('../send/e.ts');",
    ].join('\n');
    expect([...sources.matchAll(IMPORT)].map((m) => m[2] ?? m[3])).toEqual([
      '../content/a.ts',
      '../facts/b.ts',
      '../site/c.ts',
      '../format/d.ts',
      '../send/e.ts',
    ]);
    // Only the type import is marked as one.
    expect([...sources.matchAll(IMPORT)].map((m) => Boolean(m[1]))).toEqual([false, true, false, false, false]);
  });
});

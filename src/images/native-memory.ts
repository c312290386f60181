// Freeing what resvg holds outside V8's heap. A rendered card keeps its pixels (1200×630×4, 3 MB) in native
// memory that V8 does not count, so V8 sees no reason to collect the small objects that own them: a build
// drawing 1,000 cards grew to 1.5–3.6 GB before it ended (`npm run bench -- --articles 1000`, cold cache).
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/** A full garbage collection: the `gc` V8 exposes when asked, as `node --expose-gc` would expose it. */
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

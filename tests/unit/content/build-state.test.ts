// The build's facts: handed over once by the content check's worker, otherwise read from the files.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetPreloadedFacts, loadBuildState, preloadFacts } from '../../../src/eleventy/state.ts';
import { projectRoot } from '../../../src/content/paths.ts';
import type { FactsBySlug } from '../../../src/facts/load.ts';

const contentDir = path.join(projectRoot, 'content');
const seed = 'north-korea-more-troops-russia';

describe('loadBuildState facts', () => {
  afterEach(() => forgetPreloadedFacts());

  it('reads the facts files when nothing was handed over', () => {
    expect(Object.keys(loadBuildState(contentDir, false).facts)).toEqual([seed]);
  });

  it('uses facts handed over for the same tree, once, and only when a template first needs them', () => {
    let asked = 0;
    const handed = { [seed]: { marker: true } } as unknown as FactsBySlug;
    preloadFacts(contentDir, () => {
      asked += 1;
      return handed;
    });
    const state = loadBuildState(contentDir, false);
    expect(asked).toBe(0);
    expect(state.facts).toBe(handed);
    expect(state.facts).toBe(handed);
    expect(asked).toBe(1);
    // The next build (a dev server rebuild) reads the files again.
    expect(loadBuildState(contentDir, false).facts).not.toBe(handed);
  });

  it('ignores facts handed over for another tree, and forgets unused ones', () => {
    const handed = {} as FactsBySlug;
    preloadFacts('/elsewhere/content', () => handed);
    expect(loadBuildState(contentDir, false).facts).not.toBe(handed);
    preloadFacts(contentDir, () => handed);
    forgetPreloadedFacts();
    expect(loadBuildState(contentDir, false).facts).not.toBe(handed);
  });
});

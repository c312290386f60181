// What one build knows before templates render: the site metadata and every article's facts.
// Reloaded at the start of each build, so the dev server picks up edits to facts files.
import { checkContent } from '../content/check.ts';
import { loadSite, type Site } from '../content/site.ts';
import { loadAllFacts, readAllFacts, type FactsBySlug } from '../facts/load.ts';

export interface BuildState {
  contentDir: string;
  site: Site;
  /** Every article's facts, loaded on first use (templates and collections need them, front matter does not). */
  readonly facts: FactsBySlug;
  /** True under the dev server, where drafts are shown. */
  serving: boolean;
  /**
   * Under the dev server, what `npm run check` finds in the tree (a build runs that check itself, beside
   * Eleventy). The preview shows them on every page and renders what it can around them.
   */
  problems: string[];
}

/** Facts already being loaded elsewhere (by the build's content check), for the next build of one tree. */
let preloaded: { contentDir: string; facts: () => FactsBySlug } | undefined;

/**
 * Hands the next build of `contentDir` its facts from `facts` instead of parsing the files again.
 * Used once; later builds (a dev server's rebuilds) read the files themselves.
 */
export function preloadFacts(contentDir: string, facts: () => FactsBySlug): void {
  preloaded = { contentDir, facts };
}

/** Drops facts handed over by preloadFacts that no build used (a build that failed before needing them). */
export function forgetPreloadedFacts(): void {
  preloaded = undefined;
}

export function loadBuildState(contentDir: string, serving: boolean): BuildState {
  const site = loadSite(contentDir);
  // The dev server reads the facts once for its check and its preview, which shows the articles whose
  // facts are valid while the check names the others.
  const previewed = serving ? readAllFacts(contentDir, site.timeZone) : undefined;
  const load = (): FactsBySlug => {
    const handed = preloaded?.contentDir === contentDir ? preloaded.facts : undefined;
    preloaded = undefined;
    if (handed) return handed();
    return previewed ? previewed.facts : loadAllFacts(contentDir, site.timeZone);
  };
  let facts: FactsBySlug | undefined;
  return {
    contentDir,
    site,
    get facts() {
      return (facts ??= load());
    },
    serving,
    problems: previewed ? checkContent(contentDir, { numerals: false, facts: previewed }).errors : [],
  };
}

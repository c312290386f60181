// What one build knows before templates render: the site metadata and every article's facts.
// Reloaded at the start of each build, so the dev server picks up edits to facts files.
import { loadSite, type Site } from '../content/site.ts';
import { loadAllFacts, type FactsBySlug } from '../facts/load.ts';
import type { HandedViews } from '../build/views-ahead.ts';

export interface BuildState {
  contentDir: string;
  site: Site;
  /** Every article's facts, loaded on first use (templates and collections need them, front matter does not). */
  readonly facts: FactsBySlug;
  /** True under the dev server, where drafts are shown. */
  serving: boolean;
  /** An article's views if they were worked out ahead (by the build's content check), else undefined. */
  handedViews(slug: string): HandedViews | undefined;
}

interface Preloaded {
  contentDir: string;
  facts: () => FactsBySlug;
  views: (slug: string) => HandedViews | undefined;
}

/** Facts already being loaded elsewhere (by the build's content check), for the next build of one tree. */
let preloaded: Preloaded | undefined;

/**
 * Hands the next build of `contentDir` its facts from `facts` instead of parsing the files again, and
 * the article views `views` has by the time a template asks. Used once; later builds (a dev server's
 * rebuilds) read the files and compute the views themselves.
 */
export function preloadFacts(contentDir: string, facts: () => FactsBySlug, views: (slug: string) => HandedViews | undefined = () => undefined): void {
  preloaded = { contentDir, facts, views };
}

/** Drops facts handed over by preloadFacts that no build used (a build that failed before needing them). */
export function forgetPreloadedFacts(): void {
  preloaded = undefined;
}

export function loadBuildState(contentDir: string, serving: boolean): BuildState {
  const site = loadSite(contentDir);
  // Taken when a template first needs facts: a state made earlier and never used leaves them for the build.
  let handed: Preloaded | undefined | null = null;
  const take = (): Preloaded | undefined => {
    if (handed === null) {
      handed = preloaded?.contentDir === contentDir ? preloaded : undefined;
      preloaded = undefined;
    }
    return handed;
  };
  let facts: FactsBySlug | undefined;
  return {
    contentDir,
    site,
    get facts() {
      return (facts ??= take()?.facts() ?? loadAllFacts(contentDir, site.timeZone));
    },
    serving,
    handedViews: (slug) => (facts ? take()?.views(slug) : undefined),
  };
}

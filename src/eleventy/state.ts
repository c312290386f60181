// What one build knows before templates render: the site metadata and every article's facts.
// Reloaded at the start of each build, so the dev server picks up edits to facts files.
import { loadSite, type Site } from '../content/site.ts';
import { loadAllFacts, type FactsBySlug } from '../facts/load.ts';

export interface BuildState {
  contentDir: string;
  site: Site;
  facts: FactsBySlug;
  /** True under the dev server, where drafts are shown. */
  serving: boolean;
}

export function loadBuildState(contentDir: string, serving: boolean): BuildState {
  const site = loadSite(contentDir);
  return { contentDir, site, facts: loadAllFacts(contentDir, site.timeZone), serving };
}

// A session: what one Eleventy instance renders from. It owns the build's state (the content model and what
// it publishes) and brings it up to date before each build; the build, the dev server and the bench each
// make one and hand it to Eleventy with the configuration.
import { checkContent, type CheckReport } from '../check/check.ts';
import { ContentError } from '../shared/errors.ts';
import { resolvePaths } from '../shared/paths.ts';
import type { Publication } from '../site/publication.ts';
import { fileURLToPath } from 'node:url';

/** The site's pages that are one of a kind (each a template in src/eleventy/pages.ts). */
export const SINGLE_PAGES = ['topics', 'notFound', 'feeds', 'sitemap', 'robots', 'digestArchive'] as const;
export type SinglePage = (typeof SINGLE_PAGES)[number];

/** Which of the publication's pages a build renders; the dev server renders only what a change touched. */
export interface RenderPlan {
  articles: (slug: string) => boolean;
  archivePage: (pageNumber: number) => boolean;
  topicPage: (slug: string, pageNumber: number) => boolean;
  digest: (slug: string) => boolean;
  single: (name: SinglePage) => boolean;
}

export const RENDER_ALL: RenderPlan = {
  articles: () => true,
  archivePage: () => true,
  topicPage: () => true,
  digest: () => true,
  single: () => true,
};

export interface BuildState {
  publication: Publication;
  /** What `npm run check` finds in the tree: a build stops on them, the dev server lists them on every page. */
  problems: readonly string[];
  render: RenderPlan;
}

export interface SiteSession {
  contentDir: string;
  templatesDir: string;
  /** True under the dev server: drafts are shown and problems are listed instead of stopping the build. */
  serving: boolean;
  /** Where encoded pictures and drawn cards are kept between builds; .cache/ in the project by default. */
  pictureCacheDir?: string;
  /** The state of the build under way. */
  state(): BuildState;
  /** Brings the state up to date; Eleventy calls it at the start of every build. */
  beforeBuild?(): void;
  /** Told when Eleventy reads its configuration again (a template changed), so the next build renders everything. */
  onConfigure?(): void;
}

/** The configuration file programmatic builds pass to Eleventy: the options it has no API for (engines). */
export const ENGINES_CONFIG_FILE = fileURLToPath(new URL('./engines.config.js', import.meta.url));

/** The state a build renders from a check that found no problems; a ContentError listing them otherwise. */
export function buildStateOf(report: CheckReport): BuildState {
  if (report.errors.length || !report.publication) throw new ContentError(report.errors);
  return { publication: report.publication, problems: [], render: RENDER_ALL };
}

/**
 * For Eleventy run on its own (`npx @11ty/eleventy`): the tree in $CONTENT_DIR (default content/), read and
 * checked at the start of each build, which stops on any problem as `npm run build` does.
 */
export function sessionFromEnvironment(): SiteSession {
  const { contentDir, templatesDir } = resolvePaths();
  let state: BuildState | undefined;
  const session: SiteSession = {
    contentDir,
    templatesDir,
    serving: false,
    state: () => (state ??= buildStateOf(checkContent(contentDir, { numerals: false }))),
    beforeBuild: () => {
      state = undefined;
      session.state();
    },
  };
  return session;
}

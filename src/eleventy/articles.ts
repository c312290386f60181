// Articles: drafts (kept out of builds), and the collections built from them: newest first, archive pages,
// topic pages and the list of topics. Their front matter is validated by the content check (src/content).
import path from 'node:path';
import { ContentError } from '../content/errors.ts';
import { displayPath } from '../content/paths.ts';
import { slugify, topiclessTagProblem } from '../content/slug.ts';
import { archivePageUrl, LISTING_PAGE_SIZE, paginate, topicPageUrl, type ListingPage } from '../site/pagination.ts';
import type { BuildState } from './state.ts';
import type { CollectionApi, CollectionItem, EleventyConfig } from './types.ts';

const articlePaths = new Map<string, boolean>();

/** Articles are the Markdown files under <content>/articles/. (Asked several times per page, so remembered.) */
export function isArticlePath(inputPath: string, contentDir: string): boolean {
  const key = `${process.cwd()}\0${contentDir}\0${inputPath}`;
  let known = articlePaths.get(key);
  if (known === undefined) {
    const rel = path.relative(contentDir, path.resolve(inputPath));
    articlePaths.set(key, (known = rel.split(path.sep)[0] === 'articles' && rel.endsWith('.md')));
  }
  return known;
}

/** A page's `updated` front matter as a Date, if it has one (the content check requires its UTC offset). */
export function updatedOf(data: Record<string, unknown>): Date | undefined {
  return typeof data.updated === 'string' ? new Date(data.updated) : undefined;
}

/** When an article last changed: its `updated` front matter, else its publication date. */
export function articleModified(item: CollectionItem): Date {
  return updatedOf(item.data) ?? item.date;
}

export function articleTags(item: CollectionItem): string[] {
  const tags = item.data.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
}

/** The articles among a build's templates, newest first; ties on the date fall back to the slug. */
export function articlesAmong(items: CollectionItem[], contentDir: string): CollectionItem[] {
  return items
    .filter((item) => isArticlePath(item.inputPath, contentDir))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.fileSlug.localeCompare(b.fileSlug));
}

export interface Topic {
  tag: string;
  slug: string;
  url: string;
  count: number;
}

/**
 * Reader-facing tags grouped by URL slug, in the order of `items` (articles newest first), sorted by tag.
 * Two spellings of one tag ("Russia", "russia") make one topic, which lists an article once. A tag with
 * nothing to make a URL from is an error, or, for the dev server (`preview`), left out: its content check
 * names it.
 */
export function groupTopics(items: CollectionItem[], preview = false): Array<{ tag: string; slug: string; items: CollectionItem[] }> {
  const bySlug = new Map<string, { tag: string; items: CollectionItem[] }>();
  const problems: string[] = [];
  for (const item of items) {
    const listedUnder = new Set<string>();
    for (const tag of articleTags(item)) {
      const slug = slugify(tag);
      if (!slug) {
        problems.push(topiclessTagProblem(displayPath(item.inputPath), tag));
        continue;
      }
      if (listedUnder.has(slug)) continue;
      listedUnder.add(slug);
      const topic = bySlug.get(slug);
      if (topic) topic.items.push(item);
      else bySlug.set(slug, { tag, items: [item] });
    }
  }
  if (problems.length && !preview) throw new ContentError(problems);
  return [...bySlug.entries()].map(([slug, topic]) => ({ slug, ...topic })).sort((a, b) => a.tag.localeCompare(b.tag));
}

export type TopicPage = ListingPage<CollectionItem> & { tag: string; slug: string; total: number };

export function registerArticles(config: EleventyConfig, state: () => BuildState): void {
  config.addPreprocessor('article-front-matter', 'md', (data) => {
    const inputPath = (data.page as { inputPath: string }).inputPath;
    if (!isArticlePath(inputPath, state().contentDir)) return undefined;
    // Drafts are previews: the dev server shows them, a build never writes them, so no listing,
    // feed, sitemap or digest built from collections can reach them. Front matter is validated by the
    // content check, which `npm run build` runs beside Eleventy and the dev server before each rebuild.
    if (!state().serving) return data.draft === true ? false : undefined;
    return undefined;
  });

  // The collections below and the `articles` filter start from the same list, made once per build
  // (keyed by the build state; Eleventy's collection API and `collections.all` hold the same items).
  // Ties on the date fall back to the slug, so listings do not reshuffle between builds.
  const lists = new WeakMap<BuildState, CollectionItem[]>();
  const listed = (items: CollectionItem[]): CollectionItem[] => {
    let found = lists.get(state());
    if (!found) lists.set(state(), (found = articlesAmong(items, state().contentDir)));
    return found;
  };
  const articles = (api: CollectionApi): CollectionItem[] => listed(api.getAll());

  // Templates get the article list from `collections.all | articles`, not from a collection of its own:
  // Eleventy looks up every item of every array collection in its template map, one linear scan per item,
  // so a collection repeating all the articles would cost a scan of the whole site per article.
  config.addFilter('articles', (all: CollectionItem[]) => listed(all));

  config.addCollection('archivePages', (api) => paginate(articles(api), LISTING_PAGE_SIZE, archivePageUrl));

  const topics = (api: CollectionApi) => groupTopics(articles(api), state().serving);

  config.addCollection('topics', (api): Topic[] =>
    topics(api).map(({ tag, slug, items }) => ({ tag, slug, url: topicPageUrl(slug), count: items.length })),
  );

  /** Every page of every topic, for the paginated tag pages. */
  config.addCollection('tagPages', (api): TopicPage[] =>
    topics(api).flatMap(({ tag, slug, items }) =>
      paginate(items, LISTING_PAGE_SIZE, (n) => topicPageUrl(slug, n)).map((page) => ({ ...page, tag, slug, total: items.length })),
    ),
  );
}

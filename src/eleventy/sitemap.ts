// sitemap.xml and robots.txt for search engines: every public page, each dated by the newest content on it.
import fs from 'node:fs';
import path from 'node:path';
import type { DigestView } from '../digest/view.ts';
import type { ListingPage } from '../site/pagination.ts';
import { latest, sitemapEntries, type SitemapPage } from '../site/sitemap.ts';
import { articleModified, isArticlePath, updatedOf } from './articles.ts';
import type { BuildState } from './state.ts';
import type { CollectionItem, EleventyConfig } from './types.ts';

const SITEMAP_TEMPLATES = ['sitemap', 'robots'] as const;

/** The collections the sitemap reads, as templates see them. */
export interface SitemapCollections {
  all: CollectionItem[];
  archivePages: ListingPage<CollectionItem>[];
  tagPages: ListingPage<CollectionItem>[];
  digests?: Pick<DigestView, 'slug' | 'isoDate'>[];
}

/** `articles`: the build's articles (`collections.all | articles`). */
export function* sitemapPages(collections: SitemapCollections, articles: CollectionItem[], contentDir: string): Generator<SitemapPage> {
  const modified = new Map(articles.map((item) => [item, articleModified(item)]));
  const newestArticle = latest(modified.values());
  const newestOf = (items: CollectionItem[]) => latest(items.map((item) => modified.get(item))) ?? newestArticle;

  // Pages editors write beside the articles (home, topics, about): their `updated` date, else the newest
  // article. In URL order: Eleventy orders them by their files' creation times, which a fresh clone changes.
  const pages = collections.all.filter((item) => item.url && item.data.noindex !== true && !isArticlePath(item.inputPath, contentDir));
  for (const item of pages.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    yield { path: item.url, lastModified: updatedOf(item.data) ?? newestArticle };
  }
  for (const [item, lastModified] of modified) yield { path: item.url, lastModified };
  for (const page of collections.archivePages) yield { path: page.url, lastModified: newestOf(page.items) };
  for (const page of collections.tagPages) yield { path: page.url, lastModified: newestOf(page.items) };
  const digests = collections.digests ?? [];
  yield { path: '/digests/', lastModified: latest(digests.map((d) => new Date(d.isoDate))) };
  for (const digest of digests) yield { path: `/digests/${digest.slug}/`, lastModified: new Date(digest.isoDate) };
}

export function registerSitemap(config: EleventyConfig, state: () => BuildState, templatesDir: string): void {
  config.addFilter('sitemapEntries', (collections: SitemapCollections, articles: CollectionItem[]) => {
    const { contentDir, site } = state();
    return sitemapEntries(sitemapPages(collections, articles, contentDir), site);
  });
  for (const name of SITEMAP_TEMPLATES) {
    config.addTemplate(`_${name}.njk`, fs.readFileSync(path.join(templatesDir, 'site', `${name}.njk`), 'utf8'), {});
  }
}

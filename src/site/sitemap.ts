// sitemap.xml entries: every public page once, with an absolute URL and when its content last changed.
import type { Site } from '../content/site.ts';
import { digestUrl } from '../content/urls.ts';
import type { ArticleView } from '../present/article.ts';
import type { Publication } from './publication.ts';

export interface SitemapPage {
  /** Site-relative URL, e.g. /articles/slug/. */
  path: string;
  lastModified: Date | undefined;
}

export interface SitemapEntry {
  url: string;
  lastModified: Date | undefined;
}

/** A page of the site beside the articles, as Eleventy rendered it, and its `updated` date when it gives one. */
export interface OtherPage {
  url: string;
  updated: Date | undefined;
}

/** The latest of some dates, or undefined when there are none. */
export function latest(dates: Iterable<Date | undefined>): Date | undefined {
  let found: Date | undefined;
  for (const date of dates) if (date && (!found || date > found)) found = date;
  return found;
}

/** Every page the publication makes, and `others`, each dated by the newest content on it. */
export function* sitemapPages(publication: Publication, others: readonly OtherPage[]): Generator<SitemapPage> {
  const modified = (article: ArticleView) => article.modified.date;
  const newestArticle = latest(publication.articles.map(modified));
  const newestOf = (items: readonly ArticleView[]) => latest(items.map(modified)) ?? newestArticle;
  // The home page, the topics index and the pages editors write beside the articles (about…): their
  // `updated` date, else the newest article. In URL order, so every checkout writes the same sitemap.
  const singles: OtherPage[] = [{ url: '/', updated: undefined }, { url: '/tags/', updated: undefined }, ...others];
  for (const page of singles.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
    yield { path: page.url, lastModified: page.updated ?? newestArticle };
  }
  for (const article of publication.articles) yield { path: article.url, lastModified: modified(article) };
  for (const page of publication.archivePages) yield { path: page.url, lastModified: newestOf(page.items) };
  for (const page of publication.topicPages) yield { path: page.url, lastModified: newestOf(page.items) };
  const digests = publication.digests;
  yield { path: '/digests/', lastModified: latest(digests.map((d) => new Date(d.isoDate))) };
  for (const digest of digests) yield { path: digestUrl(digest.slug), lastModified: new Date(digest.isoDate) };
}

/** Absolute URLs, each page once (the first time it is named). */
export function sitemapEntries(pages: Iterable<SitemapPage>, site: Pick<Site, 'url'>): SitemapEntry[] {
  const seen = new Set<string>();
  const entries: SitemapEntry[] = [];
  for (const page of pages) {
    const url = `${site.url}${page.path}`;
    if (seen.has(url)) continue;
    seen.add(url);
    entries.push({ url, lastModified: page.lastModified });
  }
  return entries;
}

// The newest articles as feed entries, shared by the Atom and JSON feeds so both carry the same data.
import type { Site } from '../content/site.ts';
import { toIsoWithOffset } from '../format/dates.ts';

/** Entries per feed: enough for a reader who checks weekly, small enough to fetch often. */
export const FEED_SIZE = 20;
export const ATOM_FEED_PATH = '/feed.xml';
export const JSON_FEED_PATH = '/feed.json';

export interface FeedArticle {
  /** Site-relative URL, e.g. /articles/slug/. */
  path: string;
  slug: string;
  title: string;
  summary: string;
  published: Date;
  /** The `updated` front matter, or the publication date. */
  updated: Date;
  tags: readonly string[];
  /** The article body as rendered, with site-relative links. */
  content: string;
}

export interface FeedEntry {
  /** A permanent id: the article's absolute URL. */
  id: string;
  url: string;
  slug: string;
  title: string;
  summary: string;
  /** ISO 8601 with the site's UTC offset. */
  published: string;
  updated: string;
  tags: readonly string[];
  content: string;
}

export interface FeedView {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  updated: string;
  author: { name: string; url: string };
  entries: FeedEntry[];
}

/** The feed of the articles given (the newest FEED_SIZE, newest first); `now` dates a feed with no entries. */
export function feedView(articles: readonly FeedArticle[], site: Site, now: Date): FeedView {
  const iso = (date: Date) => toIsoWithOffset(date, site.timeZone);
  const entries = articles.map((article) => {
    const url = `${site.url}${article.path}`;
    return {
      id: url,
      url,
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      published: iso(article.published),
      updated: iso(article.updated),
      tags: article.tags,
      content: article.content,
    };
  });
  const times = articles.map((a) => a.updated.getTime());
  return {
    title: site.title,
    description: site.description,
    language: site.language,
    homeUrl: `${site.url}/`,
    atomUrl: `${site.url}${ATOM_FEED_PATH}`,
    jsonUrl: `${site.url}${JSON_FEED_PATH}`,
    updated: iso(times.length ? new Date(Math.max(...times)) : now),
    author: { name: site.author.name, url: `${site.url}/` },
    entries,
  };
}

// The newest articles as feed entries, shared by the Atom and JSON feeds so both carry the same data.
import type { Site } from '../content/site.ts';
import type { ArticleView } from '../present/article.ts';
import type { FigureView } from '../present/figures.ts';
import type { PictureView } from '../images/view.ts';
import { toIsoWithOffset } from '../format/dates.ts';
import type { Words } from '../i18n/words.ts';

/** Entries per feed: enough for a reader who checks weekly, small enough to fetch often. */
export const FEED_SIZE = 20;
export const ATOM_FEED_PATH = '/feed.xml';
export const JSON_FEED_PATH = '/feed.json';

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
  /** The article body as rendered, with site-relative links. */
  content: string;
  keyFigures: FigureView[];
  /** The article's language, when it is not the feed's (`xml:lang`, JSON Feed's item `language`). */
  language: string | undefined;
  /** The words of the article's language, for the entry's own words ("Key figures"). */
  words: Words;
  /** The lead picture: its 1,200 px JPEG (absolute URL) in the content and as the entry's image. */
  picture: PictureView | undefined;
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

/** The feed of the newest FEED_SIZE of `articles` (newest first); `now` dates a feed with no entries. */
export function feedView(articles: readonly ArticleView[], site: Site, now: Date): FeedView {
  const newest = articles.slice(0, FEED_SIZE);
  const entries = newest.map((article) => ({
    id: article.absoluteUrl,
    url: article.absoluteUrl,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    published: article.date.iso,
    updated: article.modified.iso,
    tags: article.tags,
    content: article.html,
    keyFigures: article.keyFigures,
    language: article.language === site.language ? undefined : article.language,
    words: article.words,
    picture: article.picture,
  }));
  const times = newest.map((a) => a.modified.date.getTime());
  return {
    title: site.title,
    description: site.description,
    language: site.language,
    homeUrl: `${site.url}/`,
    atomUrl: `${site.url}${ATOM_FEED_PATH}`,
    jsonUrl: `${site.url}${JSON_FEED_PATH}`,
    updated: toIsoWithOffset(times.length ? new Date(Math.max(...times)) : now, site.timeZone),
    author: { name: site.author.name, url: `${site.url}/` },
    entries,
  };
}

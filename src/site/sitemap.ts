// sitemap.xml entries: every public page once, with an absolute URL and when its content last changed.
import type { Site } from '../content/site.ts';

export interface SitemapPage {
  /** Site-relative URL, e.g. /articles/slug/. */
  path: string;
  lastModified: Date | undefined;
}

export interface SitemapEntry {
  url: string;
  lastModified: Date | undefined;
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

/** The latest of some dates, or undefined when there are none. */
export function latest(dates: Iterable<Date | undefined>): Date | undefined {
  let found: Date | undefined;
  for (const date of dates) if (date && (!found || date > found)) found = date;
  return found;
}

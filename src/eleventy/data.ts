// What templates render from: the site's metadata as global data, and the publication's pages as collections,
// each narrowed to what the build's render plan asks for (everything, except in a dev server's rebuild).
// The digests' pages are collected with their emails (src/eleventy/digests.ts).
import { SINGLE_PAGES, type SinglePage, type SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

export function registerData(config: EleventyConfig, session: SiteSession): void {
  const state = () => session.state();
  const publication = () => state().publication;
  const plan = () => state().render;

  config.addGlobalData('site', () => publication().site);
  // The site's words (src/i18n): every template prints its words through them, or through its article's.
  config.addGlobalData('words', () => publication().words);

  config.addCollection('articlePages', () => publication().articles.filter((article) => plan().articles(article.slug)));
  config.addCollection('archivePages', () => publication().archivePages.filter((page) => plan().archivePage(page.pageNumber)));
  config.addCollection('topicPages', () => publication().topicPages.filter((page) => plan().topicPage(page.slug, page.pageNumber)));
  // For each of the site's single pages (topics, feeds, sitemap…): one item when the plan renders it, none otherwise.
  for (const name of SINGLE_PAGES) config.addCollection(singleCollection(name), () => (plan().single(name) ? [publication()] : []));
}

/** The collection a single page is paginated over. */
export function singleCollection(name: SinglePage): string {
  return `single-${name}`;
}

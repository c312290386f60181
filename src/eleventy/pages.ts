// The site's pages made from the content model: each is a template in templates/site or templates/digest,
// paginated over what the publication lists (an article a page, an archive page a page, …), with its URL here.
import fs from 'node:fs';
import path from 'node:path';
import { digestUrl } from '../content/urls.ts';
import type { DigestView } from '../digest/view.ts';
import type { ArticleView } from '../present/article.ts';
import type { ArchivePage, TopicPage } from '../site/publication.ts';
import { draftLabel } from '../site/problems-banner.ts';
import { singleCollection } from './data.ts';
import type { SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

interface PageTemplate {
  /** The template's file under the templates folder. */
  file: string;
  /** The collection it is paginated over (one page per item), and the name each item has in the template. */
  each: { collection: string; alias: string };
  permalink: (data: Record<string, unknown>) => string;
  layout?: string;
  /** Names the kind of page, for its title and description (src/eleventy/meta.ts). */
  pageKind: string;
}

const page = (alias: string) => (data: Record<string, unknown>) => data[alias];

export const PAGE_TEMPLATES: readonly PageTemplate[] = [
  {
    file: 'site/article.njk',
    each: { collection: 'articlePages', alias: 'article' },
    permalink: (d) => (page('article')(d) as ArticleView).url,
    layout: 'base.njk',
    pageKind: 'article',
  },
  {
    file: 'site/home.njk',
    each: { collection: 'homePage', alias: 'listing' },
    permalink: () => '/',
    layout: 'base.njk',
    pageKind: 'home',
  },
  {
    file: 'site/archive.njk',
    each: { collection: 'archivePages', alias: 'listing' },
    permalink: (d) => (page('listing')(d) as ArchivePage).url,
    layout: 'base.njk',
    pageKind: 'archive',
  },
  {
    file: 'site/topic.njk',
    each: { collection: 'topicPages', alias: 'listing' },
    permalink: (d) => (page('listing')(d) as TopicPage).url,
    layout: 'base.njk',
    pageKind: 'topic',
  },
  {
    file: 'site/topics.njk',
    each: { collection: singleCollection('topics'), alias: 'publication' },
    permalink: () => '/tags/',
    layout: 'base.njk',
    pageKind: 'topics',
  },
  {
    file: 'site/not-found.njk',
    each: { collection: singleCollection('notFound'), alias: 'publication' },
    permalink: () => '/404.html',
    layout: 'base.njk',
    pageKind: 'notFound',
  },
  {
    file: 'site/feed-atom.njk',
    each: { collection: singleCollection('feeds'), alias: 'publication' },
    permalink: () => '/feed.xml',
    pageKind: 'feed',
  },
  {
    file: 'site/feed-json.njk',
    each: { collection: singleCollection('feeds'), alias: 'publication' },
    permalink: () => '/feed.json',
    pageKind: 'feed',
  },
  {
    file: 'site/sitemap.njk',
    each: { collection: singleCollection('sitemap'), alias: 'publication' },
    permalink: () => '/sitemap.xml',
    pageKind: 'sitemap',
  },
  {
    file: 'site/robots.njk',
    each: { collection: singleCollection('robots'), alias: 'publication' },
    permalink: () => '/robots.txt',
    pageKind: 'robots',
  },
  {
    file: 'digest/archive.njk',
    each: { collection: singleCollection('digestArchive'), alias: 'publication' },
    permalink: () => '/digests/',
    layout: 'base.njk',
    pageKind: 'digestArchive',
  },
  {
    file: 'digest/web.njk',
    each: { collection: 'digestPages', alias: 'digest' },
    permalink: (d) => digestUrl((page('digest')(d) as DigestView).slug),
    layout: 'base.njk',
    pageKind: 'digest',
  },
  {
    file: 'digest/email.njk',
    each: { collection: 'digestPages', alias: 'digest' },
    permalink: (d) => `${digestUrl((page('digest')(d) as DigestView).slug)}email.html`,
    pageKind: 'email',
  },
  {
    file: 'digest/text.njk',
    each: { collection: 'digestPages', alias: 'digest' },
    permalink: (d) => `${digestUrl((page('digest')(d) as DigestView).slug)}email.txt`,
    pageKind: 'email',
  },
  {
    file: 'digest/json.njk',
    each: { collection: 'digestPages', alias: 'digest' },
    permalink: (d) => `${digestUrl((page('digest')(d) as DigestView).slug)}digest.json`,
    pageKind: 'email',
  },
];

export function registerPages(config: EleventyConfig, session: SiteSession): void {
  const state = () => session.state();
  // The home page is the archive's first page, rendered when it is.
  config.addCollection('homePage', () =>
    state().publication.archivePages.filter((listing) => listing.pageNumber === 1 && state().render.archivePage(1)),
  );

  for (const template of PAGE_TEMPLATES) {
    config.addTemplate(template.file, fs.readFileSync(path.join(session.templatesDir, template.file), 'utf8'), {
      pagination: { data: `collections.${template.each.collection}`, size: 1, alias: template.each.alias, addAllPagesToCollections: false },
      permalink: template.permalink,
      ...(template.layout ? { layout: template.layout } : {}),
      pageKind: template.pageKind,
      eleventyExcludeFromCollections: true,
    });
  }
  // A draft's label on its page and in listings: only the dev server renders drafts.
  config.addShortcode('draftLabel', draftLabel);
}

// Atom and JSON feeds of the newest articles, through the official RSS plugin's filters
// (htmlToAbsoluteUrls makes every link in an entry's content absolute).
import fs from 'node:fs';
import path from 'node:path';
import { rssPlugin } from '@11ty/eleventy-plugin-rss';
import { FEED_SIZE, feedView, type FeedArticle } from '../site/feeds.ts';
import { articleModified, articleTags } from './articles.ts';
import type { BuildState } from './state.ts';
import type { CollectionItem, EleventyConfig } from './types.ts';

const FEED_TEMPLATES = ['feed-atom', 'feed-json'] as const;

function feedArticle(item: CollectionItem): FeedArticle {
  return {
    path: item.url,
    slug: item.fileSlug,
    title: item.data.title as string,
    summary: item.data.summary as string,
    published: item.date,
    updated: articleModified(item),
    tags: articleTags(item),
    content: item.content,
  };
}

export function registerFeeds(config: EleventyConfig, state: () => BuildState, templatesDir: string): void {
  config.addPlugin(rssPlugin);
  // Slices before reading content, so a feed never touches the rest of the collection.
  config.addFilter('feed', (articles: CollectionItem[]) =>
    feedView(articles.slice(0, FEED_SIZE).map(feedArticle), state().site, new Date()),
  );
  for (const name of FEED_TEMPLATES) {
    config.addTemplate(`_${name}.njk`, fs.readFileSync(path.join(templatesDir, 'site', `${name}.njk`), 'utf8'), {});
  }
}

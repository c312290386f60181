// Articles: front-matter validation (before anything renders), drafts, and the newest-first collection.
import path from 'node:path';
import { parseArticle } from '../content/article.ts';
import { displayPath } from '../content/paths.ts';
import type { BuildState } from './state.ts';
import type { CollectionItem, EleventyConfig } from './types.ts';

/** Articles are the Markdown files under <content>/articles/. */
export function isArticlePath(inputPath: string, contentDir: string): boolean {
  const rel = path.relative(contentDir, path.resolve(inputPath));
  return rel.split(path.sep)[0] === 'articles' && rel.endsWith('.md');
}

export function registerArticles(config: EleventyConfig, state: () => BuildState): void {
  config.addPreprocessor('article-front-matter', 'md', (data) => {
    const inputPath: string = data.page.inputPath;
    if (!isArticlePath(inputPath, state().contentDir)) return undefined;
    const article = parseArticle(data, displayPath(inputPath));
    // Drafts are previews: the dev server shows them, a build never writes them.
    if (article.draft && !state().serving) return false;
    return undefined;
  });

  const articles = (items: CollectionItem[]) =>
    items
      .filter((item) => isArticlePath(item.inputPath, state().contentDir))
      .sort((a, b) => b.date.getTime() - a.date.getTime());

  config.addCollection('articles', (api) => articles(api.getAll()));

  /** Every reader-facing tag with its articles, newest first, for tag pages. */
  config.addCollection('tagPages', (api) => {
    const byTag = new Map<string, CollectionItem[]>();
    for (const item of articles(api.getAll())) {
      for (const tag of (item.data.tags as string[] | undefined) ?? []) {
        byTag.set(tag, [...(byTag.get(tag) ?? []), item]);
      }
    }
    return [...byTag.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([tag, items]) => ({ tag, items }));
  });
}

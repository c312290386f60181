// The article views (key figures, chart, timeline, sources) worked out ahead of the build, on the check
// worker's core, in batches the build picks up as it renders. The build uses a view only when it was
// made from the same facts, publication date, locale and time zone it would use itself; otherwise, or
// when a view has not arrived yet, it computes the view as usual, so the output is the same either way.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { markdownFiles } from '../content/check.ts';
import { articleViews, type ArticleViews } from '../facts/article-views.ts';
import type { FactsBySlug } from '../facts/load.ts';
import type { PresentOptions } from '../facts/present.ts';

export interface HandedViews extends PresentOptions {
  slug: string;
  /** The publication date-time the timeline counts distances to, as `Date#toISOString` prints it. */
  published: string;
  views: ArticleViews;
}

export type ViewsMessage = { batch: HandedViews[] } | { done: true };

const BATCH = 200;

/** An article's `date` front matter as the build sees it: an instant, printed in UTC. */
export function publishedIso(date: unknown): string | undefined {
  const instant = date instanceof Date ? date : typeof date === 'string' ? new Date(date.trim()) : undefined;
  return instant && !Number.isNaN(instant.getTime()) ? instant.toISOString() : undefined;
}

/**
 * Works out the views of every article that has facts and a readable date, in file order, posting them
 * `BATCH` at a time. Articles it cannot read are left to the build (and the check). The caller posts
 * `{ done: true }` after it, whatever happened.
 */
export function postViewsAhead(contentDir: string, facts: FactsBySlug, options: PresentOptions, post: (message: ViewsMessage) => void): void {
  let batch: HandedViews[] = [];
  for (const file of markdownFiles(path.join(contentDir, 'articles'))) {
    const slug = path.basename(file, '.md');
    const articleFacts = facts[slug];
    if (!articleFacts) continue;
    let published: string | undefined;
    try {
      // No options: gray-matter remembers the parse, and the content check that follows reads the same text.
      published = publishedIso(matter(fs.readFileSync(file, 'utf8')).data.date);
    } catch {
      continue;
    }
    if (!published) continue;
    try {
      batch.push({ slug, published, ...options, views: articleViews(articleFacts, published, options) });
    } catch {
      continue;
    }
    if (batch.length === BATCH) {
      post({ batch });
      batch = [];
    }
  }
  if (batch.length) post({ batch });
}

// A fuller site for the news-site build tests: the real content plus enough articles to paginate,
// a draft, an updated article with internal links, and a digest that selects by tag.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { copyContent, listFiles, read, writeArticle } from './site.ts';

/** 25 extra articles + the seed + the updated one: two archive pages (20 + 7). */
export const EXTRA_ARTICLES = 25;
export const DRAFT = { slug: 'draft-preview', title: 'A draft nobody may see yet', tag: 'Draft only topic' };
export const UPDATED = { slug: 'updated-article', date: '2025-06-25T08:00:00+09:00', updated: '2025-06-26T18:30:00+09:00' };

const pad = (n: number) => String(n).padStart(2, '0');

export function extraSlug(i: number): string {
  return `archive-article-${pad(i)}`;
}

export function newsContent(edit?: (dir: string) => void): string {
  return copyContent((dir) => {
    for (let i = 1; i <= EXTRA_ARTICLES; i += 1) {
      // May 1–25, 2025: all older than the seed (June 24), so the seed stays the newest but one.
      writeArticle(dir, extraSlug(i), {
        title: `"Archive article ${pad(i)}"`,
        summary: `"Summary of archive article ${pad(i)}."`,
        date: `"2025-05-${pad(i)}T09:00:00+09:00"`,
        tags: i % 2 ? '["North Korea", "Economy"]' : '["North Korea"]',
      });
    }
    writeArticle(
      dir,
      UPDATED.slug,
      { title: '"An article that was updated"', date: `"${UPDATED.date}"`, updated: `"${UPDATED.updated}"`, tags: '["Russia"]' },
      'See [the earlier report](/articles/north-korea-more-troops-russia/) and [its key figures](/articles/north-korea-more-troops-russia/#key-figures-title).',
    );
    // Newest of all, and tagged like the others: if drafts leaked anywhere, this one would show.
    writeArticle(dir, DRAFT.slug, {
      title: JSON.stringify(DRAFT.title),
      date: '"2025-06-27T06:00:00+09:00"',
      tags: JSON.stringify([DRAFT.tag, 'North Korea']),
      draft: 'true',
    });
    fs.writeFileSync(
      path.join(dir, 'digests', '2025-06-28.md'),
      [
        '---',
        'subject: North Korea this week',
        'preheader: Everything tagged North Korea from the last week.',
        'date: "2025-06-28T07:00:00+09:00"',
        'intro: Articles tagged North Korea from June 20 to June 28.',
        'select: { tag: North Korea, from: 2025-06-20, to: 2025-06-28 }',
        '---',
        '',
      ].join('\n'),
    );
    edit?.(dir);
  });
}

/** The web pages of a build: every .html file but the digests' email.html (an email document). */
export function webPages(outputDir: string): string[] {
  return listFiles(outputDir).filter((f) => f.endsWith('.html') && !f.endsWith('/email.html'));
}

/** The URL path a file is served at: articles/x/index.html → /articles/x/. */
export function urlPathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

export function loadPage(outputDir: string, file: string) {
  return cheerio.load(read(outputDir, file));
}

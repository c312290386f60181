// The dev server's rebuilds render only what a change touched: the plan, from two checks of one tree.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRender } from '../../../src/build/render-plan.ts';
import { checkContent, type CheckReport } from '../../../src/check/check.ts';
import { SINGLE_PAGES } from '../../../src/eleventy/session.ts';
import { extraSlug, newsContent, UPDATED } from '../../helpers/news-site.ts';
import { replaceIn, seedSlug } from '../../helpers/site.ts';

const preview = { preview: true };
let dir: string;
let first: CheckReport;

/** The check after `edit`, carried over from the last one as the dev server carries it. */
function recheck(previous: CheckReport, file: string, edit: (file: string) => void): CheckReport {
  edit(file);
  // A changed file is told apart by its size, modification time and inode: make sure the time moves.
  const later = new Date(Date.now() + 5000);
  if (fs.existsSync(file)) fs.utimesSync(file, later, later);
  return checkContent(dir, { numerals: false, previous, publication: preview });
}

const article = (slug: string) => path.join(dir, 'articles', `${slug}.md`);
const rendered = (report: CheckReport, previous: CheckReport) => {
  const { plan, removed } = planRender(previous.publication, report.publication!, false);
  const publication = report.publication!;
  return {
    articles: publication.articles.filter((a) => plan.articles(a.slug)).map((a) => a.slug),
    archive: publication.archivePages.filter((p) => plan.archivePage(p.pageNumber)).map((p) => p.url),
    topics: publication.topicPages.filter((p) => plan.topicPage(p.slug, p.pageNumber)).map((p) => p.url),
    digests: publication.digestEntries.filter((d) => plan.digest(d.slug)).map((d) => d.slug),
    singles: SINGLE_PAGES.filter((name) => plan.single(name)),
    removed,
  };
};

beforeAll(() => {
  dir = newsContent();
  first = checkContent(dir, { numerals: false, publication: preview });
  // The first build renders every digest, making its view.
  void first.publication!.digests;
});

describe('planRender', () => {
  it('renders everything the first time, and after the templates changed', () => {
    const { plan } = planRender(undefined, first.publication!, false);
    expect(plan.articles(seedSlug) && plan.archivePage(2) && plan.single('robots')).toBe(true);
    expect(planRender(first.publication, first.publication!, true).plan.single('notFound')).toBe(true);
  });

  it('renders nothing again when nothing changed', () => {
    const again = checkContent(dir, { numerals: false, previous: first, publication: preview });
    expect(rendered(again, first)).toEqual({ articles: [], archive: [], topics: [], digests: [], singles: [], removed: [] });
  });

  it('renders one article when its body changes, not the listings, and the feeds only when it is among the newest', () => {
    let next = recheck(first, article(extraSlug(3)), (file) => fs.appendFileSync(file, '\nA new paragraph.\n'));
    expect(rendered(next, first)).toEqual({ articles: [extraSlug(3)], archive: [], topics: [], digests: [], singles: [], removed: [] });
    first = next;
    next = recheck(first, article(seedSlug), (file) => fs.appendFileSync(file, '\nA new paragraph.\n'));
    const result = rendered(next, first);
    expect(result.articles).toEqual([seedSlug]);
    expect(result.singles).toEqual(['feeds']);
    expect([...result.archive, ...result.topics]).toEqual([]);
    first = next;
  });

  it('takes a new title to every listing page and topic page that shows the article, and no digest that does not', () => {
    const next = recheck(first, article(UPDATED.slug), (file) => replaceIn(file, /^title: .*$/m, 'title: "A new title"'));
    const result = rendered(next, first);
    expect(result.articles).toEqual([UPDATED.slug]);
    expect(result.archive).toEqual(['/archive/']);
    expect(result.topics).toEqual(['/tags/russia/']);
    expect(result.digests).toEqual([]);
    expect(result.singles).toEqual(expect.arrayContaining(['feeds']));
    expect(result.singles).not.toContain('digestArchive');
    first = next;
  });

  it('renders the article and the listings after a facts file changes the figure a teaser shows', () => {
    const next = recheck(first, path.join(dir, 'facts', `${seedSlug}.yaml`), (file) => replaceIn(file, 'value: 11000', 'value: 12000'));
    const result = rendered(next, first);
    expect(result.articles).toEqual([seedSlug]);
    expect(result.archive).toEqual(['/archive/']);
    expect(result.topics).toEqual(expect.arrayContaining(['/tags/north-korea/', '/tags/russia/', '/tags/ukraine-war/']));
    expect(result.digests).toEqual(expect.arrayContaining(['2025-06-27']));
    first = next;
  });

  it('names the pages of a deleted article for removal, and renders the listings it left', () => {
    const next = recheck(first, article(extraSlug(1)), (file) => fs.rmSync(file));
    const result = rendered(next, first);
    expect(result.removed).toContain(`/articles/${extraSlug(1)}/`);
    expect(result.archive).toEqual(expect.arrayContaining(['/archive/2/']));
    expect(result.singles).toEqual(expect.arrayContaining(['sitemap', 'topics']));
    first = next;
  });
});

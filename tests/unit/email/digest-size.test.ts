// A 20-article digest's email stays within issue 8's 50 KB, and a 50-article one is cut down to the size
// budget, measured on generated articles through the real templates and pipeline (as bench/email.ts renders
// them); the email shows the same lead figures in both parts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, loadEmailBench, type EmailBench } from '../../../bench/email.ts';
import { generateContent } from '../../../bench/generate.ts';
import { digestPipelineOptions, prepareDigestEmail } from '../../../src/digest/email.ts';
import { LEAD_FIGURES, type DigestView } from '../../../src/digest/view.ts';
import { GMAIL_CLIP_KB } from '../../../src/email/checks/size.ts';
import { runEmailPipeline, type EmailPipelineResult } from '../../../src/email/pipeline.ts';

const BUDGET = 50 * 1024;
const ISSUE = 20;
/** A long issue: more than the default size budget (90 KB) holds. */
const LONG_ISSUE = 50;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-email-size-'));

let bench: EmailBench;
beforeAll(() => {
  const tree = generateContent({ articles: 100, seed: 1, outDir: path.join(workDir, 'content') });
  bench = loadEmailBench(tree.contentDir);
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function email(view: DigestView): Promise<EmailPipelineResult> {
  return runEmailPipeline(bench.render(view), digestPipelineOptions(view, bench.publication.site));
}

/** What a teaser prints: the articles with the most of it make the heaviest issue the tree allows. */
const teaserText = (view: DigestView, index: number): number => {
  const article = view.articles[index];
  if (!article) return 0;
  const figures = article.leadFigures.map((f) => `${f.label}${f.value}${f.attribution}${f.date ?? ''}`).join('');
  return `${article.title}${article.summary}${article.url}${figures}`.length;
};

describe(`the email of a ${ISSUE}-article digest`, () => {
  it(`is at most 50 KB for the newest ${ISSUE} articles`, async () => {
    const result = await email(digestOf(bench, 'newest', bench.articles.slice(0, ISSUE)));
    expect(result.errors).toEqual([]);
    expect(result.bytes).toBe(Buffer.byteLength(result.html));
    expect(result.bytes).toBeLessThanOrEqual(BUDGET);
  });

  it(`is at most 50 KB for the ${ISSUE} wordiest of 100 articles`, async () => {
    const all = digestOf(bench, 'all', bench.articles);
    const wordiest = bench.articles
      .map((article, index) => ({ article, size: teaserText(all, index) }))
      .sort((a, b) => b.size - a.size)
      .slice(0, ISSUE)
      .map(({ article }) => article);
    const result = await email(digestOf(bench, 'wordiest', wordiest));
    expect(result.errors).toEqual([]);
    expect(result.bytes).toBeLessThanOrEqual(BUDGET);
  });

  it('shows each article’s lead figures, the same in the HTML and the plain text, and says how many there are', async () => {
    const view = digestOf(bench, 'newest', bench.articles.slice(0, ISSUE));
    const $ = cheerio.load((await email(view)).html);
    const text = bench.renderer.text(view);
    const teasers = $('.teaser');
    expect(teasers).toHaveLength(ISSUE);
    const textArticles = text.split(/^-{72}$/m).slice(1, ISSUE + 1);
    view.articles.forEach((article, index) => {
      const lead = article.keyFigures.slice(0, LEAD_FIGURES).map((f) => f.value);
      expect(article.leadFigures.map((f) => f.value)).toEqual(lead);
      const inHtml = teasers
        .eq(index)
        .find('.figures strong')
        .map((_, value) =>
          $(value)
            .text()
            .replace(/\u00a0/g, ' '),
        )
        .get();
      const inText = [...(textArticles[index] ?? '').matchAll(/^\* (.+?): /gm)].map((m) => m[1]);
      // The email's HTML holds every space of a figure together, the range's too.
      expect(inHtml, article.slug).toEqual(lead.map((value) => value.replace(/\u00a0/g, ' ')));
      expect(inText, article.slug).toEqual(lead);
      const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
      // AP style: one to nine in words.
      const count = article.keyFigures.length < 10 ? words[article.keyFigures.length] : String(article.keyFigures.length);
      const links = teasers
        .eq(index)
        .find('a')
        .map((_, a) => ({ text: $(a).text().replace(/\s+/g, ' '), href: $(a).attr('href') ?? '' }))
        .get();
      // Every link names its article, and no two go to the same place.
      for (const link of links) expect(link.text, article.slug).toContain(article.title);
      expect(new Set(links.map((link) => link.href)).size, article.slug).toBe(links.length);
      const allFigures = `All ${count} key figures`;
      if (article.keyFigures.length > LEAD_FIGURES) {
        expect(links.map((link) => link.text)).toContain(`${allFigures}: ${article.title}`);
        expect(textArticles[index]).toMatch(new RegExp(`^${allFigures}: \\[\\d+\\]$`, 'm'));
      } else {
        expect(links).toHaveLength(1);
        expect(textArticles[index]).not.toContain('key figures:');
      }
    });
    // The tree has articles with more key figures than the email shows, so the pointer is exercised.
    expect(view.articles.some((a) => a.keyFigures.length > LEAD_FIGURES)).toBe(true);
  });
});

describe(`the email of a ${LONG_ISSUE}-article digest`, () => {
  it(`stays within the default size budget (${bench === undefined ? 90 : bench.publication.site.email.sizeBudgetKb} KB), under Gmail's ${GMAIL_CLIP_KB} KB`, async () => {
    const view = digestOf(bench, 'newest', bench.articles.slice(0, LONG_ISSUE));
    const prepared = await prepareDigestEmail(view, bench.publication.site, bench.renderer);
    expect(Buffer.byteLength(prepared.html)).toBeLessThanOrEqual(bench.publication.site.email.sizeBudgetKb * 1024);
    expect(prepared.view.email.articles.length + prepared.view.email.omitted).toBe(LONG_ISSUE);
  });

  it('is cut down to a smaller budget: as many articles as fit, then "and N more stories on the web", in both parts', async () => {
    const site = { ...bench.publication.site, email: { ...bench.publication.site.email, sizeBudgetKb: 40 } };
    const view = digestOf(bench, 'newest', bench.articles.slice(0, LONG_ISSUE));
    const prepared = await prepareDigestEmail(view, site, bench.renderer);
    const bytes = Buffer.byteLength(prepared.html);
    const shown = prepared.view.email.articles.length;
    expect(bytes).toBeLessThanOrEqual(40 * 1024);
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(LONG_ISSUE);
    // The largest number that fits: one more article would be over the budget.
    const oneMore = await runEmailPipeline(
      bench.render({ ...view, email: { ...view.email, articles: view.articles.slice(0, shown + 1) } }),
      digestPipelineOptions(view, site),
    );
    expect(oneMore.bytes).toBeGreaterThan(40 * 1024);
    // The articles shown are the first ones, in order; the view keeps every article for the web version.
    expect(prepared.view.email.articles.map((a) => a.slug)).toEqual(view.articles.slice(0, shown).map((a) => a.slug));
    expect(prepared.view.articles).toHaveLength(LONG_ISSUE);
    const omitted = LONG_ISSUE - shown;
    const $ = cheerio.load(prepared.html);
    expect($('h2')).toHaveLength(shown);
    const more = $('a').filter((_, a) => $(a).text() === `And ${omitted} more stories on the web`);
    expect(more).toHaveLength(1);
    expect(new URL(more.attr('href') ?? '').pathname).toBe(`/digests/${view.slug}/`);
    const text = prepared.text;
    expect(text.match(/^\d+\. /gm)).toHaveLength(shown);
    const reference = new RegExp(`^And ${omitted} more stories on the web: \\[(\\d+)\\]$`, 'm').exec(text)?.[1];
    expect(reference).toBeDefined();
    expect(text).toMatch(new RegExp(`^\\[${reference}\\] https://[^/]+/digests/${view.slug}/\\?utm_`, 'm'));
  });
});

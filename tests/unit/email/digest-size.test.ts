// A 20-article digest's email stays within issue 8's 50 KB, and a 50-article one well inside Gmail's clipping
// limit, measured on generated articles through the real template and pipeline (as bench/email.ts renders
// them); the email shows the same lead figures in both parts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, loadEmailBench, type EmailBench } from '../../../bench/email.ts';
import { generateContent } from '../../../bench/generate.ts';
import { renderDigestText } from '../../../src/digest/text.ts';
import { LEAD_FIGURES, type DigestView } from '../../../src/digest/view.ts';
import { defaultSizeLimits } from '../../../src/email/checks/size.ts';
import { runEmailPipeline, type EmailPipelineResult } from '../../../src/email/pipeline.ts';

const BUDGET = 50 * 1024;
const ISSUE = 20;
/** A long issue: it must pass the build's size check with room to spare for the sending service's own markup. */
const LONG_ISSUE = 50;
const LONG_BUDGET = 95 * 1024;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-email-size-'));

let bench: EmailBench;
beforeAll(() => {
  const tree = generateContent({ articles: 100, seed: 1, outDir: path.join(workDir, 'content') });
  bench = loadEmailBench(tree.contentDir);
});
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

async function email(view: DigestView): Promise<EmailPipelineResult> {
  const utm = bench.site.email.utm === false ? false : { ...bench.site.email.utm, campaign: view.campaign };
  return runEmailPipeline(bench.render(view), { baseUrl: bench.site.url, utm, mergeTags: Object.values(view.mergeTags) });
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
    const text = renderDigestText(view, { utm: false });
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
      const readMore = article.keyFigures.length > LEAD_FIGURES ? `Read the article and all ${count} key figures` : 'Read the article';
      const links = teasers
        .eq(index)
        .find('a')
        .map((_, a) => $(a).text().replace(/\s+/g, ' '))
        .get();
      expect(links, article.slug).toContain(readMore);
      expect(textArticles[index]).toContain(readMore);
    });
    // The tree has articles with more key figures than the email shows, so the pointer is exercised.
    expect(view.articles.some((a) => a.keyFigures.length > LEAD_FIGURES)).toBe(true);
  });
});

describe(`the email of a ${LONG_ISSUE}-article digest`, () => {
  it(`passes the build's size check, at most 95 KB for the newest ${LONG_ISSUE} articles`, async () => {
    const result = await email(digestOf(bench, 'newest', bench.articles.slice(0, LONG_ISSUE)));
    expect(result.errors).toEqual([]);
    expect(result.bytes).toBeLessThan(defaultSizeLimits.errorBytes);
    expect(result.bytes).toBeLessThanOrEqual(LONG_BUDGET);
  });
});

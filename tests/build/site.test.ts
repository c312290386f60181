// The seed article published as a website: built for real into a temp dir and read back.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, copyContent, listFiles, load, read, realContentDir, seedSlug, writeArticle } from '../helpers/site.ts';

const seed = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/seed-article.txt'), 'utf8');
const seedLines = seed
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const [seedTitle, ...seedBody] = seedLines;
const seedHeadings = [
  'Significant Military Support Already Underway',
  'Preparations Already Underway',
  'Deepening Military Ties Between Moscow and Pyongyang',
  'Future Cooperation and Challenges Ahead',
];
const seedBullets = seedBody.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
const seedParagraphs = seedBody.filter((l) => !l.startsWith('- ') && !seedHeadings.includes(l));

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the seed article as a website', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir);
  });

  it('publishes the article at a clean URL', () => {
    expect(fs.existsSync(path.join(out, 'articles', seedSlug, 'index.html'))).toBe(true);
  });

  it('uses the seed title as the page title and headline', () => {
    const $ = load(out, `articles/${seedSlug}/index.html`);
    expect($('h1').first().text()).toBe(seedTitle);
    expect($('title').text()).toContain(seedTitle);
  });

  it('contains every paragraph of the seed, word for word', () => {
    const $ = load(out, `articles/${seedSlug}/index.html`);
    const paragraphs = $('.article__body p')
      .map((_, p) => normalise($(p).text()))
      .get();
    expect(seedParagraphs.length).toBe(8);
    for (const paragraph of seedParagraphs) expect(paragraphs).toContain(paragraph);
    expect(paragraphs).toHaveLength(seedParagraphs.length);
  });

  it('keeps the section headings as headings and the three bullets as a list', () => {
    const $ = load(out, `articles/${seedSlug}/index.html`);
    expect(
      $('.article__body h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(seedHeadings);
    const items = $('.article__body ul > li')
      .map((_, li) => normalise($(li).text()))
      .get();
    expect(items).toEqual(seedBullets);
  });

  it('shows a dateline in the site time zone with a machine-readable <time>', () => {
    const $ = load(out, `articles/${seedSlug}/index.html`);
    const time = $('.byline time');
    expect(time.attr('datetime')).toBe('2025-06-24T09:00:00+09:00');
    expect(time.text()).toBe('June\u00a024,\u00a02025');
  });

  it('lists the reporting the article relies on and its tags', () => {
    const $ = load(out, `articles/${seedSlug}/index.html`);
    expect(normalise($('.byline').text())).toContain('Based on reporting by South Korean intelligence and a South Korean legislator');
    expect(
      $('.tags a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['North Korea', 'Russia', 'Ukraine war']);
  });

  it('links to the article from the home page', () => {
    const $ = load(out, 'index.html');
    const link = $(`a[href="/articles/${seedSlug}/"]`);
    expect(link.text()).toBe(seedTitle);
  });

  it('has a 404 page', () => {
    const $ = load(out, '404.html');
    expect($('h1').text()).toBe('Page not found');
    expect($('a[href="/"]').length).toBeGreaterThan(0);
  });

  it('links one fingerprinted stylesheet from every page, written beside them with the template CSS', () => {
    const pages = listFiles(out).filter((f) => f.endsWith('.html') && !f.endsWith('email.html'));
    const hrefs = new Set(
      pages.map((f) => {
        const links = load(out, f)('link[rel="stylesheet"]');
        expect(links, f).toHaveLength(1);
        return links.attr('href');
      }),
    );
    expect([...hrefs]).toHaveLength(1);
    const href = [...hrefs][0] ?? '';
    expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    const css = fs.readFileSync(path.join(realContentDir, '..', 'templates', 'css', 'site.css'), 'utf8');
    expect(read(out, href.slice(1))).toBe(css);
    // No page carries its own copy of the styles.
    for (const f of pages) expect(load(out, f)('style'), f).toHaveLength(0);
  });

  it('declares the language and its direction, and works without client JavaScript', () => {
    // Email HTML is minified and checked by the email tests; every web page is checked here.
    for (const file of listFiles(out).filter((f) => f.endsWith('.html') && !f.endsWith('email.html'))) {
      const html = read(out, file);
      expect(html, file).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
      expect(html, file).not.toContain('<script src');
    }
  });
});

describe('dates in the site time zone', () => {
  it('shows an article dated just after midnight in Seoul on that Seoul day', async () => {
    const content = copyContent((dir) => {
      writeArticle(dir, 'after-midnight', { date: '"2025-03-01T00:30:00+09:00"', title: '"After midnight"' });
    });
    const out = await buildInto(content);
    const $ = load(out, 'articles/after-midnight/index.html');
    // 00:30 in Seoul is 15:30 UTC on Feb. 28; readers in Seoul must see March 1.
    expect($('.byline time').text()).toBe('March\u00a01,\u00a02025');
    expect($('.byline time').attr('datetime')).toBe('2025-03-01T00:30:00+09:00');
    const home = load(out, 'index.html');
    expect(home('a[href="/articles/after-midnight/"]').closest('li').find('time').text()).toBe('March\u00a01,\u00a02025');
  });
});

describe('escaping', () => {
  const hostile = '<script>alert(1)</script> & "quotes"';
  it('prints a hostile title as text on every page it reaches', async () => {
    const content = copyContent((dir) => {
      writeArticle(dir, 'hostile', {
        title: JSON.stringify(hostile),
        summary: JSON.stringify(`${hostile} summary`),
        tags: JSON.stringify([hostile]),
      });
    });
    const out = await buildInto(content);
    const pages = listFiles(out).filter((f) => /\.(html|xml|json|txt)$/.test(f));
    let reached = 0;
    for (const file of pages) {
      const raw = read(out, file);
      expect(raw, file).not.toContain('<script>alert(1)');
      if (raw.includes('alert(1)')) reached += 1;
    }
    const $ = load(out, 'articles/hostile/index.html');
    expect($('h1').text()).toBe(hostile);
    expect($('title').text()).toContain(hostile);
    expect(load(out, 'index.html')('a[href="/articles/hostile/"]').text()).toBe(hostile);
    expect(reached).toBeGreaterThanOrEqual(3); // article, home, tag page at least
  });

  it('escapes a topic name and a digest subject once in page titles, not twice', async () => {
    const content = copyContent((dir) => {
      writeArticle(dir, 'hostile', { tags: JSON.stringify([hostile]) });
      const digest = path.join(dir, 'digests', '2025-06-27.md');
      fs.writeFileSync(
        digest,
        fs.readFileSync(digest, 'utf8').replace(/^subject:.*$/m, `subject: ${JSON.stringify(`Troops & talks <b>`)}`),
      );
    });
    const out = await buildInto(content);
    const topic = listFiles(out).find((f) => /^tags\/[^/]*script[^/]*\/index\.html$/.test(f)) ?? '';
    const topicPage = load(out, topic);
    expect(topicPage('title').text()).toBe(`Topic: ${hostile} | The Korea Dispatch`);
    expect(topicPage('meta[property="og:title"]').attr('content')).toBe(`Topic: ${hostile}`);
    const digestPage = load(out, 'digests/2025-06-27/index.html');
    expect(digestPage('title').text()).toBe('Troops & talks <b> | The Korea Dispatch');
  });
});

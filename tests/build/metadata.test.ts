// What search engines and link previews read: title, description, canonical URL, OpenGraph, Twitter
// cards on every page, and schema.org NewsArticle JSON-LD on articles.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, copyContent, load, listFiles, read, seedSlug, writeArticle } from '../helpers/site.ts';
import { newsContent, UPDATED, urlPathOf, webPages } from '../helpers/news-site.ts';

const origin = 'https://dispatch.example.org';
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

type JsonLd = Record<string, unknown> & {
  author: Record<string, string>;
  publisher: Record<string, string>;
  mainEntityOfPage: Record<string, string>;
};

function jsonLd(outputDir: string, file: string): JsonLd {
  const $ = load(outputDir, file);
  const scripts = $('script[type="application/ld+json"]');
  expect(scripts, file).toHaveLength(1);
  return JSON.parse(scripts.text()) as JsonLd;
}

describe('head metadata', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(newsContent());
  });

  it('gives every page a title, description, canonical URL, OpenGraph and Twitter card', () => {
    const pages = webPages(out);
    expect(pages.length).toBeGreaterThan(40);
    for (const file of pages) {
      const $ = load(out, file);
      const meta = (selector: string) => $(`meta[${selector}]`).attr('content');
      const canonical = $('link[rel="canonical"]').attr('href');
      expect($('title').text(), file).toMatch(/The Korea Dispatch/);
      expect(meta('name="description"'), file).toBeTruthy();
      expect(canonical, file).toBe(`${origin}${urlPathOf(file)}`);
      expect(meta('property="og:url"'), file).toBe(canonical);
      expect(meta('property="og:title"'), file).toBeTruthy();
      expect(meta('property="og:description"'), file).toBe(meta('name="description"'));
      expect(meta('property="og:type"'), file).toBe(file.startsWith('articles/') ? 'article' : 'website');
      expect(meta('property="og:site_name"'), file).toBe('The Korea Dispatch');
      // Articles and digests have a share image (a lead picture or a social card): tests/build/pictures.test.ts.
      const shared = /^(articles|digests)\/[^/]+\/index\.html$/.test(file);
      expect(meta('name="twitter:card"'), file).toBe(shared ? 'summary_large_image' : 'summary');
      expect(meta('property="og:image"') !== undefined, file).toBe(shared);
      expect(meta('name="twitter:title"'), file).toBe(meta('property="og:title"'));
    }
  });

  it('tells search engines not to index the 404 page', () => {
    expect(load(out, '404.html')('meta[name="robots"]').attr('content')).toBe('noindex');
    expect(load(out, 'index.html')('meta[name="robots"]')).toHaveLength(0);
  });

  it('describes the seed article as a NewsArticle in JSON-LD', () => {
    const data = jsonLd(out, `articles/${seedSlug}/index.html`);
    const url = `${origin}/articles/${seedSlug}/`;
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'North Korea to Deploy More Troops to Support Russia in Ukraine War',
      url,
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      datePublished: '2025-06-24T09:00:00+09:00',
      dateModified: '2025-06-24T09:00:00+09:00',
      author: { name: 'The Korea Dispatch newsroom' },
      publisher: { '@type': 'Organization', name: 'The Korea Dispatch', url: origin },
      keywords: ['North Korea', 'Russia', 'Ukraine war'],
      inLanguage: 'en',
      articleSection: 'World',
    });
    expect(data.description).toMatch(/^Reports indicate that North Korea is preparing/);
  });

  it('dates every article in JSON-LD with UTC offsets, and takes dateModified from `updated`', () => {
    const articles = listFiles(out).filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
    expect(articles.length).toBe(27);
    for (const file of articles) {
      const data = jsonLd(out, file);
      expect(data.datePublished, file).toMatch(OFFSET_DATE_TIME);
      expect(data.dateModified, file).toMatch(OFFSET_DATE_TIME);
    }
    const updated = jsonLd(out, `articles/${UPDATED.slug}/index.html`);
    expect([updated.datePublished, updated.dateModified]).toEqual([UPDATED.date, UPDATED.updated]);
    const $ = load(out, `articles/${UPDATED.slug}/index.html`);
    expect($('meta[property="article:modified_time"]').attr('content')).toBe(UPDATED.updated);
  });

  it('puts no JSON-LD on pages that are not articles', () => {
    for (const file of ['index.html', 'archive/index.html', 'tags/index.html', 'about/index.html']) {
      expect(load(out, file)('script[type="application/ld+json"]'), file).toHaveLength(0);
    }
  });
});

describe('a hostile title in JSON-LD', () => {
  const hostile = '</script><script>alert(1)</script>';
  it('cannot close the script element, and still parses to the exact title', async () => {
    const content = copyContent((dir) =>
      writeArticle(dir, 'hostile-json-ld', { title: JSON.stringify(hostile), summary: JSON.stringify(`${hostile} & more`) }),
    );
    const out = await buildInto(content);
    const html = read(out, 'articles/hostile-json-ld/index.html');
    expect(html).not.toContain('<script>alert(1)');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head.match(/<script\b/g)).toHaveLength(1);
    expect(head).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    const data = jsonLd(out, 'articles/hostile-json-ld/index.html');
    expect(data.headline).toBe(hostile);
    expect(data.description).toBe(`${hostile} & more`);
  });
});

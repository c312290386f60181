// sitemap.xml lists every public page (no 404, no draft) with an absolute URL and lastmod; robots.txt points to it
// and keeps crawlers off the digests' email files.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, copyContent, listFiles, read, seedSlug } from '../helpers/site.ts';
import { DRAFT, newsContent, UPDATED, urlPathOf, webPages } from '../helpers/news-site.ts';

const origin = 'https://dispatch.example.org';

describe('sitemap and robots.txt', () => {
  let out: string;
  let entries: Map<string, string>;
  beforeAll(async () => {
    out = await buildInto(newsContent());
    const $ = cheerio.load(read(out, 'sitemap.xml'), { xml: true });
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    entries = new Map(
      $('url')
        .toArray()
        .map((url) => [$(url).children('loc').text(), $(url).children('lastmod').text()] as const),
    );
  });

  it('lists exactly the public web pages of the build, by absolute URL', () => {
    // Every HTML page a reader can reach, except the 404 page, pages marked noindex (the newsletter's
    // check-your-inbox and confirmation pages) and the digests' email documents.
    const pages = webPages(out)
      .filter((f) => f !== '404.html' && !read(out, f).includes('<meta name="robots" content="noindex">'))
      .map((f) => `${origin}${urlPathOf(f)}`);
    expect([...entries.keys()].sort()).toEqual(pages.sort());
    expect(pages).toEqual(
      expect.arrayContaining([
        `${origin}/`,
        `${origin}/archive/2/`,
        `${origin}/tags/north-korea/2/`,
        `${origin}/about/`,
        `${origin}/digests/`,
        `${origin}/digests/2025-06-28/`,
      ]),
    );
  });

  it('leaves out the 404 page and drafts', () => {
    const urls = [...entries.keys()].join('\n');
    expect(urls).not.toContain('404');
    expect(urls).not.toContain(DRAFT.slug);
  });

  it('dates every entry with lastmod: an article by its update, a listing by its newest article', () => {
    for (const [url, lastmod] of entries) expect(lastmod, url).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(entries.get(`${origin}/articles/${seedSlug}/`)).toBe('2025-06-24T09:00:00+09:00');
    expect(entries.get(`${origin}/articles/${UPDATED.slug}/`)).toBe(UPDATED.updated);
    expect(entries.get(`${origin}/`)).toBe(UPDATED.updated);
    // Page 2 starts after the updated article, the seed and archive articles 25 to 08.
    expect(entries.get(`${origin}/archive/2/`)).toBe('2025-05-07T09:00:00+09:00');
    expect(entries.get(`${origin}/digests/2025-06-28/`)).toBe('2025-06-28T07:00:00+09:00');
  });

  it('is named in robots.txt', () => {
    const robots = read(out, 'robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Sitemap: https:\/\/dispatch\.example\.org\/sitemap\.xml$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
  });

  it('keeps crawlers off each digest’s email files, and only those', () => {
    const disallowed = read(out, 'robots.txt')
      .split('\n')
      .filter((line) => line.startsWith('Disallow:'))
      .map((line) => line.slice('Disallow:'.length).trim());
    expect(disallowed.sort()).toEqual([
      '/digests/*/digest.json',
      '/digests/*/email.html',
      '/digests/*/email.txt',
      '/digests/*/message.eml',
    ]);
    // The patterns, read as robots.txt wildcards, match the files the build wrote and not the web version.
    const blocked = (url: string) =>
      disallowed.some((pattern) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^]*')}`).test(url));
    const urls = listFiles(out).map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
    const emailFiles = urls.filter((url) => /^\/digests\/[^/]+\/(email\.html|email\.txt|message\.eml|digest\.json)$/.test(url));
    expect(emailFiles).toContain('/digests/2025-06-28/message.eml');
    expect(emailFiles.filter((url) => !blocked(url))).toEqual([]);
    expect(urls.filter((url) => blocked(url) && !emailFiles.includes(url))).toEqual([]);
    expect(urls).toContain('/digests/2025-06-28/');
  });
});

describe('sitemap.xml of a fresh checkout', () => {
  it('is the same whatever the files’ creation times, which Eleventy orders the pages by', async () => {
    const pages = ['about.md', 'corrections.md', 'policies/ethics.md'];
    const sitemapWithPagesCreated = async (order: string[]) => {
      const dir = copyContent((d) => {
        fs.mkdirSync(path.join(d, 'policies'));
        fs.writeFileSync(
          path.join(d, 'corrections.md'),
          '---\nlayout: page.njk\ntitle: Corrections\npermalink: /corrections/\n---\nCorrections.\n',
        );
        fs.writeFileSync(path.join(d, 'policies', 'ethics.md'), '---\nlayout: page.njk\ntitle: Ethics\n---\nEthics.\n');
        // A checkout writes files in some order; a page without a date is dated by its file.
        order.forEach((name, i) => {
          const file = path.join(d, name);
          const text = fs.readFileSync(file);
          fs.rmSync(file);
          fs.writeFileSync(file, text);
          const time = new Date(Date.UTC(2025, 0, 1 + i));
          fs.utimesSync(file, time, time);
        });
      });
      return read(await buildInto(dir), 'sitemap.xml');
    };
    expect(await sitemapWithPagesCreated([...pages].reverse())).toBe(await sitemapWithPagesCreated(pages));
  });
});

describe('pages editors add beside the articles', () => {
  it('leaves a noindex page out of the sitemap, and dates a page by its updated', async () => {
    const dir = copyContent((d) => {
      fs.writeFileSync(
        path.join(d, 'corrections.md'),
        '---\nlayout: page.njk\ntitle: Corrections\npermalink: /corrections/\nupdated: "2025-07-01T10:00:00+09:00"\n---\nCorrections.\n',
      );
      fs.writeFileSync(
        path.join(d, 'staff.md'),
        '---\nlayout: page.njk\ntitle: Staff only\npermalink: /staff/\nnoindex: true\n---\nNot for search.\n',
      );
    });
    const out = await buildInto(dir);
    const $ = cheerio.load(read(out, 'sitemap.xml'), { xml: true });
    const lastmod = new Map(
      $('url')
        .toArray()
        .map((url) => [$(url).children('loc').text(), $(url).children('lastmod').text()] as const),
    );
    expect(fs.existsSync(path.join(out, 'staff', 'index.html'))).toBe(true);
    expect(lastmod.has(`${origin}/staff/`)).toBe(false);
    expect(lastmod.get(`${origin}/corrections/`)).toBe('2025-07-01T10:00:00+09:00');
  });

  it('refuses a page updated without its UTC offset, which would date it by the build machine’s zone', async () => {
    const dir = copyContent((d) => {
      fs.writeFileSync(
        path.join(d, 'corrections.md'),
        '---\nlayout: page.njk\ntitle: Corrections\npermalink: /corrections/\nupdated: "2025-07-01T10:00"\n---\nCorrections.\n',
      );
    });
    await expect(buildInto(dir)).rejects.toThrow(/corrections\.md: line 5: updated: .*offset/);
  });
});

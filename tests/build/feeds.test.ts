// The Atom and JSON feeds: they parse, carry what feed readers need, and every URL in them is absolute.
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, read, seedSlug } from '../helpers/site.ts';
import { loadPage, newsContent, UPDATED, webPages } from '../helpers/news-site.ts';

const origin = 'https://dispatch.example.org';
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const seedUrl = `${origin}/articles/${seedSlug}/`;
const updatedUrl = `${origin}/articles/${UPDATED.slug}/`;

/** Every href and src in an HTML fragment. */
function urlsIn(html: string): string[] {
  const $ = cheerio.load(html);
  return $('[href], [src]')
    .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
    .get();
}

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: Array<{
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html: string;
    date_published: string;
    date_modified: string;
    tags: string[];
  }>;
}

describe('feeds', () => {
  let out: string;
  let atom: cheerio.CheerioAPI;
  let json: JsonFeed;
  beforeAll(async () => {
    out = await buildInto(newsContent());
    atom = cheerio.load(read(out, 'feed.xml'), { xml: true });
    json = JSON.parse(read(out, 'feed.json')) as JsonFeed;
  });

  it('is Atom at /feed.xml with a feed id, title, updated time and a self link', () => {
    expect(read(out, 'feed.xml')).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const feed = atom('feed');
    expect(feed.children('id').text()).toBe(`${origin}/`);
    expect(feed.children('title').text()).toBe('The Korea Dispatch');
    expect(feed.children('updated').text()).toBe(UPDATED.updated);
    expect(feed.children('link[rel="self"]').attr('href')).toBe(`${origin}/feed.xml`);
    expect(feed.children('author').children('name').text()).toBe('The Korea Dispatch newsroom');
  });

  it('has the 20 newest of 27 articles as Atom entries, each with id, title, link, dates with offset, summary and content', () => {
    const entries = atom('entry');
    expect(entries).toHaveLength(20);
    entries.each((_, el) => {
      const entry = atom(el);
      const link = entry.children('link[rel="alternate"]').attr('href') ?? '';
      expect(entry.children('id').text()).toBe(link);
      expect(link).toMatch(/^https:\/\/dispatch\.example\.org\/articles\/[a-z0-9-]+\/$/);
      expect(entry.children('title').text()).not.toBe('');
      expect(entry.children('summary').text()).not.toBe('');
      expect(entry.children('published').text()).toMatch(OFFSET_DATE_TIME);
      expect(entry.children('updated').text()).toMatch(OFFSET_DATE_TIME);
      expect(entry.children('content').attr('type')).toBe('html');
      expect(entry.children('content').text()).toContain('<p>');
    });
    const first = entries.first();
    expect(first.children('id').text()).toBe(updatedUrl);
    expect(first.children('published').text()).toBe(UPDATED.date);
    expect(first.children('updated').text()).toBe(UPDATED.updated);
  });

  it('carries the full article HTML with the figures printed from facts', () => {
    const seed = atom('entry').filter((_, el) => atom(el).children('id').text() === seedUrl);
    const html = seed.children('content').text();
    const $ = cheerio.load(html);
    const page = loadPage(out, `articles/${seedSlug}/index.html`);
    // Every paragraph of the article page's body, word for word.
    page('.article__body p').each((_, p) => expect(html).toContain(page.html(p)?.replaceAll('&nbsp;', '\u00a0')));
    expect($('p').text()).toContain('an initial dispatch of 11,000 North Korean personnel');
    const figures = $('table tbody tr')
      .map((_, tr) => $(tr).find('td').first().text())
      .get();
    expect(figures).toEqual(['11,000', '4,000', '6,000', 'around\u00a0600', '21,000']);
    expect(
      seed
        .children('category')
        .map((_, c) => atom(c).attr('term'))
        .get(),
    ).toEqual(['North Korea', 'Russia', 'Ukraine war']);
  });

  it('is JSON Feed 1.1 at /feed.json with the same entries', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe('The Korea Dispatch');
    expect(json.home_page_url).toBe(`${origin}/`);
    expect(json.feed_url).toBe(`${origin}/feed.json`);
    expect(json.items.map((i) => i.id)).toEqual(
      atom('entry > id')
        .map((_, id) => atom(id).text())
        .get(),
    );
    for (const item of json.items) {
      expect(item.url).toBe(item.id);
      expect(item.title).not.toBe('');
      expect(item.summary).not.toBe('');
      expect(item.content_html).toContain('<p>');
      expect(item.date_published).toMatch(OFFSET_DATE_TIME);
      expect(item.date_modified).toMatch(OFFSET_DATE_TIME);
    }
    const seed = json.items.find((i) => i.id === seedUrl);
    expect(seed?.content_html).toContain('an initial dispatch of 11,000 North Korean personnel');
    expect(seed?.tags).toEqual(['North Korea', 'Russia', 'Ukraine war']);
  });

  it('makes every URL inside the feeds absolute, including links written relative in an article', () => {
    const atomContent = atom('entry > content')
      .map((_, c) => atom(c).text())
      .get();
    const urls = [
      ...atom('[href]')
        .map((_, el) => atom(el).attr('href'))
        .get(),
      ...atomContent.flatMap(urlsIn),
      json.home_page_url,
      json.feed_url,
      ...json.items.flatMap((i) => [i.url, ...urlsIn(i.content_html)]),
    ];
    expect(urls.length).toBeGreaterThan(50);
    for (const url of urls) expect(url).toMatch(/^(https?:|mailto:)/);
    const updated = json.items.find((i) => i.id === updatedUrl);
    expect(urlsIn(updated?.content_html ?? '')).toContain(`${seedUrl}#key-figures-title`);
  });

  it('is announced in the head of every page', () => {
    for (const file of webPages(out)) {
      const $ = loadPage(out, file);
      expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href'), file).toBe('/feed.xml');
      expect($('link[rel="alternate"][type="application/feed+json"]').attr('href'), file).toBe('/feed.json');
    }
  });
});

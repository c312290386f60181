// More than one language on one site: an article in German on an English site is read in German wherever it is
// shown (its page, its feed entry, its digest section), listings stay in English, and the two versions of the story
// link to each other with hreflang.
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedCatalogues } from '../../src/i18n/shipped-catalogues.ts';
import { GERMAN_SLUG, bilingualContent } from '../helpers/bilingual-site.ts';
import { editorialText, findLeaks, htmlSegments } from '../helpers/leaks.ts';
import { publicationOf } from '../helpers/model.ts';
import { buildInto, load, read, seedSlug } from '../helpers/site.ts';

const catalogues = shippedCatalogues().byLanguage;
const germanPage = `articles/${GERMAN_SLUG}/index.html`;
const englishPage = `articles/${seedSlug}/index.html`;
const origin = 'https://dispatch.example.org';

let content: string;
let out: string;
beforeAll(async () => {
  content = bilingualContent();
  out = await buildInto(content);
});

/** English words of the catalogue on the German article's page, what the editor wrote left aside. */
function englishOnGermanPage(): string[] {
  const segments = htmlSegments(germanPage, read(out, germanPage));
  const leaks = findLeaks(segments, catalogues.get('de')!, [catalogues.get('en')!], editorialText(publicationOf(content), out));
  return leaks.map((leak) => `"${leak.fragment}" (${leak.key}) in …${leak.context}…`);
}

describe('an article in German on an English site', () => {
  it('has a German page: its language, dates, numbers and every template word', () => {
    const $ = load(out, germanPage);
    expect($('html').attr('lang')).toBe('de');
    expect($('html').attr('dir')).toBe('ltr');
    expect(
      $('.byline')
        .text()
        .replace(/\u00a0/g, ' '),
    ).toContain('Von The Korea Dispatch newsroom · 24. Juni 2025');
    expect($('#key-figures-title').text()).toBe('Kennzahlen');
    expect($('.article__body').text()).toContain('11.000 Soldaten');
    expect($('.site-nav').text()).toContain('Neueste');
    expect($('meta[property="og:locale"]').attr('content')).toBe('de_DE');
    expect(englishOnGermanPage()).toEqual([]);
  });

  it('tells search engines its language and its English version, and the English version its German one', () => {
    const alternates = (file: string) =>
      load(
        out,
        file,
      )('link[rel="alternate"][hreflang]')
        .toArray()
        .map((link) => `${link.attribs.hreflang} ${link.attribs.href}`);
    const both = [`de ${origin}/articles/${GERMAN_SLUG}/`, `en ${origin}/articles/${seedSlug}/`];
    expect(alternates(germanPage).sort()).toEqual(both);
    expect(alternates(englishPage).sort()).toEqual(both);
    const jsonLd = (file: string) => JSON.parse(load(out, file)('script[type="application/ld+json"]').text()) as { inLanguage: string };
    expect(jsonLd(germanPage).inLanguage).toBe('de');
    expect(jsonLd(englishPage).inLanguage).toBe('en');
  });

  it('links each version to the other, named in its own language', () => {
    const link = (file: string) => load(out, file)('.translations a');
    expect(load(out, englishPage)('.translations').text()).toContain('This story in other languages:');
    expect(link(englishPage).text()).toBe('Deutsch');
    expect(link(englishPage).attr('hreflang')).toBe('de');
    expect(load(out, germanPage)('.translations').text()).toContain('Dieser Artikel in anderen Sprachen:');
    expect(link(germanPage).text()).toBe('English');
  });

  it('is listed on English listings, marked as German', () => {
    const $ = load(out, 'index.html');
    expect($('html').attr('lang')).toBe('en');
    expect($('.site-nav').text()).toContain('Latest');
    const teaser = $(`.teaser:has(a[href="/articles/${GERMAN_SLUG}/"])`);
    expect(teaser.attr('lang')).toBe('de');
    expect(teaser.find('.teaser__figure').text()).toContain('11.000');
    expect(teaser.find('.teaser__figure').text()).toContain('Gemeldet');
    expect($(`.teaser:has(a[href="/articles/${seedSlug}/"])`).attr('lang')).toBeUndefined();
  });

  it('has a German entry in both feeds, in feeds that stay English', () => {
    const atom = read(out, 'feed.xml');
    expect(atom).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"[^>]* xml:lang="en">/);
    const entry = atom.slice(atom.indexOf('<entry xml:lang="de">'));
    expect(entry).toContain(GERMAN_SLUG);
    expect(entry.slice(0, entry.indexOf('</entry>'))).toContain('Kennzahlen');
    const feed = JSON.parse(read(out, 'feed.json')) as {
      language: string;
      items: Array<{ url: string; language?: string; content_html: string }>;
    };
    expect(feed.language).toBe('en');
    const german = feed.items.find((item) => item.url.includes(GERMAN_SLUG))!;
    expect(german.language).toBe('de');
    expect(german.content_html).toContain('Auf The Korea Dispatch lesen');
    expect(feed.items.find((item) => item.url.includes(seedSlug))!.language).toBeUndefined();
  });

  it('has a German section in the digest’s web page, email and text part, in a digest that stays English', () => {
    const web = load(out, 'digests/2025-06-27/index.html');
    expect(web('html').attr('lang')).toBe('en');
    const section = web(`.teaser[lang="de"]`);
    expect(section.find('caption').text()).toBe('Kennzahlen: Nordkorea will weitere Truppen nach Russland schicken');
    expect(section.find('.teaser__meta a').text()).toBe('Artikel lesen');

    const email = load(out, 'digests/2025-06-27/email.html');
    expect(email('html').attr('lang')).toBe('en');
    const teaser = email('.teaser[lang="de"]');
    expect(teaser.find('h3').text()).toBe('Kennzahlen');
    expect(teaser.find('.figures-more').text()).toMatch(/^Alle fünf Kennzahlen: /);
    expect(email('.topbar').text()).toBe('View this email in your browser');

    const text = read(out, 'digests/2025-06-27/email.txt');
    expect(text).toContain('Kennzahlen:\n* 11.000:');
    expect(text).toContain('Key figures:\n* 11,000:');
  });
});

// Home, archive, topics, about and navigation, on a site with enough articles to paginate.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, load, seedSlug } from '../helpers/site.ts';
import { EXTRA_ARTICLES, extraSlug, newsContent, UPDATED, webPages } from '../helpers/news-site.ts';

const publicArticles = EXTRA_ARTICLES + 2; // the extras, the seed and the updated article
const articleLinks = ($: ReturnType<typeof load>) =>
  $('.teasers .teaser h2 a')
    .map((_, a) => $(a).attr('href'))
    .get();

describe('listings on a site with more articles than fit on one page', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(newsContent());
  });

  it('shows the 20 newest articles on the home page, newest first, with summary and lead figure', () => {
    const $ = load(out, 'index.html');
    const links = articleLinks($);
    expect(links).toHaveLength(20);
    expect(links.slice(0, 3)).toEqual([`/articles/${UPDATED.slug}/`, `/articles/${seedSlug}/`, `/articles/${extraSlug(25)}/`]);
    const seed = $(`.teaser:has(a[href="/articles/${seedSlug}/"])`);
    expect(seed.text()).toContain('Reports indicate that North Korea is preparing');
    expect(seed.find('.teaser__figure').text()).toContain('11,000');
    expect($('.more-link a').first().attr('href')).toBe('/archive/2/');
  });

  it('paginates the archive 20 to a page, newest first, with rel="prev"/"next" links', () => {
    const first = load(out, 'archive/index.html');
    const second = load(out, 'archive/2/index.html');
    const all = [...articleLinks(first), ...articleLinks(second)];
    expect(articleLinks(first)).toHaveLength(20);
    expect(articleLinks(second)).toHaveLength(publicArticles - 20);
    expect(new Set(all).size).toBe(publicArticles);
    expect(all.at(-1)).toBe(`/articles/${extraSlug(1)}/`);
    const dates = [first, second].flatMap(($) =>
      $('.teaser time')
        .map((_, t) => $(t).attr('datetime'))
        .get(),
    );
    expect(dates.map((d) => Date.parse(d))).toEqual(dates.map((d) => Date.parse(d)).sort((a, b) => b - a));

    expect(first('a[rel="next"]').attr('href')).toBe('/archive/2/');
    expect(first('a[rel="prev"]')).toHaveLength(0);
    expect(second('a[rel="prev"]').attr('href')).toBe('/archive/');
    expect(second('a[rel="next"]')).toHaveLength(0);
    expect(second('title').text()).toBe('Archive, page 2 of 2 | The Korea Dispatch');
    expect(fs.existsSync(path.join(out, 'archive/3/index.html'))).toBe(false);
  });

  it('gives each topic its own paginated page and lists topics with counts', () => {
    const topics = load(out, 'tags/index.html');
    const entries = topics('.tags a')
      .map((_, a) => [[topics(a).attr('href'), topics(a).text().replace(/\s+/g, ' ')]])
      .get();
    expect(entries).toContainEqual(['/tags/north-korea/', `North Korea (${EXTRA_ARTICLES + 1})`]);
    expect(entries).toContainEqual(['/tags/economy/', 'Economy (13)']);

    const northKorea = load(out, 'tags/north-korea/index.html');
    expect(northKorea('h1').text()).toBe('North Korea');
    expect(articleLinks(northKorea)).toHaveLength(20);
    expect(articleLinks(northKorea)[0]).toBe(`/articles/${seedSlug}/`);
    expect(northKorea('a[rel="next"]').attr('href')).toBe('/tags/north-korea/2/');
    const page2 = load(out, 'tags/north-korea/2/index.html');
    expect(articleLinks(page2)).toHaveLength(EXTRA_ARTICLES + 1 - 20);
    expect(page2('a[rel="prev"]').attr('href')).toBe('/tags/north-korea/');
  });

  it('links the archive, topics, digests and about page from every page', () => {
    for (const file of webPages(out)) {
      const $ = load(out, file);
      const nav = $('.site-nav a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(nav, file).toEqual(['/', '/archive/', '/tags/', '/digests/', '/about/']);
      const footer = $('.site-footer a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(footer, file).toEqual(expect.arrayContaining(['/digests/', '/feed.xml', '/feed.json', '/about/']));
    }
  });

  it('marks the current section in the navigation', () => {
    const $ = load(out, 'archive/index.html');
    expect($('.site-nav a[aria-current="page"]').attr('href')).toBe('/archive/');
  });

  it('has an about page that explains how figures are sourced', () => {
    const $ = load(out, 'about/index.html');
    expect($('h1').text()).toBe('About The Korea Dispatch');
    expect(
      $('h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toContain('How figures are sourced');
    expect($('main').text()).toContain('~600');
  });

  it('shows when an article was updated', () => {
    const $ = load(out, `articles/${UPDATED.slug}/index.html`);
    expect(
      $('.byline time')
        .map((_, t) => $(t).attr('datetime'))
        .get(),
    ).toEqual([UPDATED.date, UPDATED.updated]);
    expect($('.byline').text()).toContain('Updated June\u00a026,\u00a02025');
  });
});

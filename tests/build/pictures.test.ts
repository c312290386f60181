// Lead pictures and social cards in a built site: the files published (and nothing else from the content),
// the article page, listings, share tags, JSON-LD, feeds and the digest email; a later build takes every
// picture from the cache, and a card is the same bytes whoever draws it.
import fs from 'node:fs';
import path from 'node:path';
import type * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../../src/build/site.ts';
import { DEFAULT_SIZE_BUDGET_KB } from '../../src/email/settings.ts';
import { ENCODED_WIDTHS, LEAD_SIZES, PICTURE_FORMATS, THUMBNAIL_SIZES } from '../../src/images/recipes.ts';
import { LANDSCAPE, PICTURE_DIGEST, PORTRAIT, picturedContent } from '../helpers/pictures.ts';
import { listFiles, load, read, seedSlug, serveModeBuild, tempDir } from '../helpers/site.ts';

const origin = 'https://dispatch.example.org';
const articlePage = (slug: string) => `articles/${slug}/index.html`;

let contentDir: string;
let cacheDir: string;
let cold: BuildResult;
let warm: BuildResult;
let out: string;

/** The output file a URL of the site names (absolute or from the root). */
const fileOf = (url: string) => path.join(out, new URL(url, origin).pathname);

beforeAll(async () => {
  contentDir = await picturedContent();
  cacheDir = path.join(tempDir(), 'cache');
  cold = await buildSite({ contentDir, outputDir: path.join(tempDir(), '_site'), pictureCacheDir: cacheDir });
  warm = await buildSite({ contentDir, outputDir: path.join(tempDir(), '_site'), pictureCacheDir: cacheDir });
  out = cold.outputDir;
});

describe('what a build publishes', () => {
  it('writes every width and format of each lead picture, and a card for each article and digest without one', () => {
    const images = listFiles(path.join(out, 'images'));
    const pictures = images.filter((f) => !f.startsWith('cards/'));
    expect(pictures).toHaveLength(2 * PICTURE_FORMATS.length * ENCODED_WIDTHS.length);
    for (const width of ENCODED_WIDTHS) expect(pictures.filter((f) => f.includes(`-${width}.`))).toHaveLength(2 * PICTURE_FORMATS.length);
    // The seed article and the two digests have no picture of their own.
    expect(images.filter((f) => f.startsWith('cards/'))).toHaveLength(3);
    expect(images.filter((f) => f.startsWith('cards/')).every((f) => f.endsWith('.png'))).toBe(true);
  });

  it('copies nothing else from the content folder: not the source pictures, nor any file beside them', () => {
    const published = listFiles(out);
    expect(published.filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f) && !f.startsWith('images/'))).toEqual([]);
    const sources = [LANDSCAPE.file, PORTRAIT.file].map((f) => fs.readFileSync(path.join(contentDir, f)));
    for (const file of published.filter((f) => f.startsWith('images/'))) {
      const bytes = fs.readFileSync(path.join(out, file));
      expect(
        sources.some((source) => source.equals(bytes)),
        file,
      ).toBe(false);
    }
  });

  it('counts what it encoded and drew; a later build with the same cache encodes and draws nothing, and publishes the same bytes', () => {
    expect(cold.pictures).toEqual({ encoded: 2, fromCache: 0, cardsDrawn: 3, cardsFromCache: 0 });
    expect(warm.pictures).toEqual({ encoded: 0, fromCache: 2, cardsDrawn: 0, cardsFromCache: 3 });
    const images = listFiles(path.join(out, 'images'));
    expect(listFiles(path.join(warm.outputDir, 'images'))).toEqual(images);
    for (const file of images) {
      expect(fs.readFileSync(path.join(warm.outputDir, 'images', file)).equals(fs.readFileSync(path.join(out, 'images', file))), file).toBe(
        true,
      );
    }
  });
});

describe('the article page', () => {
  let $: cheerio.CheerioAPI;
  beforeAll(() => {
    $ = load(out, articlePage(LANDSCAPE.slug));
  });

  it('shows the lead picture in AVIF, WebP and JPEG at several widths, fetched first, with its size so nothing shifts', () => {
    const picture = $('article > figure.lead-picture > picture');
    expect(picture).toHaveLength(1);
    expect(
      picture
        .find('source')
        .map((_, s) => $(s).attr('type'))
        .get(),
    ).toEqual(['image/avif', 'image/webp']);
    const img = picture.find('img');
    expect(img.attr('fetchpriority')).toBe('high');
    expect(img.attr('loading')).toBeUndefined();
    expect([img.attr('width'), img.attr('height')]).toEqual(['1600', String(Math.round((1600 * LANDSCAPE.height) / LANDSCAPE.width))]);
    expect(img.attr('alt')).toBe(LANDSCAPE.alt);
    expect(img.attr('sizes')).toBe(LEAD_SIZES);
    const candidates = [...picture.find('source'), ...picture.find('img')].flatMap((el) =>
      ($(el).attr('srcset') ?? '').split(', ').map((c) => c.split(' ')[0]!),
    );
    expect(candidates).toHaveLength(12);
    for (const url of [...candidates, img.attr('src')!]) expect(fs.existsSync(fileOf(url)), url).toBe(true);
  });

  it('gives the caption and the credit under the picture', () => {
    expect($('.lead-picture figcaption').text()).toBe(`${LANDSCAPE.caption} Credit: ${LANDSCAPE.credit}`);
    expect($('.lead-picture__credit').text()).toBe(`Credit: ${LANDSCAPE.credit}`);
  });

  it('gives the credit alone when there is no caption', () => {
    expect(load(out, articlePage(PORTRAIT.slug))('.lead-picture figcaption').text()).toBe(`Credit: ${PORTRAIT.credit}`);
  });

  it('shows no picture for an article without one: the seed article has its card for links, and nothing on the page', () => {
    const seed = load(out, articlePage(seedSlug));
    expect(seed('.lead-picture, picture')).toHaveLength(0);
  });
});

describe('listings', () => {
  it.each(['index.html', 'archive/index.html', 'tags/russia/index.html', `digests/${PICTURE_DIGEST}/index.html`])(
    '%s shows a lazy thumbnail beside each pictured article',
    (file) => {
      const $ = load(out, file);
      const teaser = (slug: string) => $(`.teaser:has(h2 a[href="/articles/${slug}/"])`);
      for (const { slug, alt } of [LANDSCAPE, PORTRAIT]) {
        const img = teaser(slug).find('.teaser__picture picture img');
        expect(img, slug).toHaveLength(1);
        expect(img.attr('loading')).toBe('lazy');
        expect(img.attr('fetchpriority')).toBeUndefined();
        expect(img.attr('sizes')).toBe(THUMBNAIL_SIZES);
        expect(Number(img.attr('width'))).toBe(400);
        expect(Number(img.attr('height'))).toBeGreaterThan(0);
        expect(img.attr('alt')).toBe(alt);
        expect(fs.existsSync(fileOf(img.attr('src')!))).toBe(true);
        // The headline is the link keyboards and screen readers reach; the thumbnail repeats it for the mouse.
        expect(teaser(slug).find('.teaser__picture').attr('href')).toBe(`/articles/${slug}/`);
        expect(teaser(slug).find('.teaser__picture').attr('tabindex')).toBe('-1');
      }
      expect(teaser(seedSlug).find('picture')).toHaveLength(0);
    },
  );
});

describe('share tags and JSON-LD', () => {
  const meta = ($: cheerio.CheerioAPI, key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');

  it('an article with a picture: its 1,200 px JPEG, size, type and alt, and the large Twitter card', async () => {
    const $ = load(out, articlePage(LANDSCAPE.slug));
    const url = meta($, 'og:image')!;
    expect(url).toMatch(new RegExp(`^${origin}/images/[0-9a-f]{16}-1200\\.jpg$`));
    const file = await sharp(fileOf(url)).metadata();
    expect([file.format, file.width, file.height]).toEqual(['jpeg', 1200, 800]);
    expect([meta($, 'og:image:type'), meta($, 'og:image:width'), meta($, 'og:image:height')]).toEqual(['image/jpeg', '1200', '800']);
    expect(meta($, 'og:image:alt')).toBe(LANDSCAPE.alt);
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
    expect(meta($, 'twitter:image')).toBe(url);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { image: Record<string, unknown> };
    expect(jsonLd.image).toEqual({ '@type': 'ImageObject', url, width: 1200, height: 800, creditText: LANDSCAPE.credit });
  });

  it('an article without a picture: its 1200×630 social card, the headline as alt, in og:image and JSON-LD', async () => {
    const $ = load(out, articlePage(seedSlug));
    const url = meta($, 'og:image')!;
    expect(url).toMatch(new RegExp(`^${origin}/images/cards/[0-9a-f]{16}\\.png$`));
    const file = await sharp(fileOf(url)).metadata();
    expect([file.format, file.width, file.height]).toEqual(['png', 1200, 630]);
    expect([meta($, 'og:image:width'), meta($, 'og:image:height')]).toEqual(['1200', '630']);
    expect(meta($, 'og:image:alt')).toBe('North Korea to Deploy More Troops to Support Russia in Ukraine War');
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { image: Record<string, unknown> };
    expect(jsonLd.image).toEqual({ '@type': 'ImageObject', url, width: 1200, height: 630 });
  });

  it('a digest: its own card, its subject as alt', () => {
    const $ = load(out, `digests/${PICTURE_DIGEST}/index.html`);
    expect(meta($, 'og:image')).toMatch(new RegExp(`^${origin}/images/cards/[0-9a-f]{16}\\.png$`));
    expect(meta($, 'og:image')).not.toBe(meta(load(out, 'digests/2025-06-27/index.html'), 'og:image'));
    expect(meta($, 'og:image:alt')).toBe('Troops, trains and a watchtower');
    expect(fs.existsSync(fileOf(meta($, 'og:image')!))).toBe(true);
  });

  it('other pages keep the small card, with no image', () => {
    for (const file of ['index.html', 'archive/index.html', 'tags/index.html', 'digests/index.html']) {
      const $ = load(out, file);
      expect(meta($, 'twitter:card'), file).toBe('summary');
      expect(meta($, 'og:image'), file).toBeUndefined();
    }
  });
});

describe('feeds', () => {
  it('Atom: the picture in the entry content and as media:content, with absolute URLs, alt text and credit', () => {
    const $ = load(out, 'feed.xml');
    const entry = $('entry').filter((_, e) => $(e).find('title').text() === LANDSCAPE.title);
    const media = entry.find('media\\:content');
    const url = meta(load(out, articlePage(LANDSCAPE.slug)), 'og:image');
    expect(media.attr('url')).toBe(url);
    expect([media.attr('type'), media.attr('medium'), media.attr('width'), media.attr('height')]).toEqual([
      'image/jpeg',
      'image',
      '1200',
      '800',
    ]);
    expect(media.find('media\\:description').text()).toBe(LANDSCAPE.alt);
    expect(media.find('media\\:credit').text()).toBe(LANDSCAPE.credit);
    const content = load(out, 'feed.xml')
      .root()
      .find('entry')
      .filter((_, e) => $(e).find('title').text() === LANDSCAPE.title)
      .find('content')
      .text();
    expect(content).toContain(`<img src="${url}" width="1200" height="800" alt="${LANDSCAPE.alt}"`);
    expect(content).toContain(`${LANDSCAPE.caption} Credit: ${LANDSCAPE.credit.replace('&', '&amp;')}</figcaption>`);
    const seed = $('entry').filter((_, e) => $(e).find('link').attr('href') === `${origin}/articles/${seedSlug}/`);
    expect(seed.find('media\\:content')).toHaveLength(0);
  });

  it('JSON Feed: the picture as the item image and in its content', () => {
    const feed = JSON.parse(read(out, 'feed.json')) as { items: Array<{ url: string; image?: string; content_html: string }> };
    const item = feed.items.find((i) => i.url === `${origin}/articles/${LANDSCAPE.slug}/`)!;
    expect(item.image).toBe(meta(load(out, articlePage(LANDSCAPE.slug)), 'og:image'));
    expect(item.content_html).toContain(`<img src="${item.image}"`);
    expect(feed.items.find((i) => i.url === `${origin}/articles/${seedSlug}/`)).not.toHaveProperty('image');
  });

  const meta = ($: cheerio.CheerioAPI, key: string) => $(`meta[property="${key}"]`).attr('content');
});

describe('the digest email', () => {
  it("shows each article's lead picture as one JPEG 600 wide (Outlook's at the card's column), with its height, alt text, absolute URL and Gmail's styles", () => {
    const $ = load(out, `digests/${PICTURE_DIGEST}/email.html`);
    // Outlook for Windows, which ignores max-width, gets each picture at the card's column in a conditional comment.
    const outlook = [...read(out, `digests/${PICTURE_DIGEST}/email.html`).matchAll(/<!--\[if mso\]><img [^>]*>/g)].map((m) => m[0]);
    expect(outlook).toHaveLength(2);
    for (const img of outlook) expect(img).toMatch(/ width="?552"? /);
    const images = $('.teaser img');
    expect(images).toHaveLength(2);
    for (const [i, { slug, alt }] of [LANDSCAPE, PORTRAIT].entries()) {
      const img = images.eq(i);
      const share = load(out, articlePage(slug))('meta[property="og:image"]').attr('content');
      expect(img.attr('src'), slug).toBe(share);
      expect(img.attr('width')).toBe('600');
      expect(Number(img.attr('height'))).toBe(Math.round((600 * (slug === LANDSCAPE.slug ? 800 : 1500)) / 1200));
      expect(img.attr('alt')).toBe(alt);
      expect(img.attr('style')).toBe('display:block;max-width:100%;height:auto');
      expect(img.closest('.teaser').find('h2 a').text()).toBe(slug === LANDSCAPE.slug ? LANDSCAPE.title : PORTRAIT.title);
    }
    expect(
      $('.teaser .credit')
        .map((_, c) => $(c).text())
        .get(),
    ).toEqual([`Credit: ${LANDSCAPE.credit}`, `Credit: ${PORTRAIT.credit}`]);
  });

  it('gives the alt text and the credit in the text part', () => {
    const text = read(out, `digests/${PICTURE_DIGEST}/email.txt`).replace(/\n(?!\n)/g, ' ');
    expect(text).toContain(`Picture: ${LANDSCAPE.alt} (credit: ${LANDSCAPE.credit})`);
    expect(text).toContain(`Picture: ${PORTRAIT.alt} (credit: ${PORTRAIT.credit})`);
    expect(text.match(/Picture: /g)).toHaveLength(2);
  });

  it('stays within its size budget, every article shown', () => {
    const html = read(out, `digests/${PICTURE_DIGEST}/email.html`);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(DEFAULT_SIZE_BUDGET_KB * 1024);
    expect(JSON.parse(read(out, `digests/${PICTURE_DIGEST}/digest.json`))).toMatchObject({ emailArticles: 3 });
  });
});

describe('a picture that cannot be encoded', () => {
  it('stops the build, naming the article, the line and the field, and leaves the last site in place', async () => {
    const broken = await picturedContent((dir) => {
      // The headers are whole (the check reads only them), the pixels cut off.
      const file = path.join(dir, LANDSCAPE.file);
      fs.truncateSync(file, Math.round(fs.statSync(file).size / 3));
    });
    const outputDir = path.join(tempDir(), '_site');
    await buildSite({ contentDir: await picturedContent(), outputDir, pictureCacheDir: cacheDir });
    const before = listFiles(outputDir);
    await expect(buildSite({ contentDir: broken, outputDir, pictureCacheDir: tempDir() })).rejects.toThrow(
      new RegExp(
        `^${path.join(broken, 'articles', `${LANDSCAPE.slug}.md`)}: line 8: image\\.src: .*troops-train\\.jpg could not be made into the site's pictures: .+`,
      ),
    );
    expect(listFiles(outputDir)).toEqual(before);
  });
});

describe('the dev server', () => {
  it('publishes the pictures of its preview too', async () => {
    const preview = await serveModeBuild(contentDir);
    const $ = load(preview, articlePage(LANDSCAPE.slug));
    const src = $('.lead-picture img').attr('src')!;
    expect(fs.existsSync(path.join(preview, src))).toBe(true);
    expect(
      fs.existsSync(
        path.join(preview, new URL(load(preview, articlePage(seedSlug))('meta[property="og:image"]').attr('content')!).pathname),
      ),
    ).toBe(true);
  });
});

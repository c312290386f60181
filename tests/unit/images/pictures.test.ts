import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkClientSupport } from '../../../src/email/checks/client-support.ts';
import { encodePicture, pictureKey } from '../../../src/images/encode.ts';
import { PictureBuildMemo } from '../../../src/images/picture-build-memo.ts';
import { absoluteUrl, emailImageHtml, feedImageHtml, pictureHtml } from '../../../src/images/picture-html.ts';
import type { LeadPicture } from '../../../src/images/picture.ts';
import {
  ENCODED_WIDTHS,
  LEAD_SIZES,
  LEAD_WIDTHS,
  PICTURE_FORMATS,
  THUMBNAIL_SIZES,
  THUMBNAIL_WIDTHS,
} from '../../../src/images/recipes.ts';
import type { SocialCard } from '../../../src/images/social-card.ts';
import { imageObject, pictureView, shareImage, shareImageMetaHtml } from '../../../src/images/view.ts';
import { tempDir } from '../../helpers/site.ts';
import { testImage } from './test-images.ts';

let work: string;
let photo: string;
let cacheDir: string;
let first: PictureBuildMemo;
let picture: LeadPicture;

const seedCard: SocialCard = {
  title: 'North Korea to Deploy More Troops to Support Russia in Ukraine War',
  section: 'World',
  figure: { value: '11,000', label: 'North Korean personnel in the initial dispatch', attribution: 'Reported: a South Korean legislator' },
  siteName: 'The Korea Dispatch',
  language: 'en',
};

/** The colour of the pixel at (x, y) given as fractions of the picture's size. */
async function colourAt(file: string, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(y * info.height) * info.width + Math.floor(x * info.width)) * 3;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

beforeAll(async () => {
  work = tempDir();
  cacheDir = path.join(work, 'cache');
  photo = path.join(work, 'photo.jpg');
  fs.writeFileSync(photo, await testImage(2000, 1333));
  first = new PictureBuildMemo({ outputDir: path.join(work, 'site-1'), cacheDir });
  picture = await first.leadPicture(photo);
});

describe('lead pictures: encoded once, in every width and format', () => {
  it('writes AVIF, WebP and JPEG at every width into the site, each the format and size its URL says', async () => {
    expect(first.counts).toMatchObject({ encoded: 1, fromCache: 0 });
    const urls = [...picture.lead.sources, ...picture.thumbnail.sources].flatMap((s) => s.candidates);
    expect(new Set(urls.map((u) => u.url)).size).toBe(PICTURE_FORMATS.length * ENCODED_WIDTHS.length);
    expect(fs.readdirSync(first.outputFile('/images/'))).toHaveLength(PICTURE_FORMATS.length * ENCODED_WIDTHS.length);
    for (const image of urls) {
      const file = first.outputFile(image.url);
      const meta = await sharp(file).metadata();
      expect({
        type: `image/${meta.format === 'heif' ? 'avif' : meta.format}`,
        width: meta.width,
        height: meta.height,
        bytes: fs.statSync(file).size,
      }).toEqual({
        type: image.type,
        width: image.width,
        height: image.height,
        bytes: image.bytes,
      });
    }
  });

  it('keeps the aspect ratio and never enlarges: the widths asked for, heights to scale', () => {
    const jpeg = picture.lead.sources.find((s) => s.type === 'image/jpeg')!;
    expect(jpeg.candidates.map((c) => c.width)).toEqual([...LEAD_WIDTHS]);
    for (const c of jpeg.candidates) expect(Math.abs(c.height - (c.width * 1333) / 2000)).toBeLessThan(1);
    expect(picture.thumbnail.sources.map((s) => s.candidates.map((c) => c.width))).toEqual(
      PICTURE_FORMATS.map(() => [...THUMBNAIL_WIDTHS]),
    );
    expect(picture.share).toMatchObject({ type: 'image/jpeg', width: 1200, height: 800 });
    expect(picture.lead.fallback).toEqual(picture.share);
  });

  it('does not encode an unchanged picture again: a later build copies it from the cache', async () => {
    const entry = path.join(cacheDir, 'pictures', pictureKey(fs.readFileSync(photo)));
    const before = fs.readdirSync(entry).map((f) => [f, fs.statSync(path.join(entry, f)).mtimeMs]);
    const second = new PictureBuildMemo({ outputDir: path.join(work, 'site-2'), cacheDir });
    const again = await second.leadPicture(photo);
    expect(second.counts).toMatchObject({ encoded: 0, fromCache: 1 });
    expect(again).toEqual(picture);
    expect(fs.readdirSync(entry).map((f) => [f, fs.statSync(path.join(entry, f)).mtimeMs])).toEqual(before);
    for (const c of again.lead.sources.flatMap((s) => s.candidates)) {
      expect(fs.readFileSync(second.outputFile(c.url)).equals(fs.readFileSync(first.outputFile(c.url)))).toBe(true);
    }
  });

  it('encodes a picture used by several articles once per build', async () => {
    const memo = new PictureBuildMemo({ outputDir: path.join(work, 'site-3'), cacheDir: path.join(work, 'cache-3') });
    const [a, b] = await Promise.all([memo.leadPicture(photo), memo.leadPicture(photo)]);
    expect(a).toBe(b);
    expect(memo.counts).toMatchObject({ encoded: 1, fromCache: 0 });
  });

  it('encodes a changed picture under new names, and re-encodes a cache entry missing a file', async () => {
    const changed = path.join(work, 'changed.jpg');
    fs.writeFileSync(changed, await testImage(2000, 1333, { variant: 1 }));
    const memo = new PictureBuildMemo({ outputDir: path.join(work, 'site-4'), cacheDir });
    const other = await memo.leadPicture(changed);
    expect(other.share.url).not.toBe(picture.share.url);
    expect(memo.counts.encoded).toBe(1);

    const entry = path.join(cacheDir, 'pictures', pictureKey(fs.readFileSync(changed)));
    fs.rmSync(path.join(entry, path.basename(other.share.url)));
    const repaired = await encodePicture(changed, cacheDir);
    expect(repaired.encoded).toBe(true);
    expect(fs.existsSync(path.join(entry, path.basename(other.share.url)))).toBe(true);
  });

  it('turns a picture the way its camera says, and lays a transparent one on the page background', async () => {
    const turned = path.join(work, 'turned.jpg');
    // Stored 2000 wide and 1700 high, red on the left; orientation 6 means "turn a quarter clockwise to view".
    fs.writeFileSync(turned, await testImage(2000, 1700, { orientation: 6 }));
    const transparent = path.join(work, 'transparent.png');
    fs.writeFileSync(transparent, await testImage(1800, 1000, { format: 'png', transparent: true }));
    const memo = new PictureBuildMemo({ outputDir: path.join(work, 'site-5'), cacheDir });

    const upright = await memo.leadPicture(turned);
    expect(upright.share).toMatchObject({ width: 1200, height: Math.round((1200 * 2000) / 1700) });
    const share = memo.outputFile(upright.share.url);
    // Turned clockwise, the left (red) half is now the top.
    expect((await colourAt(share, 0.5, 0.1))[0]).toBeGreaterThan(150);
    expect((await colourAt(share, 0.5, 0.9))[2]).toBeGreaterThan(150);
    // Turned in the pixels, so no orientation (nor the rest of the camera's EXIF) is left to turn it twice.
    expect(await sharp(share).metadata()).not.toHaveProperty('exif');
    expect((await sharp(share).metadata()).orientation).toBeUndefined();

    // Orientation 3 ("upside down") keeps the size but swaps the halves.
    const upsideDown = path.join(work, 'upside-down.jpg');
    fs.writeFileSync(upsideDown, await testImage(2000, 1700, { orientation: 3 }));
    const righted = memo.outputFile((await memo.leadPicture(upsideDown)).share.url);
    expect((await colourAt(righted, 0.9, 0.5))[0]).toBeGreaterThan(150);
    expect((await colourAt(righted, 0.1, 0.5))[2]).toBeGreaterThan(150);

    const flattened = await memo.leadPicture(transparent);
    // The right half was empty: in the JPEG it is the page's background (#fdfcf9), not black.
    expect(Math.min(...(await colourAt(memo.outputFile(flattened.share.url), 0.9, 0.5)))).toBeGreaterThan(240);
  });

  it('refuses a source narrower than the widest width instead of publishing fewer sizes', async () => {
    const narrow = path.join(work, 'narrow.jpg');
    fs.writeFileSync(narrow, await testImage(1300, 900));
    await expect(encodePicture(narrow, path.join(work, 'cache-narrow'))).rejects.toThrow(
      /narrow\.jpg is too narrow to publish at 1600 px; no picture is enlarged/,
    );
    // Nothing half-made is left for a later build to take as done.
    expect(fs.readdirSync(path.join(work, 'cache-narrow', 'pictures'))).toEqual([]);
  });
});

describe('social cards in a build', () => {
  it('draws each card once and publishes it as a 1200×630 PNG; a later build takes it from the cache', async () => {
    const memo = new PictureBuildMemo({ outputDir: path.join(work, 'cards-1'), cacheDir });
    const [card, same] = await Promise.all([memo.socialCard(seedCard), memo.socialCard(seedCard)]);
    expect(card).toBe(same);
    expect(card).toMatchObject({ type: 'image/png', width: 1200, height: 630 });
    expect(card.url).toMatch(/^\/images\/cards\/[0-9a-f]{16}\.png$/);
    expect(await sharp(memo.outputFile(card.url)).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(memo.counts).toMatchObject({ cardsDrawn: 1, cardsFromCache: 0 });

    const later = new PictureBuildMemo({ outputDir: path.join(work, 'cards-2'), cacheDir });
    expect(await later.socialCard(seedCard)).toEqual(card);
    expect(later.counts).toMatchObject({ cardsDrawn: 0, cardsFromCache: 1 });
    expect(fs.readFileSync(later.outputFile(card.url)).equals(fs.readFileSync(memo.outputFile(card.url)))).toBe(true);
  });

  it('gives a changed card a new URL, so no share preview keeps the old one', async () => {
    const memo = new PictureBuildMemo({ outputDir: path.join(work, 'cards-3'), cacheDir });
    const before = await memo.socialCard(seedCard);
    const after = await memo.socialCard({ ...seedCard, title: `${seedCard.title}, Intelligence Says` });
    expect(after.url).not.toBe(before.url);
  });
});

describe('picture HTML', () => {
  it('lead: a <picture> with AVIF, WebP and JPEG srcsets, sizes, width and height, fetched first', () => {
    const $ = cheerio.load(
      pictureHtml(picture.lead, { alt: 'Soldiers & "trains" <at dawn>', priority: 'high', className: 'lead-picture' }),
    );
    expect(
      $('picture > source')
        .map((_, s) => $(s).attr('type'))
        .get(),
    ).toEqual(['image/avif', 'image/webp']);
    for (const source of $('picture > source').toArray()) {
      expect($(source).attr('sizes')).toBe(LEAD_SIZES);
      expect(
        $(source)
          .attr('srcset')
          ?.split(', ')
          .map((c) => c.split(' ')[1]),
      ).toEqual(LEAD_WIDTHS.map((w) => `${w}w`));
    }
    const img = $('picture > img');
    expect(img.attr('src')).toBe(picture.share.url);
    expect(img.attr('srcset')).toMatch(/\.jpg 400w, .*\.jpg 1600w$/);
    expect(img.attr('sizes')).toBe(LEAD_SIZES);
    expect([img.attr('width'), img.attr('height')]).toEqual(['1600', String(picture.lead.height)]);
    expect(img.attr('alt')).toBe('Soldiers & "trains" <at dawn>');
    expect(img.attr('fetchpriority')).toBe('high');
    expect(img.attr('loading')).toBeUndefined();
    expect(img.attr('class')).toBe('lead-picture');
  });

  it('thumbnail: lazy, with the listing sizes', () => {
    const html = pictureHtml(picture.thumbnail, { alt: 'x', priority: 'lazy' });
    const $ = cheerio.load(html);
    expect($('img').attr('loading')).toBe('lazy');
    expect($('img').attr('fetchpriority')).toBeUndefined();
    expect($('img').attr('sizes')).toBe(THUMBNAIL_SIZES);
    expect($('img').attr('width')).toBe('400');
  });

  it('escapes the alt text so it cannot end the attribute', () => {
    const html = pictureHtml(picture.thumbnail, { alt: '" onerror="alert(1)', priority: 'lazy' });
    expect(html).not.toContain('" onerror="');
    expect(cheerio.load(html)('img').attr('onerror')).toBeUndefined();
  });

  it("email: the 1,200 px JPEG at width 600 with its height, an absolute URL and the styles Gmail keeps; Outlook's at the card's column (552)", () => {
    const html = emailImageHtml(picture.share, { alt: 'Soldiers & trains', siteUrl: 'https://dispatch.example.org/' });
    const $ = cheerio.load(html);
    // Every client but Outlook for Windows sees one <img>; Outlook sees only the one in its conditional comment.
    const img = $('img');
    expect(img).toHaveLength(1);
    expect(img.attr('src')).toBe(`https://dispatch.example.org${picture.share.url}`);
    expect([img.attr('width'), img.attr('height')]).toEqual(['600', '400']);
    const outlook = /^<!--\[if mso\]>(<img [^>]*>)<!\[endif\]-->/.exec(html)?.[1] ?? '';
    expect([cheerio.load(outlook)('img').attr('width'), cheerio.load(outlook)('img').attr('height')]).toEqual(['552', '368']);
    expect(cheerio.load(outlook)('img').attr('src')).toBe(img.attr('src'));
    expect(img.attr('alt')).toBe('Soldiers & trains');
    expect(img.attr('style')).toBe('display:block;max-width:100%;height:auto');
    // Nothing in it that the target mail clients lack beyond what the email policy accepts.
    const email = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><table role="presentation" width="600"><tr><td>${$.html('img')}</td></tr></table></body></html>`;
    expect(checkClientSupport(email)).toEqual({ errors: [], warnings: [] });
  });

  it('feeds: an <img> with an absolute URL and its size', () => {
    const $ = cheerio.load(feedImageHtml(picture.share, { alt: 'x', siteUrl: 'https://dispatch.example.org' }));
    expect($('img').attr('src')).toBe(`https://dispatch.example.org${picture.share.url}`);
    expect([$('img').attr('width'), $('img').attr('height')]).toEqual(['1200', '800']);
  });

  it('absoluteUrl joins like the templates join canonical URLs, with or without slashes', () => {
    expect(absoluteUrl('https://x.org', '/images/a.jpg')).toBe('https://x.org/images/a.jpg');
    expect(absoluteUrl('https://x.org/', '/images/a.jpg')).toBe('https://x.org/images/a.jpg');
    expect(absoluteUrl('https://x.org/news/', 'images/a.jpg')).toBe('https://x.org/news/images/a.jpg');
  });
});

describe('pictureView: one object for the templates', () => {
  const image = { alt: 'Soldiers board a train', credit: 'Kim Hong-ji/Reuters', caption: 'Departure, October 2024.' };

  it('holds the page, listing, share, feed and email forms of the picture, with the texts from the front matter', () => {
    const view = pictureView(picture, image, 'https://dispatch.example.org');
    expect(view).toMatchObject(image);
    expect(cheerio.load(view.leadHtml)('img').attr('fetchpriority')).toBe('high');
    expect(cheerio.load(view.thumbnailHtml)('img').attr('loading')).toBe('lazy');
    expect(view.share).toEqual({
      url: `https://dispatch.example.org${picture.share.url}`,
      type: 'image/jpeg',
      width: 1200,
      height: 800,
      alt: image.alt,
      credit: image.credit,
    });
    expect(imageObject(view.share)).toEqual({
      '@type': 'ImageObject',
      url: view.share.url,
      width: 1200,
      height: 800,
      creditText: image.credit,
    });
    expect(cheerio.load(view.emailHtml)('img').attr('width')).toBe('600');
    expect(cheerio.load(view.feedHtml)('img').attr('src')).toBe(view.share.url);
    expect(pictureView(picture, { alt: 'a', credit: 'b' }, 'https://x.org')).not.toHaveProperty('caption');
  });

  it('gives OpenGraph and Twitter tags for a large image, escaped, and a schema.org ImageObject', () => {
    const card = shareImage(
      { url: '/images/cards/abc.png', type: 'image/png', width: 1200, height: 630, bytes: 1 },
      'Troops "to" Russia & more',
      'https://x.org/',
    );
    const $ = cheerio.load(shareImageMetaHtml(card));
    const content = (selector: string) => $(selector).attr('content');
    expect(content('meta[property="og:image"]')).toBe('https://x.org/images/cards/abc.png');
    expect(content('meta[property="og:image:type"]')).toBe('image/png');
    expect([content('meta[property="og:image:width"]'), content('meta[property="og:image:height"]')]).toEqual(['1200', '630']);
    expect(content('meta[property="og:image:alt"]')).toBe('Troops "to" Russia & more');
    expect(content('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(content('meta[name="twitter:image"]')).toBe('https://x.org/images/cards/abc.png');
    expect(shareImageMetaHtml(card)).not.toContain('"to"');
    expect(imageObject(card)).toEqual({ '@type': 'ImageObject', url: 'https://x.org/images/cards/abc.png', width: 1200, height: 630 });
  });
});

// Pictures in a real browser (Debian's Chromium): an article with a lead picture, home with thumbnails, the
// seed article's social card and the digest email with pictures, screenshotted at 375 and 1280 px into
// test-results/screenshots/ for a person to look at; the pictures shown at the widths `sizes` promises,
// nothing moving as they load, no overflow, no axe violations.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { LANDSCAPE, PICTURE_DIGEST, PORTRAIT, picturedContent } from '../helpers/pictures.ts';
import { buildInto, load, read, seedSlug } from '../helpers/site.ts';
import { launchChromium } from './chromium.ts';
import { describeViolations, measureOverflow, runAxe, withPage, type ColorScheme } from './page-checks.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const widths = [375, 1280];
const REM = 16;

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = await buildInto(await picturedContent());
  server = await serveStatic(out);
  browser = await launchChromium();
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every picture's box and what it loaded, and the top of what follows the lead picture. */
function measurePictures(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element | null) => {
      const rect = element?.getBoundingClientRect();
      return rect ? { width: rect.width, height: rect.height, top: rect.top + window.scrollY } : null;
    };
    return {
      lead: box(document.querySelector('.lead-picture img')),
      after: box(document.querySelector('.article__layout')),
      thumbnails: [...document.querySelectorAll<HTMLImageElement>('.teaser__picture img')].map((img) => ({
        box: box(img)!,
        teaser: box(img.closest('.teaser'))!,
        loaded: img.currentSrc,
        naturalWidth: img.naturalWidth,
        alt: img.getAttribute('alt'),
        headline: img.closest('.teaser')?.querySelector('h2')?.textContent ?? null,
      })),
      leadLoaded: document.querySelector<HTMLImageElement>('.lead-picture img')?.currentSrc ?? null,
      leadNaturalWidth: document.querySelector<HTMLImageElement>('.lead-picture img')?.naturalWidth ?? null,
      leadAlt: document.querySelector('.lead-picture img')?.getAttribute('alt') ?? null,
    };
  });
}

/**
 * Opens a page with its pictures held back, measures it once the stylesheet applies, lets the pictures load
 * and measures it again: what a reader sees before and after the pictures arrive.
 */
async function visit(pathname: string, width: number, colorScheme: ColorScheme, screenshot?: string) {
  return withPage(browser, { width, colorScheme }, async (page) => {
    const held: Array<() => Promise<void>> = [];
    let holding = true;
    await page.route('**/images/**', (route) => (holding ? void held.push(() => route.continue()) : route.continue()));
    await page.goto(server.origin + pathname, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 0));
    const before = await measurePictures(page);
    holding = false;
    await Promise.all(held.map((release) => release()));
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    if (screenshot) await page.screenshot({ path: path.join(screenshots, `${screenshot}.png`), fullPage: true });
    return { before, pictures: await measurePictures(page), overflow: await measureOverflow(page), axe: await runAxe(page) };
  });
}

describe.each(widths)('at %i px', (width) => {
  it('the article page shows its lead picture across the article, at the width `sizes` promises, and passes axe', async () => {
    const { result, consoleErrors, offHostRequests } = await visit(
      `/articles/${LANDSCAPE.slug}/`,
      width,
      'light',
      `pictures-article-${width}-light`,
    );
    const { lead, leadLoaded, leadNaturalWidth, leadAlt } = result.pictures;
    expect(leadNaturalWidth).toBeGreaterThan(0);
    expect(leadAlt).toBe(LANDSCAPE.alt);
    // LEAD_SIZES: 64rem from a 66.5rem window, the window less main's padding below it.
    const promised = width >= 66.5 * REM ? 64 * REM : width - 2.5 * REM;
    expect(lead!.width).toBeCloseTo(promised, 0);
    expect(lead!.height).toBeCloseTo((promised * LANDSCAPE.height) / LANDSCAPE.width, 0);
    // Chromium takes the AVIF, at a width that covers the box at the device's pixel ratio.
    expect(leadLoaded).toMatch(/\/images\/[0-9a-f]{16}-\d+\.avif$/);
    expect(Number(/-(\d+)\.avif$/.exec(leadLoaded!)![1])).toBeGreaterThanOrEqual(promised);
    expect(result.overflow.scrollWidth).toBeLessThanOrEqual(result.overflow.innerWidth);
    expect(describeViolations(result.axe.violations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(offHostRequests).toEqual([]);
  });

  it('nothing moves as the lead picture loads: its box is the same size before, and the text below starts at the same place', async () => {
    const { result } = await visit(`/articles/${LANDSCAPE.slug}/`, width, 'light');
    const { before, pictures: after } = result;
    expect(before.leadNaturalWidth).toBe(0);
    expect(after.leadNaturalWidth).toBeGreaterThan(0);
    // Within a pixel: the width and height attributes are the 1,600 px file's, and a narrower file loaded in
    // its place rounds its height on its own.
    expect(before.lead!.width).toBe(after.lead!.width);
    expect(before.lead!.height).toBeCloseTo(after.lead!.height, 0);
    expect(before.after!.top).toBeCloseTo(after.after!.top, 0);
  });

  it('a tall picture is held to the window, shown whole', async () => {
    const { result } = await visit(`/articles/${PORTRAIT.slug}/`, width, 'dark', `pictures-article-portrait-${width}-dark`);
    expect(result.pictures.lead!.height).toBeLessThanOrEqual(0.85 * 900 + 1);
    expect(result.overflow.scrollWidth).toBeLessThanOrEqual(result.overflow.innerWidth);
  });

  it('home shows thumbnails at the width `sizes` promises, cut to 3:2 beside the text, the same before they load', async () => {
    const { result } = await visit('/', width, 'light', `pictures-home-${width}-light`);
    const { thumbnails } = result.pictures;
    expect(thumbnails).toHaveLength(2);
    // THUMBNAIL_SIZES: 12rem from a 40rem window, 33vw below.
    const promised = width >= 40 * REM ? 12 * REM : width * 0.33;
    // Newest first: each thumbnail beside its own headline, with its picture's alt text.
    expect(thumbnails.map((t) => [t.headline, t.alt])).toEqual([
      [LANDSCAPE.title, LANDSCAPE.alt],
      [PORTRAIT.title, PORTRAIT.alt],
    ]);
    for (const [i, thumbnail] of thumbnails.entries()) {
      expect(thumbnail.naturalWidth).toBeGreaterThan(0);
      expect(thumbnail.box.width).toBeCloseTo(promised, 0);
      expect(thumbnail.box.height).toBeCloseTo((promised * 2) / 3, 0);
      expect(thumbnail.box.height).toBeLessThan(thumbnail.teaser.height);
      expect(thumbnail.loaded).toMatch(/\.avif$/);
      expect(result.before.thumbnails[i]!.box).toEqual(thumbnail.box);
      expect(result.before.thumbnails[i]!.teaser).toEqual(thumbnail.teaser);
    }
    expect(result.overflow.scrollWidth).toBeLessThanOrEqual(result.overflow.innerWidth);
    expect(describeViolations(result.axe.violations)).toEqual([]);
  });

  it('the seed article’s social card opens as a 1200×630 PNG', async () => {
    const card = new URL(load(out, `articles/${seedSlug}/index.html`)('meta[property="og:image"]').attr('content')!).pathname;
    const { result } = await withPage(browser, { width, colorScheme: 'light' }, async (page) => {
      await page.goto(server.origin + card, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(screenshots, `pictures-card-${width}.png`) });
      return page.evaluate(() => {
        const img = document.querySelector('img')!;
        return { natural: [img.naturalWidth, img.naturalHeight], shown: img.getBoundingClientRect().width };
      });
    });
    expect(result.natural).toEqual([1200, 630]);
    expect(result.shown).toBeLessThanOrEqual(Math.min(width, 1200));
  });
});

/** The built email as a mail client shows it, its pictures fetched from the test server instead of the site's address. */
function emailHtml(options: { headStyles: boolean }): string {
  const $ = cheerio.load(
    read(out, `digests/${PICTURE_DIGEST}/email.html`).replaceAll('https://dispatch.example.org/images/', `${server.origin}/images/`),
  );
  if (!options.headStyles) $('style').remove();
  return $.html();
}

function openEmail(html: string, width: number, colorScheme: ColorScheme, screenshot: string) {
  return withPage(browser, { width, colorScheme }, async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(screenshots, `${screenshot}.png`), fullPage: true });
    return {
      scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth),
      images: await page.$$eval('.teaser img', (images) =>
        images.map((img) => {
          const column = img.parentElement!.getBoundingClientRect();
          return {
            shown: img.getBoundingClientRect().width,
            height: img.getBoundingClientRect().height,
            attribute: Number(img.getAttribute('width')),
            heightAttribute: Number(img.getAttribute('height')),
            column: column.width,
            natural: (img as HTMLImageElement).naturalWidth,
            alt: img.getAttribute('alt'),
          };
        }),
      ),
      axe: await runAxe(page),
    };
  });
}

describe('the digest email with pictures', () => {
  it.each([
    { width: 375, colorScheme: 'light' as const },
    { width: 1280, colorScheme: 'light' as const },
    { width: 375, colorScheme: 'dark' as const },
  ])(
    'at $width px, $colorScheme: each picture loaded, as wide as the column and no wider, and axe passes',
    async ({ width, colorScheme }) => {
      const { result, consoleErrors } = await openEmail(
        emailHtml({ headStyles: true }),
        width,
        colorScheme,
        `pictures-email-${width}-${colorScheme}`,
      );
      expect(result.images.map((image) => image.alt)).toEqual([LANDSCAPE.alt, PORTRAIT.alt]);
      for (const image of result.images) {
        expect(image.natural).toBe(1200);
        expect(image.shown).toBeLessThanOrEqual(image.column + 0.5);
        // Wide windows show it across the whole column: its width attribute (600, the email's width) narrowed
        // by max-width to the card's text column.
        if (width >= 600) expect(Math.abs(image.shown - image.column)).toBeLessThanOrEqual(0.5);
        expect(image.attribute).toBe(600);
      }
      expect(result.scrollWidth).toBeLessThanOrEqual(width);
      expect(describeViolations(result.axe.violations)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
  );

  it('without its head styles, as Gmail may show it, still fits a phone, its pictures scaled by their inline styles', async () => {
    const { result } = await openEmail(emailHtml({ headStyles: false }), 375, 'light', 'pictures-email-unstyled-375-light');
    expect(result.scrollWidth).toBeLessThanOrEqual(375);
    for (const image of result.images) {
      expect(image.natural).toBe(1200);
      expect(image.shown).toBeLessThanOrEqual(image.column + 0.5);
      // height:auto keeps the picture's shape once max-width narrows it (without it, the height attribute would stretch it).
      expect(image.height / image.shown).toBeCloseTo(image.heightAttribute / image.attribute, 2);
    }
  });
});

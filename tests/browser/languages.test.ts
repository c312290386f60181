// The seed built in German and Korean, in a real browser: screenshots of the article, home, digest and email at
// 1280 and 375 px (test-results/screenshots/<language>-<page>-<width>.png) for a person to check that every word
// is in the reader's language, and the same checks as in English: axe, nothing overflowing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { buildInto, contentInLanguage, copyContent, seedSlug } from '../helpers/site.ts';
import { launchChromium } from './chromium.ts';
import { describeViolations, measureOverflow, runAxe, withPage, type AxeResults, type Overflow } from './page-checks.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const pages = [
  { name: 'article', path: `/articles/${seedSlug}/` },
  { name: 'home', path: '/' },
  { name: 'digest', path: '/digests/2025-06-27/' },
  { name: 'email', path: '/digests/2025-06-27/email.html' },
];
const widths = [1280, 375];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['de', 'ko'])('the seed built in "%s"', (language) => {
  let server: StaticServer;
  const visits = new Map<string, { status: number | undefined; lang: string | null; axe: AxeResults; overflow: Overflow }>();

  beforeAll(async () => {
    server = await serveStatic(await buildInto(contentInLanguage(language)));
    for (const { name, path: pathname } of pages) {
      for (const width of widths) {
        const screenshot = path.join(screenshots, `${language}-${name}-${width}.png`);
        fs.rmSync(screenshot, { force: true });
        const { result } = await withPage(browser, { width, colorScheme: 'light' }, async (page) => {
          const response = await page.goto(server.origin + pathname, { waitUntil: 'load' });
          await page.screenshot({ path: screenshot, fullPage: true });
          return {
            status: response?.status(),
            lang: await page.locator('html').getAttribute('lang'),
            axe: await runAxe(page),
            overflow: await measureOverflow(page),
          };
        });
        visits.set(`${name} ${width}`, result);
      }
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  const cases = pages.flatMap((page) => widths.map((width) => ({ ...page, width })));

  it.each(cases)('$name at $width px: loads in its language, is screenshotted, passes axe, overflows nothing', ({ name, width }) => {
    const visit = visits.get(`${name} ${width}`)!;
    expect(visit.status).toBe(200);
    expect(visit.lang).toBe(language);
    expect(fs.statSync(path.join(screenshots, `${language}-${name}-${width}.png`)).size).toBeGreaterThan(0);
    expect(describeViolations(visit.axe.violations)).toEqual([]);
    expect(visit.overflow.scrollWidth, `widest: ${visit.overflow.widest}`).toBeLessThanOrEqual(visit.overflow.innerWidth);
  });
});

describe('the machine the screenshots are taken on', () => {
  it('has a font with Hangul, so Korean shows as text and not as boxes (Debian: fonts-noto-cjk; .ci/run installs it)', () => {
    expect(execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim()).not.toBe('');
  });
});

describe('a site whose language is written right to left', () => {
  let server: StaticServer;
  beforeAll(async () => {
    // Hebrew as the page's language (its dir), with English words: no right-to-left catalogue ships yet.
    const content = copyContent((dir) => {
      const file = path.join(dir, '_data', 'site.json');
      fs.writeFileSync(file, JSON.stringify({ ...(JSON.parse(fs.readFileSync(file, 'utf8')) as object), language: 'he' }, null, 2));
    });
    server = await serveStatic(await buildInto(content));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('mirrors the article page: dir="rtl", the timeline’s rule and the figures’ numbers on the other side', async () => {
    const { result } = await withPage(browser, { width: 1280, colorScheme: 'light' }, async (page) => {
      await page.goto(`${server.origin}/articles/${seedSlug}/`, { waitUntil: 'load' });
      await page.screenshot({ path: path.join(screenshots, 'rtl-article-1280.png'), fullPage: true });
      return page.evaluate(() => {
        const timeline = getComputedStyle(document.querySelector('.timeline ol')!);
        const cell = getComputedStyle(document.querySelector('td.num')!);
        return {
          dir: document.documentElement.dir,
          ruleRight: timeline.borderRightWidth,
          ruleLeft: timeline.borderLeftWidth,
          numbers: cell.textAlign,
        };
      });
    });
    expect(result).toEqual({ dir: 'rtl', ruleRight: '2px', ruleLeft: '0px', numbers: 'end' });
  });
});

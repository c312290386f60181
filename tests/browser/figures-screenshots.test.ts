// The economy fixture (money, percentages, changes, shares) in English and German, and the seed in German, in a real
// browser: the article page, its chart and the digest email at 375 and 1280 px, screenshotted for a person to look
// at (test-results/screenshots/figures-*.png), and checked to load, fit the width and show the box's strings.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { economyContent, economyDigest, economySlug, setLocale } from '../helpers/economy.ts';
import { buildInto, copyContent, seedSlug } from '../helpers/site.ts';
import { launchChromium } from './chromium.ts';
import { measureOverflow, withPage } from './page-checks.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const widths = [375, 1280];

const sites = [
  { name: 'economy-en', content: () => economyContent(), article: economySlug, digest: economyDigest, figure: '$14.2\u00a0billion' },
  {
    name: 'economy-de',
    content: () => economyContent('de-DE'),
    article: economySlug,
    digest: economyDigest,
    figure: '14,2\u00a0Milliarden\u00a0US-Dollar',
  },
  {
    name: 'seed-de',
    content: () => copyContent((dir) => setLocale(dir, 'de-DE')),
    article: seedSlug,
    digest: '2025-06-27',
    figure: '11.000',
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(screenshots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(sites)('$name', (site) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(await buildInto(site.content()));
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(widths)('the article page and its chart at %i px: screenshotted, fitting the width, the figures whole', async (width) => {
    const page = path.join(screenshots, `figures-${site.name}-article-${width}.png`);
    const chart = path.join(screenshots, `figures-${site.name}-chart-${width}.png`);
    const { result, consoleErrors, offHostRequests } = await withPage(browser, { width, colorScheme: 'light' }, async (tab) => {
      const response = await tab.goto(`${server.origin}/articles/${site.article}/`, { waitUntil: 'load' });
      await tab.screenshot({ path: page, fullPage: true });
      await tab.locator('.chart').screenshot({ path: chart });
      return {
        status: response?.status(),
        overflow: await measureOverflow(tab),
        box: await tab.locator('.key-figure__value').allTextContents(),
        bars: await tab.locator('.chart .bar-chart__value').allTextContents(),
      };
    });
    expect([result.status, consoleErrors, offHostRequests]).toEqual([200, [], []]);
    expect(result.overflow.scrollWidth, `widest: ${result.overflow.widest}`).toBeLessThanOrEqual(result.overflow.innerWidth);
    expect(result.box).toContain(site.figure);
    for (const bar of result.bars) expect(result.box).toContain(bar);
    expect(fs.statSync(page).size).toBeGreaterThan(0);
    expect(fs.statSync(chart).size).toBeGreaterThan(0);
  });

  it.each(widths)('the digest email at %i px: screenshotted, fitting the width', async (width) => {
    const email = path.join(screenshots, `figures-${site.name}-email-${width}.png`);
    const { result } = await withPage(browser, { width, colorScheme: 'light' }, async (tab) => {
      const response = await tab.goto(`${server.origin}/digests/${site.digest}/email.html`, { waitUntil: 'load' });
      await tab.screenshot({ path: email, fullPage: true });
      return { status: response?.status(), overflow: await measureOverflow(tab), text: await tab.locator('body').innerText() };
    });
    expect(result.status).toBe(200);
    expect(result.overflow.scrollWidth, `widest: ${result.overflow.widest}`).toBeLessThanOrEqual(result.overflow.innerWidth);
    expect(result.text).toContain(site.figure);
    expect(fs.statSync(email).size).toBeGreaterThan(0);
  });
});

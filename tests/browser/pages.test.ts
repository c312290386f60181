// The built site in a real browser (Debian's Chromium): screenshots, axe, overflow, console, network.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { publicationOf } from '../helpers/model.ts';
import { LEAD_FIGURES } from '../../src/digest/view.ts';
import { buildInto, read, realContentDir, seedSlug } from '../helpers/site.ts';
import { launchChromium } from './chromium.ts';
import {
  describeViolations,
  findMisalignedTableRows,
  measureOverflow,
  runAxe,
  withPage,
  type AxeResults,
  type ColorScheme,
  type Overflow,
  type PageRecord,
} from './page-checks.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const seedDigest = '2025-06-27';
const screenshots = path.join(projectRoot, 'test-results', 'screenshots');

const pages = [
  { name: 'home', path: '/' },
  { name: 'article', path: `/articles/${seedSlug}/` },
  { name: 'digest', path: `/digests/${seedDigest}/` },
  { name: 'email', path: `/digests/${seedDigest}/email.html` },
];
const widths = [1280, 375];
const schemes: ColorScheme[] = ['light', 'dark'];
const layouts = widths.flatMap((width) => schemes.map((colorScheme) => ({ width, colorScheme })));

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = await buildInto(realContentDir);
  server = await serveStatic(out);
  browser = await launchChromium();
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface LayoutVisit extends PageRecord {
  status: number | undefined;
  screenshot: string;
  axe: AxeResults;
  overflow: Overflow;
  misalignedCells: string[];
}

const layoutKey = ({ width, colorScheme }: { width: number; colorScheme: ColorScheme }) => `${width}-${colorScheme}`;

describe.each(pages)('the $name page ($path)', ({ name, path: pathname }) => {
  // One visit a layout, the four at once in their own contexts; each test below asserts one thing about them.
  const visits = new Map<string, LayoutVisit>();
  beforeAll(async () => {
    await Promise.all(
      layouts.map(async (layout) => {
        const screenshot = path.join(screenshots, `${name}-${layoutKey(layout)}.png`);
        fs.rmSync(screenshot, { force: true });
        const { result, ...record } = await withPage(browser, layout, async (page) => {
          const response = await page.goto(server.origin + pathname, { waitUntil: 'load' });
          await page.screenshot({ path: screenshot, fullPage: true });
          return {
            status: response?.status(),
            screenshot,
            axe: await runAxe(page),
            overflow: await measureOverflow(page),
            misalignedCells: await findMisalignedTableRows(page),
          };
        });
        visits.set(layoutKey(layout), { ...result, ...record });
      }),
    );
  });
  const visitAt = (layout: { width: number; colorScheme: ColorScheme }): LayoutVisit => {
    const visit = visits.get(layoutKey(layout));
    if (!visit) throw new Error(`${pathname} was not visited at ${layoutKey(layout)}`);
    return visit;
  };

  it.each(layouts)(
    'at $width px, $colorScheme: loads, is screenshotted, logs no console errors, fetches nothing off 127.0.0.1',
    (layout) => {
      const visit = visitAt(layout);
      expect(visit.status).toBe(200);
      expect(fs.statSync(visit.screenshot).size).toBeGreaterThan(0);
      expect(visit.consoleErrors).toEqual([]);
      expect(visit.offHostRequests).toEqual([]);
    },
  );

  it.each(layouts)('has no WCAG 2.1 AA violations at $width px, $colorScheme', (layout) => {
    const { axe } = visitAt(layout);
    expect(describeViolations(axe.violations)).toEqual([]);
    expect(axe.passes.map((rule) => rule.id)).toContain('color-contrast');
  });

  it.each(layouts)('holds its layout at $width px, $colorScheme: nothing overflows horizontally, table rows stay rows', (layout) => {
    const { overflow, misalignedCells } = visitAt(layout);
    expect(overflow.scrollWidth, `page is ${overflow.scrollWidth} px wide; widest: ${overflow.widest}`).toBeLessThanOrEqual(
      overflow.innerWidth,
    );
    expect(misalignedCells).toEqual([]);
  });
});

describe('the site pages at 320 px (WCAG 1.4.10 reflow)', () => {
  it.each(pages.filter((p) => p.name !== 'email'))('the $name page does not scroll sideways', async ({ path: pathname }) => {
    const { result } = await withPage(browser, { width: 320, colorScheme: 'light' }, async (page) => {
      await page.goto(server.origin + pathname, { waitUntil: 'load' });
      return measureOverflow(page);
    });
    expect(result.scrollWidth, `page is ${result.scrollWidth} px wide; widest: ${result.widest}`).toBeLessThanOrEqual(result.innerWidth);
  });

  it.each([320, 375])('the digest page keeps every figure and column heading whole at %i px (no "11,0 / 00")', async (width) => {
    const { result } = await withPage(browser, { width, colorScheme: 'light' }, async (page) => {
      await page.goto(`${server.origin}/digests/${seedDigest}/`, { waitUntil: 'load' });
      // A word broken across lines shows as more line boxes than the cell has words.
      return page.$$eval('.digest-figures td.num, .digest-figures thead th', (cells) =>
        cells.flatMap((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
          const words = (cell.textContent ?? '').trim().split(/\s+/).length;
          return lines > words ? [`"${cell.textContent}" on ${lines} lines`] : [];
        }),
      );
    });
    expect(result).toEqual([]);
  });
});

describe('the digest email with its <head> styles removed (as Gmail does when it drops a <style> block)', () => {
  let unstyled: string;
  const smallPrint = '.kicker, .figures h3, .figures small';

  beforeAll(() => {
    const $ = cheerio.load(read(out, `digests/${seedDigest}/email.html`));
    $('style').remove();
    unstyled = $.html();
  });

  const render = <T>(width: number, colorScheme: ColorScheme, use: (page: Page) => Promise<T>) =>
    withPage(browser, { width, colorScheme }, async (page) => {
      await page.setContent(unstyled, { waitUntil: 'load' });
      return use(page);
    });

  it('has no <style> element left, so only the inlined styles are in play', () => {
    expect(cheerio.load(unstyled)('style')).toHaveLength(0);
    expect(unstyled).toContain('style="');
  });

  it.each(schemes)(
    'is readable at 600 px, %s: headline and every key figure it shows visible, preheader hidden, nothing overflows',
    async (colorScheme) => {
      const { subject } = JSON.parse(read(out, `digests/${seedDigest}/digest.json`)) as { subject: string };
      const figures = publicationOf(realContentDir).article(seedSlug)!.keyFigures.slice(0, LEAD_FIGURES);
      expect(figures.length).toBeGreaterThan(0);
      const visit = await render(600, colorScheme, async (page) => {
        await page.screenshot({ path: path.join(screenshots, `email-unstyled-600-${colorScheme}.png`), fullPage: true });
        const headline = page.getByRole('heading', { level: 1, name: subject });
        const hidden: string[] = [];
        if (!(await headline.isVisible())) hidden.push(`headline "${subject}"`);
        for (const figure of figures) {
          // Each figure is one paragraph, "label: value" over its source.
          const paragraph = page.getByRole('paragraph').filter({ hasText: `${figure.label}: ${figure.value}` });
          if (!(await paragraph.getByText(figure.value, { exact: true }).isVisible())) hidden.push(`${figure.label}: ${figure.value}`);
        }
        // The preheader is for the inbox list only; its inline display:none must survive too.
        return { hidden, preheaderShown: await page.locator('.preheader').first().isVisible(), overflow: await measureOverflow(page) };
      });
      expect(visit.result.hidden).toEqual([]);
      expect(visit.result.preheaderShown).toBe(false);
      expect(visit.result.overflow.scrollWidth, `widest: ${visit.result.overflow.widest}`).toBeLessThanOrEqual(600);
      expect(visit.consoleErrors).toEqual([]);
      expect(visit.offHostRequests).toEqual([]);
    },
  );

  it('keeps body text at 14 px or more and small print at 12 px or more', async () => {
    const { result: texts } = await render(600, 'light', (page) =>
      page.evaluate((smallPrintSelector) => {
        const found: Array<{ text: string; size: number; small: boolean }> = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const element = node.parentElement;
          const text = (node.textContent ?? '').replace(/[\s\u034f\u200c]+/g, ' ').trim();
          if (!element || !text || element.getClientRects().length === 0) continue;
          const style = getComputedStyle(element);
          if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
          found.push({ text: text.slice(0, 50), size: parseFloat(style.fontSize), small: Boolean(element.closest(smallPrintSelector)) });
        }
        return found;
      }, smallPrint),
    );
    expect(texts.filter((t) => !t.small).length).toBeGreaterThan(5);
    expect(texts.filter((t) => !t.small && t.size < 14)).toEqual([]);
    expect(texts.filter((t) => t.small && t.size < 12)).toEqual([]);
  });

  it('keeps the content column at most 600 px wide and centred in a wide window', async () => {
    const { result: column } = await render(1280, 'light', async (page) => {
      await page.screenshot({ path: path.join(screenshots, 'email-unstyled-1280-light.png'), fullPage: true });
      const box = await page.getByRole('heading', { level: 1 }).evaluate((h1) => {
        // The column is the outermost ancestor of the headline narrower than the window.
        let column: Element = h1;
        for (let node = h1.parentElement; node && node !== document.body; node = node.parentElement) {
          if (node.getBoundingClientRect().width < window.innerWidth) column = node;
        }
        const { left, right, width } = column.getBoundingClientRect();
        return { left, right, width, innerWidth: window.innerWidth };
      });
      return box;
    });
    expect(column.width).toBeGreaterThan(300);
    expect(column.width).toBeLessThanOrEqual(600);
    expect(Math.abs(column.left - (column.innerWidth - column.right))).toBeLessThanOrEqual(1);
  });

  it.each(schemes)('passes axe (colour contrast included) at 600 px, %s', async (colorScheme) => {
    const { result } = await render(600, colorScheme, (page) => runAxe(page));
    expect(describeViolations(result.violations)).toEqual([]);
    expect(result.passes.map((rule) => rule.id)).toContain('color-contrast');
  });
});

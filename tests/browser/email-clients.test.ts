// The digest email as particular clients show it, simulated in Chromium: tap targets on a phone, Outlook for
// Windows' head styles, Apple Mail's date links, Outlook.com's dark mode and Gmail without <style>; each
// layout screenshotted into test-results/screenshots/ for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { buildInto, read, realContentDir } from '../helpers/site.ts';
import { launchChromium } from './chromium.ts';
import { describeViolations, runAxe, withPage, type ColorScheme } from './page-checks.ts';

const screenshots = path.join(projectRoot, 'test-results', 'screenshots');
const schemes: ColorScheme[] = ['light', 'dark'];
const widths = [375, 600];

let email: string;
let browser: Browser;

beforeAll(async () => {
  const out = await buildInto(realContentDir);
  email = read(out, 'digests/2025-06-27/email.html');
  browser = await launchChromium();
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens `html` at a width and colour scheme, screenshots it when given a name, and runs `use`. */
function open<T>(html: string, width: number, colorScheme: ColorScheme, screenshot: string | undefined, use: (page: Page) => Promise<T>) {
  return withPage(browser, { width, colorScheme }, async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    if (screenshot) await page.screenshot({ path: path.join(screenshots, `${screenshot}.png`), fullPage: true });
    return use(page);
  });
}

/** Gmail drops <style> blocks it does not accept, and its apps with other accounts drop them all. */
function withoutHeadStyles(html: string): string {
  const $ = cheerio.load(html);
  $('style').remove();
  return $.html();
}

/** What Outlook for Windows reads: the head's MSO conditional block counts as a style sheet. */
function asOutlookForWindows(html: string): string {
  return html.replace(/<!--\[if mso\]>([\s\S]*?)<!\[endif\]-->/, (_block, inside: string) =>
    inside.replace(/<noscript>[\s\S]*?<\/noscript>/, ''),
  );
}

interface TapTarget {
  text: string;
  height: number;
}

/** Every link outside the articles (top bar and footer) with its height, and the footer's smallest text. */
function outsideLinks(page: Page): Promise<{ links: TapTarget[]; smallestFooterText: number }> {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll('.topbar a, .footer a')].map((a) => ({
      text: (a.textContent ?? '').trim(),
      height: a.getBoundingClientRect().height,
    }));
    let smallest = Infinity;
    const walker = document.createTreeWalker(document.querySelector('.footer') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? '').trim() && node.parentElement)
        smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
    }
    return { links, smallestFooterText: smallest };
  });
}

describe('the digest email in a phone-sized window', () => {
  it.each(schemes)(
    'gives every link outside the articles a 44 px tap target and the footer 14 px text, at 375 px, %s',
    async (colorScheme) => {
      for (const [html, name] of [
        [email, 'with its head styles'],
        [withoutHeadStyles(email), 'without its head styles'],
      ] as const) {
        const { result } = await open(html, 375, colorScheme, undefined, outsideLinks);
        expect(result.links.length, name).toBeGreaterThanOrEqual(6);
        expect(
          result.links.filter((link) => link.height < 44),
          name,
        ).toEqual([]);
        expect(result.smallestFooterText, name).toBeGreaterThanOrEqual(14);
      }
    },
  );

  it.each(widths.flatMap((width) => schemes.map((colorScheme) => ({ width, colorScheme }))))(
    'is screenshotted at $width px, $colorScheme, and passes axe',
    async ({ width, colorScheme }) => {
      const { result, consoleErrors } = await open(email, width, colorScheme, `email-${width}-${colorScheme}`, (page) => runAxe(page));
      expect(describeViolations(result.violations)).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
  );

  it.each(schemes)('is screenshotted without its head styles, as Gmail may show it, at 375 px, %s', async (colorScheme) => {
    const { result } = await open(withoutHeadStyles(email), 375, colorScheme, `email-unstyled-375-${colorScheme}`, (page) =>
      page.evaluate(() => document.documentElement.scrollWidth),
    );
    expect(result).toBeLessThanOrEqual(375);
  });
});

describe('Outlook for Windows', () => {
  it('keeps the masthead and headlines in Georgia under its head styles, and the text in Arial', async () => {
    const fonts = { masthead: '.masthead-link', title: 'h1', headline: '.teaser h2 a', summary: '.teaser h2 + p', figure: '.figures p' };
    const { result } = await open(asOutlookForWindows(email), 600, 'light', 'email-outlook-windows-600-light', (page) =>
      page.evaluate(
        (selectors): Record<string, string> =>
          Object.fromEntries(
            Object.entries(selectors).map(([name, selector]) => [
              name,
              getComputedStyle(document.querySelector(selector) ?? document.body).fontFamily,
            ]),
          ),
        fonts,
      ),
    );
    expect(result.masthead).toMatch(/^Georgia/);
    expect(result.title).toMatch(/^Georgia/);
    expect(result.headline).toMatch(/^Georgia/);
    expect(result.summary).toMatch(/^Arial/);
    expect(result.figure).toMatch(/^Arial/);
  });
});

describe('Apple Mail', () => {
  it.each(schemes)('leaves dates it turns into calendar links in the colour and style of their text, %s', async (colorScheme) => {
    const { result } = await open(email, 600, colorScheme, undefined, (page) =>
      page.evaluate(() => {
        // Apple Mail wraps what its data detectors find in links of its own, which browsers and Apple Mail colour as links.
        const found: Array<{ text: string; color: string; parentColor: string; decoration: string; parentDecoration: string }> = [];
        // Dates are printed with no-break spaces, so they never break across lines; the detectors find them all the same.
        const dates =
          /(January|February|March|April|May|June|July|August|September|October|November|December)([ \u00a0]\d{1,2},)?[ \u00a0]\d{4}/;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (dates.test(node.textContent ?? '')) nodes.push(node as Text);
        nodes.forEach((node, index) => {
          const match = dates.exec(node.textContent ?? '');
          if (!match || !node.parentElement || node.parentElement.closest('.preheader')) return;
          const date = node.splitText(match.index);
          date.splitText(match[0].length);
          const link = document.createElement('a');
          link.setAttribute('href', `x-apple-data-detectors://${index}`);
          link.setAttribute('x-apple-data-detectors', 'true');
          link.setAttribute('x-apple-data-detectors-type', 'calendar-event');
          date.replaceWith(link);
          link.append(date);
          const own = getComputedStyle(link);
          const parent = getComputedStyle(link.parentElement ?? document.body);
          found.push({
            text: match[0],
            color: own.color,
            parentColor: parent.color,
            decoration: own.textDecorationLine,
            parentDecoration: parent.textDecorationLine,
          });
        });
        return found;
      }),
    );
    expect(result.map((date) => date.text.replace(/\u00a0/g, ' '))).toEqual(
      expect.arrayContaining(['June 27, 2025', 'June 24, 2025', 'October 2024']),
    );
    for (const date of result) {
      expect(date.color, date.text).toBe(date.parentColor);
      expect(date.decoration, date.text).toBe(date.parentDecoration);
    }
  });
});

describe('Outlook.com in dark mode', () => {
  /**
   * What Outlook.com's dark mode does (as its webmail's code shows): every element with a text colour gets a
   * lighter one, every element with a background a darker one, inline, and keeps the originals in
   * data-ogsc and data-ogsb. Here its adjustment is a plain light grey on dark grey.
   */
  function darken(page: Page) {
    return page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>('body, body *')) {
        if (element.style.color) {
          element.setAttribute('data-ogsc', element.style.color);
          element.style.color = 'rgb(220, 220, 220)';
        }
        const background = element.style.backgroundColor || element.getAttribute('bgcolor');
        if (background) {
          element.setAttribute('data-ogsb', background);
          element.style.backgroundColor = 'rgb(51, 51, 51)';
          element.removeAttribute('bgcolor');
        }
      }
    });
  }

  it('gives it the same dark palette as prefers-color-scheme, readable', async () => {
    const { result } = await withPage(browser, { width: 600, colorScheme: 'light' }, async (page) => {
      await page.setContent(email, { waitUntil: 'load' });
      await darken(page);
      await page.screenshot({ path: path.join(screenshots, 'email-outlook-com-dark-600.png'), fullPage: true });
      const colours = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector) ?? document.body);
        return {
          page: style('.page').backgroundColor,
          card: style('.card').backgroundColor,
          title: style('h1').color,
          headline: style('.teaser h2 a').color,
          kicker: style('.kicker').color,
          figure: style('.figures strong').color,
          figuresLink: style('.figures-more a').color,
          footer: style('.footer a').color,
        };
      });
      return { colours, axe: await runAxe(page) };
    });
    expect(result.colours).toEqual({
      page: 'rgb(18, 18, 18)',
      card: 'rgb(30, 30, 30)',
      title: 'rgb(230, 230, 230)',
      headline: 'rgb(230, 230, 230)',
      kicker: 'rgb(255, 138, 128)',
      figure: 'rgb(255, 138, 128)',
      figuresLink: 'rgb(138, 180, 248)',
      footer: 'rgb(160, 164, 171)',
    });
    expect(describeViolations(result.axe.violations)).toEqual([]);
  });
});

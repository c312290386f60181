// What every browser test does with a page: open it offline-guarded, run axe, find what overflows.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

export type ColorScheme = 'light' | 'dark';

export interface PageOptions {
  width: number;
  colorScheme: ColorScheme;
}

export interface PageRecord {
  /** `console.error` messages and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** Every request that tried to leave 127.0.0.1; each was aborted. */
  offHostRequests: string[];
}

/**
 * Opens a fresh context (own viewport and colour scheme), runs `use` with its page, then closes it.
 * Every request is routed: only 127.0.0.1 is let through, so a page can never reach the network.
 */
export async function withPage<T>(
  browser: Browser,
  options: PageOptions,
  use: (page: Page) => Promise<T>,
): Promise<PageRecord & { result: T }> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: 900 },
    colorScheme: options.colorScheme,
  });
  const record: PageRecord = { consoleErrors: [], offHostRequests: [] };
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      record.offHostRequests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') record.consoleErrors.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => record.consoleErrors.push(`uncaught: ${error.message}`));
    const result = await use(page);
    return { ...record, result };
  } finally {
    await context.close();
  }
}

export type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core against WCAG 2.1 A and AA; returns the full results. */
export function runAxe(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(WCAG_AA_TAGS).analyze();
}

/** One line a violation plus one a node, so a failing test says what to fix and where. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.map((violation) =>
    [
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
      ...violation.nodes.map(
        (node) => `    at ${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`,
      ),
    ].join('\n'),
  );
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The element reaching furthest right past the viewport, described for a person, or null. */
  widest: string | null;
}

/** Measures horizontal overflow and names the element that sticks out furthest. */
export function measureOverflow(page: Page): Promise<Overflow> {
  // No named functions inside: tsx (esbuild keepNames) would wrap them in a `__name` helper the page lacks.
  return page.evaluate(() => {
    const limit = window.innerWidth;
    let widest: { element: Element; right: number } | null = null;
    for (const element of document.querySelectorAll('body *')) {
      const { right } = element.getBoundingClientRect();
      if (right > limit + 0.5 && (!widest || right > widest.right)) widest = { element, right };
    }
    let description: string | null = null;
    if (widest) {
      const { element, right } = widest;
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList].map((name) => `.${name}`).join('');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      description = `<${element.tagName.toLowerCase()}${id}${classes}> "${text}" reaches ${Math.round(right)} px`;
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: limit, widest: description };
  });
}

/**
 * Table rows whose cells no longer line up (a cell taller or shorter than its row), e.g. when a
 * responsive rule turns one cell into a block and the browser wraps it in a cell of its own.
 */
export function findMisalignedTableRows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const misaligned: string[] = [];
    for (const row of document.querySelectorAll('tr')) {
      const rowBox = row.getBoundingClientRect();
      if (rowBox.height === 0) continue;
      for (const cell of row.cells) {
        const box = cell.getBoundingClientRect();
        if (Math.abs(box.top - rowBox.top) > 1 || Math.abs(box.bottom - rowBox.bottom) > 1) {
          const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
          misaligned.push(
            `<${cell.tagName.toLowerCase()}> "${text}" spans ${Math.round(box.top)}–${Math.round(box.bottom)} px in a row spanning ${Math.round(rowBox.top)}–${Math.round(rowBox.bottom)} px`,
          );
        }
      }
    }
    return misaligned;
  });
}

/**
 * Which CSS inliner the email pipeline uses, by measurement: @css-inline/css-inline (Rust, via napi)
 * against juice, each inlining the digest fixture the same way. Run: npx tsx bench/inliner.ts [runs]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import juice from 'juice';
import { inlineCss } from '../src/email/steps/inline-css.ts';

const fixture = readFileSync(new URL('../tests/fixtures/email/digest.html', import.meta.url), 'utf8');
const runs = Number(process.argv[2] ?? 300);
const warmup = 30;

const inliners: Record<string, (html: string) => string> = {
  // The pipeline's step: css-inline, with `<style data-embed>` blocks set aside and put back.
  'css-inline': inlineCss,
  // juice configured to do the same job: it honours data-embed itself and keeps media queries and pseudos.
  juice: (html) =>
    juice(html, {
      removeStyleTags: true,
      preserveMediaQueries: true,
      preservePseudos: true,
      preserveFontFaces: true,
      preserveImportant: true,
      applyWidthAttributes: false,
      applyHeightAttributes: false,
      applyAttributesTableElements: false,
    }),
};

/** What "correct" means for this fixture; an inliner that fails any of these is not a candidate. */
function correctness(html: string, input: string): Record<string, boolean> {
  const headStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? '').join('\n');
  return {
    'card styles inlined': /<td class="card"[^>]*style="[^"]*background-color:\s*#fff/.test(html),
    'class attributes kept for media queries': html.includes('class="teaser-image"'),
    'no inlinable rule left in <head>': !headStyles.includes('.lede {'),
    'phone media query kept': headStyles.includes('@media only screen and (max-width: 620px)'),
    'dark-mode media query kept': headStyles.includes('@media (prefers-color-scheme: dark)'),
    ':root color-scheme kept': headStyles.includes(':root'),
    'data-embed marker removed': !/<style\b[^>]*data-embed/i.test(html),
    'MSO conditional comments kept': count(html, '<!--[if mso]>') === count(input, '<!--[if mso]>'),
    'merge tags intact': html.includes('href="*|UNSUB|*"') && html.includes('href="*|ARCHIVE|*"'),
  };
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A bigger digest: the fixture with its first article teaser repeated, as a busy week might have. */
function withTeasers(copies: number): string {
  const start = fixture.indexOf('<div class="teaser">');
  const end = fixture.indexOf('<div class="teaser">', start + 1);
  const teaser = fixture.slice(start, end);
  return fixture.slice(0, start) + teaser.repeat(copies) + fixture.slice(start);
}

function measure(label: string, html: string): void {
  console.log(`${label} (${html.length} chars), ${runs} runs after ${warmup} warm-up runs`);
  const medians: Record<string, number> = {};
  for (const [name, inlineOnce] of Object.entries(inliners)) {
    for (let run = 0; run < warmup; run += 1) inlineOnce(html);
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      inlineOnce(html);
      times.push(performance.now() - start);
    }
    medians[name] = median(times);
    const failed = Object.entries(correctness(inlineOnce(html), html))
      .filter(([, passed]) => !passed)
      .map(([check]) => check);
    console.log(
      `  ${name.padEnd(11)} median ${median(times).toFixed(3)} ms   correct: ${failed.length === 0 ? 'yes' : `NO (${failed.join('; ')})`}`,
    );
  }
  const ratio = (medians.juice ?? 0) / (medians['css-inline'] ?? 1);
  console.log(`  juice / css-inline = ${ratio.toFixed(1)}× (above 1: css-inline is faster)\n`);
}

measure('digest fixture', fixture);
measure('digest fixture with 20 more teasers', withTeasers(20));

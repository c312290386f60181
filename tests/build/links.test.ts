// No broken internal link or anchor: every href and src on the site's own origin, in every HTML file
// (the digests' email.html included), resolves to a file of the build, and every #fragment to an id there.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, copyContent, listFiles, read, writeArticle } from '../helpers/site.ts';
import { newsContent } from '../helpers/news-site.ts';

const origin = 'https://dispatch.example.org';
// Mailchimp (*|UNSUB|*) and listmonk ({{ UnsubscribeURL }}) merge tags: the sending service fills them in.
const MERGE_TAG = /^\*\|.+\|\*$|^\{\{.+\}\}$/;

interface LinkReport {
  /** Files that had links to check. */
  sources: Set<string>;
  checked: number;
  broken: string[];
}

/** The output file a site URL is served from, or undefined when the build has none. */
function fileFor(outputDir: string, pathname: string): string | undefined {
  const rel = decodeURIComponent(pathname).replace(/^\//, '');
  for (const candidate of [rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel, `${rel}/index.html`]) {
    const file = path.join(outputDir, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return candidate;
  }
  return undefined;
}

function checkLinks(outputDir: string): LinkReport {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      const $ = cheerio.load(read(outputDir, file));
      found = new Set([
        ...$('[id]')
          .map((_, el) => $(el).attr('id'))
          .get(),
        ...$('a[name]')
          .map((_, el) => $(el).attr('name'))
          .get(),
      ]);
      ids.set(file, found);
    }
    return found;
  };
  const report: LinkReport = { sources: new Set(), checked: 0, broken: [] };
  for (const from of listFiles(outputDir).filter((f) => f.endsWith('.html'))) {
    const $ = cheerio.load(read(outputDir, from));
    for (const el of $('[href], [src]').toArray()) {
      const url = ($(el).attr('href') ?? $(el).attr('src') ?? '').trim();
      if (MERGE_TAG.test(url) || /^(mailto|tel):/.test(url)) continue;
      const target = new URL(url, `${origin}/${from}`);
      if (target.origin !== origin) continue;
      report.sources.add(from);
      report.checked += 1;
      // Email links carry UTM parameters; the query does not change which file a static host serves.
      const file = fileFor(outputDir, target.pathname);
      if (!file) {
        report.broken.push(`${from}: ${url} → no file for ${target.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment))
        report.broken.push(`${from}: ${url} → ${file} has no id "${fragment}"`);
    }
  }
  return report;
}

describe('internal links', () => {
  let report: LinkReport;
  beforeAll(async () => {
    report = checkLinks(await buildInto(newsContent()));
  });

  it('resolves every link on the site to a file of the build, and every #fragment to an id in it', () => {
    expect(report.broken).toEqual([]);
    expect(report.checked).toBeGreaterThan(500);
  });

  it('checks links in every kind of page, the digest email included', () => {
    for (const file of [
      'index.html',
      'archive/2/index.html',
      'tags/north-korea/index.html',
      'about/index.html',
      '404.html',
      'articles/north-korea-more-troops-russia/index.html',
      'digests/2025-06-27/email.html',
    ]) {
      expect(report.sources, file).toContain(file);
    }
  });
});

describe('a broken link', () => {
  it('is reported with the page it is on, for a missing page and for a missing anchor', async () => {
    const content = copyContent((dir) =>
      writeArticle(
        dir,
        'bad-links',
        {},
        'See [a page that is not there](/articles/no-such-article/), [a missing anchor](/about/#no-such-heading) and [a fine one](/about/#follow).',
      ),
    );
    const { broken } = checkLinks(await buildInto(content));
    expect(broken).toEqual([
      'articles/bad-links/index.html: /articles/no-such-article/ → no file for /articles/no-such-article/',
      'articles/bad-links/index.html: /about/#no-such-heading → about/index.html has no id "no-such-heading"',
    ]);
  });
});

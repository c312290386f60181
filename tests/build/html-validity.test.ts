// Every web page passes the Nu HTML Checker (vnu) with zero errors. One Java run checks all pages at once,
// plus one page known to be invalid, which proves the checker ran and reports what it finds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { buildInto, tempDir } from '../helpers/site.ts';
import { newsContent, webPages } from '../helpers/news-site.ts';
import { addPictures, LANDSCAPE } from '../helpers/pictures.ts';

const vnuJar = path.join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

function runVnu(files: string[]): VnuMessage[] {
  const result = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`could not run the Nu HTML Checker (java -jar ${vnuJar}): ${result.error.message}`);
  // vnu prints its JSON report on stderr.
  const report = (result.stderr || result.stdout).trim();
  try {
    return (JSON.parse(report) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`the Nu HTML Checker did not report JSON (exit ${result.status}):\n${report.slice(0, 2000)}`);
  }
}

describe('HTML validity (Nu HTML Checker)', () => {
  let out: string;
  let pages: string[];
  let byFile: Map<string, string[]>;
  let invalidPage: string;

  beforeAll(async () => {
    // With lead pictures: <picture> in articles and listings, the pictures' share tags.
    out = await buildInto(newsContent(await addPictures()));
    pages = webPages(out);
    invalidPage = path.join(tempDir('vnu-control-'), 'invalid.html');
    fs.writeFileSync(
      invalidPage,
      '<!doctype html><html lang="en"><head><title>Invalid</title></head><body><p><div>block in p</p></body></html>',
    );
    const messages = runVnu([...pages.map((f) => path.join(out, f)), invalidPage]);
    byFile = new Map();
    for (const m of messages) {
      const file = path.relative(out, fileURLToPath(m.url)).split(path.sep).join('/');
      byFile.set(file, [
        ...(byFile.get(file) ?? []),
        `${file}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` (${m.extract.trim()})` : ''}`,
      ]);
    }
  });

  it('checks every web page: home, archive, topics, articles, digests, about, 404', () => {
    expect(pages.length).toBeGreaterThan(40);
    for (const file of [
      'index.html',
      '404.html',
      'about/index.html',
      'archive/2/index.html',
      'tags/index.html',
      'tags/north-korea/2/index.html',
      'digests/index.html',
      'digests/2025-06-27/index.html',
      'articles/north-korea-more-troops-russia/index.html',
      `articles/${LANDSCAPE.slug}/index.html`,
    ]) {
      expect(pages).toContain(file);
    }
  });

  it('reports errors where there are some (a control page with a <div> inside a <p>)', () => {
    const control = path.relative(out, invalidPage).split(path.sep).join('/');
    expect(byFile.get(control)?.length).toBeGreaterThan(0);
  });

  it('finds zero errors in the site', () => {
    const siteErrors = [...byFile.entries()].filter(([file]) => !file.startsWith('..')).flatMap(([, messages]) => messages);
    expect(siteErrors).toEqual([]);
  });
});

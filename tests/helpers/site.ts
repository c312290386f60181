// Test helpers: copy the real content tree, change it, build it into a temp dir, read the output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { previewOnce } from '../../src/build/dev-server.ts';
import { buildSite } from '../../src/build/site.ts';
import { projectRoot } from '../../src/shared/paths.ts';

export const realContentDir = path.join(projectRoot, 'content');
export const seedSlug = 'north-korea-more-troops-russia';

export function tempDir(prefix = 'dispatch-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A throwaway copy of content/ that a test may edit. */
export function copyContent(edit?: (dir: string) => void): string {
  const dir = path.join(tempDir(), 'content');
  fs.cpSync(realContentDir, dir, { recursive: true });
  edit?.(dir);
  return dir;
}

/** A copy of content/ with site.json in `language` and its likeliest region ("de" → de-DE, "ko" → ko-KR). */
export function contentInLanguage(language: string): string {
  const { region } = new Intl.Locale(language).maximize();
  return copyContent((dir) => {
    const file = path.join(dir, '_data', 'site.json');
    const site = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...site, language, locale: region ? `${language}-${region}` : language }, null, 2));
  });
}

export async function buildInto(contentDir: string, outputDir = path.join(tempDir(), '_site')) {
  await buildSite({ contentDir, outputDir });
  return outputDir;
}

/** Replaces `from` in a file of a content copy; a test whose setup no longer matches fails instead of testing nothing. */
export function replaceIn(file: string, from: string | RegExp, to: string): void {
  const source = fs.readFileSync(file, 'utf8');
  const next = source.replace(from, to);
  if (next === source) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  fs.writeFileSync(file, next);
}

/** What `npm start` renders, without the server: one preview build (drafts shown, problems listed but not fatal). */
export async function serveModeBuild(contentDir: string, outputDir = path.join(tempDir(), '_site')): Promise<string> {
  await previewOnce({ contentDir, templatesDir: path.join(projectRoot, 'templates'), outputDir, warn: (message) => console.warn(message) });
  return outputDir;
}

export function read(outputDir: string, file: string): string {
  return fs.readFileSync(path.join(outputDir, file), 'utf8');
}

export function load(outputDir: string, file: string) {
  return cheerio.load(read(outputDir, file));
}

/** Every file under a directory, relative, with forward slashes. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Rewrites a Markdown file's front matter field (a YAML line `key: value`); `undefined` removes it. */
export function setFrontMatter(file: string, key: string, value: string | undefined): void {
  const source = fs.readFileSync(file, 'utf8');
  const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const lines = frontMatter.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (index >= 0) {
    // Drop the key and any indented continuation lines (lists, folded strings).
    let end = index + 1;
    while (end < lines.length && /^\s+/.test(lines[end] ?? '')) end += 1;
    lines.splice(index, end - index);
  }
  if (value !== undefined) lines.splice(Math.max(index, 0), 0, `${key}: ${value}`);
  fs.writeFileSync(file, `---\n${lines.join('\n')}\n---\n${body}`);
}

/** Writes a small valid article (and no facts file) into a content tree. */
export function writeArticle(contentDir: string, slug: string, frontMatter: Record<string, string>, body = 'A paragraph.'): string {
  const file = path.join(contentDir, 'articles', `${slug}.md`);
  const fields = {
    title: '"A test article"',
    summary: '"A summary."',
    date: '"2025-06-20T09:00:00+09:00"',
    section: 'World',
    ...frontMatter,
  };
  fs.writeFileSync(
    file,
    `---\n${Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n${body}\n`,
  );
  return file;
}

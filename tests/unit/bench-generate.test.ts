// The benchmark's content generator: deterministic from its seed, and a tree the real content check accepts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_MARKER, MAX_DIGEST_ARTICLES, generateContent, type GeneratedTree } from '../../bench/generate.ts';
import { checkContent, type CheckReport } from '../../src/check/check.ts';
import { readSourceFile } from '../../src/content/front-matter.ts';
import { projectRoot } from '../../src/shared/paths.ts';

const ARTICLES = 120;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-bench-test-'));
const treeAt = (name: string, seed: number) => generateContent({ articles: ARTICLES, seed, outDir: path.join(workDir, name) });

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function body(file: string): string {
  return readSourceFile(fs.readFileSync(file, 'utf8'), file).body;
}

describe('bench/generate.ts', () => {
  let tree: GeneratedTree;
  let report: CheckReport;
  beforeAll(() => {
    tree = treeAt('first', 7);
    report = checkContent(tree.contentDir);
  });
  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('writes the same bytes for the same seed', () => {
    const again = treeAt('second', 7);
    const names = files(tree.contentDir);
    expect(files(again.contentDir)).toEqual(names);
    for (const name of names) {
      expect(fs.readFileSync(path.join(again.contentDir, name)), name).toEqual(fs.readFileSync(path.join(tree.contentDir, name)));
    }
  });

  it('writes a different tree for another seed', () => {
    const articles = (t: GeneratedTree) =>
      files(path.join(t.contentDir, 'articles'))
        .map((name) => fs.readFileSync(path.join(t.contentDir, 'articles', name), 'utf8'))
        .join('\n');
    expect(articles(treeAt('other', 8))).not.toBe(articles(tree));
  });

  it('passes the content check with no errors and no numerals typed into prose', () => {
    expect(report.errors).toEqual([]);
    const articles = report.files.filter((f) => f.file.includes(`${path.sep}articles${path.sep}`));
    expect(articles).toHaveLength(ARTICLES);
    expect(report.files.flatMap((a) => a.strayNumerals)).toEqual([]);
    expect(articles.every((a) => a.factsUsed >= 5)).toBe(true);
  });

  it('writes articles of realistic length with full front matter', () => {
    for (const { slug } of tree.articles) {
      const article = report.model.bySlug.get(slug)!;
      expect(article.data.tags.length).toBeGreaterThanOrEqual(2);
      expect(article.data.reporting.length).toBeGreaterThanOrEqual(1);
      const { data } = readSourceFile(fs.readFileSync(article.inputPath, 'utf8'), article.file);
      expect(typeof data.date === 'string' && /([+-]\d{2}:\d{2}|Z)$/.test(data.date)).toBe(true);
      const words = article.body
        .replace(/\{%[^%]*%\}/g, 'x x')
        .split(/\s+/)
        .filter((w) => /\w/.test(w)).length;
      expect(words, slug).toBeGreaterThanOrEqual(600);
      expect(words, slug).toBeLessThanOrEqual(1000);
    }
    const tags = new Set(tree.articles.flatMap((a) => a.tags));
    expect(tags.size).toBeGreaterThan(20);
  });

  it('prints figures with both shortcode forms', () => {
    const prose = tree.articles.map(({ slug }) => body(path.join(tree.contentDir, 'articles', `${slug}.md`))).join('\n');
    expect(prose).toMatch(/\{% fact "[a-z0-9-]+" %\}/);
    expect(prose).toMatch(/\{% fact "[a-z0-9-]+", "compound" %\}/);
  });

  it('writes facts of every kind the schema allows', () => {
    const facts = [...report.model.facts.values()];
    expect(facts).toHaveLength(ARTICLES);
    for (const article of facts) {
      expect(article.figures.length).toBeGreaterThanOrEqual(4);
      expect(article.figures.length).toBeLessThanOrEqual(8);
      expect(article.derived).toHaveLength(1);
      expect(article.events.length).toBeGreaterThanOrEqual(3);
      expect(article.events.length).toBeLessThanOrEqual(6);
      expect(Object.keys(article.sources).length).toBeGreaterThanOrEqual(2);
    }
    const figures = facts.flatMap((a) => a.figures);
    expect(new Set(figures.map((f) => f.value.kind))).toEqual(new Set(['exact', 'approximate', 'range', 'moreThan', 'qualitative']));
    expect(figures.some((f) => f.unit !== undefined)).toBe(true);
    expect(figures.some((f) => f.relative !== undefined)).toBe(true);
    const dates = facts.flatMap((a) => a.events.map((e) => e.date));
    expect(new Set(dates.map((d) => d.kind))).toEqual(new Set(['on', 'range', 'choice']));
    expect(dates.some((d) => d.kind === 'on' && d.date.month !== undefined && d.date.day === undefined)).toBe(true);
  });

  it('writes about one weekly digest per fifty articles, each selecting at most twenty by date range', () => {
    expect(tree.digests.length).toBeGreaterThanOrEqual(2);
    expect(tree.digests.length).toBeLessThanOrEqual(4);
    expect(report.model.digests.map((d) => d.slug).sort()).toEqual(tree.digests.map((d) => d.slug).sort());
    for (const digest of report.model.digests) {
      expect(digest.data.select?.from).toBeDefined();
      expect(digest.data.select?.to).toBeDefined();
      expect(digest.articles.length).toBeGreaterThanOrEqual(1);
      expect(digest.articles.length).toBeLessThanOrEqual(MAX_DIGEST_ARTICLES);
    }
  });

  it('copies the site data and pages from content/, and nothing an editor writes per article', () => {
    const content = path.join(projectRoot, 'content');
    const pages = files(content).filter((name) => !name.startsWith('facts/') && !/^(articles|digests)\/.*\.md$/.test(name));
    expect(pages).toContain('_data/site.json');
    expect(pages).toContain('about.md');
    for (const name of pages)
      expect(fs.readFileSync(path.join(tree.contentDir, name)), name).toEqual(fs.readFileSync(path.join(content, name)));
    expect(fs.existsSync(path.join(tree.contentDir, 'articles', 'north-korea-more-troops-russia.md'))).toBe(false);
  });

  it('refuses to replace a folder it did not write', () => {
    const foreign = path.join(workDir, 'foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'notes.txt'), 'keep me');
    expect(() => generateContent({ articles: 1, seed: 1, outDir: foreign })).toThrow(/refusing to replace/);
    expect(fs.readFileSync(path.join(foreign, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(fs.existsSync(path.join(tree.contentDir, GENERATED_MARKER))).toBe(true);
  });
});

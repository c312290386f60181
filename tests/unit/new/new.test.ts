// `npm run new`: the files it writes pass the check as written, published, and with every example uncommented;
// it never overwrites; a digest carries the articles published since the last issue.
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check.ts';
import { readContent } from '../../../src/content/model.ts';
import { newArticleFiles } from '../../../src/new/article.ts';
import { newDigestFile } from '../../../src/new/digest.ts';
import { NewContentError, writeNewFiles } from '../../../src/new/files.ts';
import { factText } from '../../../src/present/figures.ts';
import { runCli } from '../../helpers/cli.ts';
import { economyContent, economySlug } from '../../helpers/economy.ts';
import { copyContent, seedSlug, writeArticle } from '../../helpers/site.ts';
import { factsFrom } from '../../helpers/model.ts';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const newArticle = (dir: string, headline: string, when = '2025-07-01T01:00:00Z') =>
  writeNewFiles(newArticleFiles({ headline, now: at(when), model: readContent(dir) }));
const newDigest = (dir: string, when: string) => writeNewFiles([newDigestFile({ now: at(when), model: readContent(dir) })]);

function errorsOf(dir: string, strict = true): string[] {
  const report = checkContent(dir);
  const numerals = strict ? report.files.flatMap((f) => f.strayNumerals.map((n) => `${f.file}: line ${n.line}: ${n.numeral}`)) : [];
  return [...report.errors, ...numerals];
}

/** Deletes a front-matter line (`draft: true …`), as an editor publishing the file would. */
function publish(file: string): void {
  const source = fs.readFileSync(file, 'utf8');
  const next = source.replace(/^draft: true.*\n/m, '');
  if (next === source) throw new Error(`test setup: no draft line in ${file}`);
  fs.writeFileSync(file, next);
}

/** The examples uncommented, as the file tells the editor to: "# " deleted before their lines. */
function uncommentExamples(file: string): void {
  const source = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, source.replace(/^# ((?:figures|derived|events|claims):.*|\s.*)$/gm, '$1'));
}

describe('npm run new -- article', () => {
  it('writes the article and its facts, dated in the site zone, a draft that passes the check --strict', () => {
    const dir = copyContent();
    expect(newArticle(dir, 'Seoul: Exports Rise "Sharply"')).toEqual([
      path.join(dir, 'articles', 'seoul-exports-rise-sharply.md'),
      path.join(dir, 'facts', 'seoul-exports-rise-sharply.yaml'),
    ]);
    const model = readContent(dir);
    const article = model.bySlug.get('seoul-exports-rise-sharply');
    expect(article?.data.title).toBe('Seoul: Exports Rise "Sharply"');
    expect(article?.data.date.toISO()).toBe('2025-07-01T10:00:00.000+09:00');
    expect(article?.data.draft).toBe(true);
    expect(article?.data.section).toBe('World');
    expect(Object.keys(article?.facts?.sources ?? {})).toEqual(['source-id']);
    expect(errorsOf(dir)).toEqual([]);
    publish(path.join(dir, 'articles', 'seoul-exports-rise-sharply.md'));
    expect(errorsOf(dir)).toEqual([]);
  });

  it('gives a commented example of every kind of value, each valid and printing as its comment says', () => {
    const dir = copyContent();
    newArticle(dir, 'Examples');
    const file = path.join(dir, 'facts', 'examples.yaml');
    expect(readContent(dir).facts.get('examples')?.figures).toEqual([]);
    uncommentExamples(file);
    expect(errorsOf(dir)).toEqual([]);
    const facts = factsFrom(fs.readFileSync(file, 'utf8'), file);
    const options = { locale: 'en-US', zone: 'Asia/Seoul' };
    const kinds = facts.figures.map((f) => f.value.kind);
    for (const kind of ['exact', 'approximate', 'range', 'moreThan', 'lessThan', 'atLeast', 'atMost', 'qualitative'])
      expect(kinds).toContain(kind);
    const printed = Object.fromEntries(
      [...facts.figures, ...facts.derived].map((f) => [f.id, factText(facts, f.id, 'prose', options).replaceAll('\u00a0', ' ')]),
    );
    expect(printed).toEqual({
      'exact-figure': '11,000',
      'approximate-figure': 'around 600',
      'range-figure': '4,000 to 6,000',
      'more-than-figure': 'more than three',
      'less-than-figure': 'fewer than 50',
      'at-least-figure': 'at least 100',
      'at-most-figure': 'at most 20',
      'qualitative-figure': 'thousands',
      'money-figure': '$1.2 billion',
      'exchange-rate': '1,380.5 won per dollar',
      'rate-before': '3.1%',
      'rate-after': '3.5%',
      'sum-figure': '15,000 to 17,000',
      'change-figure': 'up 0.4 percentage points',
      'share-figure': 'about 5%',
      'converted-figure': 'about 1.7 trillion won',
    });
    // Each example's comment quotes what it prints (the second percentage is the first one's twin).
    const source = fs.readFileSync(file, 'utf8');
    for (const [id, words] of Object.entries(printed)) if (id !== 'rate-after') expect(source, id).toContain(`"${words}"`);
    expect(facts.derived.map((d) => d.derivation.kind)).toEqual(['sum', 'change', 'share', 'convert']);
    expect(facts.events).toHaveLength(1);
    expect(facts.claims).toHaveLength(1);
  });

  it('refuses to overwrite: an article or facts file with the slug, in any folder, stops it before it writes', () => {
    const dir = copyContent();
    newArticle(dir, 'First Headline');
    const before = fs.readFileSync(path.join(dir, 'facts', 'first-headline.yaml'), 'utf8');
    expect(() => newArticle(dir, 'First headline!')).toThrow(
      `${path.join(dir, 'articles', 'first-headline.md')} already exists, and the slug "first-headline" names one article; choose another headline`,
    );
    expect(fs.readFileSync(path.join(dir, 'facts', 'first-headline.yaml'), 'utf8')).toBe(before);

    fs.mkdirSync(path.join(dir, 'articles', '2025'));
    fs.renameSync(path.join(dir, 'articles', 'first-headline.md'), path.join(dir, 'articles', '2025', 'first-headline.md'));
    expect(() => newArticle(dir, 'First Headline')).toThrow(/2025\/first-headline\.md already exists/);

    fs.writeFileSync(path.join(dir, 'facts', 'lonely.json'), '{ "sources": {} }');
    expect(() => newArticle(dir, 'Lonely')).toThrow(/facts\/lonely\.json already exists/);
    expect(fs.existsSync(path.join(dir, 'articles', 'lonely.md'))).toBe(false);
  });

  it('refuses an empty headline, and writes nothing when a file appears in the way', () => {
    const dir = copyContent();
    expect(() => newArticle(dir, '  ')).toThrow(NewContentError);
    expect(() => newArticle(dir, '!!!')).toThrow('"!!!" has no letters or digits to make the article\'s file name from');
    const files = newArticleFiles({ headline: 'Raced', now: at('2025-07-01T01:00:00Z'), model: readContent(dir) });
    fs.writeFileSync(files[1]!.file, 'sources: {}\n');
    expect(() => writeNewFiles(files)).toThrow(`${files[1]!.file} already exists; nothing was written`);
    expect(fs.existsSync(files[0]!.file)).toBe(false);
  });
});

describe('npm run new -- digest', () => {
  it('writes the next issue with the articles published since the last one, newest first, and no drafts', () => {
    const dir = copyContent((d) => {
      writeArticle(d, 'after-the-issue', { date: '"2025-06-28T09:00:00+09:00"', title: '"After the issue"' });
      writeArticle(d, 'newest', { date: '"2025-06-29T09:00:00+09:00"', title: '"The newest one"', summary: '"Its summary."' });
      writeArticle(d, 'a-draft', { date: '"2025-06-29T10:00:00+09:00"', draft: 'true' });
      writeArticle(d, 'tomorrow', { date: '"2025-07-01T09:00:00+09:00"' });
    });
    expect(newDigest(dir, '2025-06-30T07:00:00+09:00')).toEqual([path.join(dir, 'digests', '2025-06-30.md')]);
    const digest = readContent(dir).digests.find((d) => d.slug === '2025-06-30');
    expect(digest?.data.articles).toEqual(['newest', 'after-the-issue']);
    expect([digest?.data.subject, digest?.data.preheader, digest?.data.draft]).toEqual(['The newest one', 'Its summary.', true]);
    expect(errorsOf(dir)).toEqual([]);
    publish(path.join(dir, 'digests', '2025-06-30.md'));
    expect(errorsOf(dir)).toEqual([]);
    expect(() => newDigest(dir, '2025-06-30T09:00:00+09:00')).toThrow(/no published article from 2025-06-30/);
  });

  it('looks back a week when the last issue is older, and says when there is nothing to carry', () => {
    const dir = copyContent();
    expect(() => newDigest(dir, '2025-07-10T07:00:00+09:00')).toThrow(
      'no published article from 2025-07-03 to 2025-07-10: an issue needs at least one (drafts are not carried; publish one, or give another day with --date)',
    );
    expect(fs.readdirSync(path.join(dir, 'digests'))).toEqual(['2025-06-27.md']);
    newDigest(dir, '2025-06-25T07:00:00+09:00');
    expect(readContent(dir).digests.find((d) => d.slug === '2025-06-25')?.data.articles).toEqual([seedSlug]);
  });

  it("names the lead article's facts in the subject, so its tags print the same figure", () => {
    const dir = economyContent();
    newDigest(dir, '2025-07-02T07:00:00+09:00');
    const file = path.join(dir, 'digests', '2025-07-02.md');
    expect(fs.readFileSync(file, 'utf8')).toContain(
      `subject: "South Korea's Chip Exports Rise to {% fact \\"${economySlug}/chip-exports-june\\" %} as the Central Bank Cuts Rates"`,
    );
    publish(file);
    expect(errorsOf(dir)).toEqual([]);
    const report = checkContent(dir);
    const view = report.publication?.digestView(report.model.digests.find((d) => d.slug === '2025-07-02')!);
    expect(view?.subject.replaceAll('\u00a0', ' ')).toBe("South Korea's Chip Exports Rise to $14.2 billion as the Central Bank Cuts Rates");
  });

  it('refuses to overwrite an issue of the same day', () => {
    const dir = copyContent((d) => writeArticle(d, 'late', { date: '"2025-06-27T09:00:00+09:00"' }));
    const existing = fs.readFileSync(path.join(dir, 'digests', '2025-06-27.md'), 'utf8');
    expect(() => newDigest(dir, '2025-06-27T10:00:00+09:00')).toThrow(
      `${path.join(dir, 'digests', '2025-06-27.md')} already exists; nothing was written`,
    );
    expect(fs.readFileSync(path.join(dir, 'digests', '2025-06-27.md'), 'utf8')).toBe(existing);
  });
});

describe('the new command', () => {
  it('prints what it wrote, and exits 1 naming what is in the way', () => {
    const dir = copyContent();
    const first = runCli('new.ts', ['article', 'A Headline', '--date', '2025-07-01T10:00:00+09:00'], { CONTENT_DIR: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      `wrote ${path.join(dir, 'articles', 'a-headline.md')}\nwrote ${path.join(dir, 'facts', 'a-headline.yaml')}\n`,
    );
    const again = runCli('new.ts', ['article', 'A Headline'], { CONTENT_DIR: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('a-headline.md already exists');
    const unknown = runCli('new.ts', ['blog'], { CONTENT_DIR: dir });
    expect([unknown.status, unknown.stderr]).toEqual([1, expect.stringContaining('unknown kind "blog": expected article or digest')]);
    const digest = runCli('new.ts', ['digest', '--date', '2025-06-25T07:00:00+09:00'], { CONTENT_DIR: dir });
    expect([digest.status, digest.stdout]).toEqual([0, expect.stringContaining(`wrote ${path.join(dir, 'digests', '2025-06-25.md')}`)]);
  });
});

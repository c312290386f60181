// Numerals typed into a text field (an article's title, summary, date note; a digest's subject, preheader,
// intro; a page's title and description) are found as numerals in prose are: by file, line, field and numeral,
// and `npm run check -- --strict` fails on them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check.ts';
import { setLocale } from '../../helpers/economy.ts';
import { runCli } from '../../helpers/cli.ts';
import { copyContent, replaceIn, seedSlug } from '../../helpers/site.ts';

function typedContent(locale = 'en-US'): string {
  return copyContent((dir) => {
    setLocale(dir, locale);
    const article = path.join(dir, 'articles', `${seedSlug}.md`);
    replaceIn(article, /^title: .*$/m, 'title: At Least 100 North Korean Soldiers Killed');
    replaceIn(article, /^summary: .*$/m, 'summary: "Seoul says 1,000 were wounded."');
    replaceIn(article, /^dateNote: >-\n(?: {2}.*\n)+/m, 'dateNote: Dated from 3 reports.\n');
    const digest = path.join(dir, 'digests', '2025-06-27.md');
    replaceIn(digest, /^subject: .*$/m, 'subject: 600 dead, 4.000 more troops');
    replaceIn(digest, /^preheader: .*$/m, 'preheader: "Troops: 11,000 so far."');
    replaceIn(digest, /^intro: >-\n(?: {2}.*\n)+/m, 'intro: >-\n  This issue carries one article\n  and 21,000 figures.\n');
    const about = path.join(dir, 'about.md');
    replaceIn(about, /^title: .*$/m, 'title: About our 2 desks');
    replaceIn(about, /^description: .*$/m, 'description: Sourcing since 1999.');
  });
}

const fieldsOf = (report: ReturnType<typeof checkContent>, file: string) =>
  report.files.find((f) => f.file === file)?.strayNumerals.map(({ line, field, numeral }) => ({ line, field, numeral }));

describe('numerals typed into text fields', () => {
  it.each(['en-US', 'de-DE'])('lists each with its file, line, field and numeral, in %s', (locale) => {
    const dir = typedContent(locale);
    const report = checkContent(dir);
    expect(report.errors).toEqual([]);
    expect(fieldsOf(report, path.join(dir, 'articles', `${seedSlug}.md`))).toEqual([
      { line: 2, field: 'title', numeral: '100' },
      { line: 3, field: 'summary', numeral: '1,000' },
      { line: 5, field: 'dateNote', numeral: '3' },
    ]);
    expect(fieldsOf(report, path.join(dir, 'digests', '2025-06-27.md'))).toEqual([
      { line: 2, field: 'subject', numeral: '600' },
      { line: 2, field: 'subject', numeral: '4.000' },
      { line: 3, field: 'preheader', numeral: '11,000' },
      { line: 5, field: 'intro', numeral: '21,000' },
    ]);
    expect(fieldsOf(report, path.join(dir, 'about.md'))).toEqual([
      { line: 3, field: 'title', numeral: '2' },
      { line: 4, field: 'description', numeral: '1999' },
    ]);
  });

  it('prints them in npm run check, which passes without --strict and fails with it', () => {
    const dir = typedContent();
    const loose = runCli('check.ts', [], { CONTENT_DIR: dir });
    expect(loose.status).toBe(0);
    expect(loose.stdout).toContain(`articles/${seedSlug}.md: 9 figures from facts, 3 numerals not from a fact`);
    expect(loose.stdout).toContain('  line 2: title: "100" in "…At Least 100 North Korean Soldiers Killed…"');
    expect(loose.stdout).toContain('  line 3: preheader: "11,000" in "…Troops: 11,000 so far.…"');
    expect(loose.stdout).toContain('about.md: 0 figures from facts, 2 numerals not from a fact');
    expect(loose.stdout).toContain('  line 4: description: "1999" in "…Sourcing since 1999.…"');
    expect(loose.stdout).toContain('check passed: 1 article(s), 9 numeral(s) to review');
    const strict = runCli('check.ts', ['--strict'], { CONTENT_DIR: dir });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('check failed: 0 error(s), 9 stray numeral(s)');
  });
});

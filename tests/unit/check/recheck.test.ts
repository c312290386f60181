// The dev server checks the tree again after every save, reusing what it found in files that did not change.
// Whatever a save changes (the body alone, the facts alone) must still be found, and what it fixes forgotten.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckReport } from '../../../src/check/check.ts';
import { copyContent, replaceIn, seedSlug } from '../../helpers/site.ts';

/** Checks again after `edit`, from `previous`, with every file's modification time moved on. */
function recheck(dir: string, previous: CheckReport, file: string, edit: (file: string) => void): CheckReport {
  edit(file);
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(file, later, later);
  return checkContent(dir, { numerals: false, previous });
}

describe('checking again after a save', () => {
  const dir = copyContent();
  const article = path.join(dir, 'articles', `${seedSlug}.md`);
  const facts = path.join(dir, 'facts', `${seedSlug}.yaml`);
  let report = checkContent(dir, { numerals: false });

  it('starts clean', () => {
    expect(report.errors).toEqual([]);
  });

  it('keeps the front matter it read when only the body changed, and still checks the new body', () => {
    const before = report.model.bySlug.get(seedSlug)!.data;
    report = recheck(dir, report, article, (file) => fs.appendFileSync(file, '\nNow {% fact "no-such-fact" %} of them.\n'));
    expect(report.model.bySlug.get(seedSlug)!.data).toBe(before);
    expect(report.errors.join('\n')).toMatch(/no-such-fact/);
  });

  it('names raw HTML a body-only save brings in, and forgets it when it goes', () => {
    report = recheck(dir, report, article, (file) => replaceIn(file, '{% fact "no-such-fact" %}', '<script>alert(1)</script>'));
    expect(report.errors.join('\n')).not.toMatch(/no-such-fact/);
    expect(report.errors.join('\n')).toMatch(/script/);
    report = recheck(dir, report, article, (file) => replaceIn(file, '<script>alert(1)</script>', 'many'));
    expect(report.errors).toEqual([]);
  });

  it('finds a tag the unchanged article prints whose fact a facts save removed', () => {
    const source = fs.readFileSync(facts, 'utf8');
    const id = /\{% fact "([^"]+)"/.exec(fs.readFileSync(article, 'utf8'))![1]!;
    report = recheck(dir, report, facts, (file) => fs.writeFileSync(file, source.replace(new RegExp(`id: ${id}\\b`), `id: ${id}-renamed`)));
    expect(report.errors.join('\n')).toContain(`"${id}"`);
    report = recheck(dir, report, facts, (file) => fs.writeFileSync(file, source));
    expect(report.errors).toEqual([]);
  });
});

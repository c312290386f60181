// The economic-reporting fixture (tests/fixtures/economy): an article with its facts and a digest, added to a
// copy of the real content, in the site's own locale or another.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/shared/paths.ts';
import { copyContent } from './site.ts';

export const economySlug = 'south-korea-chip-exports';
export const economyDigest = '2025-07-04';
export const economyFixture = path.join(projectRoot, 'tests/fixtures/economy');

/** A content tree with the economy article, its facts and its digest; `locale` rewrites site.json's locale and language. */
export function economyContent(locale?: string): string {
  return copyContent((dir) => {
    fs.cpSync(economyFixture, dir, { recursive: true });
    if (locale !== undefined) setLocale(dir, locale);
  });
}

/** Sets a content tree's site.json locale (and the language it names). */
export function setLocale(contentDir: string, locale: string): void {
  const file = path.join(contentDir, '_data', 'site.json');
  const site = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, `${JSON.stringify({ ...site, locale, language: new Intl.Locale(locale).language }, null, 2)}\n`);
}

// Every word in the reader's language: the seed built in each shipped language, and no fixed words of another
// language's catalogue in any output (web pages, feeds, the email's HTML and text, the .eml, digest.json), what the
// editor wrote (the English article, its facts, site.json's names) left aside.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/i18n/catalogue.ts';
import { shippedCatalogues } from '../../src/i18n/shipped-catalogues.ts';
import { editorialText, findLeaks, fragmentsOf, htmlSegments, outputSegments, type Leak } from '../helpers/leaks.ts';
import { publicationOf } from '../helpers/model.ts';
import { buildInto, contentInLanguage, read, tempDir } from '../helpers/site.ts';

const catalogues = shippedCatalogues().byLanguage;
const catalogue = (language: string): Catalogue => catalogues.get(language)!;
const othersThan = (language: string) => [...catalogues.values()].filter((c) => c.language !== language);

const describeLeaks = (leaks: Leak[]) =>
  leaks.map((leak) => `${leak.file}: "${leak.fragment}" (${leak.language} ${leak.key}) in …${leak.context}…`);

describe.each([...catalogues.keys()])('the seed built in "%s"', (language) => {
  let out: string;
  let leaks: Leak[];
  beforeAll(async () => {
    const content = contentInLanguage(language);
    out = await buildInto(content, path.join(tempDir(), '_site'));
    const segments = await outputSegments(out);
    leaks = findLeaks(segments, catalogue(language), othersThan(language), editorialText(publicationOf(content), out));
  });

  it('writes no words of another language’s catalogue anywhere', () => {
    expect(describeLeaks(leaks)).toEqual([]);
  });

  it('says which language every page, feed and email is in', () => {
    expect(read(out, 'index.html')).toMatch(new RegExp(`<html lang="${language}" dir="ltr">`));
    expect(read(out, 'articles/north-korea-more-troops-russia/index.html')).toMatch(new RegExp(`<html lang="${language}" dir="ltr">`));
    expect(read(out, 'feed.xml')).toContain(`xml:lang="${language}"`);
    expect(JSON.parse(read(out, 'feed.json'))).toMatchObject({ language });
    expect(read(out, 'digests/2025-06-27/email.html')).toMatch(new RegExp(`<html lang="${language}" dir="ltr"`));
  });
});

describe('the leak finder', () => {
  const german = catalogue('de');

  it('finds an English word on a German page, and its key', () => {
    const segments = htmlSegments('index.html', '<h2>Key figures</h2><p>Gemeldet: Südkoreas Geheimdienst</p><p>Von X · 24. Juni 2025</p>');
    expect(findLeaks(segments, german, [catalogue('en')], []).map((leak) => [leak.fragment, leak.key])).toEqual(
      expect.arrayContaining([['Key figures', 'figures.heading']]),
    );
  });

  it('leaves what the editor wrote alone, and words both languages share', () => {
    const segments = htmlSegments('index.html', '<h2>Kennzahlen</h2><p>Russia officially announced plans</p><label>Name</label>');
    expect(findLeaks(segments, german, [catalogue('en')], ['Russia officially announced plans'])).toEqual([]);
  });

  it('reads the words between placeholders, in every branch of a plural', () => {
    const texts = fragmentsOf(catalogue('en'))
      .filter((fragment) => fragment.key === 'email.moreOnWeb')
      .map((f) => f.text);
    expect(texts).toEqual(['And', 'more story on the web', 'And', 'more stories on the web']);
  });
});

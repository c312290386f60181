// Words as templates print them: plain text, or HTML whose tags become links and elements, everything else escaped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogues, CatalogueError } from '../../../src/i18n/catalogue.ts';
import { MESSAGES_DIR } from '../../../src/i18n/shipped-catalogues.ts';
import { directionOf, Words, wordsFor } from '../../../src/i18n/words.ts';

/** Words for a catalogue of English plus `messages` (its own keys added to a copy of en.yaml). */
function wordsWith(messages: string): Words {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'words-'));
  fs.writeFileSync(path.join(folder, 'en.yaml'), `${fs.readFileSync(path.join(MESSAGES_DIR, 'en.yaml'), 'utf8')}\ntest:\n${messages}`);
  const catalogue = loadCatalogues(folder).byLanguage.get('en')!;
  fs.rmSync(folder, { recursive: true });
  return new Words(catalogue, 'en-US', 'en');
}

describe('Words.t', () => {
  it('fills placeholders and chooses plural forms, in the language’s rules', () => {
    const english = wordsFor('en-US', 'en');
    expect(english.t('listing.count', { total: 1 })).toBe('1 article, newest first');
    expect(english.t('listing.count', { total: 1234 })).toBe('1,234 articles, newest first');
    expect(wordsFor('de-DE', 'de').t('listing.pagination.page', { page: 2, pages: 3 })).toBe('Seite 2 von 3');
    expect(wordsFor('ko-KR', 'ko').t('listing.count', { total: 3 })).toBe('기사 3건, 최신순');
  });

  it('keeps the words of a tag and drops the tag, as text', () => {
    expect(wordsFor('en-US', 'en').t('notFound.links')).toBe('Go to the latest articles, look through the archive or browse by topic.');
  });
});

describe('Words.html', () => {
  const words = wordsFor('en-US', 'en');

  it('makes a tag given a string a link to it, and escapes the words and the address', () => {
    expect(words.html('digest.plainText', { text: '/digests/a&b/email.txt' })).toBe(
      'Also as <a href="/digests/a&amp;b/email.txt">plain text</a>.',
    );
  });

  it('makes a tag given an element that element, with its attributes, around the values inside it', () => {
    const html = words.html('article.byline', {
      author: 'Kim & Lee <newsroom>',
      date: 'June 24, 2025',
      published: { element: 'time', attributes: { datetime: '2025-06-24T09:00:00+09:00' } },
    });
    expect(html).toBe('By Kim &amp; Lee &lt;newsroom&gt; · <time datetime="2025-06-24T09:00:00+09:00">June 24, 2025</time>');
  });

  it('keeps only the words of a tag given no element', () => {
    expect(words.html('timeline.expected', { date: 'July or August 2025', when: {} })).toBe('July or August 2025 (expected)');
  });

  it('refuses a tag without a value, and an element name that is not one', () => {
    expect(() => words.html('digest.plainText')).toThrow('message "digest.plainText": no value for its tag <text>');
    expect(() => words.html('digest.plainText', { text: { element: 'a onclick=x' } })).toThrow('cannot become the element');
  });

  it('escapes the message’s own words', () => {
    expect(wordsWith("  lessThan: 'fewer than <b>5</b> & more'\n").html('test.lessThan', { b: { element: 'b' } })).toBe(
      'fewer than <b>5</b> &amp; more',
    );
  });
});

describe('directionOf', () => {
  it('reads the writing direction from Intl', () => {
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('ko-KR')).toBe('ltr');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
  });
});

describe('tags in catalogues', () => {
  it('refuses a tag that has a placeholder’s name', () => {
    let problems: readonly string[] = [];
    try {
      wordsWith("  clash: 'Updated <updated>{updated}</updated>'\n");
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/en\.yaml: test\.clash: <updated> has the name of a placeholder; name the tag otherwise$/),
    ]);
  });
});

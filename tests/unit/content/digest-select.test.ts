// A digest's `select`: which articles a tag and a range of days in the site's time zone take in.
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/shared/errors.ts';
import { parseDigest, selectArticles } from '../../../src/content/digest.ts';

const SEOUL = 'Asia/Seoul';
const FILE = 'content/digests/2025-06-27.md';

const article = (slug: string, instant: string, tags: string[] = ['North Korea']) => ({ slug, date: Date.parse(instant), tags, article: { slug } });

// Seoul is nine hours ahead of UTC: each of these is on a different Seoul day than its UTC day, or at its edge.
// Newest first, as the model hands them over.
const articles = [
  article('before-from', '2025-06-19T23:59:59.999+09:00'),
  article('first-instant', '2025-06-20T00:00:00+09:00'),
  article('late-seoul-evening', '2025-06-20T23:30:00+09:00', ['Russia']),
  article('utc-still-the-20th', '2025-06-21T00:10:00+09:00'),
  article('last-instant', '2025-06-22T23:59:59.999+09:00'),
  article('after-to', '2025-06-23T00:00:00+09:00'),
].reverse();

function select(selection: Record<string, unknown>): string[] {
  const digest = parseDigest({ subject: 'S', preheader: 'P', date: '2025-06-27T07:00:00+09:00', intro: 'I', select: selection }, FILE);
  return selectArticles(digest, articles, { file: FILE, zone: SEOUL }).map((a) => a.slug);
}

describe('selectArticles with select', () => {
  it('takes the days from and to, whole, as days in the site zone, newest first', () => {
    expect(select({ from: '2025-06-20', to: '2025-06-22' })).toEqual(['last-instant', 'utc-still-the-20th', 'late-seoul-evening', 'first-instant']);
  });

  it('reads a day as the site zone reads it, not as UTC does', () => {
    expect(select({ from: '2025-06-20', to: '2025-06-20' })).toEqual(['late-seoul-evening', 'first-instant']);
    expect(select({ from: '2025-06-21', to: '2025-06-21' })).toEqual(['utc-still-the-20th']);
  });

  it('leaves a range open where from or to is missing, and narrows by tag', () => {
    expect(select({ to: '2025-06-19' })).toEqual(['before-from']);
    expect(select({ from: '2025-06-23' })).toEqual(['after-to']);
    expect(select({ tag: 'Russia', from: '2025-06-20' })).toEqual(['late-seoul-evening']);
  });

  it('refuses a selection that matches no article', () => {
    expect(() => select({ from: '2025-07-01' })).toThrow(ContentError);
  });
});

describe('selectArticles with articles whose front matter has problems', () => {
  const digest = (fields: Record<string, unknown>) => parseDigest({ subject: 'S', preheader: 'P', date: '2025-06-27T07:00:00+09:00', intro: 'I', ...fields }, FILE);
  const unreadable = new Set(['broken']);

  it('does not call a listed article that exists but cannot be read "not an article", and names the articles folder', () => {
    const listed = digest({ articles: ['first-instant', 'broken'] });
    expect(selectArticles(listed, articles, { file: FILE, zone: SEOUL, unreadable }).map((a) => a.slug)).toEqual(['first-instant']);
    expect(() => selectArticles(listed, articles, { file: FILE, zone: SEOUL, articlesDir: '/tmp/site/articles' })).toThrow(
      `${FILE}: articles: "broken" is not an article (expected a file /tmp/site/articles/broken.md)`,
    );
  });

  it('does not say a selection matches nothing while an article it might match cannot be read', () => {
    const selection = digest({ select: { from: '2025-07-01' } });
    expect(selectArticles(selection, articles, { file: FILE, zone: SEOUL, unreadable })).toEqual([]);
  });
});

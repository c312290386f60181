// Front-matter fields nobody reads are named, with the field most likely meant.
import { describe, expect, it } from 'vitest';
import { likelyField, unknownFieldProblems } from '../../../src/content/unknown-fields.ts';

const ARTICLE = ['title', 'summary', 'date', 'updated', 'dateNote', 'section', 'tags', 'reporting', 'draft'];

describe('likelyField', () => {
  it.each([
    ['drafts', 'draft'],
    ['Title', 'title'],
    ['datenote', 'dateNote'],
    ['date_note', 'dateNote'],
    ['summery', 'summary'],
    ['tag', 'tags'],
    ['updatd', 'updated'],
  ])('reads %s as %s', (field, meant) => {
    expect(likelyField(field, ARTICLE)).toBe(meant);
  });

  it('suggests nothing for a field unlike any', () => {
    expect(likelyField('author', ARTICLE)).toBeUndefined();
    expect(likelyField('layout', ARTICLE)).toBeUndefined();
    // A short word is like no field; at most half of a name's letters may differ.
    expect(likelyField('xy', ['tags', 'date'])).toBeUndefined();
  });
});

describe('unknownFieldProblems', () => {
  it('names the file and each unknown field, with the fields there are', () => {
    expect(unknownFieldProblems({ title: 'T', drafts: true, author: 'A' }, ARTICLE, 'content/articles/x.md', 'articles')).toEqual([
      'content/articles/x.md: drafts: not a field articles have; did you mean draft? (the fields are title, summary, date, updated, dateNote, section, tags, reporting, draft)',
      'content/articles/x.md: author: not a field articles have (the fields are title, summary, date, updated, dateNote, section, tags, reporting, draft)',
    ]);
    expect(unknownFieldProblems({ title: 'T', draft: false }, ARTICLE, 'x.md', 'articles')).toEqual([]);
  });
});

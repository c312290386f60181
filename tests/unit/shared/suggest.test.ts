// Front-matter fields nobody reads are named, with the field most likely meant.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { likelyField, likelyName } from '../../../src/shared/suggest.ts';
import { validate } from '../../../src/shared/validate.ts';

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

describe('likelyName', () => {
  it('finds a slug or id a few edits away for its length, a swap of neighbours counting once', () => {
    const slugs = ['north-korea-more-troops-russia', 'beijing-backs-chip-subsidies'];
    expect(likelyName('north-korea-more-troop-russia', slugs)).toBe('north-korea-more-troops-russia');
    expect(likelyName('beijing-backs-chip-subsidise', slugs)).toBe('beijing-backs-chip-subsidies');
    expect(likelyName('agnecy', ['agency', 'ministry'])).toBe('agency');
    expect(likelyName('south-korea', slugs)).toBeUndefined();
  });
});

describe('validate', () => {
  const where = {
    shown: 'content/articles/x.md',
    lineOf: (p: readonly PropertyKey[]) => (p[0] === 'drafts' ? 4 : undefined),
    what: 'articles',
  };
  const schema = z.object({ title: z.string(), draft: z.boolean().optional(), author: z.object({ name: z.string() }).optional() });

  it('names each unknown field, its line and the field most likely meant, in objects at any depth', () => {
    const result = validate(schema, { title: 'T', drafts: true, author: { nmae: 'A' }, layout: 'x' }, where);
    expect(result.problems).toEqual([
      'content/articles/x.md: line 4: drafts: not a field articles have; did you mean draft? (expected one of title, draft, author)',
      'content/articles/x.md: author.nmae: not a field author has; did you mean name? (expected name)',
      'content/articles/x.md: layout: not a field articles have (expected one of title, draft, author)',
      'content/articles/x.md: author.name: Invalid input: expected string, received undefined',
    ]);
    expect(result.ok).toBe(false);
    expect(validate(schema, { title: 'T', draft: false }, where)).toEqual({ ok: true, value: { title: 'T', draft: false }, problems: [] });
  });

  it('lets an object that takes any field have any field', () => {
    expect(validate(z.looseObject({ title: z.string() }), { title: 'T', layout: 'page.njk' }, where).ok).toBe(true);
  });
});

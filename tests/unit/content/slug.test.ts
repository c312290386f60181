import { describe, expect, it } from 'vitest';
import { slugify } from '../../../src/content/slug.ts';

describe('slugify', () => {
  it.each([
    ['North Korea', 'north-korea'],
    ['Ukraine war', 'ukraine-war'],
    ['  Škoda & Co. ', 'skoda-co'],
    ['북한', '북한'],
    ['Nord-Korea (Militär)', 'nord-korea-militar'],
    ['<script>', 'script'],
    ['---', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

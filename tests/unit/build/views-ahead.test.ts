// Article views worked out ahead by the content check's worker: the same as the build's own, handed
// over intact, and used by the filters only when made from what the build would use itself.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { checkContentInWorker } from '../../../src/build/check-in-worker.ts';
import { postViewsAhead, publishedIso, type HandedViews, type ViewsMessage } from '../../../src/build/views-ahead.ts';
import { loadSite } from '../../../src/content/site.ts';
import { registerFilters } from '../../../src/eleventy/filters.ts';
import type { BuildState } from '../../../src/eleventy/state.ts';
import type { EleventyConfig } from '../../../src/eleventy/types.ts';
import { articleViews } from '../../../src/facts/article-views.ts';
import { loadAllFacts } from '../../../src/facts/load.ts';
import { realContentDir, seedSlug } from '../../helpers/site.ts';

const site = loadSite(realContentDir);
const options = { locale: site.locale, zone: site.timeZone };
const facts = loadAllFacts(realContentDir, site.timeZone);
const seedFacts = facts[seedSlug]!;
const frontMatter = matter(fs.readFileSync(path.join(realContentDir, 'articles', `${seedSlug}.md`), 'utf8'), {}).data;

describe('publishedIso', () => {
  it('prints the instant of a date with an offset, or of a YAML timestamp, as Date#toISOString does', () => {
    expect(publishedIso('2025-06-24T09:00:00+09:00')).toBe('2025-06-24T00:00:00.000Z');
    expect(publishedIso(new Date('2025-06-24T00:00:00Z'))).toBe('2025-06-24T00:00:00.000Z');
    expect(publishedIso('not a date')).toBeUndefined();
    expect(publishedIso(undefined)).toBeUndefined();
  });
});

describe('postViewsAhead', () => {
  it("posts each article's views, made from its facts and publication date", () => {
    const messages: ViewsMessage[] = [];
    postViewsAhead(realContentDir, facts, options, (message) => messages.push(message));
    const published = publishedIso(frontMatter.date)!;
    expect(messages).toEqual([{ batch: [{ slug: seedSlug, published, ...options, views: articleViews(seedFacts, published, options) }] }]);
    expect((messages[0] as { batch: HandedViews[] }).batch[0]?.views.timeline.length).toBeGreaterThan(0);
  });

  it('leaves out articles without facts', () => {
    const messages: ViewsMessage[] = [];
    postViewsAhead(realContentDir, {}, options, (message) => messages.push(message));
    expect(messages).toEqual([]);
  });
});

describe('checkContentInWorker views', () => {
  it('hands over the views intact, after the facts, without the build waiting for them', async () => {
    const check = checkContentInWorker(realContentDir);
    check.facts();
    expect(await check.errors).toEqual([]);
    const handed = check.views(seedSlug);
    expect(handed?.published).toBe(publishedIso(frontMatter.date));
    expect(isDeepStrictEqual(handed?.views, articleViews(seedFacts, handed?.published ?? '', options))).toBe(true);
    expect(check.views('no-such-article')).toBeUndefined();
    check.close();
    expect(check.views(seedSlug)).toBeUndefined();
  });
});

describe('filters with handed views', () => {
  /** The filters registered against a build state whose handed views are `entry`. */
  function filtersWith(entry: HandedViews | undefined) {
    const filters = new Map<string, (...args: unknown[]) => unknown>();
    const config = { addFilter: (name: string, fn: (...args: unknown[]) => unknown) => filters.set(name, fn) } as unknown as EleventyConfig;
    const state = { contentDir: realContentDir, site, facts, serving: false, handedViews: (slug: string) => (slug === seedSlug ? entry : undefined) } as BuildState;
    registerFilters(config, () => state);
    return (name: string, ...args: unknown[]) => filters.get(name)?.(...args);
  }
  const date = new Date(publishedIso(frontMatter.date)!);
  const own = articleViews(seedFacts, date.toISOString(), options);
  /** Handed views whose chart, timeline and sources differ visibly from the article's own, to see which the filters return. */
  const marked = (): HandedViews => ({
    slug: seedSlug,
    published: date.toISOString(),
    ...options,
    views: { keyFigures: [...own.keyFigures], chart: undefined, timeline: [], sources: [] },
  });

  it('use the handed views when made with the same locale, zone and publication date, the once-only parts once', () => {
    const entry = marked();
    const filter = filtersWith(entry);
    expect(filter('timeline', seedFacts, date)).toEqual([]);
    expect(filter('sources', seedFacts)).toEqual([]);
    expect(filter('keyFiguresChart', seedFacts)).toBeUndefined();
    expect(filter('keyFigures', seedFacts)).toBe(entry.views.keyFigures);
    // Taken once: asked again (not something a build does), the filters compute them.
    expect(filter('timeline', seedFacts, date)).toEqual(own.timeline);
    expect(filter('sources', seedFacts)).toEqual(own.sources);
    expect(filter('keyFiguresChart', seedFacts)).toEqual(own.chart);
  });

  it('compute their own when the handed views were made differently, or none were handed', () => {
    const laterDate = new Date(date.getTime() + 86_400_000);
    expect(filtersWith(marked())('timeline', seedFacts, laterDate)).toEqual(articleViews(seedFacts, laterDate.toISOString(), options).timeline);
    expect(filtersWith({ ...marked(), zone: 'UTC' })('timeline', seedFacts, date)).toEqual(own.timeline);
    const otherLocale = { ...marked(), locale: 'de-DE' };
    expect(filtersWith(otherLocale)('keyFigures', seedFacts)).not.toBe(otherLocale.views.keyFigures);
    expect(filtersWith(otherLocale)('sources', seedFacts)).toEqual(own.sources);
    const none = filtersWith(undefined);
    expect(none('timeline', seedFacts, date)).toEqual(own.timeline);
    expect(none('keyFiguresChart', seedFacts)).toEqual(own.chart);
    expect(none('sources', seedFacts)).toEqual(own.sources);
  });
});

// Topics: an article's tags grouped by the URL they make, each article listed once per topic.
import { describe, expect, it } from 'vitest';
import { slugify } from '../../../src/content/slug.ts';
import type { ArticleView } from '../../../src/present/article.ts';
import { groupTopics } from '../../../src/site/publication.ts';

const article = (slug: string, tags: string[]) =>
  ({ slug, tags, topics: tags.flatMap((tag) => (slugify(tag) ? [{ tag, slug: slugify(tag) }] : [])) }) as unknown as ArticleView;

describe('groupTopics', () => {
  it('lists an article once under a topic it is tagged with twice, in one spelling or two', () => {
    const twice = article('twice', ['Ukraine war', 'ukraine-WAR', 'Russia', 'Russia']);
    const once = article('once', ['Russia']);
    const topics = groupTopics([twice, once]);
    expect(topics.map(({ tag, slug, items }) => [tag, slug, items.map((i) => i.slug)])).toEqual([
      ['Russia', 'russia', ['twice', 'once']],
      ['Ukraine war', 'ukraine-war', ['twice']],
    ]);
  });

  it('names a topic as its newest article spells the tag', () => {
    const topics = groupTopics([article('newer', ['north korea']), article('older', ['North Korea'])]);
    expect(topics.map(({ tag }) => tag)).toEqual(['north korea']);
  });

  it('gives a tag with no letters or digits no topic (the content check names it)', () => {
    const topics = groupTopics([article('dashes', ['--', 'Russia'])]);
    expect(topics.map(({ tag, items }) => [tag, items.map((i) => i.slug)])).toEqual([['Russia', ['dashes']]]);
  });
});

// Topics: an article's tags grouped by the URL they make, each article listed once per topic.
import { describe, expect, it } from 'vitest';
import { groupTopics } from '../../../src/eleventy/articles.ts';
import type { CollectionItem } from '../../../src/eleventy/types.ts';

const article = (slug: string, tags: string[]): CollectionItem => ({
  url: `/articles/${slug}/`,
  inputPath: `./content/articles/${slug}.md`,
  fileSlug: slug,
  date: new Date('2025-06-24T00:00:00Z'),
  data: { tags },
  content: '',
});

describe('groupTopics', () => {
  it('lists an article once under a topic it is tagged with twice, in one spelling or two', () => {
    const twice = article('twice', ['Ukraine war', 'ukraine-WAR', 'Russia', 'Russia']);
    const once = article('once', ['Russia']);
    const topics = groupTopics([twice, once]);
    expect(topics.map(({ tag, slug, items }) => [tag, slug, items.map((i) => i.fileSlug)])).toEqual([
      ['Russia', 'russia', ['twice', 'once']],
      ['Ukraine war', 'ukraine-war', ['twice']],
    ]);
  });

  it('refuses a tag with no letters or digits, naming the file', () => {
    expect(() => groupTopics([article('dashes', ['--'])])).toThrow(
      'content/articles/dashes.md: tags: "--" has no letters or digits to make its topic URL from',
    );
  });

  it('leaves such a tag out of the dev server’s preview, whose content check names it', () => {
    const topics = groupTopics([article('dashes', ['--', 'Russia'])], true);
    expect(topics.map(({ tag, items }) => [tag, items.map((i) => i.fileSlug)])).toEqual([['Russia', ['dashes']]]);
  });
});

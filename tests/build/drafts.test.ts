// Drafts are previews for the dev server: a build writes them nowhere and lists them nowhere.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto, listFiles, load, read, serveModeBuild, tempDir } from '../helpers/site.ts';
import { DRAFT, newsContent } from '../helpers/news-site.ts';

const draftPath = `/articles/${DRAFT.slug}/`;

describe('a draft in a build', () => {
  let out: string;
  let files: string[];
  beforeAll(async () => {
    out = await buildInto(newsContent());
    files = listFiles(out);
  });

  it('writes no page for the draft, and no page for a topic only the draft has', () => {
    expect(files.filter((f) => f.includes(DRAFT.slug))).toEqual([]);
    expect(files.filter((f) => f.startsWith('tags/draft-only-topic'))).toEqual([]);
  });

  it('mentions the draft in no output file: home, archive, topics, feeds, sitemap, digests', () => {
    // Every text file the build writes, so a new listing cannot forget drafts unnoticed.
    const text = files.filter((f) => /\.(html|xml|json|txt|eml)$/.test(f));
    for (const file of [
      'index.html',
      'archive/index.html',
      'tags/index.html',
      'tags/north-korea/index.html',
      'feed.xml',
      'feed.json',
      'sitemap.xml',
      'digests/2025-06-28/index.html',
      'digests/2025-06-28/digest.json',
    ]) {
      expect(text, file).toContain(file);
    }
    for (const file of text) {
      const content = read(out, file);
      expect(content, file).not.toContain(DRAFT.slug);
      expect(content, file).not.toContain(DRAFT.title);
      expect(content, file).not.toContain(DRAFT.tag);
    }
  });

  it('leaves the draft out of a digest that selects by its tag and date', () => {
    const digest = JSON.parse(read(out, 'digests/2025-06-28/digest.json')) as { articles: string[] };
    expect(digest.articles).toEqual(['https://dispatch.example.org/articles/north-korea-more-troops-russia/']);
  });
});

describe('a draft under the dev server', () => {
  it('is rendered and listed, so editors can preview it', async () => {
    const content = newsContent();
    const out = path.join(tempDir(), '_site');
    await serveModeBuild(content, out);
    expect(listFiles(out)).toContain(`articles/${DRAFT.slug}/index.html`);
    expect(read(out, 'index.html')).toContain(`href="${draftPath}"`);
    expect(read(out, 'feed.xml')).toContain(DRAFT.title);
  });

  it('is labelled as a draft on its page and in listings, and nothing else is', async () => {
    const out = await serveModeBuild(newsContent());
    const label = (file: string) =>
      load(
        out,
        file,
      )('.draft-label')
        .map((_, el) => load(out, file)(el).text())
        .get();
    expect(label(`articles/${DRAFT.slug}/index.html`)).toEqual(['Draft: not published']);
    const home = load(out, 'index.html');
    expect(
      home('.teaser')
        .filter((_, li) => home(li).find('.draft-label').length > 0)
        .find('h2')
        .text(),
    ).toBe(DRAFT.title);
    expect(label('articles/north-korea-more-troops-russia/index.html')).toEqual([]);
  });
});

// The dev server renders an article whose raw HTML the policy refuses (its check lists the problems at the
// top of every page), but none of that HTML reaches the preview: not the page, not the feeds.
// A file of its own: a build earlier in the same process would leave Eleventy's compiled layouts behind.
import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { previewOnce } from '../../src/build/dev-server.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { withProblemsBanner } from '../../src/site/problems-banner.ts';
import { appendToArticle, articlePage, DISALLOWED, feedContents } from '../helpers/raw-html.ts';
import { copyContent, load, read, tempDir } from '../helpers/site.ts';

describe('raw HTML the policy does not allow, in the preview', () => {
  let out: string;
  let problems: readonly string[];
  beforeAll(async () => {
    out = path.join(tempDir(), '_site');
    const contentDir = copyContent((dir) => appendToArticle(dir, DISALLOWED));
    const session = await previewOnce({
      contentDir,
      templatesDir: path.join(projectRoot, 'templates'),
      outputDir: out,
      warn: () => undefined,
    });
    problems = session.problems();
  });

  it('is left out of the page and both feeds', () => {
    for (const html of [load(out, articlePage)('main').html() ?? '', ...feedContents(out)]) {
      expect(html).not.toContain('<script');
      expect(html).not.toContain('alert(document.cookie)');
      expect(html).not.toMatch(/onerror/i);
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toContain('the second source is the minister');
    }
    // What the policy allows around it is still there.
    expect(load(out, articlePage)('main img[alt="x"]').attr('src')).toBe('https://images.example.org/x.jpg');
  });

  it('is listed where the editor looks', () => {
    // As the dev server sends the page: with the current problems at its top.
    const listed = cheerio
      .load(withProblemsBanner(read(out, articlePage), problems))('.dev-problems li')
      .text();
    expect(listed).toContain('<script> is not allowed: the site runs no scripts');
    expect(listed).toContain('<img onerror="alert(1)"> is not allowed');
  });
});

// Raw HTML in an article body: what the policy allows reaches the page and both feeds; what it does not
// stops `npm run check` and the build with the file, the line and what is not allowed (the preview, which
// renders it anyway, is in raw-html-preview.test.ts).
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/check.ts';
import { ContentError } from '../../src/shared/errors.ts';
import { EMBED_SANDBOX } from '../../src/render/markdown.ts';
import { runCli } from '../helpers/cli.ts';
import { ALLOWED, appendToArticle, articleFile, articlePage, DISALLOWED, feedContents } from '../helpers/raw-html.ts';
import { buildInto, copyContent, load } from '../helpers/site.ts';

describe('raw HTML the policy allows', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(copyContent((dir) => appendToArticle(dir, ALLOWED)));
  });

  it('reaches the article page as written, and an embed is sandboxed', () => {
    const $ = load(out, articlePage);
    expect($('main sub').text()).toBe('2');
    expect($('main sup').text()).toBe('6');
    expect($('main abbr[title="Democratic People’s Republic of Korea"]').text()).toBe('DPRK');
    expect($('main figure img').attr('src')).toBe('https://images.example.org/kursk.jpg');
    expect($('main figure:has(img[src*="kursk"]) figcaption').text()).toBe('Kursk in March');
    const frame = $('main iframe');
    expect(frame.attr('src')).toBe('https://www.youtube-nocookie.com/embed/abc123');
    expect(frame.attr('sandbox')).toBe(EMBED_SANDBOX);
  });

  it('reaches both feeds the same way', () => {
    for (const html of feedContents(out)) {
      const $ = cheerio.load(html);
      expect($('sup').text()).toBe('6');
      expect($('figcaption').text()).toBe('Kursk in March');
      expect($('iframe').attr('sandbox')).toBe(EMBED_SANDBOX);
    }
  });
});

describe('raw HTML the policy does not allow', () => {
  let content: string;
  let lines: number[];
  let expected: string[];
  beforeAll(() => {
    content = copyContent((dir) => {
      lines = appendToArticle(dir, DISALLOWED);
    });
    const shown = `${articleFile(content)}: line`;
    expected = [
      `${shown} ${lines[0]}: <script> is not allowed: the site runs no scripts`,
      `${shown} ${lines[1]}: <img onerror="alert(1)"> is not allowed: event handlers are scripts, and the site runs none`,
      `${shown} ${lines[2]}: the link to javascript:alert(1) is not allowed: links may use http:, https:, mailto:, tel: or a path on this site`,
      `${shown} ${lines[2]}: <a href="javascript:alert(2)"> is not allowed: links may use http:, https:, mailto:, tel: or a path on this site`,
      `${shown} ${lines[3]}: <!-- … --> is not allowed: an HTML comment is published in the page's source; write a note to the desk as {# … #}`,
    ];
  });

  it('is named by the check, by file, line and what is not allowed', () => {
    expect(checkContent(content).errors).toEqual(expected);
    const check = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(check.status).toBe(1);
    for (const problem of expected) expect(check.stderr).toContain(problem);
  });

  it('stops the build with the same problems', async () => {
    const built = buildInto(content);
    await expect(built).rejects.toBeInstanceOf(ContentError);
    await expect(built).rejects.toMatchObject({ problems: expected });
  });
});

// The preheader's filler keeps the rest of the email out of the inbox preview, whatever the preheader's length.
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestOf, loadEmailBench, type EmailBench } from '../../../bench/email.ts';
import { digestPipelineOptions } from '../../../src/digest/email.ts';
import { preheaderFillerCount, PREVIEW_LENGTH } from '../../../src/email/preheader.ts';
import { runEmailPipeline } from '../../../src/email/pipeline.ts';
import { realContentDir } from '../../helpers/site.ts';

let bench: EmailBench;
beforeAll(() => {
  bench = loadEmailBench(realContentDir);
});

/**
 * The first `length` characters of the inbox preview as a client builds it: the body's text, hidden
 * elements included, whitespace collapsed as HTML does, and zero-width characters dropped (the strictest
 * count: a client that keeps them sees even more filler).
 */
function preview(html: string, length: number): string {
  const $ = cheerio.load(html);
  const text = $('body')
    .text()
    .replace(/[\t\n\f\r ]+/g, ' ')
    .replace(/[\u034f\u200b-\u200d\u2060\ufeff]/g, '')
    .trim();
  return [...text].slice(0, length).join('');
}

async function emailWithPreheader(preheader: string): Promise<string> {
  const view = { ...digestOf(bench, 'preview', bench.articles.slice(0, 1)), preheader, preheaderFiller: preheaderFillerCount(preheader) };
  return (await runEmailPipeline(bench.render(view), digestPipelineOptions(view, bench.publication.site))).html;
}

describe('the preheader', () => {
  it.each([
    ['a short one', 'Troops, figures and sources.'],
    ['one of 150 characters', 'x'.repeat(150)],
    ['one at the 200-character limit', 'y'.repeat(200)],
    ['one in Korean', '북한, 러시아에 추가 파병 준비: 핵심 수치와 출처'],
  ])('shows nothing after %s in a preview of 150 to 200 characters', async (_name, preheader) => {
    const html = await emailWithPreheader(preheader);
    for (const length of [150, 175, PREVIEW_LENGTH]) {
      const shown = preview(html, length);
      expect(shown.startsWith(preheader.slice(0, length)), `preview of ${length}`).toBe(true);
      expect(shown.slice(preheader.length), `preview of ${length}`).toMatch(/^[\u00a0 ]*$/);
    }
  });

  it('needs no filler past the longest preview, so a long preheader costs nothing extra', () => {
    expect(preheaderFillerCount('z'.repeat(PREVIEW_LENGTH))).toBe(0);
    expect(preheaderFillerCount('short')).toBe(PREVIEW_LENGTH - 5);
    expect(preheaderFillerCount('한국어')).toBe(PREVIEW_LENGTH - 3);
  });
});

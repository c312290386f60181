// The digest email assumes no writing direction: a right-to-left language gets dir="rtl" and its sides swapped.
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { createDigestRenderer } from '../../../src/digest/render.ts';
import { Words, wordsFor } from '../../../src/i18n/words.ts';
import { projectRoot } from '../../../src/shared/paths.ts';
import { publicationOf } from '../../helpers/model.ts';
import { realContentDir } from '../../helpers/site.ts';

describe('the digest email in a right-to-left language', () => {
  const publication = publicationOf(realContentDir);
  const renderer = createDigestRenderer(path.join(projectRoot, 'templates'), publication.site);
  const view = publication.digests[0]!;
  // English words under an Arabic language tag: what matters here is the direction Intl gives "ar".
  const rightToLeft = new Words(wordsFor('en-US').catalogue, 'en-US', 'ar');

  it('says so on <html> and the wrapper, and puts the masthead at the right and the browser link at the left', () => {
    const $ = cheerio.load(renderer.html({ ...view, words: rightToLeft }));
    expect($('html').attr('dir')).toBe('rtl');
    expect($('html').attr('lang')).toBe('ar');
    expect($('.page').attr('dir')).toBe('rtl');
    const css = $('style').first().text();
    expect(css).toMatch(/\.masthead \{[^}]*text-align: right;/);
    expect(css).toMatch(/\.topbar \{[^}]*text-align: left;/);
  });

  it('keeps left to right for the site’s own language', () => {
    const $ = cheerio.load(renderer.html(view));
    expect($('html').attr('dir')).toBe('ltr');
    expect($('style').first().text()).toMatch(/\.masthead \{[^}]*text-align: left;/);
  });
});

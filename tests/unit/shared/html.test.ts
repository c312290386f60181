// Escaping what content says for the places it lands: HTML, and Markdown source that markdown-it renders.
import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownLiteral } from '../../../src/shared/html.ts';

const md = markdownIt({ html: true });
const inline = (source: string) => md.renderInline(source);
const block = (source: string) => md.render(source);

describe('escapeHtml', () => {
  it('escapes the five characters that end text or an attribute', () => {
    expect(escapeHtml(`<a href="x">Kim & Lee's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Kim &amp; Lee&#39;s&lt;/a&gt;');
  });
});

describe('markdownLiteral', () => {
  it('renders through markdown-it as the text itself, with no markup', () => {
    const texts = [
      '*year*',
      '__twice__',
      '`code`',
      '[link](http://x)',
      '![img](x)',
      '~~gone~~',
      'a | b',
      '<b>bold</b>',
      'Kim & Lee\'s "unit"',
      'back\\slash',
      '&amp; already',
      '&#35; entity-like',
      'more than three-year',
      '~2,600',
      '7 to 15 months',
    ];
    for (const text of texts) expect(inline(markdownLiteral(text))).toBe(md.utils.escapeHtml(text));
  });

  it('never starts a heading, a list or a quote when a figure opens a line', () => {
    for (const text of ['# 1', '1. first', '- item', '+ item', '> quote', '=== ']) {
      expect(block(markdownLiteral(text))).toBe(`<p>${md.utils.escapeHtml(text).trim()}</p>\n`);
    }
  });

  it('leaves letters, digits, spaces and non-ASCII text as they are', () => {
    expect(markdownLiteral('around 600 · 약 600명 “quoted”')).toBe('around 600 · 약 600명 “quoted”');
  });
});

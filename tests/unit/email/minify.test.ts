import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startTags } from '../../../src/email/html.ts';
import { breakLongLines, MAX_LINE_BYTES } from '../../../src/email/line-breaks.ts';
import { collapseCssWhitespace, minify } from '../../../src/email/steps/minify.ts';

const lineBytes = (html: string): number[] => html.split('\n').map((line) => Buffer.byteLength(line, 'utf8'));
const withoutWhitespace = (html: string): string => html.replace(/\s+/g, '');

describe('minify', () => {
  it('collapses whitespace and removes plain comments', async () => {
    const html = await minify('<div>\n  <!-- a note -->\n  <p>  Hello\n   world  </p>\n</div>');
    expect(html).toBe('<div><p>Hello world</p></div>');
  });

  it('keeps MSO conditional comments, downlevel-revealed ones included, with their content as written', async () => {
    const ghost = '<!--[if mso]>\n<table role="presentation" width="600"><tr><td>\n<![endif]-->';
    const notMso = '<!--[if !mso]><!--><div class="web-only">web</div><!--<![endif]-->';
    const html = await minify(`<body>\n  ${ghost}\n  <p>x</p>\n  ${notMso}\n  <!--[if mso]></td></tr></table><![endif]-->\n</body>`);
    expect(html).toContain(ghost);
    expect(html).toContain('<!--[if !mso]><!-->');
    expect(html).toContain('<!--<![endif]-->');
    expect(html).toContain('<!--[if mso]></td></tr></table><![endif]-->');
  });

  it('keeps six-digit colours, the space before !important, empty alt and quotes', async () => {
    const html = await minify(
      '<head><style>\n  @media (max-width: 600px) {\n    .a { color: #aabbcc !important; }\n  }\n</style></head><body><img src="https://example.org/a.png" alt="" width="10"></body>',
    );
    expect(html).toContain('<style>@media (max-width: 600px){.a{color: #aabbcc !important;}}</style>');
    expect(html).toContain('<img src="https://example.org/a.png" alt="" width="10">');
  });

  it('leaves merge tags alone', async () => {
    const html = await minify('<p>\n  <a href="*|UNSUB|*">Unsubscribe</a>\n  <a href="{{ UnsubscribeURL }}">u</a>\n</p>');
    expect(html).toBe('<p><a href="*|UNSUB|*">Unsubscribe</a> <a href="{{ UnsubscribeURL }}">u</a></p>');
  });

  it('keeps SendGrid’s <%…%> tags as written and still minifies the page’s CSS', async () => {
    const html = await minify(
      '<html><head><style>\n  .a { color: red; }\n</style></head><body><a href="<%asm_global_unsubscribe_raw_url%>" style="color: red; ">x</a></body></html>',
    );
    expect(html).toBe(
      '<html><head><style>.a{color: red;}</style></head><body><a href="<%asm_global_unsubscribe_raw_url%>" style="color:red">x</a></body></html>',
    );
  });

  it('breaks a 200 KB one-line document into lines of at most 998 bytes without changing it otherwise', async () => {
    const row = (index: number): string =>
      `<tr><td class="cell" style="padding: 8px; color: #1f2328; font-family: Arial, Helvetica, sans-serif;"><a href="https://dispatch.example.org/articles/${index}/?utm_source=newsletter&amp;utm_medium=email">Article ${index}</a></td></tr>`;
    let body = '';
    for (let index = 0; body.length < 200 * 1024; index += 1) body += row(index);
    const input = `<!DOCTYPE html><html><head><title>x</title></head><body><table role="presentation">${body}</table></body></html>`;
    expect(input).not.toContain('\n');

    const html = await minify(input);

    expect(Math.max(...lineBytes(html))).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(html.split('\n').length).toBeGreaterThan(200);
    // Whitespace aside, only each style attribute's last semicolon goes.
    expect(withoutWhitespace(html)).toBe(withoutWhitespace(input).replaceAll(';"', '"'));
    for (const tag of startTags(html)) {
      for (const attribute of tag.attributes) expect(attribute.raw).not.toContain('\n');
    }
  });
});

describe('breakLongLines', () => {
  it('leaves short lines alone', () => {
    expect(breakLongLines('<p>a b</p>\n<p>c</p>', 20)).toBe('<p>a b</p>\n<p>c</p>');
  });

  it("breaks at whitespace in text and between attributes, or before a tag's >", () => {
    expect(breakLongLines('<p>aaaa bbbb cccc</p>', 12)).toBe('<p>aaaa bbbb\ncccc</p>');
    expect(breakLongLines('<td class="aaaa" style="b:c">x</td>', 18)).toBe('<td class="aaaa"\nstyle="b:c">x</td>');
    expect(breakLongLines('<b>x</b><b>y</b><b>z</b>', 10)).toBe('<b>x</b><b\n>y</b><b\n>z</b>');
  });

  it('never breaks inside attribute values, conditional comment markers or CSS strings', () => {
    const html = breakLongLines(
      '<!--[if mso]><table role="presentation"><![endif]--><a title="a b c d e f g h">x</a><style>.a{font-family:"Segoe UI x y"}</style>',
      16,
    );
    expect(html).toContain('<!--[if mso]>');
    expect(html).toContain('title="a b c d e f g h"');
    expect(html).toContain('"Segoe UI x y"');
  });

  it('does not put a line break before !important in CSS', () => {
    const html = breakLongLines('<style>.a{color: #aabbcc !important;}</style>', 28);
    expect(html).toContain(' !important');
  });

  it('counts bytes, not characters', () => {
    const text = `<p>${'한국어 '.repeat(200)}</p>`;
    expect(text.length).toBeLessThan(MAX_LINE_BYTES);
    expect(Math.max(...lineBytes(breakLongLines(text)))).toBeLessThanOrEqual(MAX_LINE_BYTES);
  });

  it('leaves a line it cannot break safely too long, for the line-length check to report', () => {
    const url = `https://example.org/${'a'.repeat(1200)}`;
    const html = breakLongLines(`<p>before</p><a href="${url}">x</a>`);
    expect(html).toContain(`href="${url}"`);
    expect(Math.max(...lineBytes(html))).toBeGreaterThan(MAX_LINE_BYTES);
  });

  it('keeps every line within the limit when no single token is longer than it', () => {
    const word = fc.stringMatching(/^[a-z]{1,20}$/);
    const token = fc.oneof(
      word.map((w) => `<span class="${w}">`),
      fc.constant('</span>'),
      word,
      fc.constant(' '),
      word.map((w) => `<!--[if mso]><td width="${w.length}"><![endif]-->`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 300 }), fc.integer({ min: 60, max: 200 }), (tokens, max) => {
        const line = tokens.join('');
        const broken = breakLongLines(line, max);
        expect(Math.max(...lineBytes(broken))).toBeLessThanOrEqual(max);
        expect(withoutWhitespace(broken)).toBe(withoutWhitespace(line));
        expect(broken.split('\n').join(' ').replace(/ /g, '')).toBe(line.replace(/ /g, ''));
      }),
    );
  });
});

describe('collapseCssWhitespace', () => {
  it('drops comments and collapses whitespace but leaves strings alone', () => {
    expect(collapseCssWhitespace('/* x */\n.a {\n  font-family: "Segoe  UI";\n  color: #abc;\n}\n')).toBe(
      '.a{font-family: "Segoe  UI";color: #abc;}',
    );
  });
});

describe('compactDeclarations', () => {
  it('drops the spaces around property names and the last semicolon only', async () => {
    const { compactDeclarations } = await import('../../../src/email/steps/minify.ts');
    expect(compactDeclarations("color: #1b1b1b; font-family: Georgia, 'Times New Roman', serif;")).toBe(
      "color:#1b1b1b;font-family:Georgia, 'Times New Roman', serif",
    );
    expect(compactDeclarations('font-family: &quot;Helvetica Neue&quot;, Arial')).toBe('font-family:&quot;Helvetica Neue&quot;, Arial');
    expect(compactDeclarations('margin: 0 0 8px ; ')).toBe('margin:0 0 8px');
    expect(compactDeclarations('color: red !important;')).toBe('color:red !important');
  });

  it('is what minify does to style attributes', async () => {
    expect(await minify('<p style="margin: 0 0 8px; color: #a3211c;">x</p>')).toBe('<p style="margin:0 0 8px;color:#a3211c">x</p>');
  });
});

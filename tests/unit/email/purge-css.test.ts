import { describe, expect, it } from 'vitest';
import { purgeCss } from '../../../src/email/steps/purge-css.ts';

describe('purgeCss', () => {
  it('drops rules for classes the email does not use, and empty blocks', () => {
    const html =
      '<html><head><style>.figures{color: red;}.figures th{padding: 1px;}</style></head><body><p class="lede">x</p></body></html>';
    expect(purgeCss(html)).toBe('<html><head></head><body><p class="lede">x</p></body></html>');
  });

  it('keeps rules whose elements exist, including pseudo-classes, and thins selector lists', () => {
    const html =
      '<html><head><style>a:hover{color: red;}.gone, .lede{margin: 0;}</style></head><body><p class="lede"><a href="#">x</a></p></body></html>';
    expect(purgeCss(html)).toBe(
      '<html><head><style>a:hover {color: red;}\n.lede {margin: 0;}</style></head><body><p class="lede"><a href="#">x</a></p></body></html>',
    );
  });

  it('leaves data-embed blocks and at-rules alone', () => {
    const html =
      '<html><head><style data-embed>.gone{color: red;}</style><style>@media (max-width: 600px){.gone{color: red;}}</style></head><body></body></html>';
    expect(purgeCss(html)).toBe(html);
  });
});

describe('purgeCss selectors it cannot judge', () => {
  it('keeps attribute selectors and ids, and drops a descendant rule when one part is missing', () => {
    const html =
      '<html><head><style>[data-x] p{color: red;}#MessageViewBody a{color: red;}.lede em{color: red;}</style></head><body><p class="lede">x</p></body></html>';
    expect(purgeCss(html)).toBe(
      '<html><head><style>[data-x] p {color: red;}\n#MessageViewBody a {color: red;}</style></head><body><p class="lede">x</p></body></html>',
    );
  });
});

describe('purgeCss and sibling combinators', () => {
  it('judges each part of an adjacent or general sibling selector, as with descendants', () => {
    const html =
      '<html><head><style>.figures th + td{color: red;}.figures td ~ td{color: grey;}.gone + td{color: blue;}</style></head><body><table class="figures"><tr><th>a</th><td>b</td></tr></table></body></html>';
    expect(purgeCss(html)).toBe(
      '<html><head><style>.figures th + td {color: red;}\n.figures td ~ td {color: grey;}</style></head><body><table class="figures"><tr><th>a</th><td>b</td></tr></table></body></html>',
    );
  });

  it('drops them with the figures table when an issue has no figures', () => {
    const html =
      '<html><head><style>.figures th + td{color: red;}.lede{margin: 0;}</style></head><body><p class="lede">x</p></body></html>';
    expect(purgeCss(html)).toBe('<html><head><style>.lede {margin: 0;}</style></head><body><p class="lede">x</p></body></html>');
  });
});

describe('purgeCss and comments', () => {
  it('reads rules behind CSS comments, and leaves Outlook conditional comments alone', () => {
    const html =
      '<html><head><!--[if mso]><style>th { color: red; }</style><![endif]--><style>/* why */\n.gone th { color: red; }\n.lede { margin: 0; }</style></head><body><p class="lede">x</p></body></html>';
    expect(purgeCss(html)).toBe(
      '<html><head><!--[if mso]><style>th { color: red; }</style><![endif]--><style>.lede { margin: 0; }</style></head><body><p class="lede">x</p></body></html>',
    );
  });

  it('does not take a tag named in a CSS comment for an element of the email', () => {
    const body = '<body><div class="figures"><p class="lede">x</p></div></body>';
    const html = `<html><head><style>/* sources are a <small> */\n.figures small { color: grey; }\n.lede { margin: 0; }</style></head>${body}</html>`;
    expect(purgeCss(html)).toBe(`<html><head><style>.lede { margin: 0; }</style></head>${body}</html>`);
  });
});

import { describe, expect, it } from 'vitest';
import { purgeCss } from '../../../src/email/steps/purge-css.ts';

describe('purgeCss', () => {
  it('drops rules for classes the email does not use, and empty blocks', () => {
    const html = '<html><head><style>.figures{color: red;}.figures th{padding: 1px;}</style></head><body><p class="lede">x</p></body></html>';
    expect(purgeCss(html)).toBe('<html><head></head><body><p class="lede">x</p></body></html>');
  });

  it('keeps rules whose elements exist, including pseudo-classes, and thins selector lists', () => {
    const html = '<html><head><style>a:hover{color: red;}.gone, .lede{margin: 0;}</style></head><body><p class="lede"><a href="#">x</a></p></body></html>';
    expect(purgeCss(html)).toBe('<html><head><style>a:hover {color: red;}\n.lede {margin: 0;}</style></head><body><p class="lede"><a href="#">x</a></p></body></html>');
  });

  it('leaves data-embed blocks and at-rules alone', () => {
    const html = '<html><head><style data-embed>.gone{color: red;}</style><style>@media (max-width: 600px){.gone{color: red;}}</style></head><body></body></html>';
    expect(purgeCss(html)).toBe(html);
  });
});

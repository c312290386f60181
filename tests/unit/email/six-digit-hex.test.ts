import { describe, expect, it } from 'vitest';
import { sixDigitHex } from '../../../src/email/steps/six-digit-hex.ts';

describe('sixDigitHex', () => {
  it('expands three-digit colours in style attributes, keeping their case', () => {
    expect(sixDigitHex('<td style="color: #abc; border: 1px solid #F0A">x</td>')).toBe(
      '<td style="color: #aabbcc; border: 1px solid #FF00AA">x</td>',
    );
  });

  it('expands bgcolor, color and VML colour attributes', () => {
    expect(sixDigitHex('<td bgcolor="#fff"><font color="#333">x</font></td>')).toBe(
      '<td bgcolor="#ffffff"><font color="#333333">x</font></td>',
    );
    expect(sixDigitHex('<!--[if mso]><v:roundrect fillcolor="#06c" strokecolor="#06c"><![endif]-->')).toBe(
      '<!--[if mso]><v:roundrect fillcolor="#0066cc" strokecolor="#0066cc"><![endif]-->',
    );
  });

  it('leaves numeric character references alone, in text and in attributes', () => {
    const html = '<p style="color: #abc" title="&#123;">&#123; &#x7b; &#847;</p>';
    expect(sixDigitHex(html)).toBe('<p style="color: #aabbcc" title="&#123;">&#123; &#x7b; &#847;</p>');
    expect(sixDigitHex('<p style="font-family: &#123;">x</p>')).toBe('<p style="font-family: &#123;">x</p>');
  });

  it('leaves URL fragments and ids alone', () => {
    const html = '<a href="#abc" id="fed">x</a><a href="https://example.org/p#bad">y</a>';
    expect(sixDigitHex(html)).toBe(html);
    expect(sixDigitHex('<td style="background: url(img.png#abc) #fff; background-image: url(#def)">')).toBe(
      '<td style="background: url(img.png#abc) #ffffff; background-image: url(#def)">',
    );
  });

  it('expands values in <style> blocks and media queries, not id selectors', () => {
    const css =
      '#abc, .x #fed { color: #abc; } @media (prefers-color-scheme: dark) { #bad .y { color: #eee !important; background: #111; } }';
    expect(sixDigitHex(`<style>${css}</style>`)).toBe(
      '<style>#abc, .x #fed { color: #aabbcc; } @media (prefers-color-scheme: dark) { #bad .y { color: #eeeeee !important; background: #111111; } }</style>',
    );
  });

  it('expands CSS in Outlook-only style blocks inside conditional comments', () => {
    expect(sixDigitHex('<!--[if mso]><style>td { color: #123; }</style><![endif]-->')).toBe(
      '<!--[if mso]><style>td { color: #112233; }</style><![endif]-->',
    );
  });

  it('leaves six-, four- and eight-digit colours and non-colours alone', () => {
    const html = '<p style="color: #aabbcc; background: #abcd; border-color: #aabbccdd; content: \'#abcg\'">x</p>';
    expect(sixDigitHex(html)).toBe(html);
  });

  it('does not touch text content', () => {
    expect(sixDigitHex('<p>Issue #123 and colour #abc</p>')).toBe('<p>Issue #123 and colour #abc</p>');
  });
});

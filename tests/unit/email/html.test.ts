import { describe, expect, it } from 'vitest';
import { decodeAttribute, encodeAttribute, rewriteAttributes, startTags, withoutPlainComments } from '../../../src/email/html.ts';

describe('startTags', () => {
  it('finds tags and attributes, including quoted `>` and tags inside conditional comments', () => {
    const tags = [...startTags('<A HREF="/x?a>b" data-x=\'1\' hidden><!--[if mso]><v:roundrect href=/y /><![endif]--><img src=z alt="">')];
    expect(tags.map((tag) => tag.name)).toEqual(['a', 'v:roundrect', 'img']);
    expect(tags[0]?.attributes).toEqual([
      { name: 'href', raw: '/x?a>b' },
      { name: 'data-x', raw: '1' },
      { name: 'hidden', raw: '' },
    ]);
    expect(tags[1]?.attributes).toEqual([{ name: 'href', raw: '/y' }]);
  });

  it('ignores end tags, comments and text', () => {
    expect([...startTags('</p><!-- x --> a < b')]).toEqual([]);
  });
});

describe('rewriteAttributes', () => {
  it('rewrites only what the callback changes and leaves every other byte alone', () => {
    const html = '<p  class = "a"  title=\'t\'>x</p><a href=/u data-n="$&">y</a>';
    expect(rewriteAttributes(html, () => undefined)).toBe(html);
    expect(rewriteAttributes(html, (tag, name, raw) => (name === 'href' ? `${raw}/v?$&` : undefined))).toBe(
      '<p  class = "a"  title=\'t\'>x</p><a href="/u/v?$&" data-n="$&">y</a>',
    );
    expect(rewriteAttributes(html, (tag, name) => (name === 'title' ? 'T' : undefined))).toBe(
      '<p  class = "a"  title=\'T\'>x</p><a href=/u data-n="$&">y</a>',
    );
  });
});

describe('attribute values', () => {
  it('decodes the references that occur in URLs and CSS, leaving unknown ones', () => {
    expect(decodeAttribute('a=1&amp;b=&#34;2&#x22;&quot;&copy=3&bogus;')).toBe('a=1&b="2""&copy=3&bogus;');
  });

  it('encodes for either quote style', () => {
    expect(encodeAttribute('a&b "c" \'d\'')).toBe('a&amp;b &quot;c&quot; &#39;d&#39;');
  });
});

describe('withoutPlainComments', () => {
  it('keeps conditional comments, downlevel-revealed ones included', () => {
    expect(withoutPlainComments('<!-- note --><!--[if mso]><b>o</b><![endif]--><!--[if !mso]><!--><i>w</i><!--<![endif]-->')).toBe(
      '<!--[if mso]><b>o</b><![endif]--><!--[if !mso]><!--><i>w</i><!--<![endif]-->',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAttribute, startTags } from '../../../src/email/html.ts';
import { absoluteUrls, type AbsoluteUrlsOptions } from '../../../src/email/steps/absolute-urls.ts';

const options: AbsoluteUrlsOptions = {
  baseUrl: 'https://dispatch.example.org',
  utm: { source: 'newsletter', medium: 'email', campaign: 'digest-2025-06-27' },
  mergeTags: ['*|UNSUB|*', '*|ARCHIVE|*', '*|EMAIL|*', '{{ UnsubscribeURL }}', '{{ MessageURL }}'],
};
const UTM = 'utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=digest-2025-06-27';

const run = (html: string, overrides: Partial<AbsoluteUrlsOptions> = {}): string => absoluteUrls(html, { ...options, ...overrides });

describe('absoluteUrls', () => {
  it('makes a relative link absolute and tags it with UTM parameters', () => {
    expect(run('<a href="/articles/x/">x</a>')).toBe(`<a href="https://dispatch.example.org/articles/x/?${UTM}">x</a>`);
  });

  it('makes image sources and cell backgrounds absolute without UTM parameters', () => {
    expect(run('<img src="/images/a.png" alt="">')).toBe('<img src="https://dispatch.example.org/images/a.png" alt="">');
    expect(run('<td background="bg.jpg">')).toBe('<td background="https://dispatch.example.org/bg.jpg">');
  });

  it('keeps an existing query string, escaping & as &amp; in the attribute', () => {
    expect(run('<a href="/facts/x/?week=26&amp;lang=en">x</a>')).toBe(
      `<a href="https://dispatch.example.org/facts/x/?week=26&amp;lang=en&amp;${UTM}">x</a>`,
    );
  });

  it('does not double-escape, and escapes a bare & written in the source', () => {
    const html = run('<a href="/x?a=1&b=2">x</a>');
    expect(html).toBe(`<a href="https://dispatch.example.org/x?a=1&amp;b=2&amp;${UTM}">x</a>`);
    expect(html).not.toContain('&amp;amp;');
  });

  it('puts the parameters before the #fragment', () => {
    expect(run('<a href="/facts/shelters/?week=26#latest">x</a>')).toBe(
      `<a href="https://dispatch.example.org/facts/shelters/?week=26&amp;${UTM}#latest">x</a>`,
    );
    expect(run('<a href="/facts/shelters/#latest">x</a>')).toBe(
      `<a href="https://dispatch.example.org/facts/shelters/?${UTM}#latest">x</a>`,
    );
  });

  it("tags absolute links to the site's own host, and adds utm_content when configured", () => {
    expect(
      run('<a href="https://dispatch.example.org/about/">x</a>', {
        utm: { source: 's', medium: 'm', campaign: 'c', content: 'footer link' },
      }),
    ).toBe(
      '<a href="https://dispatch.example.org/about/?utm_source=s&amp;utm_medium=m&amp;utm_campaign=c&amp;utm_content=footer%20link">x</a>',
    );
  });

  it('leaves links to other hosts exactly as written', () => {
    const html = '<a href="https://relief.example.net/convoys?region=north&amp;week=26#t">x</a>';
    expect(run(html)).toBe(html);
  });

  it('does not override UTM parameters a link already sets', () => {
    expect(run('<a href="/x/?utm_source=twitter">x</a>')).toBe(
      '<a href="https://dispatch.example.org/x/?utm_source=twitter&amp;utm_medium=email&amp;utm_campaign=digest-2025-06-27">x</a>',
    );
  });

  it('only makes URLs absolute when UTM is off', () => {
    expect(run('<a href="/x/">x</a>', { utm: false })).toBe('<a href="https://dispatch.example.org/x/">x</a>');
  });

  it('resolves protocol-relative URLs to https', () => {
    expect(run('<img src="//cdn.example.com/a.png" alt="">')).toBe('<img src="https://cdn.example.com/a.png" alt="">');
  });

  it.each([
    '<a href="mailto:newsroom@dispatch.example.org?subject=Weekly%20digest">m</a>',
    '<a href="tel:+82212345678">t</a>',
    '<a href="#top">top</a>',
    '<a href="">empty</a>',
    '<a href="*|UNSUB|*">u</a>',
    '<a href="*|ARCHIVE|*">v</a>',
    '<a href="{{ UnsubscribeURL }}">u</a>',
    '<a href="{{ MessageURL }}">v</a>',
    "<a href='*|UNSUB|*'>u</a>",
  ])('leaves %s untouched', (html) => {
    expect(run(html)).toBe(html);
  });

  it('keeps a declared merge tag inside a URL byte for byte, neither encoded nor case-folded', () => {
    expect(run('<a href="/prefs/?email=*|EMAIL|*">p</a>')).toBe(
      `<a href="https://dispatch.example.org/prefs/?email=*|EMAIL|*&amp;${UTM}">p</a>`,
    );
    expect(run('<a href="/p/{{ UnsubscribeURL }}">p</a>', { utm: false })).toBe(
      '<a href="https://dispatch.example.org/p/{{ UnsubscribeURL }}">p</a>',
    );
  });

  it('leaves a URL with an undeclared merge tag as written, for the forbidden check to name', () => {
    const html = '<a href="*|FNAME|*">x</a><a href="/p/?n={{ .Name }}">y</a>';
    expect(run(html)).toBe(html);
  });

  it("rewrites links in MSO conditional comments, where Outlook's VML buttons live", () => {
    expect(run('<!--[if mso]><v:roundrect href="/digests/x/" style="width:200px"><![endif]-->')).toBe(
      `<!--[if mso]><v:roundrect href="https://dispatch.example.org/digests/x/?${UTM}" style="width:200px"><![endif]-->`,
    );
  });

  it('keeps the quote character of single-quoted attributes and stays valid', () => {
    expect(run('<a href=\'/x?a=1&amp;b="2"\'>x</a>')).toBe(`<a href='https://dispatch.example.org/x?a=1&amp;b=%222%22&amp;${UTM}'>x</a>`);
  });

  it('does not touch URL-like text outside attributes or other attributes', () => {
    const html = '<p title="/not/a/link">See /articles/x/ and href="/y/"</p>';
    expect(run(html)).toBe(html);
  });

  it('keeps every existing query parameter, in order, for any query', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((k) => !k.startsWith('utm_'));
    const value = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 5 }), fc.stringMatching(/^[a-z0-9-]{0,10}$/), (pairs, fragment) => {
        const query = new URLSearchParams(pairs).toString();
        const href = `/articles/x/${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
        const escaped = href.replace(/&/g, '&amp;');
        const [tag] = [...startTags(run(`<a href="${escaped}">x</a>`))];
        const url = new URL(decodeAttribute(tag?.attributes[0]?.raw ?? ''));
        expect(url.origin).toBe('https://dispatch.example.org');
        expect([...url.searchParams]).toEqual([
          ...new URLSearchParams(query),
          ['utm_source', 'newsletter'],
          ['utm_medium', 'email'],
          ['utm_campaign', 'digest-2025-06-27'],
        ]);
        expect(url.hash).toBe(fragment ? `#${fragment}` : '');
      }),
    );
  });
});

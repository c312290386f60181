// The raw-HTML policy (src/render/markdown.ts): what the renderer keeps and removes, what the check lists,
// and that the two agree: whatever the sanitiser would remove is listed, and nothing else is.
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { createMarkdown, EMBED_SANDBOX, findDisallowedHtml, findDisallowedHtmlInBody } from '../../../src/render/markdown.ts';

const md = createMarkdown();
const render = (markdown: string) => md.render(markdown);

describe('createMarkdown', () => {
  it('keeps what editors may write', () => {
    const html = render(
      [
        'H<sub>2</sub>O, 10<sup>6</sup>, <abbr title="Korean Central News Agency">KCNA</abbr>, <span lang="ko">북한</span>, <mark>this</mark>',
        '<figure>\n<img src="https://example.org/a.jpg" alt="A map">\n<figcaption>A map</figcaption>\n</figure>',
        '<h2 id="follow">Follow</h2>',
        '| figure | value |\n| :- | -: |\n| troops | 11,000 |',
        '[a link](https://example.org/x?a=1&b=2), [mail](mailto:desk@example.org) and [a page](/about/)',
      ].join('\n\n'),
    );
    const $ = cheerio.load(html);
    expect($('sub').text()).toBe('2');
    expect($('abbr').attr('title')).toBe('Korean Central News Agency');
    expect($('span[lang="ko"]').text()).toBe('북한');
    expect($('figure img').attr('alt')).toBe('A map');
    expect($('h2#follow').text()).toBe('Follow');
    expect($('td').last().attr('style')).toBe('text-align:right');
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/x?a=1&b=2', 'mailto:desk@example.org', '/about/']);
  });

  it('sandboxes an embed from an allowed host, whatever sandbox was written', () => {
    const $ = cheerio.load(
      render('<iframe src="https://player.vimeo.com/video/1" title="Briefing" sandbox="allow-top-navigation"></iframe>'),
    );
    expect($('iframe').attr('src')).toBe('https://player.vimeo.com/video/1');
    expect($('iframe').attr('sandbox')).toBe(EMBED_SANDBOX);
  });

  it('removes scripts, handlers, dangerous URLs, foreign embeds and comments', () => {
    const html = render(
      [
        '<script>alert(1)</script>',
        'a <img src="x.jpg" alt="" onerror="alert(1)"> b <svg onload="alert(1)"></svg>',
        '<a href="javascript:alert(1)">x</a> <a href="JAVA&#x09;SCRIPT:alert(1)">y</a> <a href="data:text/html,<script>">z</a>',
        '[md](javascript:alert(1)) ![img](data:image/png;base64,AAAA) <javascript:alert(1)>',
        '<iframe src="https://evil.example/"></iframe> <object data="x.swf"></object> <style>body{}</style>',
        'text <!-- a note to the desk -->',
      ].join('\n\n'),
    );
    const $ = cheerio.load(html);
    expect($('script, svg, object, style, iframe[src]')).toHaveLength(0);
    const attributes = $('*')
      .toArray()
      .flatMap((element) => Object.entries($(element).attr() ?? {}));
    expect(attributes.filter(([name]) => /^on/i.test(name))).toEqual([]);
    expect(attributes.filter(([, value]) => /^\s*(javascript|vbscript|data):/i.test(value))).toEqual([]);
    expect(html).not.toContain('a note to the desk');
  });

  it('leaves code as code', () => {
    expect(render('`<script>` and\n\n```html\n<b onclick="x">\n```')).toBe(
      '<p><code>&lt;script&gt;</code> and</p>\n<pre><code class="language-html">&lt;b onclick=&quot;x&quot;&gt;\n</code></pre>\n',
    );
  });

  it('keeps the preview mark on a fact tag it could not print, only in the preview', () => {
    const mark = 'a <mark class="dev-problem" style="background:#fde68a;color:#3d2100;outline:2px solid #b45309">⚠ x</mark> b';
    expect(createMarkdown({ preview: true }).render(mark)).toContain(
      '<mark class="dev-problem" style="background:#fde68a;color:#3d2100;outline:2px solid #b45309">',
    );
    expect(render(mark)).toContain('<mark>⚠ x</mark>');
  });
});

describe('findDisallowedHtml', () => {
  it('names what is not allowed, on the line it is on', () => {
    const body = [
      'First paragraph.', // 1
      '', // 2
      '- a list item with <b>bold</b>', // 3
      '- and a <font color="red">font</font>', // 4
      '', // 5
      '> quoted <img', // 6
      '> src="x.jpg" onerror="alert(1)">', // 7
      '', // 8
      '<div>', // 9
      '<script>', // 10
      'alert(1)', // 11
      '</script>', // 12
      '</div>', // 13
      '', // 14
      'A [link](vbscript:x) and ![pic](mailto:a@b.c).', // 15
    ].join('\n');
    expect(findDisallowedHtml(body)).toEqual([
      { line: 4, message: '<font> is not allowed: it is not an element the body may use (see docs/articles.md#html-in-the-body)' },
      { line: 6, message: '<img onerror="alert(1)"> is not allowed: event handlers are scripts, and the site runs none' },
      { line: 9, message: '<div> is not allowed: it is not an element the body may use (see docs/articles.md#html-in-the-body)' },
      { line: 10, message: '<script> is not allowed: the site runs no scripts' },
      { line: 15, message: 'the link to vbscript:x is not allowed: links may use http:, https:, mailto:, tel: or a path on this site' },
      { line: 15, message: 'the image mailto:a@b.c is not allowed: images may use https:, http: or a path on this site' },
    ]);
  });

  it('reads an article body as the build does: notes left out, fact tags as words, lines as written', () => {
    const body = [
      '{# <script>not published</script> #}',
      '{% fact "deaths" %} <b onclick="x">died</b>',
      '{#',
      'a',
      '#} <u>ok</u> <blink>no</blink>',
    ].join('\n');
    expect(findDisallowedHtmlInBody(body)).toEqual([
      { line: 2, message: '<b onclick="x"> is not allowed: event handlers are scripts, and the site runs none' },
      { line: 5, message: '<blink> is not allowed: it is not an element the body may use (see docs/articles.md#html-in-the-body)' },
    ]);
  });
});

describe('the check and the sanitiser agree', () => {
  /**
   * Markup read into elements and written out again, so serialisation details (`<br>` or `<br />`) do not
   * count; read with htmlparser2, as the sanitiser reads it, which keeps a stray <td> where a browser's parser
   * would drop it. The sandbox every embed gets is added, not lost, so it is left out of the comparison.
   */
  const normalised = (html: string) => {
    const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
    $(`iframe[sandbox="${EMBED_SANDBOX}"]`).removeAttr('sandbox');
    return $.html();
  };
  const unsanitised = new MarkdownIt({ html: true });
  unsanitised.disable('code');
  // Every link made live: a link the policy refuses is something the page loses too.
  unsanitised.validateLink = () => true;

  const attribute = fc.oneof(
    fc.constantFrom(
      'title="t"',
      'lang="ko"',
      'id="x"',
      'class="c"',
      'style="text-align:right"',
      'style="color:red"',
      'onclick="f()"',
      'width="5"',
    ),
    fc
      .constantFrom(
        'https://example.org/',
        '/about/',
        'javascript:alert(1)',
        'data:text/html,x',
        'mailto:a@b.c',
        '//evil.example/',
        'ftp://x/',
        '#top',
        'HTTPS://EXAMPLE.ORG',
        '/\\evil.example/',
        ' javascript:x',
      )
      .map((url) => `href="${url}"`),
    fc
      .constantFrom('https://www.youtube.com/embed/x', 'https://evil.example/v', 'http://player.vimeo.com/video/1', 'x.jpg')
      .map((url) => `src="${url}"`),
  );
  const element = fc.constantFrom(
    'em',
    'sup',
    'abbr',
    'a',
    'img',
    'iframe',
    'span',
    'td',
    'h2',
    'code',
    'div',
    'font',
    'script',
    'blink',
    'figure',
  );
  const tag = fc
    .tuple(element, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('text', ''))
    .map(([name, attributes, text]) => `<${[name, ...new Set(attributes)].join(' ')}>${text}</${name}>`);
  const piece = fc.oneof(
    tag,
    fc.constantFrom(
      'plain words',
      '<!-- note -->',
      '[a](javascript:x)',
      '[b](https://example.org/)',
      '[d](/\\evil.example/)',
      '[e](<java script:x>)',
      '[f](HTTPS://example.org)',
      '![c](data:image/png;base64,AA)',
      '**bold**',
    ),
  );
  const document = fc
    .array(
      fc.array(piece, { minLength: 1, maxLength: 4 }).map((line) => line.join(' ')),
      { minLength: 1, maxLength: 4 },
    )
    .map((lines) => lines.join('\n\n'));

  it('lists something exactly when the rendered page loses something', () => {
    fc.assert(
      fc.property(document, (markdown) => {
        const listed = findDisallowedHtml(markdown).length > 0;
        const removed = normalised(render(markdown)) !== normalised(unsanitised.render(markdown));
        expect({ markdown, listed }).toEqual({ markdown, listed: removed });
      }),
      { numRuns: 400 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkForbidden } from '../../../src/email/checks/forbidden.ts';

const mergeTags = ['*|UNSUB|*', '*|ARCHIVE|*'];
const messages = (html: string): string[] => checkForbidden(html, { mergeTags }).errors.map((issue) => issue.message);

describe('checkForbidden', () => {
  it('passes clean email markup', () => {
    const html =
      '<table role="presentation"><tr><td><a href="https://dispatch.example.org/?utm_source=x">x</a>' +
      '<img src="https://dispatch.example.org/a.png" alt=""><a href="*|UNSUB|*">u</a><a href="mailto:a@example.org">m</a>' +
      '<a href="tel:+821012345678">t</a><a href="#top">top</a></td></tr></table>';
    expect(checkForbidden(html, { mergeTags })).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ['<svg viewBox="0 0 10 10"><rect/></svg>', '<svg> found: Gmail and Outlook do not show inline SVG'],
    ['<script>alert(1)</script>', '<script> found'],
    ['<form action="https://example.org/"><input type="email"></form>', '<form> found'],
    ['<form action="https://example.org/"><input type="email"></form>', '<input> found'],
    ['<iframe src="https://example.org/"></iframe>', '<iframe> found'],
    ['<link rel="stylesheet" href="https://example.org/a.css">', '<link rel="stylesheet" href="https://example.org/a.css"> found'],
    ['<img src="https://example.org/a.png">', '<img src="https://example.org/a.png"> has no alt attribute'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript: URLs never run in email'],
    ['<a href=" JavaScript:void(0)">x</a>', 'javascript: URLs never run in email'],
    // Browsers drop tabs and newlines inside a URL, so this is a javascript: link too.
    ['<a href="java&#9;script:alert(1)">x</a>', 'javascript: URLs never run in email'],
    ['<a href="java\nscript:alert(1)">x</a>', 'javascript: URLs never run in email'],
    ['<a href="/articles/x/">x</a>', '<a href="/articles/x/">: relative URL'],
    ['<img src="images/a.png" alt="">', '<img src="images/a.png">: relative URL'],
    ['<img src="//cdn.example.org/a.png" alt="">', 'protocol-relative URL'],
    ['<a href="*|FNAME|*">x</a>', "looks like a merge tag that is not declared in the pipeline's mergeTags"],
    ['<a href="https://example.org/" onclick="track()">x</a>', '<a onclick="…"> found: event handlers are scripts'],
  ])('reports %s', (html, expected) => {
    expect(messages(html).some((message) => message.includes(expected))).toBe(true);
  });

  it('checks the markup Outlook reads inside conditional comments, but not plain comments', () => {
    expect(messages('<!--[if mso]><v:roundrect href="/x/"></v:roundrect><![endif]-->')).toHaveLength(1);
    expect(messages('<!-- <script>old()</script> <a href="/x/"> -->')).toEqual([]);
  });

  it('reports each problem with the check name', () => {
    const { errors } = checkForbidden('<svg></svg><img src="https://example.org/a.png">', { mergeTags });
    expect(errors.map((issue) => issue.check)).toEqual(['forbidden', 'forbidden']);
  });
});

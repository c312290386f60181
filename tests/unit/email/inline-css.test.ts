import { describe, expect, it } from 'vitest';
import { inlineCss } from '../../../src/email/steps/inline-css.ts';

const page = (head: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('inlineCss', () => {
  it('moves class rules into style attributes and drops the plain <style> block', () => {
    const html = inlineCss(page('<style>.note { color: #333; padding: 4px; }</style>', '<p class="note">Hi</p>'));
    expect(html).toMatch(/<p class="note" style="color: #333;\s*padding: 4px;">Hi<\/p>/);
    expect(html).not.toContain('<style');
  });

  it('keeps a <style data-embed> block in <head> as written, without the marker', () => {
    const embedded = '@media (prefers-color-scheme: dark) { .note { color: #eee !important; } }';
    const html = inlineCss(page(`<style>.note { color: #333; }</style><style data-embed>${embedded}</style>`, '<p class="note">Hi</p>'));
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(`<style>${embedded}</style>`);
    expect(html).not.toContain('data-embed');
    expect(html).not.toContain('data-css-inline');
  });

  it('keeps every data-embed block even when the plain block is inlined completely', () => {
    // css-inline 0.20.1 on its own drops ignored <style> blocks in exactly this case.
    const html = inlineCss(
      page(
        '<style>.a { color: red; }</style><style data-embed>:root { color-scheme: light dark; }</style><style data-embed="">@media (max-width: 600px) { .a { width: 100% !important; } }</style>',
        '<p class="a">x</p>',
      ),
    );
    expect(html).toContain('<style>:root { color-scheme: light dark; }</style>');
    expect(html).toContain('<style>@media (max-width: 600px) { .a { width: 100% !important; } }</style>');
  });

  it('keeps media queries and pseudo-classes from a plain block in <head> instead of dropping them', () => {
    const html = inlineCss(
      page(
        '<style>.a { color: red; } .a:hover { color: blue; } @media (max-width: 600px) { .a { color: green !important; } }</style>',
        '<a class="a" href="https://example.org/">x</a>',
      ),
    );
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain(':hover');
    expect(head).toContain('@media (max-width: 600px)');
    expect(head).not.toMatch(/\.a\s*\{\s*color:\s*red/);
    expect(html).toMatch(/<a class="a"[^>]*style="color: red;"/);
  });

  it('lets an existing style attribute win over a class rule', () => {
    const html = inlineCss(page('<style>.a { color: red; }</style>', '<p class="a" style="color: green">x</p>'));
    expect(html).toContain('<p class="a" style="color: green">x</p>');
  });

  it('leaves MSO conditional comments and merge tags as written', () => {
    const mso = '<!--[if mso]><table role="presentation" width="600"><tr><td><![endif]-->';
    const html = inlineCss(
      page(
        '<style>.a { color: red; }</style>',
        `${mso}<a class="a" href="*|UNSUB|*">Unsubscribe</a><a href="{{ UnsubscribeURL }}">u</a><!--[if mso]></td></tr></table><![endif]-->`,
      ),
    );
    expect(html).toContain(mso);
    expect(html).toContain('<!--[if mso]></td></tr></table><![endif]-->');
    expect(html).toContain('href="*|UNSUB|*"');
    expect(html).toContain('href="{{ UnsubscribeURL }}"');
  });
});

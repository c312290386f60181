/** Step: collapse whitespace and drop comments, keeping Outlook's conditional comments, in lines of at most 998 bytes. */
import { minify as minifyHtml } from 'html-minifier-terser';
import { breakLongLines } from '../line-breaks.ts';

export async function minify(html: string): Promise<string> {
  const minified = await minifyHtml(html, {
    collapseWhitespace: true,
    // Conditional comments (`<!--[if mso]>`, `<!--[if !mso]><!-->`, `<!--<![endif]-->`) are always kept.
    removeComments: true,
    // Their content is Outlook's markup: left exactly as the template wrote it.
    processConditionalComments: false,
    // Quotes, optional tags and empty attributes (`alt=""`) all matter to some email client.
    removeAttributeQuotes: false,
    removeOptionalTags: false,
    removeEmptyAttributes: false,
    removeRedundantAttributes: false,
    // Not clean-css: it would shorten `#aabbcc` back to `#abc`, undoing the six-digit-hex step.
    // <style> elements are collapsed; style attributes (which may hold `&quot;`) only lose the spaces
    // around each `property:` and their last `;` — inlined styles are most of an issue's bytes.
    // Async because html-minifier-terser awaits it where the page holds `<% … %>` (SendGrid's merge tags).
    minifyCSS: (css, type) =>
      Promise.resolve(type === undefined ? collapseCssWhitespace(css) : type === 'inline' ? compactDeclarations(css) : css),
  });
  return breakLongLines(minified);
}

/**
 * `color: red; margin: 0;` → `color:red;margin:0`: only the spaces around property names and the last
 * semicolon go (CSS needs none after the last declaration; every client's parser agrees).
 */
export function compactDeclarations(declarations: string): string {
  return declarations
    .replace(/(^|;)\s*([a-zA-Z-]+)\s*:\s*/g, '$1$2:')
    .replace(/;\s*$/, '')
    .trim();
}

/** Drops CSS comments and collapses whitespace, leaving strings, selectors and colours as written. */
export function collapseCssWhitespace(css: string): string {
  return css
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};])\s*/g, '$1'),
    )
    .join('')
    .trim();
}

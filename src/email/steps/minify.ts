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
    // Only <style> elements: style attributes, already compact from inlining, may hold `&quot;`.
    minifyCSS: (css, type) => (type === undefined ? collapseCssWhitespace(css) : css),
  });
  return breakLongLines(minified);
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

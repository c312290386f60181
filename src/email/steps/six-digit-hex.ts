/** Step: write three-digit hex colours as six digits (`#abc` → `#aabbcc`), which Outlook and older clients need. */
import { rewriteAttributes } from '../html.ts';

// Not after `&` or a word character, so `&#123;` and `url(a.png#abc)` are left alone; exactly three digits.
const SHORT_HEX = /(?<![&\w-])#([\da-fA-F])([\da-fA-F])([\da-fA-F])(?![\w-])/g;
const COLOR_ATTRIBUTES = new Set(['bgcolor', 'color', 'bordercolor', 'fillcolor', 'strokecolor']);
const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi;

export function sixDigitHex(html: string): string {
  const withAttributes = rewriteAttributes(html, (_tagName, attributeName, raw) => {
    if (attributeName === 'style') return expandInDeclarations(raw);
    if (COLOR_ATTRIBUTES.has(attributeName)) return expandHex(raw);
    return undefined;
  });
  return withAttributes.replace(
    STYLE_ELEMENT,
    (_whole, open: string, css: string, close: string) => open + expandInStylesheet(css) + close,
  );
}

function expandHex(text: string): string {
  return text.replace(SHORT_HEX, (_whole, r: string, g: string, b: string) => `#${r}${r}${g}${g}${b}${b}`);
}

/** Expands colours in declarations only, leaving `url(…)` untouched. */
function expandInDeclarations(declarations: string): string {
  return declarations
    .split(/(url\([^)]*\))/i)
    .map((part, index) => (index % 2 === 1 ? part : expandHex(part)))
    .join('');
}

/**
 * Expands colours in declaration blocks but not in selectors, where `#abc` is an id.
 * Text up to a `{` is a selector or at-rule prelude; everything else is declarations.
 */
function expandInStylesheet(css: string): string {
  let result = '';
  let start = 0;
  for (let index = 0; index <= css.length; index += 1) {
    const char = css[index];
    if (char !== '{' && char !== '}' && index < css.length) continue;
    const segment = css.slice(start, index);
    if (char === '{') {
      // `color: #abc; .nested {` (CSS nesting): declarations before the last `;`, a selector after it.
      const lastSemicolon = segment.lastIndexOf(';');
      result += expandInDeclarations(segment.slice(0, lastSemicolon + 1)) + segment.slice(lastSemicolon + 1);
    } else {
      result += expandInDeclarations(segment);
    }
    result += char ?? '';
    start = index + 1;
  }
  return result;
}

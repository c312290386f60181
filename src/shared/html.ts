// HTML escaping for strings that leave TypeScript as markup (shortcodes return raw HTML to templates).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

// Every ASCII punctuation character markdown-it can read as syntax, less the ones escapeHtml turns into
// entities (& < > " ') and the `#` and `;` those entities are made of.
const MARKDOWN_SYNTAX = /[!$%()*+,./:=?@[\\\]^_`{|}~-]/;

/**
 * Text to place in Markdown source so that markdown-it prints it exactly as given: HTML-escaped, each
 * character Markdown could read as syntax backslash-escaped (`*year*` stays `*year*`, not <em>year</em>),
 * and `#` as an entity so a figure at the start of a line never makes a heading.
 */
export function markdownLiteral(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '#') out += '&#35;';
    else if (MARKDOWN_SYNTAX.test(ch)) out += `\\${ch}`;
    else out += ENTITIES[ch] ?? ch;
  }
  return out;
}

/** String-level HTML helpers for the email steps: find start tags and attributes, decode and encode attribute values. */

// Matches start tags anywhere in the string, including inside MSO conditional comments, where the
// markup Outlook renders lives. Quoted values may contain `>`.
const START_TAG = /<([a-zA-Z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(?:(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export interface Attribute {
  /** Lower-cased attribute name. */
  name: string;
  /** The value as written in the source, entities not decoded; '' for a bare attribute. */
  raw: string;
}

export interface StartTag {
  /** Lower-cased tag name, e.g. `a`, `v:roundrect`. */
  name: string;
  attributes: Attribute[];
  /** Offset of `<` in the HTML string. */
  index: number;
}

export function* startTags(html: string): Generator<StartTag> {
  for (const match of html.matchAll(START_TAG)) {
    const attributes: Attribute[] = [];
    for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      attributes.push({
        name: (attribute[2] ?? '').toLowerCase(),
        raw: attribute[4] ?? attribute[5] ?? attribute[6] ?? '',
      });
    }
    yield { name: (match[1] ?? '').toLowerCase(), attributes, index: match.index };
  }
}

/**
 * Rewrites attribute values in every start tag. `rewrite` gets the raw (still entity-encoded) value
 * and returns a new raw value, or undefined to leave the attribute exactly as written. A rewritten
 * value keeps its original quote character, so the caller must not introduce that character.
 */
export function rewriteAttributes(
  html: string,
  rewrite: (tagName: string, attributeName: string, raw: string) => string | undefined,
): string {
  return html.replace(START_TAG, (tag: string, name: string, attributeText: string) => {
    const tagName = name.toLowerCase();
    let changed = false;
    const newAttributeText = attributeText.replace(
      ATTRIBUTE,
      (
        whole: string,
        space: string,
        attributeName: string,
        equals: string | undefined,
        doubleQuoted: string | undefined,
        singleQuoted: string | undefined,
        unquoted: string | undefined,
      ) => {
        const raw = doubleQuoted ?? singleQuoted ?? unquoted;
        if (equals === undefined || raw === undefined) return whole;
        const replacement = rewrite(tagName, attributeName.toLowerCase(), raw);
        if (replacement === undefined || replacement === raw) return whole;
        changed = true;
        const quote = singleQuoted !== undefined ? "'" : '"';
        return `${space}${attributeName}${equals}${quote}${replacement}${quote}`;
      },
    );
    if (!changed) return tag;
    const attributesStart = 1 + name.length;
    return tag.slice(0, attributesStart) + newAttributeText + tag.slice(attributesStart + attributeText.length);
  });
}

const NAMED_REFERENCES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/**
 * Decodes the character references that occur in URLs and CSS in attributes. Unknown named
 * references stay as written, as HTML itself leaves `&foo=` in an attribute alone.
 */
export function decodeAttribute(raw: string): string {
  return raw.replace(
    /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g,
    (reference, decimal: string | undefined, hex: string | undefined, name: string) => {
      if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      return NAMED_REFERENCES[name] ?? reference;
    },
  );
}

/** Encodes a value for either quote style: `&`, `"` and `'` become references. */
export function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Conditional comments hold markup Outlook renders; every other comment is only a comment. */
function isConditionalComment(comment: string): boolean {
  return /^<!--\[if\s[^\]]*\]>|<!\[endif\]-->$/.test(comment);
}

/** The HTML without plain comments; MSO conditional comments stay, since Outlook renders their markup. */
export function withoutPlainComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, (comment) => (isConditionalComment(comment) ? comment : ''));
}

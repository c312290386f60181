/** Step: make every link and image URL absolute, and tag links to the site's own host with UTM parameters. */
import { decodeAttribute, encodeAttribute, rewriteAttributes } from '../html.ts';
import { containsMergeTagSyntax, protectMergeTags, startsWithMergeTag } from '../merge-tags.ts';

export interface UtmParameters {
  source: string;
  medium: string;
  campaign: string;
  content?: string;
}

export interface AbsoluteUrlsOptions {
  /** The site's URL, e.g. `https://dispatch.example.org`; relative URLs resolve against it. */
  baseUrl: string;
  /** Parameters for links to the base URL's host; false for none. */
  utm: UtmParameters | false;
  /** Placeholders the sending service replaces, e.g. `*|UNSUB|*`; left byte for byte. */
  mergeTags: readonly string[];
}

// `background` is the table-cell background image that Outlook and old clients read.
const URL_ATTRIBUTES = new Set(['href', 'src', 'background']);
const SCHEME = /^[a-zA-Z][a-zA-Z\d+.-]*:/;

export function absoluteUrls(html: string, options: AbsoluteUrlsOptions): string {
  const base = new URL(options.baseUrl);
  return rewriteAttributes(html, (tagName, attributeName, raw) => {
    if (!URL_ATTRIBUTES.has(attributeName)) return undefined;
    const url = decodeAttribute(raw);
    // UTM parameters measure visits from links; on images they would only defeat caching.
    const utm = attributeName === 'href' && tagName !== 'link' ? options.utm : false;
    const rewritten = rewriteUrl(url, base, utm, options.mergeTags);
    return rewritten === undefined ? undefined : encodeAttribute(rewritten);
  });
}

/** The absolute, tagged form of one URL, or undefined where it must stay as written. */
export function rewriteUrl(url: string, base: URL, utm: UtmParameters | false, mergeTags: readonly string[]): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || startsWithMergeTag(trimmed, mergeTags)) return undefined;
  const hasScheme = SCHEME.test(trimmed);
  if (hasScheme && !/^https?:/i.test(trimmed)) return undefined; // mailto:, tel:, cid:, data:, …
  const { text, restore } = protectMergeTags(trimmed, mergeTags);
  // An undeclared merge tag would be percent-encoded; leave it for the forbidden check to name.
  if (containsMergeTagSyntax(text)) return undefined;

  let resolved: URL;
  try {
    resolved = new URL(text, base);
  } catch {
    return undefined;
  }
  // Protocol-relative `//host/…` is resolved too: in a mail client there is no page protocol to inherit.
  const alreadyAbsolute = hasScheme;
  const tagged = utm !== false && resolved.host === base.host && addUtm(resolved, utm);
  if (alreadyAbsolute && !tagged) return undefined;
  return restore(resolved.href);
}

/** Appends the UTM parameters a link does not already set, keeping its query string as written. */
function addUtm(url: URL, utm: UtmParameters): boolean {
  const parameters: Array<[string, string | undefined]> = [
    ['utm_source', utm.source],
    ['utm_medium', utm.medium],
    ['utm_campaign', utm.campaign],
    ['utm_content', utm.content],
  ];
  const missing = parameters.filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '' && !url.searchParams.has(entry[0]),
  );
  if (missing.length === 0) return false;
  const query = missing.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  url.search = url.search === '' ? `?${query}` : `${url.search}&${query}`;
  return true;
}

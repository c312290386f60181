// The plain-text part's helpers: word wrap for mail readers, and links numbered for a list at the end.
// The words and layout are in templates/email/digest-text.njk, rendered by render.ts.
import { rewriteUrl, type UtmParameters } from '../email/steps/absolute-urls.ts';
import type { DigestView } from './view.ts';

/** Lines of the plain-text part are wrapped at this many columns. */
export const TEXT_WIDTH = 72;

/**
 * Greedy word wrap at plain spaces; a word longer than the width (a URL) stays whole on its own line, and a
 * figure's no-break spaces ("at least 100", "Dec. 19, 2024") keep it whole too. `indent` starts the first
 * line, `hangingIndent` the others (by default the same).
 */
export function wrap(text: string, indent = '', hangingIndent = indent, width = TEXT_WIDTH): string {
  const lines: string[] = [];
  let line = '';
  const prefix = () => (lines.length === 0 ? indent : hangingIndent);
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (line && prefix().length + line.length + 1 + word.length > width) {
      lines.push(prefix() + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(prefix() + line);
  return lines.join('\n');
}

export interface TextLinks {
  /** `[n]` for a URL, numbering it on first use; the URL is tagged as in the HTML part. */
  ref: (url: string) => string;
  /** Every URL given to `ref`, in order of first use. */
  links: () => string[];
  /** A URL tagged with the digest's UTM parameters where it points to the site, as the HTML part's links are. */
  tagged: (url: string) => string;
}

/** Link numbering for one rendering of one digest's plain text. */
export function textLinks(view: DigestView, utm: Omit<UtmParameters, 'campaign'> | false): TextLinks {
  const numbered: string[] = [];
  const tagged = (url: string): string =>
    rewriteUrl(url, new URL(view.siteUrl), utm && { ...utm, campaign: view.campaign }, Object.values(view.mergeTags)) ?? url;
  return {
    ref: (url) => {
      const link = tagged(url);
      if (!numbered.includes(link)) numbered.push(link);
      return `[${numbered.indexOf(link) + 1}]`;
    },
    links: () => [...numbered],
    tagged,
  };
}

// The digest's plain-text part: readable on its own, wrapped for mail readers, links listed at the end.
import { rewriteUrl, type UtmParameters } from '../email/steps/absolute-urls.ts';
import type { DigestView } from './view.ts';

const WIDTH = 72;

export interface TextOptions {
  /** The site's UTM source and medium; each digest supplies its own campaign. */
  utm: Omit<UtmParameters, 'campaign'> | false;
}

/**
 * Greedy word wrap at plain spaces; a word longer than the width (a URL) stays whole on its own line. A figure's
 * no-break spaces ("at least 100", "Dec. 19, 2024") are kept, so it is never split across lines.
 */
export function wrap(text: string, width = WIDTH, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function renderDigestText(view: DigestView, options: TextOptions): string {
  const links: string[] = [];
  const link = (url: string): string => {
    const tagged =
      rewriteUrl(url, new URL(view.siteUrl), options.utm && { ...options.utm, campaign: view.campaign }, Object.values(view.mergeTags)) ??
      url;
    const existing = links.indexOf(tagged);
    if (existing >= 0) return `[${existing + 1}]`;
    links.push(tagged);
    return `[${links.length}]`;
  };
  const rule = '-'.repeat(WIDTH);
  const out: string[] = [];

  out.push(`${view.siteTitle.toUpperCase()}`, `Digest, ${view.dateline}`, '', ...wrap(view.subject), '');
  for (const paragraph of view.intro) out.push(...wrap(paragraph), '');
  out.push(`View this email in your browser: ${view.mergeTags.viewInBrowser}`, '');

  view.articles.forEach((article, index) => {
    out.push(rule, '');
    out.push(...wrap(`${index + 1}. ${article.title}`));
    out.push(`${article.section} | ${article.dateline}`, '');
    out.push(...wrap(article.summary), '');
    if (article.leadFigures.length) {
      out.push('Key figures:');
      for (const figure of article.leadFigures) {
        out.push(...wrap(`* ${figure.value}: ${figure.label}`, WIDTH, '').map((l, i) => (i === 0 ? l : `  ${l}`)));
        out.push(...wrap(`${figure.attribution}${figure.date ? `, ${figure.date}` : ''}`, WIDTH, '    '));
      }
      out.push('');
    }
    out.push(...wrap(`${article.readMore} ${link(article.url)}`), '');
  });

  out.push(rule, '', 'Links:');
  links.forEach((url, index) => out.push(`[${index + 1}] ${url}`));
  out.push('', rule, '');
  out.push(...wrap(`You receive ${view.siteTitle} because you subscribed to its digest.`));
  out.push(`Unsubscribe: ${view.mergeTags.unsubscribe}`);
  out.push(`Or write to: ${view.unsubscribe.mailto}`);
  return `${out.join('\n')}\n`;
}

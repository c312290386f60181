// The digest as one view model, shared by its web page, email HTML, plain text and digest.json,
// so a key figure is the same string everywhere it appears.
import type { DigestEntry } from '../content/model.ts';
import type { Site } from '../content/site.ts';
import { digestUrl } from '../content/urls.ts';
import type { ArticleView } from '../present/article.ts';
import type { FigureView, PresentOptions } from '../present/figures.ts';
import { formatDateline, toIsoWithOffset } from '../format/dates.ts';
import { formatProse } from '../format/numbers.ts';
import type { Address } from '../email/mime.ts';
import { mergeTagsFor, type MergeTags } from './merge-tags.ts';

/**
 * How many key figures of each article the email (HTML and plain text) shows: the first ones, in the
 * order the facts file lists them, with a pointer to the rest on the article page. Showing them all made
 * an email's size grow with articles × figures (a 20-article issue with five figures each is some 77 KB);
 * this keeps it growing with articles only. The web version of the digest shows every key figure.
 */
export const LEAD_FIGURES = 2;

export interface DigestArticleView {
  slug: string;
  title: string;
  summary: string;
  section: string;
  /** Absolute URL of the article page. */
  url: string;
  /** Site-relative URL, for the web version. */
  path: string;
  dateline: string;
  isoDate: string;
  /** Every key figure, as on the article page. */
  keyFigures: FigureView[];
  /** The first `LEAD_FIGURES` key figures: what the email HTML and plain text show. */
  leadFigures: FigureView[];
  /** The link text to the article, in both parts: it says when the email leaves key figures out. */
  readMore: string;
}

export interface DigestView {
  slug: string;
  file: string;
  draft: boolean;
  subject: string;
  preheader: string;
  intro: string[];
  isoDate: string;
  dateline: string;
  siteTitle: string;
  siteUrl: string;
  language: string;
  /** The web version ("view in browser"). */
  webUrl: string;
  from: Address;
  replyTo: Address | undefined;
  listId: string;
  unsubscribe: { url: string; mailto: string };
  mergeTags: MergeTags;
  campaign: string;
  articles: DigestArticleView[];
}

export interface DigestViewInput {
  entry: DigestEntry;
  /** The digest's articles as the site shows them, in the digest's order. */
  articles: readonly ArticleView[];
  site: Site;
  /** The digest's fields with their figures printed (subject, preheader, intro). */
  text: (value: string) => string;
  options: PresentOptions;
}

export function digestView({ entry, articles, site, text, options }: DigestViewInput): DigestView {
  const { slug, data: digest } = entry;
  const iso = digest.date.toISO() ?? '';
  const webUrl = `${site.url}${digestUrl(slug)}`;
  return {
    slug,
    file: entry.file,
    draft: digest.draft,
    subject: text(digest.subject),
    preheader: text(digest.preheader),
    intro: text(digest.intro)
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean),
    isoDate: toIsoWithOffset(iso, site.timeZone),
    dateline: formatDateline(iso, options),
    siteTitle: site.title,
    siteUrl: site.url,
    language: site.language,
    webUrl,
    from: digest.from ?? site.email.from,
    replyTo: site.email.replyTo,
    listId: site.email.listId,
    unsubscribe: { url: site.email.unsubscribeUrl, mailto: site.email.unsubscribeMailto },
    mergeTags: mergeTagsFor(site, webUrl),
    campaign: `digest-${slug}`,
    articles: articles.map((article) => {
      const figures = article.keyFigures;
      return {
        slug: article.slug,
        title: article.title,
        summary: article.summary,
        section: article.section,
        url: article.absoluteUrl,
        path: article.url,
        dateline: article.date.dateline,
        isoDate: article.date.iso,
        keyFigures: figures,
        leadFigures: figures.slice(0, LEAD_FIGURES),
        // The sentence is in English whatever the site's locale (like the templates' own words), so is its number.
        readMore:
          figures.length > LEAD_FIGURES
            ? `Read the article and all ${formatProse(figures.length, { locale: 'en-US' })} key figures`
            : 'Read the article',
      };
    }),
  };
}

// The digest as one view model, shared by its web page, email HTML, plain text and digest.json,
// so a key figure is the same string everywhere it appears.
import { DateTime } from 'luxon';
import type { DigestFrontMatter } from '../content/digest.ts';
import type { Site } from '../content/site.ts';
import type { FactsBySlug } from '../facts/load.ts';
import { keyFigures, type FigureView } from '../facts/present.ts';
import { formatDateline, toIsoWithOffset } from '../format/dates.ts';
import { formatProse } from '../format/numbers.ts';
import type { Address } from '../email/mime.ts';
import { mergeTagsFor, type MergeTags } from './merge-tags.ts';

export interface DigestArticleInput {
  slug: string;
  url: string;
  date: Date;
  title: string;
  summary: string;
  section: string;
}

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
  slug: string;
  file: string;
  digest: DigestFrontMatter;
  articles: DigestArticleInput[];
  facts: FactsBySlug;
  site: Site;
}

export function digestView({ slug, file, digest, articles, facts, site }: DigestViewInput): DigestView {
  const options = { locale: site.locale, zone: site.timeZone };
  const iso = digest.date.toISO() ?? '';
  const webUrl = `${site.url}/digests/${slug}/`;
  return {
    slug,
    file,
    subject: digest.subject,
    preheader: digest.preheader,
    intro: digest.intro
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
      const date = DateTime.fromJSDate(article.date).toISO() ?? '';
      const figures = keyFigures(facts[article.slug], options);
      return {
        slug: article.slug,
        title: article.title,
        summary: article.summary,
        section: article.section,
        url: new URL(article.url, `${site.url}/`).href,
        path: article.url,
        dateline: formatDateline(date, options),
        isoDate: toIsoWithOffset(date, site.timeZone),
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

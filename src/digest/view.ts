// The digest as one view model, shared by its web page, email HTML, plain text and digest.json,
// so a key figure is the same string everywhere it appears.
import { DateTime } from 'luxon';
import type { DigestFrontMatter } from '../content/digest.ts';
import type { Site } from '../content/site.ts';
import type { FactsBySlug } from '../facts/load.ts';
import { keyFigures, type FigureView } from '../facts/present.ts';
import { formatDateline, toIsoWithOffset } from '../format/dates.ts';
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
  keyFigures: FigureView[];
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
    intro: digest.intro.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean),
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
      return {
        slug: article.slug,
        title: article.title,
        summary: article.summary,
        section: article.section,
        url: new URL(article.url, `${site.url}/`).href,
        path: article.url,
        dateline: formatDateline(date, options),
        isoDate: toIsoWithOffset(date, site.timeZone),
        keyFigures: keyFigures(facts[article.slug], options),
      };
    }),
  };
}

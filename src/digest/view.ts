// The digest as one view model, shared by its web page, email HTML, plain text and digest.json,
// so a key figure is the same string everywhere it appears.
import type { DigestEntry } from '../content/model.ts';
import type { Site } from '../content/site.ts';
import { digestUrl } from '../content/urls.ts';
import { formatDateline, toIsoWithOffset } from '../format/dates.ts';
import { formatProse } from '../format/numbers.ts';
import { wordsFor, type Words } from '../i18n/words.ts';
import type { PictureView } from '../images/view.ts';
import type { ArticleView } from '../present/article.ts';
import type { FigureView, PresentOptions } from '../present/figures.ts';
import type { Address } from '../email/mime.ts';
import { preheaderFillerCount } from '../email/preheader.ts';
import { mergeTagsFor, type MergeTags } from './merge-tags.ts';

/**
 * How many key figures of each article the email (HTML and plain text) shows: the first ones, in the
 * order the facts file lists them, with a pointer to the rest on the article page. Showing them all made
 * an email's size grow with articles × figures (a 20-article issue with five figures each is some 77 KB);
 * this keeps it growing with articles only. The web version of the digest shows every key figure.
 */
export const LEAD_FIGURES = 2;

/** The id of the key figures' heading on an article page (templates/partials/key-figures.njk). */
export const ARTICLE_FIGURES_ANCHOR = 'key-figures-title';

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
  /** How many key figures the article has, in words as a sentence in its language prints it ("five", "fünf"). */
  figureCountInWords: string;
  /** The article's language and words: its section of the digest is in them. */
  language: string;
  words: Words;
  /** The article page's list of every key figure, for the email's link to the ones it leaves out. */
  figuresUrl: string;
  /** The lead picture (the email's <img>, its alt text and credit), or undefined: read when the email is rendered. */
  readonly picture: PictureView | undefined;
}

/** What the email shows: every article, or as many as fit its size budget, with a pointer to the rest. */
export interface DigestEmailView {
  articles: DigestArticleView[];
  /** How many articles only the web version shows (0 when the email shows them all). */
  omitted: number;
  /** The same, in words as a sentence in the site's language prints it ("eight"). */
  omittedInWords: string;
}

export interface DigestView {
  slug: string;
  file: string;
  draft: boolean;
  subject: string;
  preheader: string;
  /** How many invisible filler groups follow the preheader, so no other text shows in an inbox preview. */
  preheaderFiller: number;
  intro: string[];
  isoDate: string;
  dateline: string;
  siteTitle: string;
  siteUrl: string;
  language: string;
  /** The site's words: the digest's own are in them, each article's section in the article's. */
  words: Words;
  publisherName: string;
  /** The publisher's postal address for the footer, from site.json; `npm run send` refuses a digest without one. */
  postalAddress: string | undefined;
  /** The web version ("view in browser"). */
  webUrl: string;
  /** The digest archive ("past issues"). */
  pastIssuesUrl: string;
  from: Address;
  replyTo: Address | undefined;
  listId: string;
  unsubscribe: { url: string; mailto: string };
  mergeTags: MergeTags;
  campaign: string;
  /** The Feedback-ID header (`<campaign>:<SenderId>`, Gmail's feedback loop), when site.json sets a SenderId. */
  feedbackId: string | undefined;
  /** Every article, as the web version shows them. */
  articles: DigestArticleView[];
  email: DigestEmailView;
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
  const campaign = `digest-${slug}`;
  const articleViews = articles.map((article) => articleView(article));
  const words = wordsFor(options.locale, site.language);
  const preheader = text(digest.preheader);
  return {
    slug,
    file: entry.file,
    draft: digest.draft,
    subject: text(digest.subject),
    preheader,
    preheaderFiller: preheaderFillerCount(preheader),
    // Lines of a paragraph join with a space; the no-break spaces inside a figure ("14,2 Milliarden") stay.
    intro: text(digest.intro)
      .split(/\n[ \t]*\n/)
      .map((p) => p.replace(/[ \t\r\n]+/g, ' ').trim())
      .filter(Boolean),
    isoDate: toIsoWithOffset(iso, site.timeZone),
    dateline: formatDateline(iso, options),
    siteTitle: site.title,
    siteUrl: site.url,
    language: site.language,
    words,
    publisherName: site.publisher.name,
    postalAddress: site.email.postalAddress,
    webUrl,
    pastIssuesUrl: `${site.url}/digests/`,
    from: digest.from ?? site.email.from,
    replyTo: site.email.replyTo,
    listId: site.email.listId,
    unsubscribe: { url: site.email.unsubscribeUrl, mailto: site.email.unsubscribeMailto },
    mergeTags: mergeTagsFor(site, webUrl),
    campaign,
    feedbackId: site.email.feedbackId && `${campaign}:${site.email.feedbackId.senderId}`,
    articles: articleViews,
    email: emailShowing(articleViews, articleViews.length, options.locale),
  };
}

function articleView(article: ArticleView): DigestArticleView {
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
    figureCountInWords: formatProse(figures.length, { locale: article.options.locale }),
    figuresUrl: `${article.absoluteUrl}#${ARTICLE_FIGURES_ANCHOR}`,
    language: article.language,
    words: article.words,
    // A getter: views are made before the build publishes its pictures (a card is drawn from the digest's view).
    get picture() {
      return article.picture;
    },
  };
}

function emailShowing(articles: DigestArticleView[], shown: number, locale: string): DigestEmailView {
  const omitted = articles.length - shown;
  return { articles: articles.slice(0, shown), omitted, omittedInWords: formatProse(omitted, { locale }) };
}

/** The digest with its email showing only the first `shown` articles; the web version keeps them all. */
export function showingInEmail(view: DigestView, shown: number): DigestView {
  return { ...view, email: emailShowing(view.articles, shown, view.words.locale) };
}

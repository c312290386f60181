// Each page's title, description, canonical URL and language, for <head> (templates/partials/head-meta.njk):
// from the article or digest it shows, from the listing it is, or from an editor's page front matter. A page is
// in its article's language; every other page in the site's.
import type { DigestView } from '../digest/view.ts';
import type { Words } from '../i18n/words.ts';
import { shareImageMetaHtml, type ShareImage } from '../images/view.ts';
import type { ArticleView, TranslationView } from '../present/article.ts';
import { fieldText } from '../present/fact-text.ts';
import type { ArchivePage, TopicPage } from '../site/publication.ts';
import type { SiteSession } from './session.ts';
import type { EleventyConfig, PageData } from './types.ts';

export interface PageMeta {
  /** The <title>: the page's own title and the site's. */
  documentTitle: string;
  /** The page's own title, for OpenGraph and Twitter cards. */
  title: string;
  description: string;
  canonical: string;
  noindex: boolean;
  /** `<html lang>` and `dir`. */
  language: string;
  dir: 'ltr' | 'rtl';
  ogLocale: string;
  /** The page's words: the layout's header, footer and head print in them. */
  words: Words;
  /** The article's versions in other languages, for `hreflang` alternates (none on other pages). */
  translations: TranslationView[];
  /** What a shared link to an article or digest shows (its lead picture or social card); other pages have none. */
  shareImage: ShareImage | undefined;
  /** og:image and its size, type and alt, and the large Twitter card, for `shareImage`. */
  shareImageTags: string | undefined;
}

/** A listing's title, with its page number after the first page. */
const paged = (words: Words, title: string, listing: { pageNumber: number; pageCount: number } | undefined) =>
  listing && listing.pageNumber > 1 ? words.t('meta.paged', { title, page: listing.pageNumber, pages: listing.pageCount }) : title;

/** `de-DE` → `de_DE`, as OpenGraph writes a locale: language and territory, the likeliest one when none is given (`de` → `de_DE`). */
function ogLocaleOf(locale: string): string {
  const { language, region } = new Intl.Locale(locale).maximize();
  return region === undefined ? language : `${language}_${region}`;
}

export function registerMeta(config: EleventyConfig, session: SiteSession): void {
  config.addNunjucksGlobal(
    'pageMeta',
    (
      page: PageData,
      pageKind: string | undefined,
      article: ArticleView | undefined,
      digest: DigestView | undefined,
      listing: (ArchivePage & Partial<TopicPage>) | undefined,
      title: string | undefined,
      description: string | undefined,
      noindex: boolean | undefined,
    ): PageMeta => {
      const { publication } = session.state();
      const { site } = publication;
      const words = pageKind === 'article' && article ? article.words : publication.words;
      // An editor's page may print a fact in its title or description ({% fact "slug/id" %}).
      const text = (value: string) =>
        fieldText(value, {
          ...publication.options,
          scope: { withoutOwn: 'a page has no facts file of its own', all: publication.model.facts },
          preview: publication.preview,
        });
      let own: { title: string | undefined; description: string | undefined };
      switch (pageKind) {
        case 'article':
          own = { title: article?.title, description: article?.summary };
          break;
        case 'digest':
          own = { title: digest?.subject, description: digest?.preheader };
          break;
        case 'home':
          own = { title: undefined, description: undefined };
          break;
        case 'archive':
          own = {
            title: paged(words, words.t('meta.archive.title'), listing),
            description: words.t('meta.archive.description', { site: site.title }),
          };
          break;
        case 'topic':
          own = {
            title: paged(words, words.t('meta.topic.title', { tag: listing?.tag ?? '' }), listing),
            description: words.t('meta.topic.description', { tag: listing?.tag ?? '', site: site.title }),
          };
          break;
        case 'topics':
          own = { title: words.t('meta.topics.title'), description: words.t('meta.topics.description') };
          break;
        case 'digestArchive':
          own = { title: words.t('meta.digestArchive.title'), description: words.t('meta.digestArchive.description') };
          break;
        case 'notFound':
          own = { title: words.t('meta.notFound.title'), description: undefined };
          break;
        default:
          own = {
            title: title === undefined ? undefined : text(title),
            description: description === undefined ? undefined : text(description),
          };
      }
      const shareImage =
        pageKind === 'article' && article
          ? article.shareImage
          : pageKind === 'digest' && digest
            ? publication.pictures.digest(digest.slug)
            : undefined;
      return {
        documentTitle: own.title ? words.t('meta.documentTitle', { title: own.title, site: site.title }) : site.title,
        title: own.title ?? site.title,
        description: own.description ?? site.description,
        canonical: `${site.url}${typeof page.url === 'string' ? page.url : '/'}`,
        noindex: pageKind === 'notFound' || noindex === true,
        language: words.language,
        dir: words.dir,
        ogLocale: ogLocaleOf(words.locale),
        words,
        translations: pageKind === 'article' && article ? article.translations : [],
        shareImage,
        shareImageTags: shareImage && shareImageMetaHtml(shareImage),
      };
    },
  );
}

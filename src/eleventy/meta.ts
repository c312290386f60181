// Each page's title, description, canonical URL and language, for <head> (templates/partials/head-meta.njk):
// from the article or digest it shows, from the listing it is, or from an editor's page front matter.
import type { DigestView } from '../digest/view.ts';
import { shareImageMetaHtml, type ShareImage } from '../images/view.ts';
import type { ArticleView } from '../present/article.ts';
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
  language: string;
  ogLocale: string;
  /** What a shared link to an article or digest shows (its lead picture or social card); other pages have none. */
  shareImage: ShareImage | undefined;
  /** og:image and its size, type and alt, and the large Twitter card, for `shareImage`. */
  shareImageTags: string | undefined;
}

const pageOf = (listing: { pageNumber: number; pageCount: number }) =>
  listing.pageNumber > 1 ? `, page ${listing.pageNumber} of ${listing.pageCount}` : '';

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
          own = { title: `Archive${listing ? pageOf(listing) : ''}`, description: `Every article from ${site.title}, newest first.` };
          break;
        case 'topic':
          own = {
            title: `Topic: ${listing?.tag ?? ''}${listing ? pageOf(listing) : ''}`,
            description: `Articles about ${listing?.tag ?? ''} from ${site.title}.`,
          };
          break;
        case 'topics':
          own = { title: 'Topics', description: 'Every topic covered, with the number of articles on each.' };
          break;
        case 'digestArchive':
          own = { title: 'Digest archive', description: 'Every issue of the digest, newest first.' };
          break;
        case 'notFound':
          own = { title: 'Page not found', description: undefined };
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
        documentTitle: own.title ? `${own.title} | ${site.title}` : site.title,
        title: own.title ?? site.title,
        description: own.description ?? site.description,
        canonical: `${site.url}${typeof page.url === 'string' ? page.url : '/'}`,
        noindex: pageKind === 'notFound' || noindex === true,
        language: site.language,
        ogLocale: site.locale.replace('-', '_'),
        shareImage,
        shareImageTags: shareImage && shareImageMetaHtml(shareImage),
      };
    },
  );
}

// schema.org NewsArticle for an article page, as plain data: search engines read it, browsers run nothing.
import type { Site } from '../content/site.ts';
import type { ImageObject } from '../images/view.ts';

export interface NewsArticleInput {
  /** Absolute URL of the article page. */
  url: string;
  headline: string;
  description: string;
  /** ISO 8601 with the UTC offset, e.g. 2025-06-24T09:00:00+09:00. */
  datePublished: string;
  /** ISO 8601 with offset; the publication date when the article was never updated. */
  dateModified?: string | undefined;
  section?: string | undefined;
  keywords: readonly string[];
  /** The lead picture's 1,200 px JPEG or the social card: Google wants at least 1,200 px wide. */
  image?: ImageObject | undefined;
}

export function newsArticleJsonLd(
  article: NewsArticleInput,
  site: Pick<Site, 'author' | 'publisher' | 'language' | 'url'>,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.description,
    url: article.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    datePublished: article.datePublished,
    dateModified: article.dateModified ?? article.datePublished,
    // site.json names a newsroom, not a person, as the author.
    author: { '@type': 'Organization', name: site.author.name, url: site.url },
    publisher: { '@type': 'Organization', name: site.publisher.name, url: site.publisher.url },
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.image ? { image: article.image } : {}),
    keywords: [...article.keywords],
    inLanguage: site.language,
  };
}

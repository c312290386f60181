// Where things are published: the site-relative URL of every page the model makes, in one place.

export function articleUrl(slug: string): string {
  return `/articles/${slug}/`;
}

/** /archive/, /archive/2/, … */
export function archivePageUrl(pageNumber: number): string {
  return pageNumber === 1 ? '/archive/' : `/archive/${pageNumber}/`;
}

/** /tags/north-korea/, /tags/north-korea/2/, … */
export function topicPageUrl(slug: string, pageNumber = 1): string {
  return pageNumber === 1 ? `/tags/${slug}/` : `/tags/${slug}/${pageNumber}/`;
}

export function digestUrl(slug: string): string {
  return `/digests/${slug}/`;
}

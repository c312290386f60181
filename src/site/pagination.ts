// Listing pages: the archive and each topic split into pages, newest first, each knowing its neighbours.

/** Articles per listing page (home, archive, topics). */
export const LISTING_PAGE_SIZE = 20;

export interface ListingPage<T> {
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  url: string;
  items: T[];
  /** The page before (newer articles), if any. */
  previousUrl: string | undefined;
  /** The page after (older articles), if any. */
  nextUrl: string | undefined;
}

/** Splits items into pages; an empty list still has one (empty) first page. */
export function paginate<T>(items: readonly T[], size: number, urlFor: (pageNumber: number) => string): ListingPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, i) => ({
    pageNumber: i + 1,
    pageCount,
    url: urlFor(i + 1),
    items: items.slice(i * size, (i + 1) * size),
    previousUrl: i > 0 ? urlFor(i) : undefined,
    nextUrl: i + 1 < pageCount ? urlFor(i + 2) : undefined,
  }));
}

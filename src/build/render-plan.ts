// What a dev server's rebuild renders: only the pages a change touched. An edit to one article's body rewrites
// its page (and the feeds, if it is among the newest); a new title also reaches the listing pages, topics and
// digests that show it. Pages that no longer exist (a deleted article, an archive grown shorter) are named for
// removal. Views of unchanged articles and digests are carried from one build to the next (src/site/publication.ts),
// so "unchanged" is "the same view".
import { articleUrl, digestUrl } from '../content/urls.ts';
import { RENDER_ALL, type RenderPlan, type SinglePage } from '../eleventy/session.ts';
import type { ArticleView } from '../present/article.ts';
import { FEED_SIZE } from '../site/feeds.ts';
import type { Publication } from '../site/publication.ts';

export interface PlannedRender {
  plan: RenderPlan;
  /** Site-relative URLs of pages the previous build made and this one does not. */
  removed: string[];
}

/** Whether what a listing shows of the article (its teaser) may differ. */
function teaserChanged(before: ArticleView | undefined, after: ArticleView): boolean {
  if (!before) return true;
  if (before === after) return false;
  const figure = (article: ArticleView) => {
    const lead = article.leadFigure;
    return lead ? `${lead.label}\u0000${lead.value}\u0000${lead.attribution}` : '';
  };
  return (
    before.title !== after.title ||
    before.summary !== after.summary ||
    before.section !== after.section ||
    before.draft !== after.draft ||
    before.date.iso !== after.date.iso ||
    figure(before) !== figure(after)
  );
}

const joined = (items: readonly string[]) => items.join('\u0000');

/** Pages that `previous` made and `next` does not. */
function removedPages(previous: Publication, next: Publication): string[] {
  const gone = (before: readonly string[], after: readonly string[]) => {
    const kept = new Set(after);
    return before.filter((url) => !kept.has(url));
  };
  return [
    ...gone(
      previous.articles.map((a) => articleUrl(a.slug)),
      next.articles.map((a) => articleUrl(a.slug)),
    ),
    ...gone(
      previous.archivePages.map((p) => p.url),
      next.archivePages.map((p) => p.url),
    ),
    ...gone(
      previous.topicPages.map((p) => p.url),
      next.topicPages.map((p) => p.url),
    ),
    ...gone(
      previous.digestEntries.map((d) => digestUrl(d.slug)),
      next.digestEntries.map((d) => digestUrl(d.slug)),
    ),
  ];
}

/**
 * The pages `next` must render after `previous` was rendered: everything when there was no previous build or
 * the site's settings changed (`full` says the templates did), otherwise only the pages the changes touch.
 */
export function planRender(previous: Publication | undefined, next: Publication, full: boolean): PlannedRender {
  const removed = previous ? removedPages(previous, next) : [];
  if (!previous || full || previous.site !== next.site) return { plan: RENDER_ALL, removed };

  const changedPages = new Set<string>();
  const changedTeasers = new Set<string>();
  const changedDates = new Set<string>();
  for (const article of next.articles) {
    const earlier = previous.article(article.slug);
    if (earlier === article) continue;
    changedPages.add(article.slug);
    if (teaserChanged(earlier, article)) changedTeasers.add(article.slug);
    if (!earlier || earlier.modified.iso !== article.modified.iso) changedDates.add(article.slug);
  }

  const listingChanged = (earlier: { items: ArticleView[] } | undefined, now: { items: ArticleView[] }) =>
    !earlier ||
    earlier.items.length !== now.items.length ||
    now.items.some((item, i) => item.slug !== earlier.items[i]?.slug || changedTeasers.has(item.slug));
  const archive = new Set(
    next.archivePages.filter((page, i) => listingChanged(previous.archivePages[i], page)).map((page) => page.pageNumber),
  );
  const previousTopics = new Map(previous.topicPages.map((p) => [p.url, p]));
  const topics = new Set(
    next.topicPages.filter((page) => listingChanged(previousTopics.get(page.url), page)).map((p) => `${p.slug}/${p.pageNumber}`),
  );

  // A digest whose view was carried over shows nothing new; one the previous build did not make is new.
  const digests = new Set(
    next.digestEntries.filter((entry) => previous.madeDigest(entry.slug)?.view !== next.digestView(entry)).map((entry) => entry.slug),
  );

  const newest = (publication: Publication) => publication.articles.slice(0, FEED_SIZE);
  const topicList = (publication: Publication) => joined(publication.topics.map((t) => `${t.slug}:${t.tag}:${t.count}`));
  const singles: Record<SinglePage, boolean> = {
    topics: topicList(previous) !== topicList(next),
    feeds:
      joined(newest(previous).map((a) => a.slug)) !== joined(newest(next).map((a) => a.slug)) ||
      newest(next).some((a) => changedPages.has(a.slug)),
    sitemap: removed.length > 0 || changedDates.size > 0 || digests.size > 0 || archive.size > 0 || topics.size > 0,
    digestArchive: digests.size > 0 || removed.some((url) => url.startsWith('/digests/')),
    notFound: false,
    robots: false,
  };
  return {
    plan: {
      articles: (slug) => changedPages.has(slug),
      archivePage: (n) => archive.has(n),
      topicPage: (slug, n) => topics.has(`${slug}/${n}`),
      digest: (slug) => digests.has(slug),
      single: (name) => singles[name],
    },
    removed,
  };
}

// What one build publishes from the content model: the articles as the site shows them, the listing pages,
// topics, digests and feeds. It is the build's state: every view is made once per build, here, and shared by
// every page that prints it (an article's title on its page, in listings, feeds and digests is one string).
import type { ArticleEntry, ContentModel, DigestEntry } from '../content/model.ts';
import type { FactScope } from '../content/link.ts';
import type { Site } from '../content/site.ts';
import { archivePageUrl, topicPageUrl } from '../content/urls.ts';
import { digestView, type DigestView } from '../digest/view.ts';
import type { PictureBuildMemo } from '../images/picture-build-memo.ts';
import { ArticleView } from '../present/article.ts';
import { fieldText } from '../present/fact-text.ts';
import { wordsFor, type Words } from '../i18n/words.ts';
import type { PresentOptions } from '../present/figures.ts';
import { LISTING_PAGE_SIZE, paginate, type ListingPage } from './pagination.ts';
import { publishPictures, type PublishedPictures } from './pictures.ts';
import { memo } from '../shared/memo.ts';
import { namesAnotherArticlesFact } from '../content/fact-tags.ts';

export interface Topic {
  tag: string;
  slug: string;
  url: string;
  count: number;
}

/** A page of a listing, and how many articles the whole listing has. */
export type ArchivePage = ListingPage<ArticleView> & { total: number };
export type TopicPage = ArchivePage & { tag: string; slug: string };

export interface PublicationOptions {
  /** Under the dev server: drafts are shown, and what cannot be printed is marked instead of stopping the build. */
  preview: boolean;
  /** Under the dev server, what stands in an article's body where a fact tag could not be printed. */
  mark?: (written: string) => string;
}

/** What the last build made, for a dev rebuild to keep: its views, and the pictures it published for them. */
interface EarlierViews {
  articles: ReadonlyMap<string, ArticleView>;
  digests: ReadonlyMap<string, { entry: DigestEntry; view: DigestView }>;
  pictures: PublishedPictures | undefined;
}

export class Publication {
  readonly options: PresentOptions;
  /** The site's words: listings, the digest's own words, and the pages of the site beside the articles. */
  readonly words: Words;
  readonly preview: boolean;
  /** The articles the site lists, newest first: the published ones, and drafts too in a preview. */
  readonly articles: ArticleView[];
  readonly #bySlug: Map<string, ArticleView>;
  readonly #topics: () => Array<{ tag: string; slug: string; items: ArticleView[] }>;
  readonly #archivePages: () => ArchivePage[];
  readonly #topicPages: () => TopicPage[];
  readonly #digestViews = new Map<string, { entry: DigestEntry; view: DigestView }>();
  /** The views the last build made, by slug, when this one may keep them. */
  readonly #earlier: EarlierViews | undefined;
  /**
   * The publication the views read from (the model's facts, other articles, the pictures): this one, and the next
   * one once it keeps these views. Views hold this and not the publication, so an old publication is let go.
   */
  readonly #current: { publication: Publication };
  #pictures: PublishedPictures | undefined;

  /**
   * `previous`: the publication of the last build of the same tree (the dev server's). An article or digest
   * whose files, facts and site are unchanged keeps its view, with everything already worked out in it.
   */
  constructor(
    readonly model: ContentModel,
    readonly site: Site,
    options: PublicationOptions & { previous?: Publication | undefined },
  ) {
    this.preview = options.preview;
    this.options = { locale: site.locale, zone: site.timeZone };
    const reusable =
      options.previous && options.previous.site === site && options.previous.preview === this.preview ? options.previous : undefined;
    this.#earlier = reusable && { articles: reusable.#bySlug, digests: new Map(reusable.#digestViews), pictures: reusable.#pictures };
    this.#current = reusable ? reusable.#current : { publication: this };
    this.#current.publication = this;
    this.words = wordsFor(site.locale, site.language);
    const current = this.#current;
    const scope = (entry: ArticleEntry): FactScope => ({ own: entry.facts, withoutOwn: 'skip', all: current.publication.model.facts });
    const context = {
      site,
      options: this.options,
      scope,
      preview: this.preview,
      article: (slug: string) => current.publication.article(slug),
      pictures: () => current.publication.pictures,
      ...(options.mark ? { mark: options.mark } : {}),
    };
    this.articles = model.articles
      .filter((entry) => this.preview || !entry.data.draft)
      .map((entry) => {
        const earlier = this.#earlier?.articles.get(entry.slug);
        return earlier && sameSources(earlier, entry) ? earlier : new ArticleView(entry, context);
      });
    this.#bySlug = new Map(this.articles.map((article) => [article.slug, article]));
    this.#archivePages = memo(() =>
      paginate(this.articles, LISTING_PAGE_SIZE, archivePageUrl).map((page) => ({ ...page, total: this.articles.length })),
    );
    this.#topics = memo(() => groupTopics(this.articles));
    this.#topicPages = memo(() =>
      this.#topics().flatMap(({ tag, slug, items }) =>
        paginate(items, LISTING_PAGE_SIZE, (n) => topicPageUrl(slug, n)).map((page) => ({ ...page, tag, slug, total: items.length })),
      ),
    );
  }

  /** One digest as its web page, email, text part and digest.json show it; made once per build. */
  digestView(entry: DigestEntry): DigestView {
    const known = this.#digestViews.get(entry.slug);
    if (known?.entry === entry) return known.view;
    const articles = entry.articles.flatMap((a) => this.#bySlug.get(a.slug) ?? []);
    const earlier = this.#earlier?.digests.get(entry.slug);
    // Kept when the digest's file is the same and so is every article view it shows.
    const view =
      earlier && earlier.entry.data === entry.data && sameArticles(earlier.view.articles, articles, this.#earlier!.articles)
        ? earlier.view
        : this.#makeDigestView(entry, articles);
    this.#digestViews.set(entry.slug, { entry, view });
    return view;
  }

  /** The view of a digest this publication has made, and the entry it was made from. */
  madeDigest(slug: string): { entry: DigestEntry; view: DigestView } | undefined {
    return this.#digestViews.get(slug);
  }

  #makeDigestView(entry: DigestEntry, articles: ArticleView[]): DigestView {
    const scope: FactScope = { candidates: entry.articles.flatMap((a) => (a.facts ? [a.facts] : [])), all: this.model.facts };
    const text = (value: string) => fieldText(value, { ...this.options, scope, preview: this.preview });
    return digestView({ entry, articles, site: this.site, text, options: this.options });
  }

  /**
   * Writes every picture the build publishes (lead pictures, social cards) through the build's memo into its
   * output folder. Called once a build, before any page is rendered: pages read them from `pictures`.
   */
  async publishPictures(memo: PictureBuildMemo): Promise<PublishedPictures> {
    this.#pictures = await publishPictures(this.articles, this.digests, this.site, memo, this.#earlier?.pictures);
    return this.#pictures;
  }

  /** The build's pictures, once publishPictures has written them. */
  get pictures(): PublishedPictures {
    if (!this.#pictures) throw new Error('a page asked for a picture before the build published them (Publication.publishPictures)');
    return this.#pictures;
  }

  article(slug: string): ArticleView | undefined {
    return this.#bySlug.get(slug);
  }

  /** The archive, a page at a time (the home page is its first page). */
  get archivePages(): ArchivePage[] {
    return this.#archivePages();
  }

  /** Every topic, sorted by its name. */
  get topics(): Topic[] {
    return this.#topics().map(({ tag, slug, items }) => ({ tag, slug, url: topicPageUrl(slug), count: items.length }));
  }

  /** Every page of every topic. */
  get topicPages(): TopicPage[] {
    return this.#topicPages();
  }

  /** The digests the site publishes, newest first (drafts only in a preview). */
  get digestEntries(): DigestEntry[] {
    return this.model.digests.filter((entry) => this.preview || !entry.data.draft);
  }

  /** Every digest's view, newest first (drafts only in a preview). */
  get digests(): DigestView[] {
    return this.digestEntries.map((entry) => this.digestView(entry));
  }
}

/**
 * Whether a digest's articles, as its earlier view lists them, show the same in a digest as `articles`: the
 * same views, or views of the same front matter and facts (a digest shows no article's body).
 */
function sameArticles(
  listed: ReadonlyArray<{ slug: string }>,
  articles: readonly ArticleView[],
  previous: ReadonlyMap<string, ArticleView>,
): boolean {
  return listed.length === articles.length && articles.every((article, i) => sameInDigest(previous.get(listed[i]!.slug), article));
}

function sameInDigest(before: ArticleView | undefined, after: ArticleView): boolean {
  if (before === after) return true;
  if (!before || before.entry.data !== after.entry.data || before.entry.facts !== after.entry.facts) return false;
  return ![after.entry.data.title, after.entry.data.summary].some(namesAnotherArticlesFact);
}

/** Whether a view made from an earlier reading shows the same as one made from `entry` would. */
function sameSources(view: ArticleView, entry: ArticleEntry): boolean {
  const before = view.entry;
  if (before.data !== entry.data || before.facts !== entry.facts || before.body !== entry.body) return false;
  // Links to an article's versions in other languages print those articles' titles from this build.
  if (before.translations.length > 0 || entry.translations.length > 0) return false;
  // A lead picture's file may have changed while the front matter naming it did not.
  if (entry.data.image !== undefined) return false;
  // A tag naming another article's fact (`slug/id`) reads a file that may have changed alone.
  return ![entry.body, entry.data.title, entry.data.summary, entry.data.dateNote ?? ''].some(namesAnotherArticlesFact);
}

/**
 * Tags grouped by URL slug, in the order of `articles` (newest first), sorted by tag. Two spellings of one tag
 * ("Russia", "russia") make one topic, named as its newest article spells it, and list an article once. A tag
 * with nothing to make a URL from has no topic (the content check names it).
 */
export function groupTopics(articles: readonly ArticleView[]): Array<{ tag: string; slug: string; items: ArticleView[] }> {
  const bySlug = new Map<string, { tag: string; items: ArticleView[] }>();
  for (const article of articles) {
    const listedUnder = new Set<string>();
    for (const { tag, slug } of article.topics) {
      if (!slug || listedUnder.has(slug)) continue;
      listedUnder.add(slug);
      const topic = bySlug.get(slug);
      if (topic) topic.items.push(article);
      else bySlug.set(slug, { tag, items: [article] });
    }
  }
  return [...bySlug.entries()].map(([slug, topic]) => ({ slug, ...topic })).sort((a, b) => a.tag.localeCompare(b.tag));
}

// What one build publishes from the content model: the articles as the site shows them, the listing pages,
// topics, digests and feeds. It is the build's state: every view is made once per build, here, and shared by
// every page that prints it (an article's title on its page, in listings, feeds and digests is one string).
import type { ArticleEntry, ContentModel, DigestEntry } from '../content/model.ts';
import type { FactScope } from '../content/link.ts';
import type { Site } from '../content/site.ts';
import { slugify } from '../content/slug.ts';
import { archivePageUrl, topicPageUrl } from '../content/urls.ts';
import { digestView, type DigestView } from '../digest/view.ts';
import type { PictureBuildMemo } from '../images/picture-build-memo.ts';
import { ArticleView } from '../present/article.ts';
import { fieldText } from '../present/fact-text.ts';
import type { PresentOptions } from '../present/figures.ts';
import { LISTING_PAGE_SIZE, paginate, type ListingPage } from './pagination.ts';
import { publishPictures, type PublishedPictures } from './pictures.ts';

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

function memo<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export class Publication {
  readonly options: PresentOptions;
  readonly preview: boolean;
  /** The articles the site lists, newest first: the published ones, and drafts too in a preview. */
  readonly articles: ArticleView[];
  readonly #bySlug: Map<string, ArticleView>;
  readonly #topics: () => Array<{ tag: string; slug: string; items: ArticleView[] }>;
  readonly #archivePages: () => ArchivePage[];
  readonly #digests: () => DigestView[];
  #pictures: PublishedPictures | undefined;

  constructor(
    readonly model: ContentModel,
    readonly site: Site,
    options: PublicationOptions,
  ) {
    this.preview = options.preview;
    this.options = { locale: site.locale, zone: site.timeZone };
    const scope = (entry: ArticleEntry): FactScope => ({ own: entry.facts, withoutOwn: 'skip', all: model.facts });
    const context = {
      site,
      options: this.options,
      scope,
      preview: this.preview,
      pictures: () => this.pictures,
      ...(options.mark ? { mark: options.mark } : {}),
    };
    this.articles = model.articles.filter((entry) => this.preview || !entry.data.draft).map((entry) => new ArticleView(entry, context));
    this.#bySlug = new Map(this.articles.map((article) => [article.slug, article]));
    this.#archivePages = memo(() =>
      paginate(this.articles, LISTING_PAGE_SIZE, archivePageUrl).map((page) => ({ ...page, total: this.articles.length })),
    );
    this.#topics = memo(() => groupTopics(this.articles));
    this.#digests = memo(() => model.digests.filter((entry) => this.preview || !entry.data.draft).map((entry) => this.digestView(entry)));
  }

  /** One digest as its web page, email, text part and digest.json show it. */
  digestView(entry: DigestEntry): DigestView {
    const articles = entry.articles.flatMap((a) => this.#bySlug.get(a.slug) ?? []);
    const scope: FactScope = { candidates: entry.articles.flatMap((a) => (a.facts ? [a.facts] : [])), all: this.model.facts };
    const text = (value: string) => fieldText(value, { ...this.options, scope, preview: this.preview });
    return digestView({ entry, articles, site: this.site, text, options: this.options });
  }

  /**
   * Writes every picture the build publishes (lead pictures, social cards) through the build's memo into its
   * output folder. Called once a build, before any page is rendered: pages read them from `pictures`.
   */
  async publishPictures(memo: PictureBuildMemo): Promise<PublishedPictures> {
    this.#pictures = await publishPictures(this.articles, this.digests, this.site, memo);
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
    return this.#topics().flatMap(({ tag, slug, items }) =>
      paginate(items, LISTING_PAGE_SIZE, (n) => topicPageUrl(slug, n)).map((page) => ({ ...page, tag, slug, total: items.length })),
    );
  }

  /** Every digest, newest first (drafts only in a preview). */
  get digests(): DigestView[] {
    return this.#digests();
  }
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
    for (const tag of article.tags) {
      const slug = slugify(tag);
      if (!slug || listedUnder.has(slug)) continue;
      listedUnder.add(slug);
      const topic = bySlug.get(slug);
      if (topic) topic.items.push(article);
      else bySlug.set(slug, { tag, items: [article] });
    }
  }
  return [...bySlug.entries()].map(([slug, topic]) => ({ slug, ...topic })).sort((a, b) => a.tag.localeCompare(b.tag));
}

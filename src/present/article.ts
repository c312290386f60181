// One article as every output shows it: its fields with their figures printed, its dates, key figures, chart,
// timeline and sources, and its body as HTML. Each part is worked out the first time a page asks for it and
// then kept for the rest of the build, so a listing, a feed and a digest print the same strings.
import { keyFiguresChart, type ChartFigure, type KeyFiguresChart } from '../charts/key-figures.ts';
import { findFigure } from '../facts/lookup.ts';
import type { ArticleFacts } from '../facts/parse.ts';
import type { ArticleEntry } from '../content/model.ts';
import type { FactScope } from '../content/link.ts';
import type { Site } from '../content/site.ts';
import { slugify } from '../content/slug.ts';
import { articleUrl, topicPageUrl } from '../content/urls.ts';
import { formatDateline, toIsoWithOffset } from '../format/dates.ts';
import { formatList } from '../format/lists.ts';
import { imageObject, type PictureView, type ShareImage } from '../images/view.ts';
import type { PublishedPictures } from '../site/pictures.ts';
import { newsArticleJsonLd } from './json-ld.ts';
import { timelineMarkers, type TimelineMarker } from './timeline.ts';
import { renderArticleBody } from './body.ts';
import { fieldText } from './fact-text.ts';
import { keyFigures, sourcesView, timeline, type EventView, type FigureView, type PresentOptions, type SourceView } from './figures.ts';

export interface DateView {
  /** ISO 8601 with the site's UTC offset, for <time datetime> and JSON-LD. */
  iso: string;
  /** As a reader sees it: "June 24, 2025". */
  dateline: string;
  date: Date;
}

export interface ArticleContext {
  site: Site;
  options: PresentOptions;
  /** Every article's facts, for tags that name another article's fact (`slug/id`). */
  scope: (entry: ArticleEntry) => FactScope;
  /** Under the dev server: unprintable tags are shown as written (their problems are listed) instead of stopping. */
  preview: boolean;
  /** Under the dev server, what stands in the body where a tag could not be printed. */
  mark?: (written: string) => string;
  /** The build's pictures, published before any page is rendered (src/site/pictures.ts). */
  pictures: () => PublishedPictures;
}

/** The chart's figures: each key figure's quantity, and the words its box prints (the bar is labelled with them). */
export function chartFiguresOf(facts: ArticleFacts, views: readonly FigureView[]): Array<ChartFigure & { view: FigureView }> {
  return views.map((view) => {
    const figure = findFigure(facts, view.id);
    return { label: view.label, quantity: { amount: view.amount, unit: figure.unit }, text: view.value, derived: view.derived, view };
  });
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

export class ArticleView {
  readonly slug: string;
  readonly url: string;
  readonly absoluteUrl: string;
  readonly section: string;
  readonly draft: boolean;
  /** The tags readers see, each with its topic page. */
  readonly topics: Array<{ tag: string; url: string }>;
  readonly tags: readonly string[];

  readonly #title: () => string;
  readonly #summary: () => string;
  readonly #dateNote: () => string | undefined;
  readonly #date: () => DateView;
  readonly #updated: () => DateView | undefined;
  readonly #keyFigures: () => FigureView[];
  readonly #chart: () => KeyFiguresChart<ChartFigure & { view: FigureView }> | undefined;
  readonly #timeline: () => EventView[];
  readonly #sources: () => SourceView[];
  readonly #reporting: () => string | undefined;
  readonly #html: () => string;
  readonly #pictures: () => PublishedPictures;

  constructor(
    readonly entry: ArticleEntry,
    context: ArticleContext,
  ) {
    const { site, options, preview } = context;
    const data = entry.data;
    this.slug = entry.slug;
    this.url = articleUrl(entry.slug);
    this.absoluteUrl = `${site.url}${this.url}`;
    this.section = data.section;
    this.draft = data.draft;
    this.tags = data.tags;
    this.topics = data.tags.map((tag) => ({ tag, url: topicPageUrl(slugify(tag)) }));

    const textOptions = () => ({ ...options, scope: context.scope(entry), preview });
    const text = (value: string) => fieldText(value, textOptions());
    const dateView = (value: NonNullable<typeof data.updated>): DateView => {
      const iso = value.toISO() ?? '';
      return { iso: toIsoWithOffset(iso, options.zone), dateline: formatDateline(iso, options), date: value.toJSDate() };
    };
    this.#title = memo(() => text(data.title));
    this.#summary = memo(() => text(data.summary));
    this.#dateNote = memo(() => (data.dateNote === undefined ? undefined : text(data.dateNote)));
    this.#date = memo(() => dateView(data.date));
    this.#updated = memo(() => (data.updated ? dateView(data.updated) : undefined));
    this.#keyFigures = memo(() => keyFigures(entry.facts, options));
    this.#chart = memo(() =>
      entry.facts
        ? keyFiguresChart(chartFiguresOf(entry.facts, this.keyFigures), { id: 'key-figures-chart', locale: options.locale })
        : undefined,
    );
    this.#timeline = memo(() => timeline(entry.facts, this.date.iso, options));
    this.#sources = memo(() => sourcesView(entry.facts));
    this.#reporting = memo(() => {
      if (!data.reporting.length) return undefined;
      // Mid-sentence, "A South Korean legislator" reads "a South Korean legislator".
      const names = data.reporting.map((id) =>
        (entry.facts?.sources[id]?.name ?? id).replace(/^(A|An|The) /, (article) => article.toLowerCase()),
      );
      return formatList(names, { locale: options.locale });
    });
    this.#html = memo(() => renderArticleBody(entry, textOptions(), context.mark));
    this.#pictures = context.pictures;
  }

  get title(): string {
    return this.#title();
  }
  get summary(): string {
    return this.#summary();
  }
  get dateNote(): string | undefined {
    return this.#dateNote();
  }
  get date(): DateView {
    return this.#date();
  }
  get updated(): DateView | undefined {
    return this.#updated();
  }
  /** When the article last changed: its update, else its publication. */
  get modified(): DateView {
    return this.updated ?? this.date;
  }
  get keyFigures(): FigureView[] {
    return this.#keyFigures();
  }
  /** The figure a listing shows beside the headline. */
  get leadFigure(): FigureView | undefined {
    return this.keyFigures[0];
  }
  get chart(): KeyFiguresChart<ChartFigure & { view: FigureView }> | undefined {
    return this.#chart();
  }
  get timeline(): EventView[] {
    return this.#timeline();
  }
  get timelineMarkers(): TimelineMarker[] {
    return timelineMarkers(this.timeline);
  }
  get sources(): SourceView[] {
    return this.#sources();
  }
  /** "South Korean intelligence and a South Korean legislator", from the reporting list. */
  get reporting(): string | undefined {
    return this.#reporting();
  }
  /** The body as HTML. */
  get html(): string {
    return this.#html();
  }
  /** The lead picture as the article page, listings, feeds and the email show it; undefined without one. */
  get picture(): PictureView | undefined {
    return this.entry.image && this.#pictures().article(this.slug).picture;
  }
  /** What a shared link to the article shows (og:image, JSON-LD): its lead picture, else its social card. */
  get shareImage(): ShareImage {
    return this.#pictures().article(this.slug).share;
  }

  /** schema.org NewsArticle for the page's JSON-LD. */
  jsonLd(site: Site): Record<string, unknown> {
    return newsArticleJsonLd(
      {
        url: this.absoluteUrl,
        headline: this.title,
        description: this.summary,
        datePublished: this.date.iso,
        dateModified: this.updated?.iso,
        section: this.section,
        keywords: this.tags,
        image: imageObject(this.shareImage),
      },
      site,
    );
  }
}

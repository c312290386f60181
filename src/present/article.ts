// One article as every output shows it: its fields with their figures printed, its dates, key figures, chart,
// timeline and sources, and its body as HTML. Each part is worked out the first time a page asks for it and
// then kept for the rest of the build, so a listing, a feed and a digest print the same strings.
import { keyFiguresChart, type ChartFigure, type KeyFiguresChart } from '../charts/key-figures.ts';
import type { ArticleEntry } from '../content/model.ts';
import type { FactScope } from '../content/link.ts';
import type { Site } from '../content/site.ts';
import { slugify } from '../content/slug.ts';
import { articleUrl, topicPageUrl } from '../content/urls.ts';
import { formatDateline, toIsoWithOffset } from '../format/dates.ts';
import { formatList } from '../format/lists.ts';
import { capitalise, wordsFor, type Words } from '../i18n/words.ts';
import { imageObject, type PictureView, type ShareImage } from '../images/view.ts';
import { newsArticleJsonLd } from './json-ld.ts';
import { readingLanguage } from './language.ts';
import { timelineMarkers, type TimelineMarker } from './timeline.ts';
import { renderArticleBody } from './body.ts';
import { fieldText } from './fact-text.ts';
import {
  keyFigures,
  runningName,
  sourcesView,
  timeline,
  type EventView,
  type FigureView,
  type PresentOptions,
  type SourceView,
} from './figures.ts';
import { memo } from '../shared/memo.ts';

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
  /** Another article as the site shows it, for links to this one's versions in other languages. */
  article?: (slug: string) => ArticleView | undefined;
  /** The build's pictures, published before any page is rendered (src/site/pictures.ts). */
  pictures: () => ArticlePictures;
}

/** What an article's view reads of the build's pictures (src/site/pictures.ts publishes them). */
export interface ArticlePictures {
  /** The article's lead picture as published, if it has one, and what a shared link to it shows. */
  article(slug: string): { picture: PictureView | undefined; share: ShareImage };
}

/** A version of the article in another language, for `hreflang` alternates and the link to it. */
export interface TranslationView {
  language: string;
  /** The language's name in itself ("Deutsch", "한국어"). */
  languageName: string;
  url: string;
  absoluteUrl: string;
  title: string;
}

/** The chart's figures: each key figure's quantity, and the words its box prints (the bar is labelled with them). */
export function chartFiguresOf(views: readonly FigureView[]): Array<ChartFigure & { view: FigureView }> {
  return views.map((view) => ({
    label: view.label,
    quantity: view.quantity,
    text: view.value,
    derived: view.derived,
    change: view.change,
    view,
  }));
}

export class ArticleView {
  readonly slug: string;
  readonly url: string;
  readonly absoluteUrl: string;
  readonly section: string;
  readonly draft: boolean;
  /** The tags readers see that make a topic, each with the slug of its topic and its page. */
  readonly topics: Array<{ tag: string; slug: string; url: string }>;
  readonly tags: readonly string[];
  /** The language it is written in (its `lang`, else the site's), for `lang` and `hreflang`. */
  readonly language: string;
  /** The locale and zone its figures and dates are printed in. */
  readonly options: PresentOptions;
  /** The words of its language, for every template word on its page, feed entry and digest section. */
  readonly words: Words;

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
  readonly #translations: () => TranslationView[];
  readonly #pictures: () => ArticlePictures;

  constructor(
    readonly entry: ArticleEntry,
    context: ArticleContext,
  ) {
    const { site, preview } = context;
    const data = entry.data;
    const { language, locale } = readingLanguage(site, data.lang);
    const options: PresentOptions = { ...context.options, locale };
    this.language = language;
    this.options = options;
    this.words = wordsFor(locale, language);
    this.slug = entry.slug;
    this.url = articleUrl(entry.slug);
    this.absoluteUrl = `${site.url}${this.url}`;
    this.section = data.section;
    this.draft = data.draft;
    this.tags = data.tags;
    // A tag with nothing to make a URL from has no topic (the content check names it).
    this.topics = data.tags.flatMap((tag) => {
      const slug = slugify(tag);
      return slug ? [{ tag, slug, url: topicPageUrl(slug) }] : [];
    });

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
      entry.facts ? keyFiguresChart(chartFiguresOf(this.keyFigures), { id: 'key-figures-chart', locale: options.locale }) : undefined,
    );
    this.#timeline = memo(() => timeline(entry.facts, this.date.iso, options));
    this.#sources = memo(() => sourcesView(entry.facts));
    this.#reporting = memo(() => {
      if (!data.reporting.length) return undefined;
      // Mid-sentence, "A South Korean legislator" reads "a South Korean legislator".
      const names = data.reporting.map((id) => runningName(entry.facts?.sources[id]?.name ?? id, this.words));
      return formatList(names, { locale: options.locale });
    });
    this.#html = memo(() => renderArticleBody(entry, textOptions(), context.mark));
    this.#translations = memo(() =>
      entry.translations.flatMap((slug) => {
        const other = context.article?.(slug);
        if (!other) return [];
        const name = new Intl.DisplayNames([other.language], { type: 'language' }).of(other.language) ?? other.language;
        const languageName = capitalise(name, other.language);
        return [{ language: other.language, languageName, url: other.url, absoluteUrl: other.absoluteUrl, title: other.title }];
      }),
    );
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
  /** Its versions in other languages that the site publishes. */
  get translations(): TranslationView[] {
    return this.#translations();
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
      { ...site, language: this.language },
    );
  }
}

// Nunjucks filters: thin adapters from templates to the pure helpers in src/format and src/facts.
import {
  formatCalendarDate,
  formatDateline,
  formatFuzzyDate,
  formatIsoDay,
  parseCalendarDate,
  toIsoWithOffset,
  type FuzzyDate,
} from '../format/dates.ts';
import { formatApproximate, formatCompact, formatNumberRange, formatPercent, formatProse, formatSignedChange } from '../format/numbers.ts';
import { formatList } from '../format/lists.ts';
import { checkNumber, checkQuantity } from '../format/guard.ts';
import { keyFigures, timeline, sourcesView, allFigures, type FigureView } from '../facts/present.ts';
import type { ArticleFacts } from '../facts/load.ts';
import { slugify } from '../content/slug.ts';
import { chartFiguresOf, keyFiguresChart } from '../charts/key-figures.ts';
import { newsArticleJsonLd } from '../site/json-ld.ts';
import { safeJson } from '../site/safe-json.ts';
import { timelineMarker, timelineMarkers } from '../site/timeline.ts';
import type { BuildState } from './state.ts';
import type { EleventyConfig } from './types.ts';

function toIso(date: unknown): string {
  if (date instanceof Date) return date.toISOString();
  if (typeof date === 'string') return date;
  throw new TypeError(`expected a date, got ${typeof date}`);
}

function optionalIso(date: unknown): string | undefined {
  return date === undefined || date === null || date === '' ? undefined : toIso(date);
}

export interface NewsArticleFields {
  url: string;
  title: string;
  summary: string;
  date: unknown;
  updated?: unknown;
  section?: string;
  tags?: unknown;
}

export function registerFilters(config: EleventyConfig, state: () => BuildState): void {
  const options = () => ({ locale: state().site.locale, zone: state().site.timeZone });
  // An article's date and lead figure are printed on its page, the archive, each of its topics and the
  // feeds: with thousands of articles, computing each once per build is most of the listings' cost.
  // Keyed by the build state, so a rebuild under the dev server (new site.json, new facts) starts afresh.
  const perBuild = <K, V>(compute: (key: K) => V) => {
    const caches = new WeakMap<BuildState, Map<K, V>>();
    return (key: K): V => {
      let cache = caches.get(state());
      if (!cache) caches.set(state(), (cache = new Map<K, V>()));
      if (!cache.has(key)) cache.set(key, compute(key));
      return cache.get(key) as V;
    };
  };
  const isoDateTime = perBuild((iso: string) => toIsoWithOffset(iso, state().site.timeZone));
  const dateline = perBuild((iso: string) => formatDateline(iso, options()));
  const keyFigureViews = perBuild((facts: ArticleFacts): FigureView[] => keyFigures(facts, options()));
  const keyFiguresOf = (facts: ArticleFacts | undefined): FigureView[] => (facts ? keyFigureViews(facts) : []);

  config.addFilter('dateline', (date: unknown) => dateline(toIso(date)));
  config.addFilter('isoDateTime', (date: unknown) => isoDateTime(toIso(date)));
  config.addFilter('isoDay', (date: unknown) => formatIsoDay(toIso(date), state().site.timeZone));
  config.addFilter('list', (items: string[]) => formatList(items, { locale: state().site.locale }));

  // Numbers and dates for templates, in the site's locale: {{ 11000 | prose }}, {{ 0.125 | percent }}. A value from a
  // template is untyped, so it passes the formatters' one guard first (a clear error rather than "NaN").
  const locale = () => ({ locale: state().site.locale });
  config.addFilter('prose', (n: unknown) => formatProse(checkNumber(n, 'prose filter'), locale()));
  config.addFilter('approximate', (n: unknown, qualifier?: string) =>
    formatApproximate(checkNumber(n, 'approximate filter'), { ...locale(), ...(qualifier ? { qualifier } : {}) }),
  );
  config.addFilter('compact', (n: unknown) => formatCompact(checkNumber(n, 'compact filter'), locale()));
  config.addFilter('numberRange', (low: unknown, high: unknown, style: 'prose' | 'table' = 'prose') => {
    const range = checkQuantity({ amount: { kind: 'range', low, high } }, 'numberRange filter').amount as { low: number; high: number };
    return formatNumberRange(range.low, range.high, { ...locale(), style: style === 'table' ? 'table' : 'prose' });
  });
  config.addFilter('signedChange', (n: unknown, style: 'prose' | 'table' = 'table') =>
    formatSignedChange(checkNumber(n, 'signedChange filter'), { ...locale(), style: style === 'prose' ? 'prose' : 'table' }),
  );
  config.addFilter('percent', (ratio: unknown, fractionDigits?: number) =>
    formatPercent(checkNumber(ratio, 'percent filter'), { ...locale(), ...(fractionDigits === undefined ? {} : { fractionDigits }) }),
  );
  config.addFilter('calendarDate', (iso: string) => formatCalendarDate(parseCalendarDate(iso), locale()));
  config.addFilter('fuzzyDate', (date: FuzzyDate) => formatFuzzyDate(date, locale()));
  config.addFilter('slug', (text: string) => slugify(text));

  config.addFilter('factsFor', (slug: string): ArticleFacts | undefined => state().facts[slug]);
  config.addFilter('keyFigures', (facts: ArticleFacts | undefined) => keyFiguresOf(facts));
  config.addFilter('keyFiguresChart', (facts: ArticleFacts | undefined) =>
    facts
      ? keyFiguresChart(chartFiguresOf(facts, keyFiguresOf(facts)), { id: 'key-figures-chart', locale: state().site.locale })
      : undefined,
  );
  config.addFilter('allFigures', (facts: ArticleFacts | undefined) => allFigures(facts, options()));
  config.addFilter('timeline', (facts: ArticleFacts | undefined, published: unknown) => timeline(facts, toIso(published), options()));
  config.addFilter('timelineMarker', timelineMarker);
  config.addFilter('timelineMarkers', timelineMarkers);
  config.addFilter('sources', (facts: ArticleFacts | undefined) => sourcesView(facts));
  // Mid-sentence, "A South Korean legislator" reads "a South Korean legislator".
  config.addFilter('sourceNames', (facts: ArticleFacts | undefined, ids: string[]) =>
    ids.map((id) => (facts?.sources[id]?.name ?? id).replace(/^(A|An|The) /, (article) => article.toLowerCase())),
  );
  /** Reader-facing tags: everything but Eleventy's own collection tags. */
  config.addFilter('readerTags', (tags: unknown) => (Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []));
  config.addFilter('limit', <T>(items: T[], n: number) => items.slice(0, n));

  /** JSON safe inside <script> and in files: `<` is printed as \u003c, so content cannot close the element. */
  config.addFilter('json', (value: unknown) => safeJson(value));
  config.addFilter('newsArticle', (fields: NewsArticleFields) => {
    const { site } = state();
    const updated = optionalIso(fields.updated);
    return newsArticleJsonLd(
      {
        url: `${site.url}${fields.url}`,
        headline: fields.title,
        description: fields.summary,
        datePublished: isoDateTime(toIso(fields.date)),
        dateModified: updated && isoDateTime(updated),
        section: fields.section,
        keywords: Array.isArray(fields.tags) ? fields.tags.filter((t): t is string => typeof t === 'string') : [],
      },
      site,
    );
  });
}

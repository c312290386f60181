// Nunjucks filters: thin adapters from templates to the pure helpers in src/format and src/facts.
import { formatCalendarDate, formatDateline, formatFuzzyDate, formatIsoDay, parseCalendarDate, toIsoWithOffset, type FuzzyDate } from '../format/dates.ts';
import { formatApproximate, formatCompact, formatNumberRange, formatPercent, formatProse, formatSignedChange } from '../format/numbers.ts';
import { formatList } from '../format/lists.ts';
import { keyFigures, timeline, sourcesView, allFigures } from '../facts/present.ts';
import type { ArticleFacts } from '../facts/load.ts';
import { slugify } from '../content/slug.ts';
import type { BuildState } from './state.ts';
import type { EleventyConfig } from './types.ts';

function toIso(date: unknown): string {
  if (date instanceof Date) return date.toISOString();
  if (typeof date === 'string') return date;
  throw new TypeError(`expected a date, got ${typeof date}`);
}

export function registerFilters(config: EleventyConfig, state: () => BuildState): void {
  const options = () => ({ locale: state().site.locale, zone: state().site.timeZone });

  config.addFilter('dateline', (date: unknown) => formatDateline(toIso(date), options()));
  config.addFilter('isoDateTime', (date: unknown) => toIsoWithOffset(toIso(date), state().site.timeZone));
  config.addFilter('isoDay', (date: unknown) => formatIsoDay(toIso(date), state().site.timeZone));
  config.addFilter('list', (items: string[]) => formatList(items, { locale: state().site.locale }));

  // Numbers and dates for templates, in the site's locale: {{ 11000 | prose }}, {{ 0.125 | percent }}.
  const locale = () => ({ locale: state().site.locale });
  config.addFilter('prose', (n: number) => formatProse(n, locale()));
  config.addFilter('approximate', (n: number, qualifier?: string) => formatApproximate(n, { ...locale(), ...(qualifier ? { qualifier } : {}) }));
  config.addFilter('compact', (n: number) => formatCompact(n, locale()));
  config.addFilter('numberRange', (low: number, high: number, style: 'prose' | 'table' = 'prose') => formatNumberRange(low, high, { ...locale(), style }));
  config.addFilter('signedChange', (n: number, style: 'prose' | 'table' = 'table') => formatSignedChange(n, { ...locale(), style }));
  config.addFilter('percent', (ratio: number, fractionDigits?: number) => formatPercent(ratio, { ...locale(), ...(fractionDigits === undefined ? {} : { fractionDigits }) }));
  config.addFilter('calendarDate', (iso: string) => formatCalendarDate(parseCalendarDate(iso), locale()));
  config.addFilter('fuzzyDate', (date: FuzzyDate) => formatFuzzyDate(date, locale()));
  config.addFilter('slug', (text: string) => slugify(text));

  config.addFilter('factsFor', (slug: string): ArticleFacts | undefined => state().facts[slug]);
  config.addFilter('keyFigures', (facts: ArticleFacts | undefined) => keyFigures(facts, options()));
  config.addFilter('allFigures', (facts: ArticleFacts | undefined) => allFigures(facts, options()));
  config.addFilter('timeline', (facts: ArticleFacts | undefined, published: unknown) => timeline(facts, toIso(published), options()));
  config.addFilter('sources', (facts: ArticleFacts | undefined) => sourcesView(facts));
  // Mid-sentence, "A South Korean legislator" reads "a South Korean legislator".
  config.addFilter('sourceNames', (facts: ArticleFacts | undefined, ids: string[]) =>
    ids.map((id) => (facts?.sources[id]?.name ?? id).replace(/^(A|An|The) /, (article) => article.toLowerCase())),
  );
  /** Reader-facing tags: everything but Eleventy's own collection tags. */
  config.addFilter('readerTags', (tags: unknown) => (Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []));
  config.addFilter('limit', <T>(items: T[], n: number) => items.slice(0, n));
}

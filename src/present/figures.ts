// Turns validated facts into what readers see: fact text for prose, key figures, a timeline, sources.
// Pure: locale, time zone and the publication date are passed in.
import type { FactForm } from '../content/fact-tags.ts';
import type { DerivedFigure } from '../facts/derive.ts';
import { figuresOf, findFigure, unitOf } from '../facts/lookup.ts';
import type { ArticleFacts } from '../facts/parse.ts';
import type { Figure, Status } from '../facts/schema.ts';
import { formatAmount, amountValue, type Amount } from '../format/numbers.ts';
import { formatFuzzyDate, formatDistance, formatIsoDay, type FuzzyDate } from '../format/dates.ts';
import { capitalise, wordsFor, type Words } from '../i18n/words.ts';
import { timelineMarker, type TimelineMarker } from './timeline.ts';

export interface PresentOptions {
  locale: string;
  zone: string;
}

/** The words a figure takes where a fact tag prints it: "11,000", "around 600", "more than three-year". */
export function factText(facts: ArticleFacts, id: string, form: FactForm, options: PresentOptions): string {
  const figure = findFigure(facts, id);
  // Prose keeps the number alone (the editor writes the noun); compound forms need the unit to hyphenate.
  const unit = unitOf(figure);
  return formatAmount(figure.value, {
    locale: options.locale,
    style: form === 'table' ? 'table' : 'prose',
    ...(form === 'compound' ? { unit, compound: true } : {}),
  });
}

/** How firm a figure or event is, in the reader's words: "reported", "officially announced". */
const statusWord = (status: Status, words: Words): string => words.t(`figure.status.${status}`);

export interface FigureView {
  id: string;
  label: string;
  /** Prose form, with unit: "around 600", "more than three years". */
  value: string;
  /** Table/chart form: "11K"-style is left to charts; this is "11,000", "~600". */
  tableValue: string;
  /** A number to draw, or undefined for qualitative values and ranges. */
  numeric: number | undefined;
  amount: Amount;
  status: string;
  source: string;
  via: string | undefined;
  /** "Reported by a South Korean legislator", or the derivation for computed figures. */
  attribution: string;
  /** As readers see it: "October 2024 (“October last year” in the text)". */
  date: string | undefined;
  relative: string | undefined;
  derived: boolean;
  /** For derived figures: "11,000 + 4,000 + 6,000". */
  computation: string | undefined;
}

function sourceName(facts: ArticleFacts, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (facts.sources[id]?.name ?? id);
}

/** The resolved date, and the article's own words beside it when it gave a relative one ("October last year"). */
function shownDate(date: string, relative: string | undefined, words: Words): string {
  return relative === undefined ? date : words.t('figure.dateWithRelative', { date, relative });
}

/**
 * A source's name where it runs on in a sentence: a leading article the language lowercases there ("A South Korean
 * legislator" → "a South Korean legislator") is lowercased; the rest of the name is kept as written.
 */
export function runningName(name: string, words: Words): string {
  const articles = words.t('figure.articles').split('|').filter(Boolean);
  const leading = articles.find((article) => name.startsWith(`${article} `));
  return leading === undefined ? name : leading.toLocaleLowerCase(words.locale) + name.slice(leading.length);
}

export function figureView(facts: ArticleFacts, figure: Figure | DerivedFigure, options: PresentOptions): FigureView {
  const words = wordsFor(options.locale);
  const unit = 'unit' in figure ? figure.unit : undefined;
  const value = formatAmount(figure.value, { locale: options.locale, style: 'prose', ...(unit ? { unit } : {}) });
  const tableValue = formatAmount(figure.value, { locale: options.locale, style: 'table' });
  if ('from' in figure) {
    const parts = figure.from.map((f) => formatAmount(f.value, { locale: options.locale, style: 'table' }));
    // Labels keep their capitals: they are full labels ("North Korean personnel…"), not words in a sentence.
    const labels = figure.from.map((f) => f.label).join('; ');
    return {
      id: figure.id,
      label: figure.label,
      value,
      tableValue,
      numeric: amountValue(figure.value),
      amount: figure.value,
      status: 'computed',
      source: 'computed',
      via: undefined,
      attribution: words.t('figure.computed', { sum: parts.join(' + '), labels }),
      date: undefined,
      relative: undefined,
      derived: true,
      computation: parts.join(' + '),
    };
  }
  const source = sourceName(facts, figure.source) ?? figure.source;
  const via = sourceName(facts, figure.via);
  const status = statusWord(figure.status, words);
  const attribution = via
    ? words.t('figure.attributionVia', { status, source: runningName(source, words), via: runningName(via, words) })
    : words.t('figure.attribution', { status, source: runningName(source, words) });
  return {
    id: figure.id,
    label: figure.label,
    value,
    tableValue,
    numeric: amountValue(figure.value),
    amount: figure.value,
    status,
    source,
    via,
    attribution: capitalise(attribution, options.locale),
    date: figure.date ? shownDate(formatFuzzyDate(figure.date, { locale: options.locale }), figure.relative, words) : undefined,
    relative: figure.relative,
    derived: false,
    computation: undefined,
  };
}

/** Key figures first as listed, then key derived figures. */
export function keyFigures(facts: ArticleFacts | undefined, options: PresentOptions): FigureView[] {
  if (!facts) return [];
  return figuresOf(facts)
    .filter((f) => f.key)
    .map((f) => figureView(facts, f, options));
}

export interface EventView {
  id: string;
  label: string;
  date: string;
  /** The words the article used, e.g. "October last year". */
  relative: string | undefined;
  /** "eight months earlier" relative to publication; none for spans, where it would mislead. */
  distance: string | undefined;
  /** day, month, year, range or choice: lets templates show uncertainty. */
  precision: 'day' | 'month' | 'year' | 'range' | 'choice';
  uncertain: boolean;
  /** How firm the event is, in the reader's words ("reported"). */
  status: string;
  /** Expected rather than reported as having happened. */
  expected: boolean;
  source: string;
  actors: string[];
  /** ISO value for <time datetime> when the date is a single day, month or year. */
  datetime: string | undefined;
  /** How the timeline marks the date: a known day, a month or year only, or uncertain. */
  marker: TimelineMarker;
}

function precisionOf(date: FuzzyDate): EventView['precision'] {
  if (date.kind === 'range') return 'range';
  if (date.kind === 'choice') return 'choice';
  return date.date.day !== undefined ? 'day' : date.date.month !== undefined ? 'month' : 'year';
}

function isoOf(date: FuzzyDate): string | undefined {
  if (date.kind !== 'on') return undefined;
  const { year, month, day } = date.date;
  return [String(year).padStart(4, '0'), month && String(month).padStart(2, '0'), day && String(day).padStart(2, '0')]
    .filter(Boolean)
    .join('-');
}

export function timeline(facts: ArticleFacts | undefined, published: string, options: PresentOptions): EventView[] {
  if (!facts) return [];
  // Distances count from the publication day; finding it in the site zone once, not once per event,
  // saves a time-zone lookup per event on every article page.
  const publishedDay = formatIsoDay(published, options.zone);
  const words = wordsFor(options.locale);
  return facts.events.map((event) => {
    const precision = precisionOf(event.date);
    const uncertain = precision === 'range' || precision === 'choice' || event.status === 'expected';
    return {
      id: event.id,
      label: event.label,
      date: formatFuzzyDate(event.date, { locale: options.locale }),
      relative: event.relative,
      distance:
        event.date.kind === 'range' ? undefined : formatDistance(event.date, publishedDay, { locale: options.locale, zone: options.zone }),
      precision,
      uncertain,
      status: statusWord(event.status, words),
      expected: event.status === 'expected',
      source: sourceName(facts, event.source) ?? event.source,
      actors: event.actors.map((a) => facts.actors[a]?.name ?? a),
      datetime: isoOf(event.date),
      marker: timelineMarker({ precision, uncertain }),
    };
  });
}

export interface SourceView {
  id: string;
  name: string;
  type: string | undefined;
  url: string | undefined;
  /** Labels of the figures, events and claims that rest on this source. */
  supports: string[];
}

export function sourcesView(facts: ArticleFacts | undefined): SourceView[] {
  if (!facts) return [];
  return Object.entries(facts.sources).map(([id, source]) => ({
    id,
    name: source.name,
    type: source.type,
    url: source.url,
    supports: [
      ...facts.figures.filter((f) => f.source === id || f.via === id).map((f) => f.label),
      ...facts.events.filter((e) => e.source === id).map((e) => e.label),
      ...facts.claims.filter((c) => c.source === id).map((c) => c.text),
    ],
  }));
}

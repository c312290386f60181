// Turns validated facts into what readers see: fact text for prose, key figures, a timeline, sources.
// Pure: locale, time zone and the publication date are passed in.
import { formatAmount, amountValue, type Amount } from '../format/numbers.ts';
import { formatFuzzyDate, formatDistance, formatIsoDay, type FuzzyDate } from '../format/dates.ts';
import type { ArticleFacts } from './load.ts';
import type { Figure, Status } from './schema.ts';
import type { DerivedFigure } from './derive.ts';

export interface PresentOptions {
  locale: string;
  zone: string;
}

export type FactForm = 'prose' | 'compound' | 'table';
export const FACT_FORMS: readonly FactForm[] = ['prose', 'compound', 'table'];

export class UnknownFactError extends Error {
  constructor(
    readonly factId: string,
    readonly facts: ArticleFacts | undefined,
  ) {
    super(
      facts
        ? `fact "${factId}" does not exist in ${facts.file} (known: ${[...facts.figures, ...facts.derived].map((f) => f.id).join(', ')})`
        : `fact "${factId}" cannot be printed: this article has no facts file (expected facts/<article slug>.yaml in the content folder)`,
    );
    this.name = 'UnknownFactError';
  }
}

export function findFigure(facts: ArticleFacts | undefined, id: string): Figure | DerivedFigure {
  const found = facts?.figures.find((f) => f.id === id) ?? facts?.derived.find((f) => f.id === id);
  if (!found) throw new UnknownFactError(id, facts);
  return found;
}

function unitOf(figure: Figure | DerivedFigure) {
  return 'unit' in figure ? figure.unit : undefined;
}

/** The figure a fact tag prints in `form`; throws when it does not exist or cannot take the form. */
export function findFigureIn(facts: ArticleFacts | undefined, id: string, form: FactForm): Figure | DerivedFigure {
  const figure = findFigure(facts, id);
  if (form === 'compound' && !unitOf(figure)) {
    throw new Error(
      `fact "${id}" has no unit in ${facts?.file}, and the compound form ("a three-year war") needs one: ` +
        'give the fact a unit such as year, or { one: soldier, other: soldiers }, or print it in the prose form',
    );
  }
  return figure;
}

/** The words a figure takes in prose: "11,000", "around 600", "more than three-year". */
export function factText(facts: ArticleFacts | undefined, id: string, form: FactForm, options: PresentOptions): string {
  if (!FACT_FORMS.includes(form)) throw new Error(`fact "${id}": unknown form "${form}" (expected one of: ${FACT_FORMS.join(', ')})`);
  const figure = findFigureIn(facts, id, form);
  const unit = unitOf(figure);
  // Prose keeps the number alone (the editor writes the noun); compound forms need the unit to hyphenate.
  return formatAmount(figure.value, {
    locale: options.locale,
    style: form === 'table' ? 'table' : 'prose',
    ...(form === 'compound' ? { unit, compound: true } : {}),
  });
}

const STATUS_WORDS: Record<Status, string> = {
  reported: 'reported',
  estimated: 'estimated',
  announced: 'officially announced',
  acknowledged: 'acknowledged',
  expected: 'expected',
};

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
function shownDate(date: string, relative: string | undefined): string {
  return relative === undefined ? date : `${date} (“${relative}” in the text)`;
}

export function figureView(facts: ArticleFacts, figure: Figure | DerivedFigure, options: PresentOptions): FigureView {
  const unit = unitOf(figure);
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
      attribution: `Computed: ${parts.join(' + ')} (${labels})`,
      date: undefined,
      relative: undefined,
      derived: true,
      computation: parts.join(' + '),
    };
  }
  const source = sourceName(facts, figure.source) ?? figure.source;
  const via = sourceName(facts, figure.via);
  const status = STATUS_WORDS[figure.status];
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
    // After the colon the name runs on in the sentence, as AP writes it: 'Reported: a South Korean legislator'.
    attribution: `${capitalise(status)}: ${lowerFirstArticle(source)}${via ? `, via ${lowerFirstArticle(via)}` : ''}`,
    date: figure.date ? shownDate(formatFuzzyDate(figure.date, { locale: options.locale }), figure.relative) : undefined,
    relative: figure.relative,
    derived: false,
    computation: undefined,
  };
}

/** Key figures first as listed, then key derived figures. */
export function keyFigures(facts: ArticleFacts | undefined, options: PresentOptions): FigureView[] {
  if (!facts) return [];
  return [...facts.figures, ...facts.derived].filter((f) => f.key).map((f) => figureView(facts, f, options));
}

export function allFigures(facts: ArticleFacts | undefined, options: PresentOptions): FigureView[] {
  if (!facts) return [];
  return [...facts.figures, ...facts.derived].map((f) => figureView(facts, f, options));
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
  status: string;
  source: string;
  actors: string[];
  /** ISO value for <time datetime> when the date is a single day, month or year. */
  datetime: string | undefined;
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
  return facts.events.map((event) => {
    const precision = precisionOf(event.date);
    return {
      id: event.id,
      label: event.label,
      date: formatFuzzyDate(event.date, { locale: options.locale }),
      relative: event.relative,
      distance:
        event.date.kind === 'range' ? undefined : formatDistance(event.date, publishedDay, { locale: options.locale, zone: options.zone }),
      precision,
      uncertain: precision === 'range' || precision === 'choice' || event.status === 'expected',
      status: STATUS_WORDS[event.status],
      source: sourceName(facts, event.source) ?? event.source,
      actors: event.actors.map((a) => facts.actors[a]?.name ?? a),
      datetime: isoOf(event.date),
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

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirstArticle(s: string): string {
  return /^(A|An|The) /.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

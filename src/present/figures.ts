// Turns validated facts into what readers see: fact text for prose, key figures, a timeline, sources.
// Pure: locale, time zone and the publication date are passed in.
import type { FactForm } from '../content/fact-tags.ts';
import { quantityOf, type DerivedFigure } from '../facts/derive.ts';
import { figuresOf, findFigure } from '../facts/lookup.ts';
import type { ArticleFacts } from '../facts/parse.ts';
import type { Figure, Status } from '../facts/schema.ts';
import { formatContext } from '../format/locale.ts';
import {
  FigureFormError,
  amountValue,
  formatChange,
  formatFraction,
  formatQuantity,
  type Amount,
  type Quantity,
} from '../format/numbers.ts';
import { formatFuzzyDate, formatDistance, formatIsoDay, type FuzzyDate } from '../format/dates.ts';
import { capitalise, wordsFor, type Words } from '../i18n/words.ts';
import { timelineMarker, type TimelineMarker } from './timeline.ts';

export interface PresentOptions {
  locale: string;
  zone: string;
}

/**
 * What prose prints with the number: money its currency and percentages their sign or words ("$1.2 billion",
 * "3,5 %", "0.4 percentage points"), which the text could not write in every language; counted units are the
 * text's own words ("11,000 North Korean personnel"), so prose prints the number alone.
 */
function proseQuantity(quantity: Quantity): Quantity {
  const { amount, unit, currency, per } = quantity;
  if (currency !== undefined) return { amount, currency, per };
  if (unit === 'percent' || unit === 'percentage-points') return { amount, unit };
  return { amount };
}

/** A quantity without its sign: the size of a change, in the words of a box that says its direction already. */
function size(quantity: Quantity): Quantity {
  const { amount } = quantity;
  return amount.kind === 'exact' || amount.kind === 'approximate'
    ? { ...quantity, amount: { ...amount, value: Math.abs(amount.value) } }
    : quantity;
}

/**
 * One figure in one form. Every figure takes `prose` and `table`; `compound` needs a unit; a change takes
 * `percent` ("up 16%") and a share `fraction` ("one in five"). A form a figure cannot take throws a FigureFormError.
 */
function figureText(figure: Figure | DerivedFigure, form: FactForm, options: PresentOptions): string {
  const quantity = quantityOf(figure);
  const derivation = 'derivation' in figure ? figure.derivation : undefined;
  const o = { locale: options.locale };
  if (derivation?.kind === 'change') {
    if (form === 'percent') {
      if (!derivation.relative) {
        throw new FigureFormError(
          'a change between percentages is in percentage points and has no percentage change: print the prose form',
        );
      }
      return formatChange(derivation.relative, o);
    }
    if (form === 'prose' || form === 'table') return formatChange(form === 'prose' ? proseQuantity(quantity) : quantity, { ...o, form });
    throw new FigureFormError(`a change has no ${form} form: print the prose form ("up 1,500") or the percent form ("up 16%")`);
  }
  if (derivation?.kind === 'share' && form === 'fraction') {
    if (!derivation.fraction) {
      throw new FigureFormError(
        `${formatQuantity(quantity, { locale: 'en-US' })} is not near a simple fraction (within 5%): print the prose form, a percentage`,
      );
    }
    return formatFraction(derivation.fraction, o);
  }
  if (form === 'percent') throw new FigureFormError('the percent form is for a change (change: { from, to }): "up 16%"');
  if (form === 'fraction') throw new FigureFormError('the fraction form is for a share (share: { part, whole }): "one in five"');
  if (form === 'compound') return formatQuantity(quantity, { ...o, form });
  return formatQuantity(form === 'table' ? quantity : proseQuantity(quantity), { ...o, form });
}

/** The words a figure takes where a fact tag prints it: "11,000", "around 600", "more than three-year", "$1.2 billion", "up 16%". */
export function factText(facts: ArticleFacts, id: string, form: FactForm, options: PresentOptions): string {
  return figureText(findFigure(facts, id), form, options);
}

/**
 * A figure as the key-figures box prints it, with what it counts: "more than three years", "$1.2 billion"; a change
 * with its percentage ("up 1,500 (16%)"), a share with its fraction ("20% (one in five)").
 */
function boxText(figure: Figure | DerivedFigure, options: PresentOptions): string {
  const quantity = quantityOf(figure);
  const { catalogue } = formatContext({ locale: options.locale });
  const derivation = 'derivation' in figure ? figure.derivation : undefined;
  if (derivation?.kind === 'change') {
    const changed = formatChange(quantity, options);
    return derivation.relative && amountValue(quantity.amount) !== 0
      ? catalogue.format('format.change.withPercent', { change: changed, percent: formatQuantity(size(derivation.relative), options) })
      : changed;
  }
  const text = formatQuantity(quantity, options);
  if (derivation?.kind === 'share' && derivation.fraction) {
    return catalogue.format('format.shareWithFraction', { percent: text, fraction: formatFraction(derivation.fraction, options) });
  }
  return text;
}

/** A derived figure's inputs in the order its computation shows them: a change's end first ("11,000 − 9,500"). */
function operandsOf(figure: DerivedFigure): Array<Figure | DerivedFigure> {
  return figure.derivation.kind === 'change' ? [...figure.from].reverse() : figure.from;
}

/** How a derived figure was worked out, in the table forms of its inputs: "11,000 + 4,000", "11,000 − 9,500", "2,000 ÷ 10,000". */
function computationOf(figure: DerivedFigure, options: PresentOptions): string {
  // Counts are added as bare numbers; money and percentages keep their sign, which tells them apart.
  const parts = operandsOf(figure).map((f) => formatQuantity(proseQuantity(quantityOf(f)), { locale: options.locale, form: 'table' }));
  const operator = { sum: ' + ', change: ' − ', share: ' ÷ ', convert: ' × ' }[figure.derivation.kind];
  return parts.join(operator);
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
  /** The value and what it counts (unit, currency, percent): the chart groups its bars by it. */
  quantity: Quantity;
  /** A change between two figures: the chart leaves it out, since a difference is not a level beside the others. */
  change: boolean;
  status: string;
  source: string;
  via: string | undefined;
  /** "Reported by a South Korean legislator", or the derivation for computed figures. */
  attribution: string;
  /** As readers see it: "October 2024 (“October last year” in the text)". */
  date: string | undefined;
  relative: string | undefined;
  derived: boolean;
  /** For derived figures: "11,000 + 4,000 + 6,000", "11,000 − 9,500", "2,000 ÷ 10,000", "$1.2 billion × 1,380.5 won per dollar". */
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
  const value = boxText(figure, options);
  const tableValue = figureText(figure, 'table', options);
  // What every figure's view has, computed or sourced.
  const common = {
    id: figure.id,
    label: figure.label,
    value,
    tableValue,
    numeric: amountValue(figure.value),
    amount: figure.value,
    quantity: quantityOf(figure),
    change: 'derivation' in figure && figure.derivation.kind === 'change',
  };
  if ('derivation' in figure) {
    const computation = computationOf(figure, options);
    // Labels keep their capitals: they are full labels ("North Korean personnel…"), not words in a sentence.
    const labels = operandsOf(figure)
      .map((f) => f.label)
      .join('; ');
    return {
      ...common,
      status: 'computed',
      source: 'computed',
      via: undefined,
      attribution: words.t('figure.computed', { sum: computation, labels }),
      date: undefined,
      relative: undefined,
      derived: true,
      computation,
    };
  }
  const source = sourceName(facts, figure.source) ?? figure.source;
  const via = sourceName(facts, figure.via);
  const status = statusWord(figure.status, words);
  const attribution = via
    ? words.t('figure.attributionVia', { status, source: runningName(source, words), via: runningName(via, words) })
    : words.t('figure.attribution', { status, source: runningName(source, words) });
  return {
    ...common,
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

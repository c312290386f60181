// One facts file read and validated: its entries, the references between them, and the relative dates it
// quotes, every problem named by file, line and entry.
import path from 'node:path';
import { normaliseText } from '../shared/text.ts';
import { ContentError, describeValue } from '../shared/errors.ts';
import { displayPath } from '../shared/paths.ts';
import { likelyName } from '../shared/suggest.ts';
import { locate, validate, type Validated, type Whereabouts } from '../shared/validate.ts';
import { readYaml, type YamlFile } from '../shared/yaml.ts';
import { calendarDateToIso, checkFuzzyDate, compareFuzzyDates, type CalendarDate, type FuzzyDate } from '../format/dates.ts';
import { resolveRelativePhrase, sameFuzzyDate } from './relative-dates.ts';
import { DerivationError, deriveFigure, type DerivedFigure } from './derive.ts';
import {
  factsFileSchema,
  type Claim,
  type FactEvent,
  type FactsFile,
  type FactsFileInput,
  type Figure,
  type Source,
  type Status,
} from './schema.ts';

export interface ArticleFacts {
  /** The facts file, as shown in messages. */
  file: string;
  /** A problem with an entry (a figure, derived figure, event or claim, by id) as messages say it: file, line, entry, field. */
  where: (id: string, field: string | undefined, message: string) => string;
  slug: string;
  sources: Record<string, Source>;
  actors: FactsFile['actors'];
  figures: Figure[];
  derived: DerivedFigure[];
  /** Events in chronological order. */
  events: FactEvent[];
  claims: Claim[];
}

export type FactsBySlug = Record<string, ArticleFacts>;

/** How messages name an entry of a facts file: `fact "deaths"` for ['figures', 3, …], `source "nis"` for ['sources', 'nis', …]. */
export function factsEntryLabel(raw: unknown, path: readonly PropertyKey[]): { name: string; rest: readonly PropertyKey[] } | undefined {
  const [section, key, ...rest] = path;
  if (typeof section !== 'string' || key === undefined || !raw || typeof raw !== 'object') return undefined;
  const kinds: Record<string, string> = {
    figures: 'fact',
    derived: 'fact',
    events: 'event',
    claims: 'claim',
    sources: 'source',
    actors: 'actor',
  };
  const kind = kinds[section];
  if (!kind) return undefined;
  if (typeof key === 'string') return { name: `${kind} "${key}"`, rest };
  if (typeof key !== 'number') return undefined;
  const entry = ((raw as Record<string, unknown>)[section] as unknown[] | undefined)?.[key] as Record<string, unknown> | undefined;
  return { name: typeof entry?.id === 'string' ? `${kind} "${entry.id}"` : `${section}[${key}]`, rest };
}

/**
 * Reads one facts file: its YAML (or JSON), every field against the schema (unknown fields named with the one
 * most likely meant) and every reference inside it. Problems name the file, the line and the entry.
 */
export function parseFactsFile(source: string, file: string): Validated<ArticleFacts> {
  const shown = displayPath(file);
  let yamlFile: YamlFile;
  try {
    // JSON is YAML 1.2 too; the core schema keeps `2024-10-05` as text for our date parser.
    yamlFile = readYaml(normaliseText(source), shown);
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, problems: error.problems };
    throw error;
  }
  const raw = yamlFile.data ?? {};
  const where: Whereabouts = {
    shown,
    lineOf: yamlFile.lineOf,
    what: 'facts files',
    nouns: { derived: 'derived figures' },
    label: (p) => factsEntryLabel(raw, p),
    explain: (p) => explainSourceIssue(raw, p),
  };
  const validated = validate(factsFileSchema, raw, where);
  if (!validated.ok) return validated;
  const filled = withDefaults(validated.value, where);
  if (!filled.ok) return filled;
  const checked = checkReferences(filled.value, where);
  if (checked.problems.length) return { ok: false, problems: checked.problems };
  return { ok: true, problems: [], value: assemble(filled.value, checked.derived, where, path.basename(file, path.extname(file))) };
}

/**
 * Every figure, event and claim with its status and source: `status` is `reported` unless the entry or the file's
 * `defaults` says otherwise, and `source` the file's `defaults.source` when the entry names none.
 */
function withDefaults(data: FactsFileInput, where: Whereabouts): Validated<FactsFile> {
  const problems: string[] = [];
  const { defaults } = data;
  const sources = Object.keys(data.sources);
  const fill = <T extends { status?: Status | undefined; source?: string | undefined }>(section: string, entries: T[]) =>
    entries.map((entry, index) => {
      const source = entry.source ?? defaults.source;
      if (source === undefined) {
        const choices = sources.length
          ? `one of this file's sources: ${sources.join(', ')}; or one for the whole file, defaults: { source: ${sources[0]} }`
          : 'a source listed under sources, which lists none';
        problems.push(locate(where, [section, index, 'source'], `missing (expected ${choices})`));
      }
      return { ...entry, status: entry.status ?? defaults.status ?? 'reported', source: source ?? '' };
    });
  const filled: FactsFile = {
    ...data,
    figures: fill('figures', data.figures),
    events: fill('events', data.events),
    claims: fill('claims', data.claims),
  };
  return problems.length ? { ok: false, problems } : { ok: true, problems: [], value: filled };
}

/** A `source` or `via` the schema refused (not an id) is explained with the ids the editor can choose from. */
function explainSourceIssue(raw: unknown, issuePath: readonly PropertyKey[]): string | undefined {
  const [section, index, field] = issuePath;
  if (typeof index !== 'number' || (field !== 'source' && field !== 'via') || issuePath.length !== 3) return undefined;
  const record = (raw ?? {}) as Record<string, unknown>;
  const written = (record[String(section)] as Array<Record<string, unknown>> | undefined)?.[index]?.[field];
  const sources = record.sources && typeof record.sources === 'object' ? Object.keys(record.sources) : [];
  const choices = sources.length ? `one of this file's sources: ${sources.join(', ')}` : 'a source listed under sources, which lists none';
  return `${describeValue(written)} is not a known source (expected ${choices})`;
}

/** The problems with what a facts file's entries refer to (ids, sources, actors, dates), and its derived figures computed. */
function checkReferences(data: FactsFile, where: Whereabouts): { problems: string[]; derived: DerivedFigure[] } {
  const problems: string[] = [];
  const at = (path: PropertyKey[], message: string) => problems.push(locate(where, path, message));
  const seen = new Map<string, string>();
  const sections = [
    ['figures', 'fact', data.figures],
    ['derived', 'fact', data.derived],
    ['events', 'event', data.events],
    ['claims', 'claim', data.claims],
  ] as const;
  for (const [section, kind, entries] of sections) {
    entries.forEach((entry, index) => {
      const earlier = seen.get(entry.id);
      if (earlier) at([section, index, 'id'], `duplicate id (already used by a ${earlier}); ids must be unique within the file`);
      else seen.set(entry.id, kind);
    });
  }

  const knownSources = Object.keys(data.sources);
  const knownActors = Object.keys(data.actors);
  const fallback = data.defaults.source;
  if (fallback !== undefined && !(fallback in data.sources))
    at(
      ['defaults', 'source'],
      `"${fallback}" is not a known source${suggestion(fallback, knownSources)} (expected one of: ${knownSources.join(', ')})`,
    );
  const attributed = [
    ['figures', data.figures],
    ['events', data.events],
    ['claims', data.claims],
  ] as const;
  for (const [section, entries] of attributed) {
    entries.forEach((entry, index) => {
      for (const field of ['source', 'via'] as const) {
        const ref = entry[field];
        // A source taken from defaults is reported once, at defaults.
        if (field === 'source' && ref === fallback) continue;
        if (ref !== undefined && !(ref in data.sources))
          at(
            [section, index, field],
            `"${ref}" is not a known source${suggestion(ref, knownSources)} (expected one of: ${knownSources.join(', ')})`,
          );
      }
      const actors = 'actors' in entry ? entry.actors : [];
      for (const actor of actors) {
        if (!(actor in data.actors)) {
          at(
            [section, index, 'actors'],
            `"${actor}" is not listed under actors${suggestion(actor, knownActors)} (expected one of: ${knownActors.join(', ') || 'none defined'})`,
          );
        }
      }
    });
  }

  // The schema reads each date's parts; the order of a range's or a choice's dates and their common
  // precision are checked here, once: the formatters trust the dates they are given.
  const dated = [
    ['figures', data.figures],
    ['events', data.events],
  ] as const;
  for (const [section, entries] of dated) {
    entries.forEach((entry, index) => {
      if (entry.date === undefined) return;
      try {
        checkFuzzyDate(entry.date);
      } catch (error) {
        at([section, index, 'date'], (error as Error).message);
      }
    });
  }

  const figureIds = data.figures.map((f) => f.id);
  data.events.forEach((event, index) => {
    if (event.figure && !figureIds.includes(event.figure))
      at(['events', index, 'figure'], `"${event.figure}" is not a figure in this file${suggestion(event.figure, figureIds)}`);
  });
  return { problems, derived: deriveAll(data, where, problems) };
}

/**
 * The derived figures, each computed from the file's figures and the derived figures listed before it; what
 * cannot be computed is added to `problems`, naming the field and the figures.
 */
function deriveAll(data: FactsFile, where: Whereabouts, problems: string[]): DerivedFigure[] {
  const known = new Map<string, Figure | DerivedFigure>(data.figures.map((f) => [f.id, f]));
  const derivedIds = data.derived.map((d) => d.id);
  const derived: DerivedFigure[] = [];
  data.derived.forEach((spec, index) => {
    const explain = (id: string): string => {
      if (derivedIds.includes(id))
        return id === spec.id
          ? `"${id}" is this figure itself`
          : `"${id}" is a derived figure listed after this one; list it first, so that it is computed first`;
      if (data.events.some((e) => e.id === id)) return `"${id}" is an event, not a figure`;
      if (data.claims.some((c) => c.id === id)) return `"${id}" is a claim, not a figure`;
      return `"${id}" is not a figure in this file${suggestion(id, [...known.keys()])}`;
    };
    try {
      const figure = deriveFigure(spec, known, explain);
      known.set(figure.id, figure);
      derived.push(figure);
    } catch (error) {
      if (!(error instanceof DerivationError)) throw error;
      problems.push(locate(where, ['derived', index, ...error.field], error.message));
    }
  });
  return derived;
}

function suggestion(name: string, known: readonly string[]): string {
  const meant = likelyName(name, known);
  return meant ? `; did you mean ${meant}?` : '';
}

function assemble(data: FactsFile, derived: DerivedFigure[], where: Whereabouts, slug: string): ArticleFacts {
  const paths = new Map<string, readonly PropertyKey[]>();
  for (const section of ['figures', 'derived', 'events', 'claims'] as const)
    data[section].forEach((entry, i) => paths.set(entry.id, [section, i]));
  return {
    file: where.shown,
    where: (id, field, message) => locate(where, [...(paths.get(id) ?? []), ...(field ? [field] : [])], message),
    slug,
    sources: data.sources,
    actors: data.actors,
    figures: data.figures,
    derived,
    events: [...data.events].sort((a, b) => compareFuzzyDates(a.date, b.date)),
    claims: data.claims,
  };
}

/**
 * Where an entry quotes a relative date ("October last year"), its stored date must be what the phrase
 * means on the publication day. Phrases too vague to resolve ("recently") are the editor's call.
 */
export function checkRelativeDates(facts: ArticleFacts, published: CalendarDate, describePublished: string): string[] {
  const problems: string[] = [];
  const entries: Array<{ id: string; date?: FuzzyDate | undefined; relative?: string | undefined }> = [...facts.figures, ...facts.events];
  for (const entry of entries) {
    if (entry.relative === undefined) continue;
    if (entry.date === undefined) {
      problems.push(facts.where(entry.id, 'relative', `"${entry.relative}" needs the absolute date it resolves to in date`));
      continue;
    }
    const expected = resolveRelativePhrase(entry.relative, published);
    if (expected && !sameFuzzyDate(expected, entry.date)) {
      problems.push(
        facts.where(
          entry.id,
          'date',
          `${describeFuzzyDate(entry.date)} does not match "${entry.relative}" resolved against the publication date ${describePublished} (expected ${describeFuzzyDate(expected)})`,
        ),
      );
    }
  }
  return problems;
}

function describeFuzzyDate(date: FuzzyDate): string {
  if (date.kind === 'on') return calendarDateToIso(date.date);
  if (date.kind === 'range') return `${calendarDateToIso(date.from)} to ${calendarDateToIso(date.to)}`;
  return date.options.map(calendarDateToIso).join(' or ');
}

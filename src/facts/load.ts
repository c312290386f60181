// Loads every facts file of a content tree, validates it and checks that its references hold.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { ContentError, describeValue } from '../content/errors.ts';
import { displayPath } from '../content/paths.ts';
import { describeYamlError } from '../content/yaml-problem.ts';
import { formatZodIssues } from '../content/zod-issues.ts';
import { calendarDateToIso, checkFuzzyDate, compareFuzzyDates, type CalendarDate, type FuzzyDate } from '../format/dates.ts';
import { resolveRelativePhrase, sameFuzzyDate } from './relative-dates.ts';
import { deriveSum, type DerivedFigure } from './derive.ts';
import { factsFileSchema, type Claim, type FactEvent, type FactsFile, type Figure, type Source } from './schema.ts';

export interface ArticleFacts {
  /** The facts file, as shown in messages. */
  file: string;
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

const FACTS_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export function factsDir(contentDir: string): string {
  return path.join(contentDir, 'facts');
}

// A build reads every facts file twice, in the content check and for the templates, and the dev server
// reads them again on each rebuild. Parsing (YAML, schema, references) is most of that cost, so each
// file's last parse is kept and reused while its text and the zone are unchanged.
const lastParse = new Map<string, { source: string; zone: string; facts: ArticleFacts }>();

export interface FactsReading {
  /** The facts of every file that is valid. */
  facts: FactsBySlug;
  /** Slugs whose facts file exists but is not valid (its problems are in `problems`). */
  invalid: Set<string>;
  problems: string[];
}

/** Reads all of content/facts, keeping the valid files and listing every problem in the others. */
export function readAllFacts(contentDir: string, zone: string): FactsReading {
  const reading: FactsReading = { facts: {}, invalid: new Set(), problems: [] };
  const dir = factsDir(contentDir);
  if (!fs.existsSync(dir)) return reading;
  for (const name of fs.readdirSync(dir).sort()) {
    const ext = path.extname(name);
    if (!FACTS_EXTENSIONS.has(ext)) continue;
    const file = path.resolve(dir, name);
    const slug = path.basename(name, ext);
    const source = fs.readFileSync(file, 'utf8');
    const cached = lastParse.get(file);
    try {
      const parsed = cached?.source === source && cached.zone === zone ? cached.facts : parseFactsFile(source, file, zone);
      lastParse.set(file, { source, zone, facts: parsed });
      // A new object per load: caches keyed by a facts object (views in src/eleventy) then last one build.
      reading.facts[slug] = { ...parsed };
    } catch (error) {
      lastParse.delete(file);
      if (!(error instanceof ContentError)) throw error;
      reading.problems.push(...error.problems);
      reading.invalid.add(slug);
    }
  }
  return reading;
}

/** Reads all of content/facts; throws one ContentError listing every problem in every file. */
export function loadAllFacts(contentDir: string, zone: string): FactsBySlug {
  const { facts, problems } = readAllFacts(contentDir, zone);
  if (problems.length) throw new ContentError(problems);
  return facts;
}

/** `_zone` is not read: a facts file's dates are calendar dates, the same in every zone (the parameter can go). */
export function parseFactsFile(source: string, file: string, _zone: string): ArticleFacts {
  const shown = displayPath(file);
  let raw: unknown;
  try {
    // The core schema (YAML 1.2): `2024-10-05` stays text for our date parser instead of becoming a Date.
    raw = file.endsWith('.json') ? JSON.parse(source) : yaml.load(source, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    throw new ContentError([`${shown}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${describeYamlError(error)}`]);
  }
  const result = factsFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((issue) => explainSourceIssue(raw, issue));
    throw new ContentError(formatZodIssues(shown, issues, (p) => labelPath(raw, p)));
  }
  return checkReferences(result.data, shown, path.basename(file, path.extname(file)));
}

/** A `source` or `via` the schema refused is explained with the ids the editor can choose from. */
function explainSourceIssue(raw: unknown, issue: z.core.$ZodIssue): z.core.$ZodIssue {
  const [section, index, field] = issue.path;
  if (typeof index !== 'number' || (field !== 'source' && field !== 'via') || issue.path.length !== 3) return issue;
  const record = (raw ?? {}) as Record<string, unknown>;
  const written = (record[String(section)] as Array<Record<string, unknown>> | undefined)?.[index]?.[field];
  const sources = record.sources && typeof record.sources === 'object' ? Object.keys(record.sources) : [];
  const choices = sources.length ? `one of this file's sources: ${sources.join(', ')}` : 'a source listed under sources, which lists none';
  const message =
    written === undefined ? `missing (expected ${choices})` : `${describeValue(written)} is not a known source (expected ${choices})`;
  return { ...issue, message };
}

/** `figures.3.value` becomes `fact "deaths": value`, so the editor finds the entry by its id. */
function labelPath(raw: unknown, issuePath: PropertyKey[]): string {
  const [section, index, ...rest] = issuePath;
  if (typeof section === 'string' && typeof index === 'number' && raw && typeof raw === 'object') {
    const entry = (raw as Record<string, unknown[]>)[section]?.[index] as Record<string, unknown> | undefined;
    const kind = section === 'events' ? 'event' : section === 'claims' ? 'claim' : 'fact';
    const name = typeof entry?.id === 'string' ? `${kind} "${entry.id}"` : `${section}[${index}]`;
    return rest.length ? `${name}: ${rest.map(String).join('.')}` : name;
  }
  return issuePath.map(String).join('.');
}

function checkReferences(data: FactsFile, file: string, slug: string): ArticleFacts {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const entries: Array<[string, { id: string }]> = [
    ...data.figures.map((f) => ['fact', f] as [string, { id: string }]),
    ...data.derived.map((f) => ['fact', f] as [string, { id: string }]),
    ...data.events.map((e) => ['event', e] as [string, { id: string }]),
    ...data.claims.map((c) => ['claim', c] as [string, { id: string }]),
  ];
  for (const [kind, entry] of entries) {
    const earlier = seen.get(entry.id);
    if (earlier)
      problems.push(`${file}: ${kind} "${entry.id}": duplicate id (already used by a ${earlier}); ids must be unique within the file`);
    else seen.set(entry.id, kind);
  }

  const attributed: Array<[string, { id: string; source: string; via?: string | undefined; actors?: string[] }]> = [
    ...data.figures.map((f) => ['fact', f] as [string, Figure]),
    ...data.events.map((e) => ['event', e] as [string, FactEvent]),
    ...data.claims.map((c) => ['claim', c] as [string, Claim]),
  ];
  const knownSources = Object.keys(data.sources);
  for (const [kind, entry] of attributed) {
    for (const field of ['source', 'via'] as const) {
      const ref = entry[field];
      if (ref !== undefined && !(ref in data.sources)) {
        problems.push(
          `${file}: ${kind} "${entry.id}": ${field} "${ref}" is not a known source (expected one of: ${knownSources.join(', ')})`,
        );
      }
    }
    for (const actor of entry.actors ?? []) {
      if (!(actor in data.actors)) {
        problems.push(
          `${file}: ${kind} "${entry.id}": actor "${actor}" is not listed under actors (expected one of: ${Object.keys(data.actors).join(', ') || 'none defined'})`,
        );
      }
    }
  }

  // The schema reads each date's parts; the order of a range's or a choice's dates and their common
  // precision are checked here, once: the formatters trust the dates they are given.
  const dated: Array<[string, { id: string; date?: FuzzyDate | undefined }]> = [
    ...data.figures.map((f) => ['fact', f] as [string, Figure]),
    ...data.events.map((e) => ['event', e] as [string, FactEvent]),
  ];
  for (const [kind, entry] of dated) {
    if (entry.date === undefined) continue;
    try {
      checkFuzzyDate(entry.date);
    } catch (error) {
      problems.push(`${file}: ${kind} "${entry.id}": date: ${(error as Error).message}`);
    }
  }

  const figures = new Map(data.figures.map((f) => [f.id, f]));
  for (const event of data.events) {
    if (event.figure && !figures.has(event.figure))
      problems.push(`${file}: event "${event.id}": figure "${event.figure}" is not a figure in this file`);
  }
  const derived: DerivedFigure[] = [];
  for (const spec of data.derived) {
    try {
      derived.push(deriveSum(spec, figures));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message.replace(/^derived /, 'fact ')}`);
    }
  }
  if (problems.length) throw new ContentError(problems);

  return {
    file,
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
  const entries: Array<[string, { id: string; date?: FuzzyDate | undefined; relative?: string | undefined }]> = [
    ...facts.figures.map((f) => ['fact', f] as [string, Figure]),
    ...facts.events.map((e) => ['event', e] as [string, FactEvent]),
  ];
  for (const [kind, entry] of entries) {
    if (entry.relative === undefined) continue;
    if (entry.date === undefined) {
      problems.push(`${facts.file}: ${kind} "${entry.id}": relative "${entry.relative}" needs the absolute date it resolves to in date`);
      continue;
    }
    const expected = resolveRelativePhrase(entry.relative, published);
    if (expected && !sameFuzzyDate(expected, entry.date)) {
      problems.push(
        `${facts.file}: ${kind} "${entry.id}": date ${describeFuzzyDate(entry.date)} does not match "${entry.relative}" ` +
          `resolved against the publication date ${describePublished} (expected ${describeFuzzyDate(expected)})`,
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

/**
 * Writes a synthetic content tree for the build benchmark: N articles of 600–900 words, a facts file each,
 * weekly digests, and a copy of the real site's data and pages. The same seed gives a byte-identical tree.
 * Run: npx tsx bench/generate.ts --articles 1000 [--seed 1] [--out DIR, default $TMPDIR/dispatch-bench/content-N-seedS]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../src/shared/paths.ts';
import { slugify } from '../src/content/slug.ts';
import { Random } from './random.ts';
import {
  ACTORS,
  ADJECTIVES,
  CLAIMS,
  CONNECTORS,
  COUNTS,
  EVENT_LABELS,
  FILLERS,
  HEADINGS,
  MEASURES,
  MONTH_NAMES,
  PHASES,
  PLACES,
  QUALIFIERS,
  SAYS,
  SECTIONS,
  SOURCES,
  SUBJECTS,
  TAGS,
  TIMES,
  TITLE_ENDINGS,
  TITLE_OBJECTS,
  TITLE_SUBJECTS,
  TITLE_VERBS,
  TOPICS,
  type CountSpec,
  type MeasureSpec,
  type SourceSpec,
} from './vocabulary.ts';

export interface GenerateOptions {
  articles: number;
  seed: number;
  /** The content tree to write; replaced if it was generated before, refused if it holds anything else. */
  outDir: string;
  /** Where the site's data and pages are copied from; defaults to the project's content/. */
  siteContentDir?: string;
}

export interface GeneratedArticle {
  slug: string;
  /** Publication day in the site's time zone (Asia/Seoul), YYYY-MM-DD. */
  day: string;
  tags: string[];
}

export interface GeneratedDigest {
  slug: string;
  articles: number;
}

export interface GeneratedTree {
  contentDir: string;
  /** Oldest first. */
  articles: GeneratedArticle[];
  digests: GeneratedDigest[];
}

/** Written at the root of a generated tree, so a later run knows it may replace the folder. */
export const GENERATED_MARKER = '.bench-generated';
/** The largest number of articles a generated weekly digest selects. */
export const MAX_DIGEST_ARTICLES = 20;

// The publication's first day (a Monday); articles follow at four to ten a day, about fifty a week.
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;
const SEOUL_OFFSET_HOURS = 9;
const TAG_WEIGHTS = TAGS.map((_, rank) => 1 / (rank + 1) ** 0.9);

interface CalendarMonth {
  year: number;
  month: number;
}

interface Published {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  dayIndex: number;
}

export function generateContent({
  articles: count,
  seed,
  outDir,
  siteContentDir = path.join(projectRoot, 'content'),
}: GenerateOptions): GeneratedTree {
  if (!Number.isInteger(count) || count < 1) throw new Error(`--articles must be a positive whole number, got ${count}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${seed}`);
  prepareOutDir(outDir);
  copySitePages(siteContentDir, outDir);
  const random = new Random(seed);
  const files = new Map<string, string>();
  const articles: GeneratedArticle[] = [];
  const usedSlugs = new Set<string>();

  for (const published of publicationTimes(random, count)) {
    const title = headline(random);
    const slug = uniqueSlug(slugify(title), usedSlugs);
    const facts = factsFor(random, published);
    const previous = articles.length > 0 ? articles[random.int(Math.max(0, articles.length - 200), articles.length - 1)] : undefined;
    const tags = articleTags(random);
    files.set(`articles/${slug}.md`, articleFile(random, { title, published, tags, facts, previous }));
    files.set(`facts/${slug}.yaml`, factsFile(facts, slug, seed));
    articles.push({ slug, day: dayOf(published), tags });
  }

  const digests: GeneratedDigest[] = [];
  for (const digest of weeklyDigests(articles)) {
    files.set(`digests/${digest.slug}.md`, digest.file);
    digests.push({ slug: digest.slug, articles: digest.articles });
  }

  for (const [relative, text] of files) {
    const file = path.join(outDir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return { contentDir: outDir, articles, digests };
}

function prepareOutDir(outDir: string): void {
  if (fs.existsSync(outDir)) {
    const entries = fs.readdirSync(outDir);
    if (entries.length > 0 && !entries.includes(GENERATED_MARKER)) {
      throw new Error(`${outDir} exists and was not written by bench/generate.ts; refusing to replace it`);
    }
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, GENERATED_MARKER), 'Written by bench/generate.ts; safe to delete.\n');
}

/** Everything in content/ but its articles, facts and digests: site data, pages, directory data files. */
function copySitePages(from: string, to: string): void {
  const entries = fs.readdirSync(from, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const entry of entries) {
    const relative = path.relative(from, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    const [top] = relative.split('/');
    if (top === 'facts' || ((top === 'articles' || top === 'digests') && relative.endsWith('.md'))) continue;
    fs.mkdirSync(path.join(to, path.dirname(relative)), { recursive: true });
    fs.copyFileSync(path.join(from, relative), path.join(to, relative));
  }
}

function* publicationTimes(random: Random, count: number): Generator<Published> {
  let written = 0;
  for (let dayIndex = 0; written < count; dayIndex += 1) {
    const date = new Date(FIRST_DAY + dayIndex * DAY_MS);
    const minutes = Array.from({ length: random.int(4, 10) }, () => random.int(6 * 12, 22 * 12) * 5).sort((a, b) => a - b);
    for (const minuteOfDay of minutes) {
      if (written === count) return;
      written += 1;
      yield {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: Math.floor(minuteOfDay / 60),
        minute: minuteOfDay % 60,
        dayIndex,
      };
    }
  }
}

function headline(random: Random): string {
  return `${random.pick(TITLE_SUBJECTS)} ${random.pick(TITLE_VERBS)} ${random.pick(TITLE_OBJECTS)}${random.pick(TITLE_ENDINGS)}`;
}

/** Editors add "-2" when a title's slug is taken. */
function uniqueSlug(base: string, used: Set<string>): string {
  let slug = base;
  for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

function articleTags(random: Random): string[] {
  const tags: string[] = [];
  const wanted = random.int(2, 4);
  while (tags.length < wanted) {
    const tag = random.weighted(TAGS, TAG_WEIGHTS);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

// ---------------------------------------------------------------- facts

type Kind = 'exact' | 'approximate' | 'range' | 'moreThan' | 'qualitative';

interface FigureFacts {
  id: string;
  label: string;
  kind: Kind;
  /** The YAML for `value`. */
  value: string;
  unit?: MeasureSpec['unit'];
  status: string;
  source: string;
  via?: string;
  date?: string;
  relative?: string;
  key: boolean;
  /** The words around `{% fact %}` in prose. */
  phrase: string;
  predicate?: string;
}

interface EventFacts {
  id: string;
  label: string;
  date: string;
  relative?: string;
  status: string;
  source: string;
  actors: string[];
  figure?: string;
}

interface ArticleFactsDraft {
  sources: SourceSpec[];
  actors: typeof ACTORS;
  figures: FigureFacts[];
  derived: { id: string; label: string; sum: string[]; phrase: string };
  events: EventFacts[];
  claims: Array<{ id: string; text: string; status: string; source: string }>;
}

function factsFor(random: Random, published: Published): ArticleFactsDraft {
  const sources = random.sample(SOURCES, random.int(2, 4));
  const actors = random.chance(0.6) ? random.sample(ACTORS, random.int(1, 2)) : [];
  const ids = new Set<string>();
  const figures: FigureFacts[] = [];
  const source = () => random.pick(sources).id;

  // Two or three figures of one kind, in phases, so a derived figure can add them up.
  const group = random.pick(COUNTS);
  const phases = PHASES.slice(0, random.int(2, 3));
  for (const phase of phases) {
    const kind: Kind = random.chance(0.7) ? 'exact' : 'approximate';
    const id = uniqueId(`${group.stem}-${slugify(phase)}`, ids);
    figures.push({
      ...countFigure(random, group, kind, id, published, source()),
      label: `${group.label} (${phase})`,
      predicate: `${group.predicate} in the ${phase}`,
    });
  }
  const others = random.int(4, 8) - phases.length;
  const counts = random.sample(
    COUNTS.filter((c) => c !== group),
    others,
  );
  const measures = random.sample(MEASURES, others);
  for (let index = 0; index < others; index += 1) {
    if (random.chance(0.6)) {
      const spec = counts[index] as CountSpec;
      const kind = random.weighted<Kind>(['exact', 'approximate', 'range', 'moreThan', 'qualitative'], [3, 2, 2, 1, 2]);
      figures.push(countFigure(random, spec, kind, uniqueId(spec.stem, ids), published, source()));
    } else {
      const spec = measures[index] as MeasureSpec;
      const kind = random.weighted<Kind>(['exact', 'approximate', 'range', 'moreThan'], [3, 2, 2, 2]);
      figures.push(measureFigure(random, spec, kind, uniqueId(spec.stem, ids), source()));
    }
  }
  for (const figure of random.sample(figures, random.int(1, 3))) figure.key = true;
  for (const figure of figures) {
    const other = sources.find((s) => s.id !== figure.source);
    if (other && random.chance(0.15)) figure.via = other.id;
  }

  const phaseIds = figures.slice(0, phases.length).map((f) => f.id);
  const derivedId = uniqueId(`${group.stem}-total`, ids);
  const derived = {
    id: derivedId,
    label: `${capitalise(group.noun)} across the ${phases.length === 2 ? 'two' : 'three'} phases`,
    sum: phaseIds,
    phrase: `{% fact "${derivedId}" %} ${group.noun}`,
  };

  const events = eventsFor(random, published, ids, source, figures, actors);
  const claims = Array.from({ length: random.int(0, 2) }, () => {
    const text = fill(random, random.pick(CLAIMS));
    return {
      id: uniqueId(slugify(text.split(' ').slice(0, 3).join(' ')), ids),
      text,
      status: random.pick(['reported', 'announced']),
      source: source(),
    };
  });
  return { sources, actors, figures, derived, events, claims };
}

function countFigure(random: Random, spec: CountSpec, kind: Kind, id: string, published: Published, source: string): FigureFacts {
  const value = amountYaml(random, kind, logUniform(random, spec.min, spec.max));
  const figure: FigureFacts = {
    id,
    label: spec.label,
    kind,
    value,
    status: kind === 'approximate' || kind === 'qualitative' ? 'estimated' : random.pick(['reported', 'announced', 'acknowledged']),
    source,
    key: false,
    // "thousands of troops" but "several thousand troops".
    phrase: `{% fact "${id}" %} ${value.startsWith('{ qualitative: ') && !value.includes('several') ? 'of ' : ''}${spec.noun}`,
    predicate: spec.predicate,
  };
  if (random.chance(0.4)) {
    const month = addMonths(published, -random.int(1, 18));
    figure.date = monthIso(month);
    const relative = relativeMonthPhrase(month, published);
    if (relative && random.chance(0.6)) figure.relative = relative;
  }
  return figure;
}

function measureFigure(random: Random, spec: MeasureSpec, kind: Kind, id: string, source: string): FigureFacts {
  return {
    id,
    label: spec.label,
    kind,
    value: amountYaml(random, kind, logUniform(random, spec.min, spec.max)),
    unit: spec.unit,
    status: kind === 'approximate' ? 'estimated' : random.pick(['reported', 'announced']),
    source,
    key: false,
    // A unit figure reads as a compound modifier: "the three-year programme".
    phrase: `the {% fact "${id}", "compound" %} ${spec.noun}`,
  };
}

function amountYaml(random: Random, kind: Kind, base: number): string {
  switch (kind) {
    case 'exact':
      return String(roundNicely(base));
    case 'approximate': {
      const qualifier = random.chance(0.7) ? `, qualifier: ${random.pick(QUALIFIERS)}` : '';
      return `{ approximately: ${roundToTwoFigures(base)}${qualifier} }`;
    }
    case 'range': {
      const low = roundToTwoFigures(base);
      const high = Math.max(low + 1, roundToTwoFigures(low * (1.2 + random.next())));
      return `{ from: ${low}, to: ${high} }`;
    }
    case 'moreThan':
      return `{ moreThan: ${roundToTwoFigures(base)} }`;
    case 'qualitative':
      return `{ qualitative: ${magnitudeOf(random, base)} }`;
  }
}

function magnitudeOf(random: Random, n: number): string {
  if (n < 100) return 'dozens';
  if (n < 1_000) return random.pick(['hundreds', 'several hundred']);
  if (n < 10_000) return random.pick(['thousands', 'several thousand']);
  if (n < 100_000) return 'tens of thousands';
  if (n < 1_000_000) return 'hundreds of thousands';
  return random.pick(['millions', 'several million']);
}

function eventsFor(
  random: Random,
  published: Published,
  ids: Set<string>,
  source: () => string,
  figures: FigureFacts[],
  actors: typeof ACTORS,
): EventFacts[] {
  const count = random.int(3, 6);
  const events: EventFacts[] = [];
  for (let index = 0; index < count; index += 1) {
    const label = fill(random, random.pick(EVENT_LABELS));
    const event: EventFacts = {
      id: uniqueId(slugify(label.split(' ').slice(0, 4).join(' ')), ids),
      label,
      date: '',
      status: 'reported',
      source: source(),
      actors: [],
    };
    // The last event is often what is expected next; the others happened before publication.
    const kind = index === count - 1 && random.chance(0.5) ? 'choice' : random.weighted(['day', 'month', 'year', 'range'], [3, 3, 1, 2]);
    if (kind === 'choice') {
      const first = addMonths(published, random.int(1, 2));
      const second = addMonths(first, 1);
      event.date = `{ oneOf: [${monthIso(first)}, ${monthIso(second)}] }`;
      event.status = 'expected';
      if (first.year === published.year && second.year === published.year) {
        event.relative = `by ${MONTH_NAMES[first.month - 1]} or ${MONTH_NAMES[second.month - 1]}`;
      }
    } else if (kind === 'range') {
      const from = addMonths(published, -random.int(3, 14));
      const to = addMonths(from, random.int(1, 2));
      event.date = `{ from: ${monthIso(from)}, to: ${monthIso(to)} }`;
      if (random.chance(0.4)) event.relative = random.pick(['over the past year', 'recently', 'in recent months']);
    } else if (kind === 'month') {
      const month = addMonths(published, -random.int(1, 20));
      event.date = monthIso(month);
      const relative = relativeMonthPhrase(month, published);
      if (relative && random.chance(0.6)) event.relative = relative;
    } else if (kind === 'year') {
      event.date = String(published.year - random.int(1, 3));
    } else {
      const month = addMonths(published, -random.int(1, 12));
      event.date = `${monthIso(month)}-${String(random.int(1, 28)).padStart(2, '0')}`;
    }
    if (random.chance(0.25)) event.figure = random.pick(figures).id;
    if (actors.length > 0 && random.chance(0.4)) event.actors = [random.pick(actors).id];
    if (random.chance(0.3)) event.status = event.status === 'expected' ? 'expected' : random.pick(['announced', 'acknowledged']);
    events.push(event);
  }
  return events;
}

/** The phrase a writer would use for a past month, when `resolveRelativePhrase` can check it. */
function relativeMonthPhrase(month: CalendarMonth, published: Published): string | undefined {
  const name = MONTH_NAMES[month.month - 1];
  const back = published.year * 12 + published.month - (month.year * 12 + month.month);
  if (back === 1) return 'last month';
  // A bare month name means the nearest such month (src/facts/relative-dates.ts): up to six months back.
  if (back <= 6) return `In ${name}`;
  if (month.year === published.year) return `${name} this year`;
  if (month.year === published.year - 1) return `${name} last year`;
  return undefined;
}

function factsFile(facts: ArticleFactsDraft, slug: string, seed: number): string {
  const lines = [`# Facts behind content/articles/${slug}.md: synthetic, written by bench/generate.ts (seed ${seed}).`, '', 'sources:'];
  for (const s of facts.sources) {
    lines.push(`  ${s.id}:`, `    name: ${yamlText(s.name)}`, `    type: ${yamlText(s.type)}`);
    if (s.url) lines.push(`    url: ${s.url}`);
  }
  if (facts.actors.length > 0) {
    lines.push('', 'actors:');
    for (const a of facts.actors) lines.push(`  ${a.id}:`, `    name: ${yamlText(a.name)}`, `    role: ${yamlText(a.role)}`);
  }
  lines.push('', 'figures:');
  for (const f of facts.figures) {
    lines.push(`  - id: ${f.id}`, `    label: ${yamlText(f.label)}`, `    value: ${f.value}`);
    if (f.unit) lines.push(`    unit: { one: ${f.unit.one}, other: ${f.unit.other} }`);
    lines.push(`    status: ${f.status}`, `    source: ${f.source}`);
    if (f.via) lines.push(`    via: ${f.via}`);
    if (f.date) lines.push(`    date: ${f.date}`);
    if (f.relative) lines.push(`    relative: ${yamlText(f.relative)}`);
    if (f.key) lines.push('    key: true');
  }
  lines.push(
    '',
    'derived:',
    `  - id: ${facts.derived.id}`,
    `    label: ${yamlText(facts.derived.label)}`,
    `    sum: [${facts.derived.sum.join(', ')}]`,
    '    key: true',
    '',
    'events:',
  );
  for (const e of facts.events) {
    lines.push(`  - id: ${e.id}`, `    label: ${yamlText(e.label)}`, `    date: ${e.date}`);
    if (e.relative) lines.push(`    relative: ${yamlText(e.relative)}`);
    lines.push(`    status: ${e.status}`, `    source: ${e.source}`);
    if (e.actors.length > 0) lines.push(`    actors: [${e.actors.join(', ')}]`);
    if (e.figure) lines.push(`    figure: ${e.figure}`);
  }
  if (facts.claims.length > 0) {
    lines.push('', 'claims:');
    for (const c of facts.claims)
      lines.push(`  - id: ${c.id}`, `    text: ${yamlText(c.text)}`, `    status: ${c.status}`, `    source: ${c.source}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- prose

interface ArticleInput {
  title: string;
  published: Published;
  tags: string[];
  facts: ArticleFactsDraft;
  previous: GeneratedArticle | undefined;
}

function articleFile(random: Random, { title, published, tags, facts, previous }: ArticleInput): string {
  const reporting = random.sample(facts.sources, random.int(1, 2)).map((s) => s.id);
  const frontMatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `summary: ${JSON.stringify(fill(random, random.pick(FILLERS.filter((f) => f.startsWith('{Subject}')))))}`,
    `date: "${instant(published, random.chance(0.2))}"`,
  ];
  if (random.chance(0.1))
    frontMatter.push(`updated: "${instant({ ...published, hour: Math.min(23, published.hour + random.int(1, 3)) }, false)}"`);
  if (random.chance(0.02)) frontMatter.push('dateNote: The wire copy carried no date; the publication time is when it was filed.');
  frontMatter.push(
    `section: ${random.pick(SECTIONS)}`,
    'tags:',
    ...tags.map((t) => `  - ${t}`),
    'reporting:',
    ...reporting.map((r) => `  - ${r}`),
    '---',
  );
  return `${frontMatter.join('\n')}\n${articleBody(random, facts, previous)}`;
}

function articleBody(random: Random, facts: ArticleFactsDraft, previous: GeneratedArticle | undefined): string {
  const sourceById = new Map(facts.sources.map((s) => [s.id, s]));
  const mentions = random.sample(
    [
      ...facts.figures.map((figure) => figureSentence(random, figure, sourceById.get(figure.source) as SourceSpec)),
      `Taken together, that makes ${facts.derived.phrase}, by this publication's count.`,
    ],
    facts.figures.length + 1,
  );
  const sentence = () => fill(random, random.pick(FILLERS));
  const paragraph = (sentences: number) => {
    const out = Array.from({ length: sentences }, sentence);
    const mention = mentions.shift();
    if (mention) out.splice(random.int(0, out.length), 0, mention);
    return out.join(' ');
  };

  const target = random.int(600, 900);
  const blocks = [paragraph(random.int(2, 3))];
  if (previous && random.chance(0.3)) {
    blocks.push(
      `${random.pick(CONNECTORS)} [an earlier report](/articles/${previous.slug}/) looked at ${random.pick(TOPICS)} in more detail.`,
    );
  }
  const headings = random.sample(HEADINGS, HEADINGS.length);
  const listAt = random.chance(0.4) ? random.int(1, 3) : -1;
  for (let section = 1; words(blocks) < target || mentions.length > 0; section += 1) {
    blocks.push(`## ${headings[(section - 1) % headings.length]}`);
    if (section === listAt) {
      blocks.push(Array.from({ length: 3 }, () => `- ${mentions.shift() ?? sentence()}`).join('\n'));
    }
    for (let p = random.int(2, 3); p > 0 && (words(blocks) < target || mentions.length > 0); p -= 1)
      blocks.push(paragraph(random.int(3, 5)));
  }
  return `${blocks.join('\n\n')}\n`;
}

function figureSentence(random: Random, figure: FigureFacts, source: SourceSpec): string {
  const named = source.name;
  const midSentence = lowerFirstArticle(named);
  if (figure.unit) {
    return random.pick([
      `${named} described ${figure.phrase} as ${random.pick(ADJECTIVES)}.`,
      `Much now depends on ${figure.phrase}, ${midSentence} said.`,
      `${random.pick(SUBJECTS)} ${random.pick(SAYS)} that ${figure.phrase} left little room for error.`,
    ]);
  }
  return random.pick([
    `According to ${midSentence}, ${figure.phrase} ${figure.predicate}.`,
    `${named} said ${random.pick(TIMES)} that ${figure.phrase} ${figure.predicate}.`,
    `${random.pick(SUBJECTS)} cited figures from ${midSentence} showing that ${figure.phrase} ${figure.predicate}.`,
  ]);
}

/** Approximate words a reader sees; a shortcode counts as two. */
function words(blocks: string[]): number {
  return blocks
    .join(' ')
    .replace(/\{%[^%]*%\}/g, 'x x')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
}

function fill(random: Random, template: string): string {
  const topic = random.pick(TOPICS);
  const slots: Record<string, () => string> = {
    Subject: () => random.pick(SUBJECTS),
    subject: () => random.pick(SUBJECTS).toLowerCase(),
    place: () => random.pick(PLACES),
    say: () => random.pick(SAYS),
    time: () => random.pick(TIMES),
    topic: () => topic,
    topic2: () => random.pick(TOPICS.filter((t) => t !== topic)),
    adj: () => random.pick(ADJECTIVES),
    Connector: () => random.pick(CONNECTORS),
  };
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => slots[slot]?.() ?? `{${slot}}`);
}

// ---------------------------------------------------------------- digests

/** One digest a week (Monday to Sunday, sent the next Monday) for the week's biggest tag of at most 20 articles. */
function weeklyDigests(articles: GeneratedArticle[]): Array<{ slug: string; file: string; articles: number }> {
  const weeks = new Map<number, GeneratedArticle[]>();
  for (const article of articles) {
    const week = Math.floor((Date.parse(`${article.day}T00:00:00Z`) - FIRST_DAY) / (7 * DAY_MS));
    weeks.set(week, [...(weeks.get(week) ?? []), article]);
  }
  const digests: Array<{ slug: string; file: string; articles: number }> = [];
  for (const [week, inWeek] of weeks) {
    const counts = new Map<string, number>();
    for (const article of inWeek) for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const [tag, matching] = [...counts.entries()]
      .filter(([, n]) => n <= MAX_DIGEST_ARTICLES)
      .sort(([a, x], [b, y]) => y - x || TAGS.indexOf(a) - TAGS.indexOf(b))[0] ?? [undefined, 0];
    const from = isoDay(FIRST_DAY + week * 7 * DAY_MS);
    const to = isoDay(FIRST_DAY + (week * 7 + 6) * DAY_MS);
    const slug = isoDay(FIRST_DAY + (week + 1) * 7 * DAY_MS);
    const selection = tag
      ? ['select:', `  tag: ${tag}`, `  from: ${from}`, `  to: ${to}`]
      : ['articles:', ...inWeek.slice(0, MAX_DIGEST_ARTICLES).map((a) => `  - ${a.slug}`)];
    const topic = tag ?? 'the peninsula';
    const file = [
      '---',
      `subject: ${JSON.stringify(`The week in ${topic}`)}`,
      `preheader: ${JSON.stringify(`This week's reporting on ${topic}, with the figures behind each story and who reported them.`)}`,
      `date: "${slug}T07:00:00+09:00"`,
      'intro: >-',
      `  This issue gathers the week's articles on ${topic}. Each figure is shown with who reported it`,
      '  and how firm it is.',
      ...selection,
      '---',
      '',
    ].join('\n');
    digests.push({ slug, file, articles: tag ? matching : Math.min(inWeek.length, MAX_DIGEST_ARTICLES) });
  }
  return digests;
}

// ---------------------------------------------------------------- small helpers

function uniqueId(base: string, used: Set<string>): string {
  return uniqueSlug(base || 'entry', used);
}

function logUniform(random: Random, min: number, max: number): number {
  return Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
}

function roundNicely(n: number): number {
  if (n >= 1000) return Math.round(n / 100) * 100;
  if (n >= 100) return Math.round(n / 10) * 10;
  return Math.max(1, Math.round(n));
}

function roundToTwoFigures(n: number): number {
  if (n < 10) return Math.max(1, Math.round(n));
  const scale = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / scale) * scale;
}

function addMonths(date: CalendarMonth, months: number): CalendarMonth {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthIso({ year, month }: CalendarMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayOf(p: Published): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The publication instant with Seoul's offset, or (as some editors write it) in UTC. */
function instant(p: Published, inUtc: boolean): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!inUtc) return `${dayOf(p)}T${pad(p.hour)}:${pad(p.minute)}:00+09:00`;
  const utc = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour - SEOUL_OFFSET_HOURS, p.minute));
  return utc.toISOString().replace('.000Z', 'Z');
}

/** Plain YAML when safe, else a JSON string (which YAML reads as a double-quoted scalar). */
function yamlText(text: string): string {
  return /^[A-Za-z][\w ,.'()-]*$/.test(text) && !/: | #/.test(text) ? text : JSON.stringify(text);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirstArticle(text: string): string {
  return /^(A|An|The) /.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

// ---------------------------------------------------------------- command line

export function generatorArgs(argv: string[]): { articles: number; seed: number; out: string } {
  const { values } = parseArgs({
    args: argv,
    options: { articles: { type: 'string' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
    allowPositionals: false,
  });
  if (values.articles === undefined) throw new Error('--articles N is required');
  const articles = Number(values.articles);
  // Not under .bench/: Eleventy skips git-ignored paths, so a tree there would build as an empty site.
  return {
    articles,
    seed: Number(values.seed),
    out: values.out ?? path.join(os.tmpdir(), 'dispatch-bench', `content-${articles}-seed${values.seed}`),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { articles, seed, out } = generatorArgs(process.argv.slice(2));
    const tree = generateContent({ articles, seed, outDir: path.resolve(out) });
    console.log(`Wrote ${tree.articles.length} articles, ${tree.digests.length} digests into ${out}/ (seed ${seed})`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

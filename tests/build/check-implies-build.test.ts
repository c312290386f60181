// `npm run check` ⇔ `npm run build`, as a property: a content tree (the seed and the economic-reporting fixture)
// is mutated at random the ways an editor gets things wrong (front-matter fields dropped, misspelt or given odd
// values, facts' keys and values broken, fact tags with wrong ids and forms put in any text field, a facts file
// removed, odd dates, another locale, odd site.json values), and whenever the check finds no problem the build
// must succeed.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/site.ts';
import { checkContent } from '../../src/check/check.ts';
import { economyContent, economyDigest, economySlug, setLocale } from '../helpers/economy.ts';
import { seedSlug, tempDir } from '../helpers/site.ts';

const RUNS = 250;

const ARTICLES = [seedSlug, economySlug];
const DIGESTS = ['2025-06-27', economyDigest];
const articleFile = (slug: string) => `articles/${slug}.md`;
const factsFile = (slug: string) => `facts/${slug}.yaml`;
const digestFile = (slug: string) => `digests/${slug}.md`;
const MARKDOWN = [...ARTICLES.map(articleFile), ...DIGESTS.map(digestFile), 'about.md'];

/** Front-matter fields each kind of file has, and the text fields that may carry fact tags. */
const FIELDS: Record<string, string[]> = {
  article: ['title', 'summary', 'date', 'dateNote', 'section', 'tags', 'reporting', 'updated', 'draft', 'lang'],
  digest: ['subject', 'preheader', 'date', 'intro', 'articles', 'select', 'draft'],
  page: ['title', 'description', 'permalink', 'updated', 'layout'],
};
const TEXT_FIELDS: Array<[string, string]> = [
  ...ARTICLES.flatMap((slug) => ['title', 'summary', 'dateNote'].map((field): [string, string] => [articleFile(slug), field])),
  ...DIGESTS.flatMap((slug) => ['subject', 'preheader', 'intro'].map((field): [string, string] => [digestFile(slug), field])),
  ['about.md', 'title'],
  ['about.md', 'description'],
];
const kindOf = (file: string) => (file.startsWith('articles/') ? 'article' : file.startsWith('digests/') ? 'digest' : 'page');

/** Values an editor might give any field: right for some, wrong for others. */
const ODD_VALUES = [
  '""',
  '42',
  'true',
  '[]',
  '[North Korea, Russia]',
  '"2025-06-24T09:00:00+09:00"',
  '"2025-06-30T09:00:00+09:00"',
  '"2025-06-20"',
  '"2025-02-30T09:00:00+09:00"',
  '"2025-06-24T09:00:00"',
  '"2031-01-01T00:00:00+09:00"',
  'de',
  'xx',
  'Semiconductors: a value with a colon',
  `"${seedSlug}"`,
  '{ tag: North Korea, from: "2025-06-01", to: "2025-07-31" }',
  '{ tag: Economy }',
  `[${seedSlug}, ${economySlug}]`,
  '[no-such-article]',
  '/about/',
  'page.njk',
  'no-such-layout.njk',
  'null',
];

/** Values for a facts file's keys: numbers, bounds, magnitudes, units, currencies, dates, ids. */
const FACT_VALUES = [
  '0',
  '-3',
  '1',
  '1.5',
  '1e21',
  '1000',
  '{ atLeast: 100 }',
  '{ atMost: 5 }',
  '{ moreThan: 3 }',
  '{ lessThan: 0.5 }',
  '{ approximately: 1, qualifier: at least }',
  '{ approximately: 600 }',
  '{ from: 5, to: 2 }',
  '{ from: 2, to: 5 }',
  '{ qualitative: thousands }',
  'thousands',
  '""',
  'null',
  '[1, 2]',
  'year',
  'month',
  'person',
  'percent',
  'percentage-points',
  '{ one: Monat, other: Monate }',
  '{ one: soldier, other: soldiers }',
  'USD',
  'KRW',
  'EUR',
  'usd',
  '2025-06',
  '2025-02-30',
  '2024',
  '{ from: 2025-05, to: 2025-06 }',
  '{ oneOf: [2025-07, 2025-08] }',
  'true',
  'reported',
  'estimatd',
  'south-korean-intelligence',
  'trade-ministry',
  'nis',
  '[initial-dispatch, deaths]',
  '[initial-dispatch, second-deployment]',
  '{ from: chip-exports-june-last-year, to: chip-exports-june }',
  '{ part: chip-exports-june, whole: total-exports-june }',
  '{ amount: chip-exports-june, rate: won-per-dollar }',
];

/** Values for site.json's names, languages, locales, zones and address. */
const SITE_VALUES: unknown[] = [
  'fr-FR',
  'de-CH',
  'en-IN',
  'ko',
  'de',
  'ar-EG',
  'America/New_York',
  'Mars/Base',
  'Pacific/Kiritimati',
  '',
  'R&D <Dispatch>',
  'https://example.org/sub/',
  'http://x',
  42,
  null,
];

/** Fact ids of each article's facts file, and one that is in neither. */
const FACT_IDS: Record<string, string[]> = {
  [seedSlug]: ['initial-dispatch', 'deaths', 'wounded', 'war-duration', 'shoigu-lead-time', 'personnel-committed', 'no-such-fact'],
  [economySlug]: [
    'chip-exports-june',
    'chip-exports-rise',
    'chip-share',
    'won-per-dollar',
    'tariff-exposure',
    'base-rate-cut',
    'chip-exports-in-won',
    'suppliers-affected',
  ],
};
const ALL_IDS = Object.values(FACT_IDS).flat();
const FORMS = ['prose', 'prose', 'prose', 'compound', 'table', 'percent', 'fraction', 'bold'];

type Mutation =
  | { kind: 'locale'; locale: string }
  | { kind: 'dropField'; file: string; field: string }
  | { kind: 'misspellField'; file: string; field: string }
  | { kind: 'setField'; file: string; field: string; value: string }
  | { kind: 'tagInField'; file: string; field: string; owner: string; id: string; form: string; qualified: boolean; at: 'start' | 'end' }
  | { kind: 'badTagInField'; file: string; field: string; tag: string }
  | { kind: 'retag'; file: string; nth: number; id: string; form: string }
  | { kind: 'factLine'; slug: string; nth: number; action: 'drop' | 'misspell' | 'value'; value: string }
  | { kind: 'factEntry'; slug: string; key: string; value: string }
  | { kind: 'removeFacts'; slug: string }
  | { kind: 'site'; key: string; value: unknown };

const oneOf = <T>(items: readonly T[]) => fc.constantFrom(...items);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('locale' as const), locale: oneOf(['en-US', 'de-DE', 'ko-KR', 'en-GB']) }), weight: 3 },
  oneOf(MARKDOWN).chain((file) =>
    fc.oneof(
      fc.record({ kind: fc.constant('dropField' as const), file: fc.constant(file), field: oneOf(FIELDS[kindOf(file)]!) }),
      fc.record({ kind: fc.constant('misspellField' as const), file: fc.constant(file), field: oneOf(FIELDS[kindOf(file)]!) }),
      fc.record({
        kind: fc.constant('setField' as const),
        file: fc.constant(file),
        field: oneOf(FIELDS[kindOf(file)]!),
        value: oneOf(ODD_VALUES),
      }),
    ),
  ),
  {
    arbitrary: fc.tuple(oneOf(TEXT_FIELDS), oneOf(ARTICLES)).chain(([[file, field], owner]) =>
      fc.record({
        kind: fc.constant('tagInField' as const),
        file: fc.constant(file),
        field: fc.constant(field),
        owner: fc.constant(owner),
        id: oneOf(FACT_IDS[owner]!),
        form: oneOf(FORMS),
        qualified: fc.boolean(),
        at: oneOf(['start', 'end'] as const),
      }),
    ),
    weight: 6,
  },
  oneOf(TEXT_FIELDS).chain(([file, field]) =>
    fc.record({
      kind: fc.constant('badTagInField' as const),
      file: fc.constant(file),
      field: fc.constant(field),
      tag: oneOf(['{{ site.title }}', '{% if x %}', '{% fact "deaths"', '{% fact "" %}', '{# unclosed']),
    }),
  ),
  fc.record({
    kind: fc.constant('retag' as const),
    file: oneOf([...ARTICLES.map(articleFile), digestFile(economyDigest)]),
    nth: fc.nat(20),
    id: oneOf(ALL_IDS),
    form: oneOf(FORMS),
  }),
  {
    arbitrary: fc.record({
      kind: fc.constant('factLine' as const),
      slug: oneOf(ARTICLES),
      nth: fc.nat(200),
      action: oneOf(['drop', 'misspell', 'value'] as const),
      value: oneOf(FACT_VALUES),
    }),
    weight: 4,
  },
  fc.record({
    kind: fc.constant('factEntry' as const),
    slug: oneOf(ARTICLES),
    key: oneOf(['value', 'unit', 'currency', 'per', 'date', 'status', 'source', 'key', 'sum', 'change', 'share', 'convert']),
    value: oneOf(FACT_VALUES),
  }),
  fc.record({ kind: fc.constant('removeFacts' as const), slug: oneOf(ARTICLES) }),
  fc.record({
    kind: fc.constant('site' as const),
    key: oneOf(['locale', 'language', 'timeZone', 'title', 'description', 'url']),
    value: oneOf(SITE_VALUES),
  }),
);

/** A misspelling a tired editor makes: two neighbouring letters swapped, or the last one dropped. */
const misspell = (key: string) => (key.length > 3 ? `${key[1]}${key[0]}${key.slice(2)}` : key.slice(0, -1) || 'x');

/** The front matter's field `field` as one line `field: value`, with any indented lines that continue it removed. */
function editFrontMatter(file: string, field: string, edit: (line: string | undefined) => string | undefined): void {
  if (!fs.existsSync(file)) return;
  const source = fs.readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) return;
  const lines = match[1]!.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  let end = index + 1;
  while (index >= 0 && end < lines.length && /^\s+/.test(lines[end] ?? '')) end += 1;
  const current = index >= 0 ? lines.slice(index, end).join('\n') : undefined;
  const next = edit(current);
  if (index >= 0) lines.splice(index, end - index, ...(next === undefined ? [] : [next]));
  else if (next !== undefined) lines.push(next);
  fs.writeFileSync(file, `---\n${lines.join('\n')}\n---\n${match[2]}`);
}

/** A text field's value with `insert` added at its start or end, quoted for YAML. */
function withText(line: string | undefined, field: string, insert: string, at: 'start' | 'end'): string {
  const value = line === undefined ? '' : (readScalar(line.slice(field.length + 1)) ?? '');
  const text = at === 'start' ? `${insert} ${value}` : `${value} ${insert}`;
  return `${field}: ${JSON.stringify(text.trim())}`;
}

/** A front-matter value as the text an editor meant, for the simple shapes this test writes and the content has. */
function readScalar(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed.startsWith('>'))
    return raw
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .join(' ');
  if (trimmed.startsWith('"')) {
    try {
      return JSON.parse(trimmed) as string;
    } catch {
      return undefined;
    }
  }
  if (trimmed.startsWith("'")) return trimmed.slice(1, -1).replace(/''/g, "'");
  return trimmed;
}

function apply(dir: string, m: Mutation): void {
  const at = (file: string) => path.join(dir, file);
  switch (m.kind) {
    case 'locale':
      setLocale(dir, m.locale);
      return;
    case 'dropField':
      editFrontMatter(at(m.file), m.field, () => undefined);
      return;
    case 'misspellField':
      editFrontMatter(at(m.file), m.field, (line) => line && `${misspell(m.field)}${line.slice(m.field.length)}`);
      return;
    case 'setField':
      editFrontMatter(at(m.file), m.field, () => `${m.field}: ${m.value}`);
      return;
    case 'tagInField': {
      // A page has no facts of its own: its tags always name the article.
      const id = m.qualified || m.file === 'about.md' ? `${m.owner}/${m.id}` : m.id;
      const tag = m.form === 'prose' ? `{% fact "${id}" %}` : `{% fact "${id}", "${m.form}" %}`;
      editFrontMatter(at(m.file), m.field, (line) => withText(line, m.field, tag, m.at));
      return;
    }
    case 'badTagInField':
      editFrontMatter(at(m.file), m.field, (line) => withText(line, m.field, m.tag, 'end'));
      return;
    case 'retag': {
      const file = at(m.file);
      if (!fs.existsSync(file)) return;
      const source = fs.readFileSync(file, 'utf8');
      const tags = [...source.matchAll(/\{% fact [^%]*%\}/g)];
      const tag = tags[m.nth % Math.max(tags.length, 1)];
      if (!tag) return;
      const next = m.form === 'prose' ? `{% fact "${m.id}" %}` : `{% fact "${m.id}", "${m.form}" %}`;
      // Inside a quoted YAML value the tag's quotes are escaped.
      const written = source.slice(0, tag.index).split('\n').at(-1)!.includes('"') ? next.replace(/"/g, '\\"') : next;
      fs.writeFileSync(file, source.slice(0, tag.index) + written + source.slice(tag.index + tag[0].length));
      return;
    }
    case 'factLine': {
      const file = at(factsFile(m.slug));
      if (!fs.existsSync(file)) return;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      const keyed = lines.flatMap((line, index) => (/^\s+(?:- )?[a-zA-Z]+:/.test(line) ? [index] : []));
      const index = keyed[m.nth % keyed.length]!;
      const [, indent = '', key = ''] = /^(\s+(?:- )?)([a-zA-Z]+):/.exec(lines[index]!) ?? [];
      if (m.action === 'drop' && !indent.includes('-')) lines.splice(index, 1);
      else if (m.action === 'misspell') lines[index] = lines[index]!.replace(`${key}:`, `${misspell(key)}:`);
      else lines[index] = `${indent}${key}: ${m.value}`;
      fs.writeFileSync(file, lines.join('\n'));
      return;
    }
    case 'factEntry': {
      // A new figure (or derived figure) beside the others, with one key set to the value.
      const file = at(factsFile(m.slug));
      if (!fs.existsSync(file)) return;
      const source = m.slug === seedSlug ? 'south-korean-intelligence' : 'trade-ministry';
      const fields: Record<string, string> = { id: 'extra', label: 'An extra figure', value: '100', source };
      const derived = ['sum', 'change', 'share', 'convert'].includes(m.key);
      const entry = derived ? { id: 'extra', label: 'An extra figure', [m.key]: m.value } : { ...fields, [m.key]: m.value };
      const yaml = Object.entries(entry)
        .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}`)
        .join('\n');
      const text = fs.readFileSync(file, 'utf8');
      const section = derived ? '\nderived:\n' : '\nfigures:\n';
      fs.writeFileSync(file, text.includes(section) ? text.replace(section, `${section}${yaml}\n`) : `${text}${section}${yaml}\n`);
      return;
    }
    case 'site': {
      const file = at('_data/site.json');
      const site = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(file, JSON.stringify({ ...site, [m.key]: m.value }, null, 2));
      return;
    }
    case 'removeFacts':
      fs.rmSync(at(factsFile(m.slug)), { force: true });
      return;
  }
}

describe('check implies build', () => {
  it(`builds every mutated content tree the check passes (${RUNS} trees, fixed seed)`, async () => {
    const base = economyContent();
    let built = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const dir = path.join(tempDir('dispatch-property-'), 'content');
        fs.cpSync(base, dir, { recursive: true });
        for (const m of mutations) apply(dir, m);
        const report = checkContent(dir, { numerals: false });
        try {
          if (report.errors.length) {
            refused += 1;
            return;
          }
          await buildSite({ contentDir: dir, outputDir: path.join(path.dirname(dir), '_site') });
          built += 1;
        } finally {
          fs.rmSync(path.dirname(dir), { recursive: true, force: true });
        }
      }),
      { seed: 15, numRuns: RUNS, endOnFailure: true },
    );
    // The property is tried both ways: trees the check passes are built, and trees it refuses are many.
    expect(built).toBeGreaterThanOrEqual(10);
    expect(refused).toBeGreaterThanOrEqual(10);
  }, 120_000);
});

// The content model: every file of a content tree read and validated once (site.json, articles, facts,
// digests, the site's pages) and linked together, with every problem named by file, line and field. The
// build, the dev server and `npm run check` all start from it; a rebuild reads only the files that changed.
import fs from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { parseFactsFile, type ArticleFacts } from '../facts/parse.ts';
import type { LeadImage } from '../images/lead-image.ts';
import { ContentError } from '../shared/errors.ts';
import { displayPath, projectRoot } from '../shared/paths.ts';
import { likelyName } from '../shared/suggest.ts';
import { validate, type Validated } from '../shared/validate.ts';
import { articleSchema, instant, type ArticleFrontMatter } from './article.ts';
import { digestSchema, type DigestFrontMatter } from './digest.ts';
import { listContentFiles } from './files.ts';
import { readSourceFile, type SourceFile } from './front-matter.ts';
import { linkContent, type ArticleChecks } from './link.ts';
import { readSite, type Site } from './site.ts';

/** What the model knows of a file, with where its fields are, for messages. */
interface Located {
  /** Absolute path. */
  inputPath: string;
  /** As messages show it. */
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export interface ArticleEntry extends Located {
  /** The file name without `.md`: the article's URL and the name of its facts file. */
  slug: string;
  data: ArticleFrontMatter;
  /** The Markdown after the front matter. */
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
  /** Its facts file, when it has one that is valid. */
  facts: ArticleFacts | undefined;
  /** The slugs of the same story's versions in other languages (linked by `translationOf`, either way). */
  translations: string[];
  /** Its lead picture, when the front matter gives one that passed every check (src/images/lead-image.ts). */
  image: LeadImage | undefined;
}

export interface DigestEntry extends Located {
  slug: string;
  data: DigestFrontMatter;
  /** The articles it carries, in the order the digest gives (a selection: newest first). */
  articles: ArticleEntry[];
}

/** A page of the site beside the articles (about.md…): Eleventy renders it; the model checks the fields it reads. */
export interface PageEntry extends Located {
  /** What follows the front matter (a template), and the line it starts on. */
  body: string;
  bodyLine: number;
  title: string | undefined;
  description: string | undefined;
  updated: DateTime | undefined;
  /** Its front matter's `permalink`, as written (Eleventy reads it; the model checks where it leads). */
  permalink: unknown;
}

export interface ContentModel {
  contentDir: string;
  /** site.json, when it is valid. */
  site: Site | undefined;
  /** Every article whose front matter is valid, drafts included, newest first (ties by slug). */
  articles: ArticleEntry[];
  bySlug: ReadonlyMap<string, ArticleEntry>;
  /** Every valid digest, drafts included, newest first. */
  digests: DigestEntry[];
  pages: PageEntry[];
  /** Facts files by slug, the valid ones. */
  facts: ReadonlyMap<string, ArticleFacts>;
  /** Files of the tree that could not be read as what they are: previews leave them out (their problems say why). */
  unreadable: ReadonlySet<string>;
  /** Articles, digests and pages that have problems of their own or in the facts they print (absolute paths). */
  troubled: ReadonlySet<string>;
  /** Every problem in the tree, in file order. Empty: the tree builds. */
  problems: string[];
  /** Each file's last reading, reused by the next readContent while the file is unchanged. */
  readings: ReadonlyMap<string, FileReading>;
  /** Each article's own problems, reused by the next readContent while the article and its facts are unchanged. */
  checked: ArticleChecks;
}

/** One file as last read: kept while its size, modification time and inode are unchanged. */
export interface FileReading {
  stamp: string;
  result: unknown;
}

function stampOf(file: string): string {
  const stat = fs.statSync(file);
  return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
}

/** Reads `file` with `read`, or reuses its last reading from `previous` while the file is unchanged. */
function reader(previous: ReadonlyMap<string, FileReading> | undefined, next: Map<string, FileReading>) {
  return <T>(file: string, salt: string, read: (source: string, earlier: unknown) => T): T => {
    const stamp = `${stampOf(file)}:${salt}`;
    const known = previous?.get(file);
    const result = known?.stamp === stamp ? (known.result as T) : read(fs.readFileSync(file, 'utf8'), known?.result);
    next.set(file, { stamp, result });
    return result;
  };
}

type Parsed<T> = Validated<T> & { source?: SourceFile };

/** `earlier`: the file's last reading; a body-only edit keeps its validated fields (the same object). */
function parseSource<T>(schema: z.ZodType<T>, source: string, file: string, what: string, last?: unknown): Parsed<T> {
  const earlier = last as Parsed<T> | undefined;
  const shown = displayPath(file);
  let parsed: SourceFile;
  try {
    parsed = readSourceFile(source, shown, earlier?.source);
  } catch (error) {
    if (error instanceof ContentError) return { ok: false, problems: error.problems };
    throw error;
  }
  if (earlier?.source && parsed.data === earlier.source.data) return { ...earlier, source: parsed };
  if (parsed.opaque) return { ok: false, problems: [`${shown}: line 1: front matter must be YAML (opened with a line of ---)`], source: parsed };
  return { ...validate(schema, parsed.data, { shown, lineOf: parsed.lineOf, what }), source: parsed };
}

/**
 * Why Eleventy could not write a page at `permalink`, a path an editor typed; undefined when it can. Where it leads
 * (out of the site, onto another page) is checked once every page is known (src/content/page-outputs.ts).
 */
function permalinkProblem(permalink: string): string | undefined {
  if (!permalink.endsWith('/') && !/\.[A-Za-z0-9]+$/.test(permalink))
    return `"${permalink}" is neither a folder (ending in /, as in /corrections/) nor a file name with its extension (/notes.html)`;
  return undefined;
}

/** A page's permalink: a path inside the site, or false for no file. One written as a template is checked where the build writes it. */
const permalink = z.unknown().superRefine((value, ctx) => {
  if (value === false || (typeof value === 'string' && /\{[{%]/.test(value))) return;
  const problem = typeof value === 'string' ? permalinkProblem(value) : 'expected a path inside the site, such as /corrections/, or false for no page';
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const LAYOUTS = path.join(projectRoot, 'templates', 'layouts');

/** A page's layout: a file of templates/layouts, by its name with or without its extension; false or null for none. */
const layout = z.unknown().superRefine((value, ctx) => {
  if (value === false || value === null) return;
  if (typeof value !== 'string') {
    ctx.addIssue({ code: 'custom', message: 'expected the name of a layout, such as page.njk' });
    return;
  }
  const files = fs.readdirSync(LAYOUTS, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  if (files.some((file) => file === value || file.slice(0, file.lastIndexOf('.')) === value)) return;
  const meant = likelyName(value, files);
  ctx.addIssue({
    code: 'custom',
    message: `"${value}" is not a layout in ${displayPath(LAYOUTS)}${meant ? `; did you mean ${meant}?` : ''} (expected one of ${files.join(', ')})`,
  });
});

const pageSchema = z.looseObject({
  layout: layout.optional(),
  permalink: permalink.optional(),
  title: z.string('expected the page title as text').optional(),
  description: z.string('expected a one-sentence description as text').optional(),
  updated: instant.optional(),
});

export interface ReadOptions {
  /** The model of an earlier read of the same tree: unchanged files are not read again. */
  previous?: ContentModel;
}

/** Reads and validates the whole tree at `contentDir` into one model. */
export function readContent(contentDir: string, { previous }: ReadOptions = {}): ContentModel {
  const readings = new Map<string, FileReading>();
  const read = reader(previous?.contentDir === contentDir ? previous.readings : undefined, readings);
  const files = listContentFiles(contentDir);
  const problems: string[] = [...files.problems];
  const unreadable = new Set<string>();

  let site: Site | undefined;
  const siteFile = files.site;
  if (siteFile !== undefined) {
    const result = read(siteFile, '', (source) => readSite(source, siteFile));
    if (result.ok) site = result.value;
    else problems.push(...result.problems);
  } else {
    const expected = displayPath(path.join(contentDir, '_data', 'site.json'));
    // A site.json refused as a link out of the content folder is named once, by the listing.
    if (!files.problems.some((problem) => problem.startsWith(`${expected}:`)))
      problems.push(`${expected}: missing; every site needs its site.json (see docs/site.md)`);
  }
  // A tree whose site.json is broken is still checked, in the zone a reader's calendar needs least.
  const zone = site?.timeZone ?? 'UTC';

  const facts = files.facts.map((file) => ({ file, result: read(file, '', (source) => parseFactsFile(source, file)) }));
  const articles = files.articles.map((file) => ({ file, result: read(file, '', (source, earlier) => parseSource(articleSchema, source, file, 'articles', earlier)) }));
  const digests = files.digests.map((file) => ({ file, result: read(file, '', (source, earlier) => parseSource(digestSchema, source, file, 'digests', earlier)) }));
  const pages = files.pages.map((file) => ({ file, result: read(file, '', (source, earlier) => parseSource(pageSchema, source, file, 'pages', earlier)) }));

  for (const { file, result } of [...facts, ...articles, ...digests, ...pages]) {
    problems.push(...result.problems);
    if (!result.ok) unreadable.add(file);
  }

  const linked = linkContent({
    contentDir,
    previous: previous?.contentDir === contentDir ? previous.checked : undefined,
    site,
    zone,
    facts: facts.flatMap(({ file, result }) => (result.ok ? [{ file, facts: result.value }] : [])),
    invalidFacts: facts.filter(({ result }) => !result.ok).map(({ file }) => file),
    articles: articles.map(({ file, result }) => ({ file, result })),
    images: files.images,
    digests: digests.map(({ file, result }) => ({ file, result })),
    pages: pages.flatMap(({ file, result }) =>
      result.ok && result.source
        ? [
            {
              inputPath: file,
              file: displayPath(file),
              lineOf: result.source.lineOf,
              body: result.source.body,
              bodyLine: result.source.bodyLine,
              title: result.value.title,
              description: result.value.description,
              updated: result.value.updated,
              permalink: result.value.permalink,
            },
          ]
        : [],
    ),
  });
  problems.push(...linked.problems);
  for (const file of linked.unreadable) unreadable.add(file);

  return {
    contentDir,
    site,
    articles: linked.articles,
    bySlug: new Map(linked.articles.map((article) => [article.slug, article])),
    digests: linked.digests,
    pages: linked.pages,
    facts: linked.facts,
    unreadable,
    troubled: linked.troubled,
    problems,
    readings,
    checked: linked.checked,
  };
}

export type { Parsed };

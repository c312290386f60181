// Linking the files of a content tree: what one file says about another (an article's facts file, the
// facts its tags and fields name, the sources it reports, the articles a digest carries) is checked here,
// once every file has been read on its own.
import fs from 'node:fs';
import path from 'node:path';
import { findFigure, unitOf } from '../facts/lookup.ts';
import { checkRelativeDates, type ArticleFacts } from '../facts/parse.ts';
import { checkLeadImage, leadImagePath, leadImageProblemText } from '../images/lead-image.ts';
import { displayPath } from '../shared/paths.ts';
import { likelyName } from '../shared/suggest.ts';
import { readBodyTags, type BodyTag } from './fact-tags.ts';
import { selectArticles } from './digest.ts';
import { slugify, topiclessTagProblem } from './slug.ts';
import { topicPageUrl } from './urls.ts';
import type { ArticleEntry, DigestEntry, PageEntry, Parsed } from './model.ts';
import type { ArticleFrontMatter } from './article.ts';
import type { DigestFrontMatter } from './digest.ts';
import type { Site } from './site.ts';

export interface LinkInput {
  contentDir: string;
  site: Site | undefined;
  zone: string;
  facts: Array<{ file: string; facts: ArticleFacts }>;
  invalidFacts: string[];
  articles: Array<{ file: string; result: Parsed<ArticleFrontMatter> }>;
  digests: Array<{ file: string; result: Parsed<DigestFrontMatter> }>;
  pages: PageEntry[];
  /** The pictures in the tree (src/content/files.ts): each must be some article's lead picture. */
  images: string[];
}

export interface Linked {
  articles: ArticleEntry[];
  digests: DigestEntry[];
  pages: PageEntry[];
  facts: Map<string, ArticleFacts>;
  problems: string[];
  /** Files left out of previews although they could be read: a second file with the same slug. */
  unreadable: string[];
  /** Articles and digests with problems of their own or in the facts they print from (absolute paths). */
  troubled: Set<string>;
}

/** The text fields of articles, digests and pages that may carry fact tags, as front matter names them. */
export const ARTICLE_TEXT_FIELDS = ['title', 'summary', 'dateNote'] as const;
export const DIGEST_TEXT_FIELDS = ['subject', 'preheader', 'intro'] as const;
export const PAGE_TEXT_FIELDS = ['title', 'description'] as const;

const DATED_FILE_NAME = /^\d{4}-\d{2}-\d{2}-/;

const slugOf = (file: string) => path.basename(file, path.extname(file));

/** Where fact tags look for their figures: a file's own facts, the candidates of a digest, or any article's by `slug/id`. */
export interface FactScope {
  /** The facts an unqualified id names. */
  own?: ArticleFacts | undefined;
  /**
   * Without `own` or `candidates`: why an unqualified id names nothing, or 'skip' when that is reported once
   * elsewhere (an article whose facts file is missing or has problems of its own).
   */
  withoutOwn?: string;
  /** For a digest: each of its articles' facts, searched for an unqualified id. */
  candidates?: ArticleFacts[];
  all: ReadonlyMap<string, ArticleFacts>;
}

const SKIP = 'skip';

/** The facts file and figure a tag's id names, or why it names none. */
export function resolveFactId(id: string, scope: FactScope): { facts: ArticleFacts; id: string } {
  const slash = id.indexOf('/');
  if (slash !== -1) {
    const slug = id.slice(0, slash);
    const facts = scope.all.get(slug);
    if (!facts) {
      const meant = likelyName(slug, scope.all.keys());
      throw new Error(`"${slug}" in fact "${id}" is not an article with a facts file${meant ? `; did you mean ${meant}?` : ''}`);
    }
    return { facts, id: id.slice(slash + 1) };
  }
  if (scope.own) return { facts: scope.own, id };
  if (scope.candidates) {
    const holders = scope.candidates.filter((facts) => facts.figures.some((f) => f.id === id) || facts.derived.some((f) => f.id === id));
    if (holders.length === 1) return { facts: holders[0]!, id };
    if (holders.length > 1) {
      throw new Error(`fact "${id}" is in more than one of the digest's articles (${holders.map((f) => f.slug).join(', ')}); name one as {% fact "${holders[0]!.slug}/${id}" %}`);
    }
    throw new Error(`fact "${id}" is not in the facts of the digest's articles (${scope.candidates.map((f) => f.slug).join(', ') || 'none has facts'}); name the article as {% fact "<slug>/${id}" %}`);
  }
  throw new Error(scope.withoutOwn ?? `fact "${id}" has no facts file to come from`);
}

/** Problems with the fact tags of one text: unknown ids, forms a figure cannot take, other braces. */
export function factTagProblems(text: string, scope: FactScope, describe: (tag: BodyTag) => string): string[] {
  const problems: string[] = [];
  for (const tag of readBodyTags(text)) {
    if (tag.kind === 'comment') continue;
    if (tag.kind === 'bad') {
      problems.push(`${describe(tag)}: ${tag.problem}`);
      continue;
    }
    if (!scope.own && !scope.candidates && scope.withoutOwn === SKIP && !tag.id.includes('/')) continue;
    try {
      const { facts, id } = resolveFactId(tag.id, scope);
      const figure = findFigure(facts, id);
      if (tag.form === 'compound' && !unitOf(figure)) {
        throw new Error(
          `fact "${id}" has no unit in ${facts.file}, and the compound form ("a three-year war") needs one: give the fact a unit such as year, or { one: soldier, other: soldiers }, or print it in the prose form`,
        );
      }
    } catch (error) {
      problems.push(`${describe(tag)}: ${text.slice(tag.start, tag.end).replace(/\s+/g, ' ')}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Tags without a topic URL, and tags that make the same topic URL as another of the article's tags. */
function tagProblems(tags: readonly string[], where: (field: string) => string): string[] {
  const problems: string[] = [];
  const bySlug = new Map<string, string>();
  for (const tag of tags) {
    const slug = slugify(tag);
    const earlier = bySlug.get(slug);
    if (!slug) problems.push(topiclessTagProblem(where('tags'), tag));
    else if (earlier !== undefined) problems.push(`${where('tags')}: "${earlier}" and "${tag}" make the same topic URL ${topicPageUrl(slug)}; keep one of them`);
    else bySlug.set(slug, tag);
  }
  return problems;
}

/** `file: line N: field`, the start of a message about a front-matter field (or an item of one, at `path`). */
function fieldWhere(entry: { file: string; lineOf: (path: readonly PropertyKey[]) => number | undefined }, field: string, path: readonly PropertyKey[] = [field]): string {
  const line = entry.lineOf(path);
  return `${entry.file}: ${line === undefined ? '' : `line ${line}: `}${field}`;
}

export function linkContent(input: LinkInput): Linked {
  const problems: string[] = [];
  const unreadable: string[] = [];
  const articlesDir = path.join(input.contentDir, 'articles');
  const expectedFactsFile = (slug: string) => displayPath(path.join(input.contentDir, 'facts', `${slug}.yaml`));

  // Facts: one file per slug. Two files for one slug would each have the other's entries ignored, so neither is used.
  const factsFiles = new Map<string, string[]>();
  for (const file of [...input.facts.map((f) => f.file), ...input.invalidFacts].sort()) {
    const slug = slugOf(file);
    factsFiles.set(slug, [...(factsFiles.get(slug) ?? []), file]);
  }
  const doubled = new Set<string>();
  for (const [slug, files] of factsFiles) {
    if (files.length < 2) continue;
    doubled.add(slug);
    problems.push(`${files.map((f) => displayPath(f)).join(' and ')}: two facts files for "${slug}"; an article has one facts file, so keep one and move what the other says into it`);
  }
  const facts = new Map(input.facts.filter((f) => !doubled.has(slugOf(f.file))).map((f) => [slugOf(f.file), f.facts]));
  const invalidFacts = new Set([...input.invalidFacts.map(slugOf), ...doubled]);

  // Articles: one per slug, named so its URL keeps its whole name.
  const articles: ArticleEntry[] = [];
  const articleFiles = new Map<string, string>();
  const unreadableSlugs = new Set<string>();
  for (const { file, result } of input.articles) {
    const shown = displayPath(file);
    const slug = path.basename(file, '.md');
    if (DATED_FILE_NAME.test(slug)) {
      problems.push(`${shown}: the file name starts with a date, which would be dropped from the article's URL; name it ${slug.replace(DATED_FILE_NAME, '')}.md (the date belongs in the front matter)`);
    }
    const sameSlug = articleFiles.get(slug);
    if (sameSlug !== undefined) {
      problems.push(
        `${shown}: has the same slug "${slug}" as ${sameSlug}; an article's slug (its file name) must be unique, as it makes the article's URL /articles/${slug}/ and names its facts file ${expectedFactsFile(slug)}`,
      );
      unreadable.push(file);
      continue;
    }
    articleFiles.set(slug, shown);
    if (!result.ok || !result.source) {
      unreadableSlugs.add(slug);
      continue;
    }
    const { source } = result;
    articles.push({
      slug,
      inputPath: file,
      file: shown,
      lineOf: source.lineOf,
      data: result.value,
      body: source.body,
      bodyLine: source.bodyLine,
      facts: facts.get(slug),
      image: undefined,
    });
  }
  articles.sort((a, b) => b.data.date.toMillis() - a.data.date.toMillis() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const troubled = new Set<string>();
  // A picture named wrongly would also be reported as used by no article: that follows, and shows once it is fixed.
  let misnamedPicture = false;
  for (const article of articles) {
    const before = problems.length;
    const where = (field: string) => fieldWhere(article, field);
    problems.push(...tagProblems(article.data.tags, where));
    const scope: FactScope = { own: article.facts, withoutOwn: SKIP, all: facts };
    problems.push(...factTagProblems(article.body, scope, (tag) => `${article.file}: line ${article.bodyLine + lineIn(article.body, tag.start) - 1}`));
    for (const field of ARTICLE_TEXT_FIELDS) {
      const text = article.data[field];
      if (text !== undefined) problems.push(...factTagProblems(text, scope, () => where(field)));
    }
    if (article.data.image !== undefined) {
      const checked = checkLeadImage({ image: article.data.image, articleFile: article.inputPath, contentDir: input.contentDir });
      article.image = checked.image;
      for (const problem of checked.problems) {
        if (problem.field === 'image' || problem.field === 'image.src') misnamedPicture = true;
        const keys = problem.field.split('.');
        // A field that is missing has no line of its own: the line of `image` stands in.
        const line = article.lineOf(keys) ?? article.lineOf(keys.slice(0, 1));
        problems.push(leadImageProblemText(article.file, problem, line));
      }
    }
    if (article.facts) {
      const day = article.data.date.setZone(input.zone);
      problems.push(...checkRelativeDates(article.facts, { year: day.year, month: day.month, day: day.day }, day.toISODate() ?? ''));
      const sources = Object.keys(article.facts.sources);
      article.data.reporting.forEach((id, index) => {
        if (sources.includes(id)) return;
        const meant = likelyName(id, sources);
        problems.push(
          `${fieldWhere(article, 'reporting', ['reporting', index])}: "${id}" is not a source in ${article.facts!.file}${meant ? `; did you mean ${meant}?` : ''} (expected one of: ${sources.join(', ')})`,
        );
      });
    } else if (!invalidFacts.has(article.slug)) {
      const tags = readBodyTags(article.body).filter((t) => t.kind === 'fact');
      const fieldTags = ARTICLE_TEXT_FIELDS.flatMap((field) => readBodyTags(article.data[field] ?? '').filter((t) => t.kind === 'fact'));
      const ids = [...tags, ...fieldTags].flatMap((t) => (t.kind === 'fact' && !t.id.includes('/') ? [t.id] : []));
      const needs = [
        ...(ids.length ? [`its {% fact %} tags (${[...new Set(ids)].join(', ')})`] : []),
        ...(article.data.reporting.length ? [`its reporting: list (${article.data.reporting.join(', ')})`] : []),
      ];
      if (needs.length) problems.push(`${article.file}: this article has no facts file (expected ${expectedFactsFile(article.slug)}), which ${needs.join(' and ')} need`);
    }
    if (problems.length > before || invalidFacts.has(article.slug)) troubled.add(article.inputPath);
  }

  // Digests: the articles each carries, its date against theirs, and the fact tags in its fields.
  const published = articles.filter((a) => !a.data.draft);
  const drafts = new Set(articles.filter((a) => a.data.draft).map((a) => a.slug));
  const digests: DigestEntry[] = [];
  for (const { file, result } of input.digests) {
    if (!result.ok || !result.source) continue;
    const shown = displayPath(file);
    const digest = result.value;
    const entry = { inputPath: file, file: shown, lineOf: result.source.lineOf, slug: path.basename(file, '.md'), data: digest };
    let chosen: ArticleEntry[];
    try {
      chosen = selectArticles(digest, published, (a) => ({ slug: a.slug, date: a.data.date.toMillis(), tags: a.data.tags }), {
        file: shown,
        zone: input.zone,
        articlesDir: displayPath(articlesDir),
        unreadable: unreadableSlugs,
        drafts,
      });
    } catch (error) {
      problems.push(...((error as { problems?: string[] }).problems ?? [(error as Error).message]));
      continue;
    }
    const newest = chosen.reduce<ArticleEntry | undefined>((latest, a) => (!latest || a.data.date > latest.data.date ? a : latest), undefined);
    if (newest && newest.data.date > digest.date) {
      problems.push(
        `${fieldWhere(entry, 'date')}: the digest is dated ${digest.date.toISO()}, before the article it carries ${newest.file} (${newest.data.date.toISO()}); date the digest at or after its newest article`,
      );
    }
    const scope: FactScope = { candidates: chosen.flatMap((a) => (a.facts ? [a.facts] : [])), all: facts };
    const before = problems.length;
    for (const field of DIGEST_TEXT_FIELDS) problems.push(...factTagProblems(digest[field], scope, () => fieldWhere(entry, field)));
    if (problems.length > before || chosen.some((a) => troubled.has(a.inputPath))) troubled.add(file);
    digests.push({ ...entry, articles: chosen });
  }
  digests.sort((a, b) => b.data.date.toMillis() - a.data.date.toMillis() || (a.slug < b.slug ? -1 : 1));

  for (const page of input.pages) {
    const scope: FactScope = {
      withoutOwn: 'a page has no facts file of its own; name the article whose fact this is, as {% fact "<article slug>/<fact id>" %}',
      all: facts,
    };
    for (const field of PAGE_TEXT_FIELDS) {
      const text = page[field];
      if (text !== undefined) problems.push(...factTagProblems(text, scope, () => fieldWhere(page, field)));
    }
  }

  if (!misnamedPicture) problems.push(...unusedImageProblems(input));

  for (const [slug, factsFile] of facts) {
    if (!articleFiles.has(slug)) {
      const meant = likelyName(slug, articleFiles.keys());
      problems.push(
        `${factsFile.file}: no article ${displayPath(path.join(articlesDir, `${slug}.md`))} uses this facts file (facts files are named after their article)${meant ? `; did you mean ${meant}?` : ''}`,
      );
    }
  }

  return { articles, digests, pages: input.pages, facts, problems, unreadable, troubled };
}

const realPath = (file: string) => {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
};

/**
 * Pictures no article's `image.src` names: only lead pictures are published, so one nothing names would be
 * left out without a word. Said only when every article's front matter could be read (a broken one may name it).
 */
function unusedImageProblems(input: LinkInput): string[] {
  const named = new Set<string>();
  for (const { file, result } of input.articles) {
    if (!result.source) return [];
    const image = result.source.data.image;
    const src = image !== null && typeof image === 'object' ? (image as { src?: unknown }).src : undefined;
    if (typeof src === 'string' && src.trim()) named.add(realPath(leadImagePath(src.trim(), file, input.contentDir)));
  }
  return input.images
    .filter((file) => !named.has(realPath(file)))
    .map(
      (file) =>
        `${displayPath(file)}: no article's image names this picture, so it would not be published; name it in an article's front matter (image: { src: …, alt: …, credit: … }) or move it out of the content folder`,
    );
}

/** The 1-based line of `offset` in `text`. */
function lineIn(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

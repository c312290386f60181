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
import { namesAnotherArticlesFact, readBodyTags, type BodyTag } from './fact-tags.ts';
import { selectArticles } from './digest.ts';
import { pageOutputProblems } from './page-outputs.ts';
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
  /** The articles' own problems as an earlier read of the tree found them. */
  previous?: ArticleChecks | undefined;
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
  /** Articles, digests and pages with problems of their own or in the facts they print from (absolute paths). */
  troubled: Set<string>;
  /** Each article's own problems, for the next read to reuse. */
  checked: ArticleChecks;
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
  /**
   * Slugs whose facts file exists but has problems of its own, and whether one of a digest's articles is among
   * them: a tag that could name a fact there is reported once that file is fixed, not as a missing fact now.
   */
  unreadable?: { slugs: ReadonlySet<string>; candidate: boolean };
}

/** Whether a tag's id that names nothing may name a fact of a facts file whose own problems are reported. */
function inUnreadableFacts(id: string, scope: FactScope): boolean {
  if (!scope.unreadable) return false;
  const slash = id.indexOf('/');
  return slash === -1 ? scope.unreadable.candidate : scope.unreadable.slugs.has(id.slice(0, slash));
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
    const known = scope.candidates.flatMap((facts) => [...facts.figures, ...facts.derived].map((f) => f.id));
    const meant = likelyName(id, known);
    throw new Error(
      `fact "${id}" is not in the facts of the digest's articles (${scope.candidates.map((f) => f.slug).join(', ') || 'none has facts'})${meant ? `; did you mean "${meant}"? Or` : ';'} name the article as {% fact "<slug>/${id}" %}`,
    );
  }
  throw new Error(scope.withoutOwn ?? `fact "${id}" has no facts file to come from`);
}

/**
 * Whether any of `texts` has a tag that names nothing now but may name a fact of a facts file with problems of
 * its own: what holds it cannot be printed until that file is fixed (its tags are not reported meanwhile).
 */
export function leansOnUnreadableFacts(texts: ReadonlyArray<string | undefined>, scope: FactScope): boolean {
  return texts.some((text) =>
    readBodyTags(text ?? '').some((tag) => {
      if (tag.kind !== 'fact' || !inUnreadableFacts(tag.id, scope)) return false;
      try {
        resolveFactId(tag.id, scope);
        return false;
      } catch {
        return true;
      }
    }),
  );
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
      if (inUnreadableFacts(tag.id, scope)) continue;
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
      translations: [],
      image: undefined,
    });
  }
  articles.sort((a, b) => b.data.date.toMillis() - a.data.date.toMillis() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  problems.push(...linkTranslations(articles, articleFiles, input.site?.language));

  const troubled = new Set<string>();
  // A picture named wrongly would also be reported as used by no article: that follows, and shows once it is fixed.
  let misnamedPicture = false;
  const checked: ArticleChecks = new WeakMap();
  for (const article of articles) {
    // An article's own problems are found again only when its body, front matter, facts or zone changed: the front
    // matter's data is the same object while the front matter is unchanged, the facts while their file is.
    const known = input.previous?.get(article.data);
    const reusable = known && known.body === article.body && known.facts === article.facts && known.zone === input.zone && known.factsValid === !invalidFacts.has(article.slug);
    const own = reusable ? known.problems : articleProblems(article, { facts, invalidFacts, zone: input.zone, expectedFactsFile });
    // Tags naming another article's facts (`slug/id`) are looked up afresh each time: that file may have changed.
    if (!own.qualified) checked.set(article.data, { body: article.body, facts: article.facts, zone: input.zone, factsValid: !invalidFacts.has(article.slug), problems: own });
    problems.push(...own.list);
    // The lead picture is looked at every time: its file may change while the article does not.
    const pictureProblems = leadPictureProblems(article, input.contentDir);
    if (pictureProblems.misnamed) misnamedPicture = true;
    problems.push(...pictureProblems.list);
    const leans =
      own.qualified &&
      leansOnUnreadableFacts([article.body, ...ARTICLE_TEXT_FIELDS.map((field) => article.data[field])], {
        all: facts,
        unreadable: { slugs: invalidFacts, candidate: false },
      });
    if (own.list.length || pictureProblems.list.length || invalidFacts.has(article.slug) || leans) troubled.add(article.inputPath);
  }

  // Digests: the articles each carries, its date against theirs, and the fact tags in its fields.
  // What selecting reads of each published article, worked out once for every digest.
  const candidates = articles.filter((a) => !a.data.draft).map((article) => ({ article, slug: article.slug, date: article.data.date.toMillis(), tags: article.data.tags }));
  const drafts = new Set(articles.filter((a) => a.data.draft).map((a) => a.slug));
  const digests: DigestEntry[] = [];
  const digestFiles = new Map<string, string>();
  for (const { file, result } of input.digests) {
    const shown = displayPath(file);
    const slug = path.basename(file, '.md');
    // Two digests with one slug (one in a subfolder) would write the same pages and email: one would be lost.
    const sameSlug = digestFiles.get(slug);
    if (sameSlug !== undefined) {
      problems.push(`${shown}: has the same slug "${slug}" as ${sameSlug}; a digest's slug (its file name) must be unique, as it makes its pages /digests/${slug}/`);
      unreadable.push(file);
      continue;
    }
    digestFiles.set(slug, shown);
    if (!result.ok || !result.source) continue;
    // A digest prints its intro; text after its front matter (other than notes to the desk) would be dropped without a word.
    const { body, bodyLine } = result.source;
    const text = body.replace(/\{#[^]*?#\}/g, (note) => note.replace(/[^\n]/g, ' '));
    const start = text.search(/\S/);
    if (start >= 0) {
      const line = bodyLine + text.slice(0, start).split('\n').length - 1;
      problems.push(`${shown}: line ${line}: text after the front matter is not printed anywhere; a digest's words go in its intro (intro: |-, see docs/digests.md)`);
    }
    const digest = result.value;
    const entry = { inputPath: file, file: shown, lineOf: result.source.lineOf, slug, data: digest };
    let chosen: ArticleEntry[];
    try {
      chosen = selectArticles(digest, candidates, {
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
    const scope: FactScope = {
      candidates: chosen.flatMap((a) => (a.facts ? [a.facts] : [])),
      all: facts,
      unreadable: { slugs: invalidFacts, candidate: chosen.some((a) => invalidFacts.has(a.slug)) },
    };
    const before = problems.length;
    for (const field of DIGEST_TEXT_FIELDS) problems.push(...factTagProblems(digest[field], scope, () => fieldWhere(entry, field)));
    const texts = DIGEST_TEXT_FIELDS.map((field) => digest[field]);
    if (problems.length > before || chosen.some((a) => troubled.has(a.inputPath)) || leansOnUnreadableFacts(texts, scope)) troubled.add(file);
    digests.push({ ...entry, articles: chosen });
  }
  digests.sort((a, b) => b.data.date.toMillis() - a.data.date.toMillis() || (a.slug < b.slug ? -1 : 1));

  for (const page of input.pages) {
    const scope: FactScope = {
      withoutOwn: 'a page has no facts file of its own; name the article whose fact this is, as {% fact "<article slug>/<fact id>" %}',
      all: facts,
      unreadable: { slugs: invalidFacts, candidate: false },
    };
    const before = problems.length;
    for (const field of PAGE_TEXT_FIELDS) {
      const text = page[field];
      if (text !== undefined) problems.push(...factTagProblems(text, scope, () => fieldWhere(page, field)));
    }
    const texts = PAGE_TEXT_FIELDS.map((field) => page[field]);
    if (problems.length > before || leansOnUnreadableFacts(texts, scope)) troubled.add(page.inputPath);
  }

  if (!misnamedPicture) problems.push(...unusedImageProblems(input));
  problems.push(
    ...pageOutputProblems(
      input.pages.map((page) => ({
        where: page.permalink === undefined ? page.file : fieldWhere(page, 'permalink'),
        relativePath: path.relative(input.contentDir, page.inputPath).split(path.sep).join('/'),
        permalink: page.permalink,
      })),
      articleFiles.keys(),
      digestFiles.keys(),
    ),
  );

  for (const [slug, factsFile] of facts) {
    if (!articleFiles.has(slug)) {
      const meant = likelyName(slug, articleFiles.keys());
      problems.push(
        `${factsFile.file}: no article ${displayPath(path.join(articlesDir, `${slug}.md`))} uses this facts file (facts files are named after their article)${meant ? `; did you mean ${meant}?` : ''}`,
      );
    }
  }

  return { articles, digests, pages: input.pages, facts, problems, unreadable, troubled, checked };
}

/** Checks an article's `image` and sets its entry's picture; `misnamed` when the field or file name is wrong. */
function leadPictureProblems(article: ArticleEntry, contentDir: string): { list: string[]; misnamed: boolean } {
  if (article.data.image === undefined) return { list: [], misnamed: false };
  const checked = checkLeadImage({ image: article.data.image, articleFile: article.inputPath, contentDir });
  article.image = checked.image;
  let misnamed = false;
  const list = checked.problems.map((problem) => {
    if (problem.field === 'image' || problem.field === 'image.src') misnamed = true;
    const keys = problem.field.split('.');
    // A field that is missing has no line of its own: the line of `image` stands in.
    const line = article.lineOf(keys) ?? article.lineOf(keys.slice(0, 1));
    return leadImageProblemText(article.file, problem, line);
  });
  return { list, misnamed };
}

/** What the link pass found about one article, kept for the next read while nothing it depends on changed. */
interface ArticleProblems {
  list: string[];
  /** Whether the article names another article's facts (`{% fact "slug/id" %}`), whose file may change alone. */
  qualified: boolean;
}

/**
 * Per article (by its front matter's data, the same object while the front matter is unchanged): the body,
 * facts and zone it was checked against, and what was found.
 */
export type ArticleChecks = WeakMap<object, { body: string; facts: ArticleFacts | undefined; zone: string; factsValid: boolean; problems: ArticleProblems }>;

function articleProblems(
  article: ArticleEntry,
  context: { facts: ReadonlyMap<string, ArticleFacts>; invalidFacts: ReadonlySet<string>; zone: string; expectedFactsFile: (slug: string) => string },
): ArticleProblems {
  const problems: string[] = [];
  const { facts, invalidFacts, zone, expectedFactsFile } = context;
  const where = (field: string) => fieldWhere(article, field);
  problems.push(...tagProblems(article.data.tags, where));
  const scope: FactScope = { own: article.facts, withoutOwn: SKIP, all: facts, unreadable: { slugs: invalidFacts, candidate: false } };
  problems.push(...factTagProblems(article.body, scope, (tag) => `${article.file}: line ${article.bodyLine + lineIn(article.body, tag.start) - 1}`));
  for (const field of ARTICLE_TEXT_FIELDS) {
    const text = article.data[field];
    if (text !== undefined) problems.push(...factTagProblems(text, scope, () => where(field)));
  }
  if (article.facts) {
    const day = article.data.date.setZone(zone);
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
  const qualified = [article.body, ...ARTICLE_TEXT_FIELDS.map((field) => article.data[field] ?? '')].some(namesAnotherArticlesFact);
  return { list: problems, qualified };
}

/**
 * Versions of one story in several languages: each `translationOf` names another article, and every article linked
 * so, directly or through another, lists the others in `translations` (both ways). Each version is in its own
 * language (its `lang`, else the site's). The problems: a slug that is not an article (with the likely one), an
 * article naming itself, and two versions in one language.
 */
function linkTranslations(articles: ArticleEntry[], articleFiles: ReadonlyMap<string, string>, siteLanguage: string | undefined): string[] {
  const problems: string[] = [];
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  // Union-find over slugs: each story is the set of its versions.
  const parent = new Map<string, string>();
  const linked = new Set<string>();
  const root = (slug: string): string => {
    let found = slug;
    while (parent.has(found)) found = parent.get(found)!;
    return found;
  };
  for (const article of articles) {
    const other = article.data.translationOf;
    if (other === undefined) continue;
    const where = fieldWhere(article, 'translationOf');
    if (other === article.slug) {
      problems.push(`${where}: "${other}" is this article; name the article this one translates, by its slug`);
    } else if (!bySlug.has(other)) {
      const meant = likelyName(other, articleFiles.keys());
      problems.push(
        articleFiles.has(other)
          ? `${where}: "${other}" cannot be linked: its file has problems of its own`
          : `${where}: "${other}" is not an article${meant ? `; did you mean ${meant}?` : ''} (expected the slug of an article in content/articles)`,
      );
    } else {
      linked.add(article.slug).add(other);
      if (root(article.slug) !== root(other)) parent.set(root(article.slug), root(other));
    }
  }
  const stories = new Map<string, ArticleEntry[]>();
  for (const article of articles) {
    if (!linked.has(article.slug)) continue;
    const story = root(article.slug);
    stories.set(story, [...(stories.get(story) ?? []), article]);
  }
  const languageOf = (article: ArticleEntry) => article.data.lang ?? siteLanguage;
  for (const versions of stories.values()) {
    for (const article of versions) article.translations = versions.filter((other) => other !== article).map((other) => other.slug);
    const byLanguage = new Map<string, ArticleEntry[]>();
    for (const article of versions) {
      const language = languageOf(article);
      if (language !== undefined) byLanguage.set(language.toLowerCase(), [...(byLanguage.get(language.toLowerCase()) ?? []), article]);
    }
    for (const same of byLanguage.values()) {
      if (same.length < 2) continue;
      for (const article of same.filter((a) => a.data.translationOf !== undefined)) {
        const others = same.filter((other) => other !== article).map((other) => other.file);
        problems.push(
          `${fieldWhere(article, 'translationOf')}: this article and ${others.join(' and ')} are versions of one story in the same language ("${languageOf(article)}"); ` +
            'each version is in a language of its own: set lang: on the one written in another language, or remove translationOf',
        );
      }
    }
  }
  return problems;
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

// Validates a whole content tree without building: site metadata, articles, facts, fact references,
// and numerals in prose that do not come from a fact.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { articleSchema, parseArticle } from './article.ts';
import { formatZodIssues } from './zod-issues.ts';
import { ContentError } from './errors.ts';
import { frontMatterProblem, readFrontMatter, type FrontMatterFile } from './front-matter.ts';
import { findStrayNumerals, type StrayNumeral } from './numerals.ts';
import { bodyFirstLine, lineAt, readBodyTags } from './shortcodes.ts';
import { displayPath } from './paths.ts';
import { slugify, topiclessTagProblem } from './slug.ts';
import { loadSite } from './site.ts';
import { checkRelativeDates, factsDir, readAllFacts, type FactsReading } from '../facts/load.ts';
import { factText, findFigureIn } from '../facts/present.ts';
import { topicPageUrl } from '../site/pagination.ts';
import { digestSchema, parseDigest, selectArticles, type SelectableArticle } from './digest.ts';
import { unknownFieldProblems } from './unknown-fields.ts';

export interface ArticleReport {
  file: string;
  slug: string;
  strayNumerals: StrayNumeral[];
  factsUsed: number;
}

export interface CheckReport {
  errors: string[];
  articles: ArticleReport[];
}

/** What `run` returns, or undefined when it throws: then its problems are added to `problems`. */
function attempt<T>(problems: string[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof ContentError) problems.push(...error.problems);
    else problems.push((error as Error).message);
    return undefined;
  }
}

/** A file's front matter; a ContentError names the file when its YAML is not valid. */
function frontMatterOf(source: string, shown: string): FrontMatterFile {
  try {
    return readFrontMatter(source);
  } catch (error) {
    throw new ContentError([frontMatterProblem(shown, error)]);
  }
}

export function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The site's other pages (about.md, index.njk…): templates outside articles/, digests/ and `_` folders. */
export function pageFiles(contentDir: string): string[] {
  if (!fs.existsSync(contentDir)) return [];
  return fs
    .readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|njk)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => {
      const [top = '', ...rest] = path.relative(contentDir, file).split(path.sep);
      return !rest.length || !(top === 'articles' || top === 'digests' || top.startsWith('_') || top === 'node_modules');
    })
    .sort();
}

/** Tags without a topic URL, and tags that make the same topic URL as another of the article's tags. */
function tagProblems(tags: string[], shown: string): string[] {
  const problems: string[] = [];
  const bySlug = new Map<string, string>();
  for (const tag of tags) {
    const slug = slugify(tag);
    const earlier = bySlug.get(slug);
    if (!slug) problems.push(topiclessTagProblem(shown, tag));
    else if (earlier !== undefined) problems.push(`${shown}: tags: "${earlier}" and "${tag}" make the same topic URL ${topicPageUrl(slug)}; keep one of them`);
    else bySlug.set(slug, tag);
  }
  return problems;
}

const DATED_FILE_NAME = /^\d{4}-\d{2}-\d{2}-/;
const ARTICLE_FIELDS = Object.keys(articleSchema.shape);
const pageUpdatedSchema = z.object({ updated: articleSchema.shape.updated });
const DIGEST_FIELDS = Object.keys(digestSchema.shape);

export interface CheckOptions {
  /** Scan prose for numerals typed instead of printed from a fact (the report's strayNumerals). Default true. */
  numerals?: boolean;
  /** The tree's facts as readAllFacts returns them, when the caller has read them; read from the files when absent. */
  facts?: FactsReading | undefined;
}

export function checkContent(contentDir: string, { numerals = true, facts: loaded }: CheckOptions = {}): CheckReport {
  const errors: string[] = [];
  const site = attempt(errors, () => loadSite(contentDir));
  const zone = site?.timeZone ?? 'UTC';
  // An invalid facts file is reported once, by itself: what its article takes from it is not checked
  // until it is valid, so one broken entry does not also make every fact tag look missing.
  const reading = loaded ?? readAllFacts(contentDir, zone);
  errors.push(...reading.problems);
  const { facts, invalid } = reading;
  const articlesDir = path.join(contentDir, 'articles');
  const expectedFactsFile = (slug: string) => displayPath(path.join(factsDir(contentDir), `${slug}.yaml`));

  const articles: ArticleReport[] = [];
  const selectable: SelectableArticle[] = [];
  /** Every article file by slug (the first one when two share a slug), readable or not. */
  const articleFiles = new Map<string, string>();
  /** Articles whose front matter has problems: they are still articles for the digests that list them. */
  const unreadable = new Set<string>();
  const drafts = new Set<string>();
  for (const file of markdownFiles(articlesDir)) {
    const shown = displayPath(file);
    const slug = path.basename(file, '.md');
    // Eleventy drops a leading date from a file's slug (2025-06-24-x.md makes /articles/x/), while the facts
    // file and digests go by the whole name: the two would not meet.
    if (DATED_FILE_NAME.test(slug)) {
      errors.push(`${shown}: the file name starts with a date, which would be dropped from the article's URL; name it ${slug.replace(DATED_FILE_NAME, '')}.md (the date belongs in the front matter)`);
    }
    const sameSlug = articleFiles.get(slug);
    if (sameSlug === undefined) articleFiles.set(slug, shown);
    else {
      errors.push(
        `${shown}: has the same slug "${slug}" as ${sameSlug}; an article's slug (its file name) must be unique, ` +
          `as it makes the article's URL /articles/${slug}/ and names its facts file ${expectedFactsFile(slug)}`,
      );
    }
    const source = fs.readFileSync(file, 'utf8');
    const parsed = attempt(errors, () => frontMatterOf(source, shown));
    if (!parsed) {
      unreadable.add(slug);
      continue;
    }
    const articleFacts = facts[slug];
    const factsChecked = !invalid.has(slug);
    errors.push(...unknownFieldProblems(parsed.data, ARTICLE_FIELDS, shown, 'articles'));
    const article = attempt(errors, () => parseArticle(parsed.data, shown));
    if (!article) unreadable.add(slug);
    else {
      if (article.draft) drafts.add(slug);
      else selectable.push({ slug, date: article.date.toJSDate(), tags: article.tags });
      errors.push(...tagProblems(article.tags, shown));
      if (articleFacts) {
        const day = article.date.setZone(zone);
        errors.push(...checkRelativeDates(articleFacts, { year: day.year, month: day.month, day: day.day }, day.toISODate() ?? ''));
        for (const id of article.reporting) {
          if (!articleFacts.sources[id]) {
            errors.push(`${shown}: reporting: "${id}" is not a source in ${articleFacts.file} (expected one of: ${Object.keys(articleFacts.sources).join(', ')})`);
          }
        }
      }
    }
    const bodyStart = bodyFirstLine(source, parsed.content);
    let factsUsed = 0;
    const factIds: string[] = [];
    for (const tag of readBodyTags(parsed.content)) {
      const line = bodyStart + lineAt(parsed.content, tag.start) - 1;
      if (tag.kind === 'bad') errors.push(`${shown}: line ${line}: ${tag.problem}`);
      if (tag.kind !== 'fact') continue;
      factsUsed += 1;
      factIds.push(tag.id);
      if (!articleFacts) continue;
      try {
        // Printed as the build prints it, in the site's language: a form the language lacks fails here first.
        if (site) factText(articleFacts, tag.id, tag.form, { locale: site.locale, zone });
        else findFigureIn(articleFacts, tag.id, tag.form);
      } catch (error) {
        const written = parsed.content.slice(tag.start, tag.end).replace(/\s+/g, ' ');
        errors.push(`${shown}: line ${line}: ${written}: ${(error as Error).message}`);
      }
    }
    const needs = [
      ...(factIds.length ? [`its {% fact %} tags (${[...new Set(factIds)].join(', ')})`] : []),
      ...(article?.reporting.length ? [`its reporting: list (${article.reporting.join(', ')})`] : []),
    ];
    if (!articleFacts && factsChecked && needs.length) {
      errors.push(`${shown}: this article has no facts file (expected ${expectedFactsFile(slug)}), which ${needs.join(' and ')} need`);
    }
    articles.push({ file: shown, slug, strayNumerals: numerals ? findStrayNumerals(parsed.content, bodyStart) : [], factsUsed });
  }

  const selectOptions = { articlesDir: displayPath(articlesDir), unreadable, drafts };
  for (const file of markdownFiles(path.join(contentDir, 'digests'))) {
    const shown = displayPath(file);
    attempt(errors, () => {
      const { data } = frontMatterOf(fs.readFileSync(file, 'utf8'), shown);
      errors.push(...unknownFieldProblems(data, DIGEST_FIELDS, shown, 'digests'));
      const digest = parseDigest(data, shown);
      if (!digest.draft) selectArticles(digest, selectable, shown, zone, selectOptions);
    });
  }

  // Eleventy reads every page's front matter too; a page whose YAML is broken would fail the build. A
  // page's `updated` dates it in the sitemap, so it follows the articles' rule (a real day, with an offset).
  for (const file of pageFiles(contentDir)) {
    const shown = displayPath(file);
    const page = attempt(errors, () => frontMatterOf(fs.readFileSync(file, 'utf8'), shown));
    if (page && page.data.updated !== undefined) {
      const updated = pageUpdatedSchema.safeParse({ updated: page.data.updated as unknown });
      if (!updated.success) errors.push(...formatZodIssues(shown, updated.error.issues));
    }
  }

  for (const slug of Object.keys(facts)) {
    if (!articleFiles.has(slug)) {
      errors.push(`${facts[slug]?.file}: no article ${displayPath(path.join(articlesDir, `${slug}.md`))} uses this facts file (facts files are named after their article)`);
    }
  }
  return { errors, articles };
}

// Validates a whole content tree without building: site metadata, articles, facts, fact references,
// and numerals in prose that do not come from a fact.
import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parseArticle } from './article.ts';
import { ContentError } from './errors.ts';
import { findStrayNumerals, type StrayNumeral } from './numerals.ts';
import { bodyFirstLine, lineAt, readBodyTags } from './shortcodes.ts';
import { displayPath } from './paths.ts';
import { slugify } from './slug.ts';
import { loadSite } from './site.ts';
import { checkRelativeDates, loadAllFacts, type FactsBySlug } from '../facts/load.ts';
import { findFigure } from '../facts/present.ts';
import { parseDigest, selectArticles, type SelectableArticle } from './digest.ts';

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

function collect(problems: string[], run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof ContentError) problems.push(...error.problems);
    else problems.push((error as Error).message);
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

export interface CheckOptions {
  /** Scan prose for numerals typed instead of printed from a fact (the report's strayNumerals). Default true. */
  numerals?: boolean;
  /** The tree's facts, already loaded without errors; read from the facts files when absent. */
  facts?: FactsBySlug;
}

export function checkContent(contentDir: string, { numerals = true, facts: loaded }: CheckOptions = {}): CheckReport {
  const errors: string[] = [];
  let zone = 'UTC';
  collect(errors, () => {
    zone = loadSite(contentDir).timeZone;
  });
  let facts: FactsBySlug = loaded ?? {};
  if (!loaded) {
    collect(errors, () => {
      facts = loadAllFacts(contentDir, zone);
    });
  }

  const articles: ArticleReport[] = [];
  const selectable: SelectableArticle[] = [];
  for (const file of markdownFiles(path.join(contentDir, 'articles'))) {
    const shown = displayPath(file);
    const slug = path.basename(file, '.md');
    const source = fs.readFileSync(file, 'utf8');
    let parsed: matter.GrayMatterFile<string>;
    try {
      // Options (even none) keep gray-matter from caching every file it parses for the life of the process.
      parsed = matter(source, {});
    } catch (error) {
      errors.push(`${shown}: front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    const articleFacts = facts[slug];
    collect(errors, () => {
      const article = parseArticle(parsed.data, shown);
      if (!article.draft) selectable.push({ slug, date: article.date.toJSDate(), tags: article.tags });
      for (const tag of article.tags) {
        if (!slugify(tag)) errors.push(`${shown}: tags: "${tag}" has no letters or digits to make its topic URL from`);
      }
      if (articleFacts) {
        const day = article.date.setZone(zone);
        errors.push(...checkRelativeDates(articleFacts, { year: day.year, month: day.month, day: day.day }, day.toISODate() ?? ''));
      }
      for (const id of article.reporting) {
        if (!articleFacts?.sources[id]) errors.push(`${shown}: reporting: "${id}" is not a source in the article's facts file`);
      }
    });
    const bodyStart = bodyFirstLine(source, parsed.content);
    let factsUsed = 0;
    for (const tag of readBodyTags(parsed.content)) {
      if (tag.kind === 'bad') errors.push(`${shown}: line ${bodyStart + lineAt(parsed.content, tag.start) - 1}: ${tag.problem}`);
      if (tag.kind !== 'fact') continue;
      factsUsed += 1;
      collect(errors, () => {
        try {
          findFigure(articleFacts, tag.id);
        } catch (error) {
          throw new Error(`${shown}: {% fact "${tag.id}" %}: ${(error as Error).message}`);
        }
      });
    }
    articles.push({ file: shown, slug, strayNumerals: numerals ? findStrayNumerals(parsed.content, bodyStart) : [], factsUsed });
  }

  for (const file of markdownFiles(path.join(contentDir, 'digests'))) {
    const shown = displayPath(file);
    collect(errors, () => {
      const digest = parseDigest(matter(fs.readFileSync(file, 'utf8'), {}).data, shown);
      if (!digest.draft) selectArticles(digest, selectable, shown, zone);
    });
  }

  const slugs = new Set(articles.map((a) => a.slug));
  for (const slug of Object.keys(facts)) {
    if (!slugs.has(slug)) errors.push(`${facts[slug]?.file}: no article content/articles/${slug}.md uses this facts file (facts files are named after their article)`);
  }
  return { errors, articles };
}

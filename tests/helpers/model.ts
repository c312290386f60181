// The content model and what a build publishes from it, for tests that look at views without rendering.
import { checkContent } from '../../src/check/check.ts';
import { readContent } from '../../src/content/model.ts';
import { parseFactsFile, type ArticleFacts } from '../../src/facts/parse.ts';
import { ContentError } from '../../src/shared/errors.ts';
import type { Publication } from '../../src/site/publication.ts';

/** The publication a build of `contentDir` renders; throws when the tree has problems. */
export function publicationOf(contentDir: string): Publication {
  const report = checkContent(contentDir, { numerals: false });
  if (report.errors.length || !report.publication) throw new Error(`content has problems:\n${report.errors.join('\n')}`);
  return report.publication;
}

/** One facts file read as the model reads it; throws a ContentError listing its problems. */
export function factsFrom(source: string, file: string): ArticleFacts {
  const result = parseFactsFile(source, file);
  if (!result.ok) throw new ContentError(result.problems);
  return result.value;
}

/** The facts of one article of a tree, as the model reads them. */
export function factsOf(contentDir: string, slug: string): ArticleFacts {
  const facts = readContent(contentDir).facts.get(slug);
  if (!facts) throw new Error(`no valid facts for ${slug} in ${contentDir}`);
  return facts;
}

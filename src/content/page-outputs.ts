// Where the site's other pages (about.md…) are written, as far as their front matter says, checked before a
// build: a permalink that climbs out of the output folder, or a page written where another page, an article or
// a digest is, would overwrite a file or lose a page. Permalinks that are templates are known only once
// rendered: the build checks those (src/eleventy/output-guard.ts, and Eleventy's own output conflicts).
import path from 'node:path';
import { articleUrl, digestUrl } from './urls.ts';

export interface PageOutput {
  /** As messages name the page and its field: `about.md: line 3: permalink`. */
  where: string;
  /** The page's path relative to the content folder, with forward slashes. */
  relativePath: string;
  /** Its front matter's `permalink`, if any. */
  permalink: unknown;
}

/** The files a digest's folder holds (src/eleventy/pages.ts and src/digest/message.ts). */
const DIGEST_FILES = ['index.html', 'email.html', 'email.txt', 'digest.json', 'message.eml'];

/** The file a page is written to, relative to the output folder ('../x' when it climbs out), or undefined when it is not known before rendering or not written. */
export function pageOutputFile({ relativePath, permalink }: Pick<PageOutput, 'relativePath' | 'permalink'>): string | undefined {
  if (permalink === false) return undefined;
  if (permalink === undefined) {
    const { dir, name } = path.posix.parse(relativePath);
    return path.posix.join(dir, name === 'index' ? '' : name, 'index.html');
  }
  if (typeof permalink !== 'string' || /\{\{|\{%/.test(permalink)) return undefined;
  const file = permalink.endsWith('/') ? `${permalink}index.html` : permalink;
  return path.posix.normalize(file.replace(/^\/+/, ''));
}

/** One problem per page written outside the output folder or onto a file something else writes, naming both. */
export function pageOutputProblems(pages: readonly PageOutput[], articleSlugs: Iterable<string>, digestSlugs: Iterable<string>): string[] {
  const taken = new Map<string, string>();
  for (const slug of articleSlugs) taken.set(path.posix.join(articleUrl(slug).slice(1), 'index.html'), `the article "${slug}"`);
  for (const slug of digestSlugs) for (const file of DIGEST_FILES) taken.set(path.posix.join(digestUrl(slug).slice(1), file), `the digest "${slug}"`);
  const problems: string[] = [];
  for (const page of pages) {
    const file = pageOutputFile(page);
    if (file === undefined) continue;
    if (file === '..' || file.startsWith('../')) {
      problems.push(`${page.where}: ${JSON.stringify(page.permalink)} climbs out of the output folder; a permalink must stay inside the site (no ".." that leaves it)`);
      continue;
    }
    const owner = taken.get(file);
    if (owner !== undefined) {
      problems.push(`${page.where}: the page would be written to /${file}, where ${owner} is; give it a permalink of its own`);
      continue;
    }
    taken.set(file, `the page ${page.relativePath}`);
  }
  return problems;
}

// The files of a content tree, found once for the model and the build alike: the content that is checked is
// the content that is built. A link out of the content folder is refused (it would publish a file from
// elsewhere on the machine), and a file nothing reads is named rather than ignored.
import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../shared/paths.ts';

export interface ContentFiles {
  /** content/_data/site.json, when it exists. */
  site: string | undefined;
  articles: string[];
  facts: string[];
  digests: string[];
  /** The site's other pages (about.md, …): Markdown and Nunjucks templates outside the folders above. */
  pages: string[];
  /** Pictures for articles' lead images: beside the articles, or anywhere outside _data/, facts/ and digests/. */
  images: string[];
  /** Eleventy's data files for the pages beside them. */
  pageData: string[];
  problems: string[];
}

export const FACTS_EXTENSIONS = ['.yaml', '.yml', '.json'];
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff', '.svg'];
const PAGE_EXTENSIONS = ['.md', '.njk'];
const PAGE_DATA = /\.11tydata\.(?:js|mjs|cjs|json)$/;

/** The folders of a content tree that hold one kind of file each; pages are everywhere else. */
export const CONTENT_FOLDERS = ['articles', 'digests', 'facts', '_data'] as const;

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Every content file under `contentDir`, sorted, by kind; dot files and node_modules are not content. */
export function listContentFiles(contentDir: string): ContentFiles {
  const found: ContentFiles = { site: undefined, articles: [], facts: [], digests: [], pages: [], images: [], pageData: [], problems: [] };
  if (!fs.existsSync(contentDir)) {
    found.problems.push(`${displayPath(contentDir)}: the content folder does not exist`);
    return found;
  }
  const realRoot = fs.realpathSync(contentDir);
  const shownRoot = displayPath(contentDir);

  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = path.join(dir, entry.name);
      const shown = displayPath(file);
      if (entry.name === '.eleventyignore' && dir === contentDir) {
        // Eleventy reads it and would leave out of the build pages the check reads as published.
        found.problems.push(`${shown}: Eleventy would leave the pages it names out of the build, although the check reads them; remove it (a file or folder whose name starts with a dot is not content)`);
        continue;
      }
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = fs.realpathSync(file);
        } catch {
          found.problems.push(`${shown}: is a link to something that does not exist`);
          continue;
        }
        if (!isInside(target, realRoot)) {
          found.problems.push(`${shown}: is a link to ${target}, outside the content folder ${shownRoot}/; content must live inside it (copy the file in instead of linking to it)`);
          continue;
        }
        if (fs.statSync(target).isDirectory()) {
          found.problems.push(`${shown}: is a link to a folder; folders in ${shownRoot}/ are read where they are, not through links`);
          continue;
        }
        classify(file, shown);
      } else if (entry.isDirectory()) {
        visit(file);
      } else if (entry.isFile()) {
        classify(file, shown);
      }
    }
  };

  const classify = (file: string, shown: string) => {
    const [top = '', ...rest] = path.relative(contentDir, file).split(path.sep);
    const ext = path.extname(file).toLowerCase();
    const refuse = (what: string) => {
      // `.MD` is not `.md`: say which name would be read.
      const lower = `${path.basename(file, path.extname(file))}${ext}`;
      const rename = ext !== path.extname(file) && [...PAGE_EXTENSIONS, ...FACTS_EXTENSIONS].includes(ext) ? ` (name it ${lower}: extensions are lower case)` : '';
      found.problems.push(`${shown}: ${what}${rename}; nothing reads this file, so it would not be published`);
    };
    // Eleventy leaves out the folders the model reads (articles/…) whatever their case, so `Articles/` would be
    // neither an article folder nor pages.
    const folder = CONTENT_FOLDERS.find((name) => name === top.toLowerCase());
    if (rest.length && folder !== undefined && folder !== top) {
      found.problems.push(`${shown}: ${top}/ is not ${folder}/; nothing reads this file, so it would not be published (rename the folder ${folder}/)`);
    } else if (top === '_data' && rest.length) {
      if (rest.join('/') === 'site.json') found.site = file;
      else refuse('only site.json is read from _data/');
    } else if (top === 'articles' && rest.length) {
      if (ext === '.md' && path.extname(file) === '.md') found.articles.push(file);
      else if (IMAGE_EXTENSIONS.includes(ext)) found.images.push(file);
      else refuse('articles/ holds articles (.md files) and their images');
    } else if (top === 'facts' && rest.length) {
      if (FACTS_EXTENSIONS.includes(path.extname(file))) found.facts.push(file);
      else refuse(`facts files end in ${FACTS_EXTENSIONS.join(', ')}`);
    } else if (top === 'digests' && rest.length) {
      if (path.extname(file) === '.md') found.digests.push(file);
      else refuse('digests/ holds digests (.md files)');
    } else if (PAGE_EXTENSIONS.includes(path.extname(file))) {
      found.pages.push(file);
    } else if (IMAGE_EXTENSIONS.includes(ext)) {
      // A lead picture may be kept in a folder of its own (image: { src: /pictures/x.jpg }).
      found.images.push(file);
    } else if (PAGE_DATA.test(path.basename(file))) {
      // Eleventy reads a folder's or a page's data file (`newsletter.11tydata.js`) for the pages beside it.
      found.pageData.push(file);
    } else {
      refuse(`pages are ${PAGE_EXTENSIONS.join(' or ')} files`);
    }
  };

  visit(contentDir);
  return found;
}

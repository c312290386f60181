// What counts as content, as `npm run check` sees it: links out of the content folder, files nothing reads,
// two files for one slug, a misspelt section, a digest's ignored text and pages written where something else is.
// Each is named, by file (and line), so nothing an editor wrote is dropped without a word.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check.ts';
import { copyContent, replaceIn, seedSlug, tempDir } from '../../helpers/site.ts';

const errorsOf = (dir: string) => checkContent(dir, { numerals: false }).errors;
const factsFile = (dir: string) => path.join(dir, 'facts', `${seedSlug}.yaml`);
const digestFile = (dir: string) => path.join(dir, 'digests', '2025-06-27.md');

/** A content copy, a folder beside it (outside the content), and a way to put a link in the content. */
function treeWithOutside() {
  const dir = copyContent();
  const outside = tempDir('dispatch-outside-');
  const link = (target: string, name: string) => {
    const at = path.join(dir, name);
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(target, at);
    return at;
  };
  const outsideFile = (name: string, text: string) => {
    fs.writeFileSync(path.join(outside, name), text);
    return path.join(outside, name);
  };
  return { dir, outside: fs.realpathSync(outside), link, outsideFile };
}

const linkedOut = (dir: string, link: string, target: string) =>
  `${link}: is a link to ${target}, outside the content folder ${dir}/; content must live inside it (copy the file in instead of linking to it)`;

describe('links in the content folder', () => {
  it('refuses every kind of content file whose real path is outside the content folder, naming the link', () => {
    const { dir, outside, link, outsideFile } = treeWithOutside();
    const article = fs.readFileSync(path.join(dir, 'articles', `${seedSlug}.md`), 'utf8');
    const cases = [
      link(outsideFile('article.md', article), 'articles/linked-article.md'),
      link(outsideFile('facts.yaml', fs.readFileSync(factsFile(dir), 'utf8')), 'facts/linked-article.yaml'),
      link(outsideFile('digest.md', fs.readFileSync(digestFile(dir), 'utf8')), 'digests/2025-07-01.md'),
      link(outsideFile('environment.md', 'SECRET=hunter2\n'), 'environment.md'),
      link(outsideFile('photo.jpg', 'not really a picture'), 'articles/photo.jpg'),
      link(outsideFile('data.json', '{"permalink": "/x/"}'), 'newsletter/newsletter.11tydata.json'),
    ];
    const errors = errorsOf(dir);
    for (const at of cases) expect(errors).toContain(linkedOut(dir, at, path.join(outside, path.basename(fs.readlinkSync(at)))));
    expect(errors).toHaveLength(cases.length);
  });

  it('refuses site.json as a link out of the content folder, without also calling it missing', () => {
    const { dir, outside, outsideFile } = treeWithOutside();
    const site = path.join(dir, '_data', 'site.json');
    const target = outsideFile('site.json', fs.readFileSync(site, 'utf8'));
    fs.rmSync(site);
    fs.symlinkSync(target, site);
    expect(errorsOf(dir)).toEqual([linkedOut(dir, site, path.join(outside, 'site.json'))]);
  });

  it('refuses a linked folder, out of the content folder or within it, and what it holds is not read', () => {
    const { dir, outside, link } = treeWithOutside();
    fs.mkdirSync(path.join(outside, 'pages'));
    fs.writeFileSync(path.join(outside, 'pages', 'notes.md'), '---\ntitle: [broken\n---\n');
    const out = link(path.join(outside, 'pages'), 'more');
    const within = link(path.join(dir, 'newsletter'), 'letters');
    expect(errorsOf(dir)).toEqual([
      `${within}: is a link to a folder; folders in ${dir}/ are read where they are, not through links`,
      linkedOut(dir, out, path.join(outside, 'pages')),
    ]);
  });

  it('reads a link to a file inside the content folder as that file', () => {
    const { dir, link } = treeWithOutside();
    fs.writeFileSync(path.join(dir, 'press.md'), '---\ntitle: Press\n---\nText.\n');
    link(path.join(dir, 'press.md'), 'press-kit.md');
    expect(errorsOf(dir)).toEqual([]);
  });

  it('names a link to nothing', () => {
    const { dir, outside, link } = treeWithOutside();
    const at = link(path.join(outside, 'gone.md'), 'gone.md');
    expect(errorsOf(dir)).toEqual([`${at}: is a link to something that does not exist`]);
  });
});

describe('files nothing reads', () => {
  it('names each, with what its folder holds', () => {
    const dir = copyContent((d) => {
      fs.writeFileSync(path.join(d, 'notes.txt'), 'to do');
      fs.writeFileSync(path.join(d, 'facts', 'readme.txt'), 'how to');
      fs.writeFileSync(path.join(d, '_data', 'authors.json'), '{}');
      fs.writeFileSync(path.join(d, 'digests', '2025-07-04.html'), '<p>');
      fs.writeFileSync(path.join(d, 'articles', 'draft.markdown'), '---\ntitle: x\n---\n');
    });
    const unread = (file: string, what: string) =>
      `${path.join(dir, file)}: ${what}; nothing reads this file, so it would not be published`;
    expect(errorsOf(dir)).toEqual([
      unread('_data/authors.json', 'only site.json is read from _data/'),
      unread('articles/draft.markdown', 'articles/ holds articles (.md files) and their images'),
      unread('digests/2025-07-04.html', 'digests/ holds digests (.md files)'),
      unread('facts/readme.txt', 'facts files end in .yaml, .yml, .json'),
      unread('notes.txt', 'pages are .md or .njk files'),
    ]);
  });

  it('refuses an .eleventyignore, which would leave pages the check reads out of the build', () => {
    const dir = copyContent((d) => fs.writeFileSync(path.join(d, '.eleventyignore'), 'about.md\n'));
    expect(errorsOf(dir)).toEqual([
      `${path.join(dir, '.eleventyignore')}: Eleventy would leave the pages it names out of the build, although the check reads them; remove it (a file or folder whose name starts with a dot is not content)`,
    ]);
  });

  it('says which name would be read when only the case is wrong', () => {
    const dir = copyContent((d) => {
      fs.renameSync(path.join(d, 'about.md'), path.join(d, 'about.MD'));
      fs.mkdirSync(path.join(d, 'Articles'));
      fs.writeFileSync(path.join(d, 'Articles', 'second.md'), '---\ntitle: Second\n---\nText.\n');
    });
    expect(errorsOf(dir)).toEqual([
      `${path.join(dir, 'Articles', 'second.md')}: Articles/ is not articles/; nothing reads this file, so it would not be published (rename the folder articles/)`,
      `${path.join(dir, 'about.MD')}: pages are .md or .njk files (name it about.md: extensions are lower case); nothing reads this file, so it would not be published`,
    ]);
  });
});

describe('one file per slug, every section read', () => {
  it('refuses two facts files for one slug (.yaml and .yml), naming both', () => {
    const dir = copyContent((d) => fs.copyFileSync(factsFile(d), path.join(d, 'facts', `${seedSlug}.yml`)));
    expect(errorsOf(dir)).toEqual([
      `${factsFile(dir)} and ${path.join(dir, 'facts', `${seedSlug}.yml`)}: two facts files for "${seedSlug}"; an article has one facts file, so keep one and move what the other says into it`,
    ]);
  });

  it('refuses a facts file in a subfolder with the same slug as another', () => {
    const dir = copyContent((d) => {
      fs.mkdirSync(path.join(d, 'facts', 'world'));
      fs.copyFileSync(factsFile(d), path.join(d, 'facts', 'world', `${seedSlug}.json`));
    });
    expect(errorsOf(dir).join('\n')).toContain(`two facts files for "${seedSlug}"`);
  });

  it('names a misspelt top-level section of a facts file, with the likely name, instead of dropping the timeline', () => {
    const dir = copyContent((d) => replaceIn(factsFile(d), /^events:/m, 'evnts:'));
    const errors = errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${factsFile(dir)}: line \\d+: evnts: not a field facts files have; did you mean events\\? \\(expected one of sources, defaults, actors, figures, derived, events, claims\\)$`,
      ),
    );
  });

  it('refuses two digests with one slug (one in a subfolder), naming both', () => {
    const dir = copyContent((d) => {
      fs.mkdirSync(path.join(d, 'digests', '2025'));
      fs.copyFileSync(digestFile(d), path.join(d, 'digests', '2025', '2025-06-27.md'));
    });
    expect(errorsOf(dir)).toEqual([
      `${path.join(dir, 'digests', '2025-06-27.md')}: has the same slug "2025-06-27" as ${path.join(dir, 'digests', '2025', '2025-06-27.md')}; a digest's slug (its file name) must be unique, as it makes its pages /digests/2025-06-27/`,
    ]);
  });
});

describe("a digest's text after its front matter", () => {
  it('is named with its line, since only the intro is printed', () => {
    const dir = copyContent((d) => fs.appendFileSync(digestFile(d), '\n{# a note to the desk #}\nDear readers, this week…\n'));
    expect(errorsOf(dir)).toEqual([
      `${digestFile(dir)}: line 13: text after the front matter is not printed anywhere; a digest's words go in its intro (intro: |-, see docs/digests.md)`,
    ]);
  });

  it('may hold notes to the desk and blank lines', () => {
    const dir = copyContent((d) => fs.appendFileSync(digestFile(d), '\n{# a note to the desk,\nover two lines #}\n\n'));
    expect(errorsOf(dir)).toEqual([]);
  });
});

describe("where a page's permalink writes it", () => {
  const page = (permalink: string) => `---\ntitle: A page\npermalink: ${permalink}\n---\nText.\n`;
  const errorsWithPage = (permalink: string) => {
    const dir = copyContent((d) => fs.writeFileSync(path.join(d, 'extra.md'), page(permalink)));
    return { file: path.join(dir, 'extra.md'), errors: errorsOf(dir) };
  };

  it('refuses one that climbs out of the output folder', () => {
    const { file, errors } = errorsWithPage('../package.json');
    expect(errors).toEqual([
      `${file}: line 3: permalink: "../package.json" climbs out of the output folder; a permalink must stay inside the site (no ".." that leaves it)`,
    ]);
  });

  it("refuses one onto an article's page, a digest's files or another page", () => {
    const cases: Array<[string, string]> = [
      [`/articles/${seedSlug}/`, `/articles/${seedSlug}/index.html, where the article "${seedSlug}" is`],
      ['/digests/2025-06-27/message.eml', '/digests/2025-06-27/message.eml, where the digest "2025-06-27" is'],
      ['/digests/2025-06-27/', '/digests/2025-06-27/index.html, where the digest "2025-06-27" is'],
      ['/about/index.html', '/about/index.html, where the page about.md is'],
      ['/stuff/../about/', '/about/index.html, where the page about.md is'],
    ];
    for (const [permalink, where] of cases) {
      const { file, errors } = errorsWithPage(permalink);
      expect(errors).toEqual([`${file}: line 3: permalink: the page would be written to ${where}; give it a permalink of its own`]);
    }
  });

  it('refuses two pages written to one file by their place in the tree', () => {
    const dir = copyContent((d) => {
      fs.mkdirSync(path.join(d, 'team'));
      fs.writeFileSync(path.join(d, 'team', 'index.md'), '---\ntitle: Team\n---\nText.\n');
      fs.writeFileSync(path.join(d, 'team.md'), '---\ntitle: Team again\n---\nText.\n');
    });
    expect(errorsOf(dir)).toEqual([
      `${path.join(dir, 'team.md')}: the page would be written to /team/index.html, where the page team/index.md is; give it a permalink of its own`,
    ]);
  });

  it('accepts a permalink of its own, false, or one that is a template (the build checks where that leads)', () => {
    for (const permalink of ['/press/', 'false', '"/{{ page.fileSlug }}/x/"']) expect(errorsWithPage(permalink).errors).toEqual([]);
  });
});

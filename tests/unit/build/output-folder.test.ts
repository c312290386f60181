// Which folders the commands may write into, replace or empty (src/shared/output-folder.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assertReplaceable,
  BUILD_MARKER,
  emptyOutputFolder,
  folderLocationProblem,
  OutputFolderError,
  PREVIEW_MARKER,
  previewOf,
  realPath,
} from '../../../src/shared/output-folder.ts';
import { tempDir } from '../../helpers/site.ts';

/** A made-up machine: a home folder holding a project with its content, all in a temp folder. */
function machine() {
  const top = realPath(tempDir());
  const home = path.join(top, 'home', 'editor');
  const root = path.join(home, 'dispatch');
  const contentDir = path.join(root, 'content');
  for (const dir of ['src', 'templates', 'node_modules', '.git', 'content/articles'])
    fs.mkdirSync(path.join(root, dir), { recursive: true });
  return { top, home, root, contentDir, places: { root, home, contentDir } };
}

const use = (places: ReturnType<typeof machine>['places']) => ({ ...places, label: 'the output', hint: 'Choose another.' });

describe('folderLocationProblem', () => {
  it('refuses /, the home folder, the project, the content and what holds them', () => {
    const { top, home, root, contentDir, places } = machine();
    expect(folderLocationProblem('/', places)).toBe('it is the root of the file system');
    expect(folderLocationProblem(home, places)).toBe('it is your home folder');
    expect(folderLocationProblem(top, places)).toMatch(/^it holds your home folder/);
    expect(folderLocationProblem(root, places)).toBe('it is the project folder');
    expect(folderLocationProblem(contentDir, places)).toBe('it is the content folder');
    expect(folderLocationProblem(path.join(contentDir, 'articles', 'out'), places)).toMatch(/^it is inside the content folder/);
  });

  it("refuses the project's own folders and what is inside them", () => {
    const { root, places } = machine();
    for (const folder of ['src', 'templates', 'node_modules', '.git', 'tests', 'docs']) {
      expect(folderLocationProblem(path.join(root, folder, 'out'), places), folder).toBe(`it is inside the project's ${folder}/ folder`);
    }
  });

  it('accepts a folder of its own, in the project or elsewhere', () => {
    const { top, root, places } = machine();
    expect(folderLocationProblem(path.join(root, '_site'), places)).toBeUndefined();
    expect(folderLocationProblem(path.join(top, 'www', 'site'), places)).toBeUndefined();
  });

  it('follows links in the path to where they lead', () => {
    const { top, contentDir, places } = machine();
    fs.symlinkSync(contentDir, path.join(top, 'shortcut'));
    expect(folderLocationProblem(path.join(top, 'shortcut'), places)).toBe('it is the content folder');
    expect(folderLocationProblem(path.join(top, 'shortcut', 'out'), places)).toMatch(/^it is inside the content folder/);
  });

  it('refuses a folder inside one it is told to stay out of', () => {
    const { root, places } = machine();
    const site = path.join(root, '_site');
    expect(folderLocationProblem(path.join(site, 'mail'), { ...places, notInside: [{ dir: site, what: 'the site' }] })).toBe(
      'it is inside the site (' + site + ')',
    );
  });
});

describe('assertReplaceable', () => {
  it('accepts a missing folder, an empty one and one an earlier build marked', () => {
    const { root, places } = machine();
    const out = path.join(root, '_site');
    expect(() => assertReplaceable(out, use(places))).not.toThrow();
    fs.mkdirSync(out);
    expect(() => assertReplaceable(out, use(places))).not.toThrow();
    fs.writeFileSync(path.join(out, 'index.html'), '<p>');
    expect(() => assertReplaceable(out, use(places))).toThrow(OutputFolderError);
    fs.writeFileSync(path.join(out, BUILD_MARKER), '');
    expect(() => assertReplaceable(out, use(places))).not.toThrow();
  });

  it('refuses a file, a link, and a marker that is only a link to a file', () => {
    const { top, root, places } = machine();
    const file = path.join(root, 'notes.txt');
    fs.writeFileSync(file, 'mine');
    expect(() => assertReplaceable(file, use(places))).toThrow(
      `${file} can not be the output: it is a file, not a folder. Choose another.`,
    );
    const elsewhere = path.join(top, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(elsewhere, path.join(root, '_site'));
    expect(() => assertReplaceable(path.join(root, '_site'), use(places))).toThrow(/is a symbolic link to/);
    const out = path.join(top, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), '<p>');
    fs.symlinkSync(file, path.join(out, BUILD_MARKER));
    expect(() => assertReplaceable(out, use(places))).toThrow(/has no \.dispatch-build file/);
  });
});

describe('emptyOutputFolder', () => {
  it('empties a marked folder and marks it again, as a preview by this process', () => {
    const { root, places } = machine();
    const out = path.join(root, '_site');
    fs.mkdirSync(path.join(out, 'articles'), { recursive: true });
    fs.writeFileSync(path.join(out, BUILD_MARKER), '');
    fs.writeFileSync(path.join(out, 'articles', 'deleted.html'), '<p>');
    emptyOutputFolder(out, use(places));
    expect(fs.readdirSync(out).sort()).toEqual([BUILD_MARKER, PREVIEW_MARKER]);
    expect(previewOf(out)).toEqual({ pid: process.pid });
  });

  it('refuses a folder another running dev server previews into, and empties one whose dev server has ended', () => {
    const { root, places } = machine();
    const out = path.join(root, '_site');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, BUILD_MARKER), '');
    // The process that started this test runner is running, and is not this one.
    fs.writeFileSync(path.join(out, PREVIEW_MARKER), `${process.ppid}\n`);
    expect(() => emptyOutputFolder(out, use(places))).toThrow(`npm start (process ${process.ppid}) is previewing into it`);
    fs.writeFileSync(path.join(out, PREVIEW_MARKER), '999999999\n');
    emptyOutputFolder(out, use(places));
    expect(previewOf(out)).toEqual({ pid: process.pid });
  });

  it("leaves a folder with someone else's files alone", () => {
    const { top, places } = machine();
    const out = path.join(top, 'documents');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'letter.txt'), 'mine');
    expect(() => emptyOutputFolder(out, use(places))).toThrow(OutputFolderError);
    expect(fs.readdirSync(out)).toEqual(['letter.txt']);
  });
});

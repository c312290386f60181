// `npm run build` and `npm start` pointed at a folder they must not replace or empty: they refuse, name the
// folder and why, and leave every file where it was. Each runs in a copy of the project, so a regression
// damages only the copy.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../../src/build/output-folder.ts';
import { copyProject, npmRun, snapshot } from '../helpers/project-copy.ts';
import { buildInto, copyContent, seedSlug, tempDir } from '../helpers/site.ts';

let root: string;
beforeAll(() => {
  root = copyProject();
});

/** Runs `npm run build` with `env` and checks that it failed, leaving `watched` (default: the copy and its parent) as it was. */
function refusedBuild(env: Record<string, string>, watched = [path.dirname(root)]) {
  const before = watched.map(snapshot);
  const result = npmRun(root, 'build', env);
  expect(result.status, result.stdout).toBe(1);
  expect(watched.map(snapshot)).toEqual(before);
  return result.stderr;
}

describe('npm run build refuses an output folder it must not replace', () => {
  it('OUTPUT_DIR=. (the project itself)', () => {
    const stderr = refusedBuild({ OUTPUT_DIR: '.' });
    expect(stderr).toContain(`${root} can not be the build's output folder: it is the project folder.`);
    expect(stderr).toContain('Set OUTPUT_DIR to a folder of its own (the default is _site).');
  });

  it('OUTPUT_DIR=content (the articles)', () => {
    const stderr = refusedBuild({ OUTPUT_DIR: 'content' });
    expect(stderr).toContain("content can not be the build's output folder: it is the content folder.");
  });

  it('OUTPUT_DIR=.. (a folder that holds the project)', () => {
    const stderr = refusedBuild({ OUTPUT_DIR: '..' });
    expect(stderr).toContain(`can not be the build's output folder: it holds the project folder (${root})`);
  });

  it('an ancestor of a content folder outside the project', () => {
    const site = path.join(tempDir(), 'site');
    fs.cpSync(path.join(root, 'content'), path.join(site, 'content'), { recursive: true });
    const stderr = refusedBuild({ OUTPUT_DIR: site, CONTENT_DIR: path.join(site, 'content') }, [path.dirname(site)]);
    expect(stderr).toContain(`${site} can not be the build's output folder: it holds the content folder`);
  });

  it('a folder inside the content folder', () => {
    const stderr = refusedBuild({ OUTPUT_DIR: 'content/_site' });
    expect(stderr).toContain("content/_site can not be the build's output folder: it is inside the content folder");
  });

  it("a folder inside the project's templates", () => {
    const stderr = refusedBuild({ OUTPUT_DIR: 'templates/out' });
    expect(stderr).toContain("it is inside the project's templates/ folder");
  });

  it('a link that leads to the project', () => {
    const link = path.join(tempDir(), 'out');
    fs.symlinkSync(root, link);
    const stderr = refusedBuild({ OUTPUT_DIR: link });
    expect(stderr).toContain(`${link} (really ${root}) can not be the build's output folder: it is the project folder.`);
  });

  it("a folder no build wrote, which holds someone's files", () => {
    const folder = path.join(tempDir(), 'photos');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'holiday.jpg'), 'not a site');
    const stderr = refusedBuild({ OUTPUT_DIR: folder }, [path.dirname(folder), root]);
    expect(stderr).toContain(`${folder} can not be the build's output folder: it is not empty and has no ${BUILD_MARKER} file`);
    expect(stderr).toContain('If it holds an old build, delete it yourself');
  });

  it('a link to a folder elsewhere, which it leaves in place', () => {
    const parent = tempDir();
    const target = path.join(parent, 'real-site');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, BUILD_MARKER), '');
    fs.symlinkSync(target, path.join(parent, '_site'));
    const stderr = refusedBuild({ OUTPUT_DIR: path.join(parent, '_site') }, [parent]);
    expect(stderr).toContain(`_site is a symbolic link to ${target}`);
  });
});

describe('npm run build replaces what an earlier build wrote', () => {
  it('builds over an earlier build, and removes the staging folder a killed build left', () => {
    const parent = tempDir();
    const out = path.join(parent, '_site');
    const first = npmRun(root, 'build', { OUTPUT_DIR: out });
    expect(first.status, first.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, BUILD_MARKER))).toBe(true);
    fs.writeFileSync(path.join(out, 'stale.html'), 'from the earlier build');
    // What a build killed while rendering leaves: its staging folder, named after a process that has ended.
    const killed = path.join(parent, '._site.staging-999999999-abcdef');
    fs.mkdirSync(path.join(killed, 'articles'), { recursive: true });
    fs.writeFileSync(path.join(killed, BUILD_MARKER), '');
    fs.writeFileSync(path.join(killed, 'articles', 'half.html'), '<p>half a page');

    const second = npmRun(root, 'build', { OUTPUT_DIR: out });
    expect(second.status, second.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'articles', seedSlug, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'stale.html'))).toBe(false);
    expect(fs.readdirSync(parent)).toEqual(['_site']);
  });
});

describe('a page whose permalink climbs out of the output folder', () => {
  it('stops the build, naming the page, and nothing is written beside the site', async () => {
    const content = copyContent((dir) =>
      // Written as a template, so only the build can tell where it leads (the check refuses a plain ../ path).
      fs.writeFileSync(path.join(dir, 'escape.md'), `---\ntitle: Escape\npermalink: "{{ '..' }}/package.json"\n---\nOverwritten.\n`),
    );
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'package.json'), '{"name": "mine"}');
    await expect(buildInto(content, path.join(parent, '_site'))).rejects.toThrow(
      `${path.join(content, 'escape.md')}: it would be written to ${path.join(parent, 'package.json')}, outside the output folder`,
    );
    expect(fs.readdirSync(parent)).toEqual(['package.json']);
    expect(fs.readFileSync(path.join(parent, 'package.json'), 'utf8')).toBe('{"name": "mine"}');
  });
});

describe('npm start refuses an output folder it must not empty', () => {
  it('OUTPUT_DIR=content, before it starts a server', async () => {
    const before = snapshot(root);
    const child = spawn('npm', ['run', '--silent', 'start'], {
      cwd: root,
      env: { ...process.env, OUTPUT_DIR: 'content', CONTENT_DIR: '', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("npm start: content can not be npm start's output folder: it is the content folder.");
    expect(snapshot(root)).toEqual(before);
  });
});

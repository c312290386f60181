// A throwaway copy of the project (its code, templates and content; node_modules linked), for running the
// real commands with settings that would damage the project if they went wrong: only the copy is at risk.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../src/shared/paths.ts';
import type { CliResult } from './cli.ts';
import { tempDir } from './site.ts';

const COPIED = ['.eleventy.js', 'package.json', 'tsconfig.json', 'src', 'templates', 'content'];

/** A copy of the project in a fresh temp folder (returned: the copy's root, `<temp>/project`). */
export function copyProject(): string {
  const root = path.join(tempDir('dispatch-project-'), 'project');
  for (const entry of COPIED) fs.cpSync(path.join(projectRoot, entry), path.join(root, entry), { recursive: true });
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'));
  return root;
}

/** `npm run <script>` in the copy, as a user would type it there, with `env` added to the environment. */
export function npmRun(root: string, script: string, env: Record<string, string> = {}, args: string[] = []): CliResult {
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: '', OUTPUT_DIR: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file and folder under `dir` (links not followed, node_modules left out) with its size: what "nothing changed" compares. */
export function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !path.relative(dir, path.join(entry.parentPath, entry.name)).startsWith('node_modules'))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const size = entry.isFile() ? fs.statSync(file).size : entry.isDirectory() ? 'dir' : 'link';
      return `${path.relative(dir, file)} ${size}`;
    })
    .sort();
}

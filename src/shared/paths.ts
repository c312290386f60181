// Where content comes from and where output goes: CONTENT_DIR and OUTPUT_DIR, resolved once.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where templates/ lives), independent of the current directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProjectPaths {
  contentDir: string;
  outputDir: string;
  templatesDir: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ProjectPaths {
  return {
    contentDir: path.resolve(cwd, env.CONTENT_DIR || 'content'),
    outputDir: path.resolve(cwd, env.OUTPUT_DIR || '_site'),
    templatesDir: path.join(projectRoot, 'templates'),
  };
}

/** A path as an editor would recognise it: relative to the current directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

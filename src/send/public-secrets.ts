// Secrets that are not secret: an unsubscribe secret written in the project's own files (the development
// secret in the source, an example in the docs, a test's fixture, a note in the content) lets anyone who
// reads them forge unsubscribe links, so real mail is never signed with one.
import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../shared/paths.ts';

/** The project's own folders and files whose text is, or may become, public. */
const PROJECT_TEXT = ['README.md', 'package.json', '.eleventy.js', '.ci', 'src', 'templates', 'docs', 'tests', 'bench'];
/** Larger files are not text anyone would copy a secret from (and reading them would slow every send). */
const MAX_FILE_BYTES = 4_000_000;

/** Every regular file under `entry` (a file or folder), links not followed. */
function filesUnder(entry: string): string[] {
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(entry);
  } catch {
    return [];
  }
  if (stats.isFile()) return [entry];
  if (!stats.isDirectory()) return [];
  return fs
    .readdirSync(entry, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile() && dirent.name !== 'node_modules')
    .map((dirent) => path.join(dirent.parentPath, dirent.name));
}

/** The first of the project's files (under `projectRoot`) or the content's that holds `secret` verbatim, or undefined. */
export function fileHoldingSecret(secret: string, projectRoot: string, contentDir: string): string | undefined {
  const needle = Buffer.from(secret);
  const places = [...PROJECT_TEXT.map((entry) => path.join(projectRoot, entry)), contentDir];
  for (const file of places.flatMap(filesUnder)) {
    if (file.split(path.sep).includes('node_modules')) continue;
    try {
      if (fs.statSync(file).size > MAX_FILE_BYTES) continue;
      if (fs.readFileSync(file).includes(needle)) return file;
    } catch {
      // A file removed or unreadable while looking is not one anyone copies the secret from.
    }
  }
  return undefined;
}

/** Why `secret` may not sign real mail, or undefined: it is `devSecret`, or it is written in one of the project's files. */
export function publicSecretProblem(secret: string, devSecret: string, projectRoot: string, contentDir: string): string | undefined {
  if (secret === devSecret) {
    return (
      'UNSUBSCRIBE_SECRET is the development secret, which is printed in outbox warnings and written in the source: ' +
      'anyone could forge unsubscribe links signed with it. Set a random secret of your own for real sends (openssl rand -base64 32)'
    );
  }
  const file = fileHoldingSecret(secret, projectRoot, contentDir);
  if (file === undefined) return undefined;
  return (
    `UNSUBSCRIBE_SECRET is written in the project's own files (${displayPath(file)}), so whoever can read them could forge ` +
    'unsubscribe links signed with it. Set a random secret kept out of the project for real sends (openssl rand -base64 32), ' +
    'and give the unsubscribe endpoint the same one'
  );
}

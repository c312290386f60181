// What `npm run new` writes: files that must not exist yet, written whole or not at all, with front-matter
// values quoted so that a colon or a quote in a headline is kept as written.
import fs from 'node:fs';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { displayPath } from '../shared/paths.ts';

/** A file to create, and its text. */
export interface NewFile {
  file: string;
  text: string;
}

/** Why nothing was written, in words for the editor. */
export class NewContentError extends Error {
  override name = 'NewContentError';
}

/** A YAML double-quoted scalar (JSON's string syntax is YAML's): "Seoul: a headline" stays one value. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** An instant as front matter writes it: to the minute, with the site zone's offset ("2025-06-24T09:00:00+09:00"). */
export function frontMatterTime(instant: DateTime, zone: string): string {
  const local = instant.setZone(zone).startOf('minute');
  if (!local.isValid) throw new NewContentError(`"${zone}" is not a time zone this machine knows`);
  return local.toISO({ suppressMilliseconds: true }) ?? '';
}

/**
 * Writes every file, creating folders as needed, or none: a file that exists already is never overwritten, and
 * is named. Returns the files as messages show them.
 */
export function writeNewFiles(files: readonly NewFile[]): string[] {
  const existing = files.filter(({ file }) => fs.existsSync(file));
  if (existing.length) {
    throw new NewContentError(
      `${existing.map(({ file }) => displayPath(file)).join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written`,
    );
  }
  const written: string[] = [];
  try {
    for (const { file, text } of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // 'wx' fails if the file appeared since the check above: someone else's file is never replaced.
      fs.writeFileSync(file, text, { flag: 'wx' });
      written.push(file);
    }
  } catch (error) {
    for (const file of written) fs.rmSync(file, { force: true });
    throw error;
  }
  return written.map((file) => displayPath(file));
}

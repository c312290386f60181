// `npm run build`: the content model read and checked, then rendered by Eleventy into a staging folder that
// replaces the output only when everything succeeded, so a failed build leaves the last good site in place.
import fs from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { checkContent } from '../check/check.ts';
import { configureSite, eleventyPath, ENGINES_CONFIG_FILE, type SiteSession } from '../eleventy/index.ts';
import { buildStateOf } from '../eleventy/session.ts';
import type { PictureCounts } from '../images/picture-build-memo.ts';
import { displayPath, projectRoot } from '../shared/paths.ts';
import { discard, makeStagingDir, prepareOutputFolder, swapIntoPlace } from './swap.ts';

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  quiet?: boolean;
  /** Where encoded pictures and drawn cards are kept between builds; .cache/ in the project by default. */
  pictureCacheDir?: string;
}

export interface BuildResult {
  outputDir: string;
  files: number;
  /** Pictures encoded and cards drawn by this build, and those taken from the cache. */
  pictures: PictureCounts;
}

export async function buildSite({ contentDir, outputDir, quiet = true, pictureCacheDir }: BuildOptions): Promise<BuildResult> {
  // The output folder is checked (never the project, the content, nor a folder no build of ours wrote), an
  // interrupted swap is undone and abandoned staging folders are cleared, before anything is read.
  const restored = await prepareOutputFolder(outputDir, contentDir);
  if (restored)
    console.warn(`${displayPath(outputDir)}/ was missing after an interrupted build; restored it from ${displayPath(restored)}/`);
  // Every problem in the tree, named by file and field, before anything is rendered; nothing is written then.
  const state = buildStateOf(checkContent(contentDir, { numerals: false }));
  const session: SiteSession = {
    contentDir,
    templatesDir: path.join(projectRoot, 'templates'),
    serving: false,
    state: () => state,
    ...(pictureCacheDir === undefined ? {} : { pictureCacheDir }),
  };
  const staging = await makeStagingDir(outputDir);
  try {
    const eleventy = new Eleventy(eleventyPath(contentDir), staging, {
      configPath: ENGINES_CONFIG_FILE,
      quietMode: quiet,
      config: (config) => configureSite(config, session),
    });
    // Quiet builds report for themselves: the caller prints what Eleventy threw.
    if (quiet) eleventy.disableLogger();
    await eleventy.write();
    const files = await countFiles(staging);
    await swapIntoPlace(staging, outputDir);
    return { outputDir, files, pictures: { ...state.publication.pictures.counts } };
  } catch (error) {
    await discard(staging);
    throw rootCause(error);
  }
}

/** The files in the output, counted on disk: Eleventy's own list leaves out what events write. */
async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/** Eleventy wraps errors several layers deep ("Having trouble rendering…"); the innermost names the file and field. */
export function rootCause(error: unknown): Error {
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const next = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (!next) break;
    current = next;
  }
  return current instanceof Error ? current : new Error(String(current));
}

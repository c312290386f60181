// Builds the whole site (and digests) with Eleventy's programmatic API into a staging dir, then swaps it in.
import fs from 'node:fs/promises';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { forgetPreloadedFacts, preloadFacts } from '../eleventy/state.ts';
import { checkContentInWorker } from './check-in-worker.ts';
import { ContentError } from '../content/errors.ts';
import { displayPath, projectRoot } from '../content/paths.ts';
import { frontMatterProblem } from '../content/front-matter.ts';
import { discard, makeStagingDir, prepareOutputFolder, swapIntoPlace } from './swap.ts';

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  quiet?: boolean;
}

export interface BuildResult {
  outputDir: string;
  files: number;
}

export async function buildSite({ contentDir, outputDir, quiet = true }: BuildOptions): Promise<BuildResult> {
  // The whole tree is validated while Eleventy renders it into a staging folder (the check runs on the
  // other core). If the check finds problems, they are what the editor sees — every one, named by file
  // and field — whatever Eleventy's own parsing made of the bad input, and nothing is swapped in.
  const restored = await prepareOutputFolder(outputDir, contentDir);
  if (restored)
    console.warn(`${displayPath(outputDir)}/ was missing after an interrupted build; restored it from ${displayPath(restored)}/`);
  const staging = await makeStagingDir(outputDir);
  const check = checkContentInWorker(contentDir);
  preloadFacts(contentDir, () => check.facts());
  // The config reads CONTENT_DIR, so the Eleventy instance and our loaders agree on the content tree.
  process.env.CONTENT_DIR = contentDir;
  const building = (async () => {
    const input = path.relative(process.cwd(), contentDir) || '.';
    const eleventy = new Eleventy(input, staging, {
      configPath: path.join(projectRoot, '.eleventy.js'),
      quietMode: quiet,
    });
    // Quiet builds report for themselves: Eleventy would print its own account of failures that the
    // content check (running at the same time) names better, and the caller prints what Eleventy threw.
    if (quiet) eleventy.disableLogger();
    return eleventy.write();
  })();
  const [checked, built] = await Promise.allSettled([check.errors, building]);
  forgetPreloadedFacts();
  try {
    if (checked.status === 'rejected') throw checked.reason;
    if (checked.value.length) throw new ContentError(checked.value);
    if (built.status === 'rejected') throw rootCause(built.reason);
    const files = await countFiles(staging);
    await swapIntoPlace(staging, outputDir);
    return { outputDir, files };
  } catch (error) {
    await discard(staging);
    throw error;
  }
}

/** The files in the output, counted on disk: Eleventy's own list leaves out what passthrough and events write. */
async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/**
 * Eleventy wraps errors several layers deep ("Having trouble rendering…"); editors need the innermost
 * message, which names their file and field. Where that message is a YAML parser's, which names no
 * file, the file comes from the wrapper that says which template's front matter it was reading.
 */
export function rootCause(error: unknown): Error {
  let current: unknown = error;
  let template: string | undefined;
  const seen = new Set<unknown>();
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const named = /front matter from template (.+)$/.exec(String((current as { message?: unknown }).message));
    if (named?.[1]) template = named[1];
    const next = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (!next) break;
    current = next;
  }
  if (template && (current as { name?: unknown }).name === 'YAMLException') {
    return new Error(frontMatterProblem(displayPath(path.resolve(template)), current));
  }
  return current instanceof Error ? current : new Error(String(current));
}

// Builds the whole site (and digests) with Eleventy's programmatic API into a staging dir, then swaps it in.
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { forgetPreloadedFacts, preloadFacts } from '../eleventy/state.ts';
import { checkContentInWorker } from './check-in-worker.ts';
import { ContentError } from '../content/errors.ts';
import { projectRoot } from '../content/paths.ts';
import { discard, makeStagingDir, swapIntoPlace } from './swap.ts';

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
  const staging = await makeStagingDir(outputDir);
  const check = checkContentInWorker(contentDir);
  preloadFacts(contentDir, check.facts);
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
    await swapIntoPlace(staging, outputDir);
    return { outputDir, files: countWritten(built.value) };
  } catch (error) {
    await discard(staging);
    throw error;
  }
}

function countWritten(result: unknown): number {
  if (Array.isArray(result)) return result.flat(Infinity).filter((entry) => entry && typeof entry === 'object' && 'outputPath' in entry).length;
  return 0;
}

/**
 * Eleventy wraps errors several layers deep ("Having trouble rendering…"); editors need the innermost
 * message, which names their file and field.
 */
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

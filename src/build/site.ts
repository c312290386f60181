// Builds the whole site (and digests) with Eleventy's programmatic API into a staging dir, then swaps it in.
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { checkContent } from '../content/check.ts';
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
  // Validate everything first, so an editor sees every problem at once, named by file and field,
  // before Eleventy's own parsing (of dates, say) can fail with a less helpful message.
  const { errors } = checkContent(contentDir);
  if (errors.length) throw new ContentError(errors);
  // The config reads CONTENT_DIR, so the Eleventy instance and our loaders agree on the content tree.
  process.env.CONTENT_DIR = contentDir;
  const staging = await makeStagingDir(outputDir);
  try {
    const input = path.relative(process.cwd(), contentDir) || '.';
    const eleventy = new Eleventy(input, staging, {
      configPath: path.join(projectRoot, '.eleventy.js'),
      quietMode: quiet,
    });
    const written = await eleventy.write();
    await swapIntoPlace(staging, outputDir);
    return { outputDir, files: countWritten(written) };
  } catch (error) {
    await discard(staging);
    throw rootCause(error);
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

// Publishing a build: write beside the output, then swap, so a failed build loses nothing. The swap is two
// renames, each atomic: for the moment between them the output folder is absent, and a process killed in
// that moment leaves the last good site beside it, which the next build puts back (recoverInterruptedSwap).
import fs from 'node:fs/promises';
import path from 'node:path';

const retiredSuffix = '.previous';

/** The name every staging folder of `outputDir` starts with: `.<name>.staging-`, beside it. */
function stagingPrefix(outputDir: string): string {
  return `.${path.basename(outputDir)}.staging-`;
}

/**
 * Puts back the last good site when a swap was interrupted between its two renames: `outputDir` is
 * missing and the site it held waits beside it as `.<name>.staging-….previous`. Returns what it restored.
 */
export async function recoverInterruptedSwap(outputDir: string): Promise<string | undefined> {
  const parent = path.dirname(outputDir);
  const prefix = stagingPrefix(outputDir);
  if (await exists(outputDir)) return undefined;
  let names: string[];
  try {
    names = await fs.readdir(parent);
  } catch {
    return undefined;
  }
  const retired = await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith(retiredSuffix))
      .map(async (n) => ({ dir: path.join(parent, n), at: (await fs.stat(path.join(parent, n))).mtimeMs })),
  );
  const newest = retired.sort((a, b) => b.at - a.at)[0];
  if (!newest) return undefined;
  await fs.rename(newest.dir, outputDir);
  return newest.dir;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** A fresh sibling directory of `outputDir` to build into (same filesystem, so rename is atomic). */
export async function makeStagingDir(outputDir: string): Promise<string> {
  const parent = path.dirname(outputDir);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, stagingPrefix(outputDir)));
  // mkdtemp creates 0700; a published folder must be readable by the web server.
  await fs.chmod(staging, 0o755);
  return staging;
}

/** Replaces `outputDir` with `stagingDir`; the old output is removed only after the new one is in place. */
export async function swapIntoPlace(stagingDir: string, outputDir: string): Promise<void> {
  const retired = `${stagingDir}${retiredSuffix}`;
  let hadPrevious = true;
  try {
    await fs.rename(outputDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadPrevious = false;
  }
  try {
    await fs.rename(stagingDir, outputDir);
  } catch (error) {
    if (hadPrevious) await fs.rename(retired, outputDir);
    throw error;
  }
  if (hadPrevious) await fs.rm(retired, { recursive: true, force: true });
}

export async function discard(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

// Publishing a build atomically: write beside the output, then swap, so a failed build loses nothing.
import fs from 'node:fs/promises';
import path from 'node:path';

/** A fresh sibling directory of `outputDir` to build into (same filesystem, so rename is atomic). */
export async function makeStagingDir(outputDir: string): Promise<string> {
  const parent = path.dirname(outputDir);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(outputDir)}.staging-`));
  // mkdtemp creates 0700; a published folder must be readable by the web server.
  await fs.chmod(staging, 0o755);
  return staging;
}

/** Replaces `outputDir` with `stagingDir`; the old output is removed only after the new one is in place. */
export async function swapIntoPlace(stagingDir: string, outputDir: string): Promise<void> {
  const retired = `${stagingDir}.previous`;
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

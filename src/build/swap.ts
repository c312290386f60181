// Publishing a build: write beside the output, then swap, so a failed build loses nothing. The swap is two
// renames, each atomic: for the moment between them the output folder is absent, and a process killed in
// that moment leaves the last good site beside it, which the next build puts back (recoverInterruptedSwap).
// A staging folder's name carries the id of the process that builds in it, so the next build can tell the
// folders of a killed build (removed) from those of a build still running (left alone).
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertNoRunningPreview, assertReplaceable, isMarked, writeBuildMarker } from '../shared/output-folder.ts';

const retiredSuffix = '.previous';

/** The name every staging folder of `outputDir` starts with: `.<name>.staging-`, beside it. */
function stagingPrefix(outputDir: string): string {
  return `.${path.basename(outputDir)}.staging-`;
}

interface StagingFolder {
  dir: string;
  /** the site a swap moved aside (`….previous`), rather than a build in progress */
  retired: boolean;
  /** the process that made it, when its name says (`.<name>.staging-<pid>-<random>`) */
  owner: number | undefined;
}

/** The staging and retired folders beside `outputDir` (folders only, never links). */
async function stagingFolders(outputDir: string): Promise<StagingFolder[]> {
  const parent = path.dirname(outputDir);
  const prefix = stagingPrefix(outputDir);
  let entries;
  try {
    entries = await fs.readdir(parent, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => {
      const owner = /^(\d+)-/.exec(entry.name.slice(prefix.length))?.[1];
      return {
        dir: path.join(parent, entry.name),
        retired: entry.name.endsWith(retiredSuffix),
        owner: owner === undefined ? undefined : Number(owner),
      };
    });
}

/** Whether the build that made a staging folder may still be using it. */
function ownerRunning({ owner }: StagingFolder): boolean {
  if (owner === undefined) return false;
  if (owner === process.pid) return true;
  try {
    process.kill(owner, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Readies `outputDir` for a build: refuses it when a build may not replace it (OutputFolderError, see
 * assertReplaceable) or a dev server is previewing into it, puts back a site an interrupted swap left aside, and removes what killed builds left
 * beside it. Returns the retired folder it put back, if any.
 */
export async function prepareOutputFolder(outputDir: string, contentDir: string): Promise<string | undefined> {
  const use = { label: "the build's output folder", hint: 'Set OUTPUT_DIR to a folder of its own (the default is _site).', contentDir };
  assertReplaceable(outputDir, use);
  assertNoRunningPreview(outputDir, use);
  const restored = await recoverInterruptedSwap(outputDir);
  await removeAbandonedStaging(outputDir);
  return restored;
}

/**
 * Puts back the last good site when a swap was interrupted between its two renames: `outputDir` is
 * missing and the site it held waits beside it as `.<name>.staging-….previous`. Returns what it restored.
 * A retired site whose build is still running is its own to put back or remove.
 */
export async function recoverInterruptedSwap(outputDir: string): Promise<string | undefined> {
  if (await exists(outputDir)) return undefined;
  const retired = await Promise.all(
    (await stagingFolders(outputDir))
      .filter((folder) => folder.retired && !ownerRunning(folder))
      .map(async ({ dir }) => ({ dir, at: (await fs.stat(dir)).mtimeMs })),
  );
  const newest = retired.sort((a, b) => b.at - a.at)[0];
  if (!newest) return undefined;
  await fs.rename(newest.dir, outputDir);
  return newest.dir;
}

/**
 * Removes what killed builds left beside `outputDir`: their staging folders, and the sites their swaps moved
 * aside once `outputDir` is back in place. Folders of builds still running are left alone, and so is any folder
 * that holds files but no build marker (so nothing a build did not write). Returns the folders removed.
 */
export async function removeAbandonedStaging(outputDir: string): Promise<string[]> {
  const outputThere = await exists(outputDir);
  const removed: string[] = [];
  for (const folder of await stagingFolders(outputDir)) {
    if (ownerRunning(folder) || (folder.retired && !outputThere)) continue;
    if (!isMarked(folder.dir) && (await fs.readdir(folder.dir)).length > 0) continue;
    await fs.rm(folder.dir, { recursive: true, force: true });
    removed.push(folder.dir);
  }
  return removed;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh sibling directory of `outputDir` to build into (same filesystem, so rename is atomic), named after
 * this process and marked as a build's output from the start.
 */
export async function makeStagingDir(outputDir: string): Promise<string> {
  const parent = path.dirname(outputDir);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `${stagingPrefix(outputDir)}${process.pid}-`));
  // mkdtemp creates 0700; a published folder must be readable by the web server.
  await fs.chmod(staging, 0o755);
  writeBuildMarker(staging);
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

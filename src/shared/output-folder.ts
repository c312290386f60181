// Which folders the commands may write into, and which they may replace or empty. A build replaces its
// output folder entirely and `npm start` empties it, so neither may be pointed at the project, its content,
// a folder that holds either, the project's own code, the home folder or `/`; and they replace or empty
// only a folder that a build of this project wrote, recognised by the marker file every build leaves in it.
// `send` only adds files to its outbox, but the same places are refused for it (and the published site too).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayPath, projectRoot } from './paths.ts';
import { processIsAlive } from './process.ts';

/** The file every build and `npm start` writes at the top of its output: "an earlier build wrote this folder". */
export const BUILD_MARKER = '.dispatch-build';

/** Always the same bytes, so a rebuild of the same content writes the same files. */
const BUILD_MARKER_TEXT =
  'This folder was written by `npm run build` (or `npm start`) of the dispatch newsletter generator.\n' +
  'The next build replaces it entirely. Without this file, a build refuses to replace the folder.\n';

/** The project's own folders, relative to its root: nothing is ever written inside them. */
const PROJECT_FOLDERS = ['.git', '.ci', 'node_modules', 'src', 'templates', 'tests', 'docs', 'bench'];

export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** What a folder must stay out of. */
export interface FolderPlaces {
  contentDir: string;
  /** folders it may not be inside either, with what they are: the published site, for an outbox */
  notInside?: ReadonlyArray<{ dir: string; what: string }>;
  /** the project's root; the repository's own by default */
  root?: string;
  /** the user's home folder; os.homedir() by default */
  home?: string;
}

export interface FolderUse extends FolderPlaces {
  /** what the folder is for, as the messages name it: "the build's output folder" */
  label: string;
  /** what to do instead, one sentence: "Set OUTPUT_DIR to a folder of its own (the default is _site)." */
  hint: string;
}

/** `file` with every symbolic link resolved, also when `file` itself (or a few of its last parts) does not exist yet. */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** True when `inner` is `outer` or inside it (both real, absolute paths). */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Why `dir` may not be used at all, or undefined: it is `/`, the home folder, the project, the content folder
 * or a folder holding one of them, inside the content folder or one of the project's own folders, or inside
 * one of `use.notInside`. Symbolic links are resolved first, so a link cannot lead around the rule.
 */
export function folderLocationProblem(dir: string, use: FolderPlaces, { holding = true }: { holding?: boolean } = {}): string | undefined {
  const real = realPath(dir);
  const root = realPath(use.root ?? projectRoot);
  const content = realPath(use.contentDir);
  const home = realPath(use.home ?? os.homedir());
  const holds = (what: string, other: string) => (real === other ? `it is ${what}` : `it holds ${what} (${displayPath(other)})`);
  if (real === path.parse(real).root) return 'it is the root of the file system';
  // A folder that is replaced or emptied must not hold what matters; one that only gets a file written into it may.
  if (holding && within(home, real)) return holds('your home folder', home);
  if (holding && within(root, real)) return holds('the project folder', root);
  if (holding && within(content, real)) return holds('the content folder', content);
  if (within(real, content))
    return `it is inside the content folder (${displayPath(content)}), so what is written there would be read back as content`;
  for (const folder of PROJECT_FOLDERS) {
    const own = path.join(root, folder);
    if (within(real, own)) return `it is inside the project's ${folder}/ folder`;
  }
  for (const { dir: other, what } of use.notInside ?? []) {
    if (within(real, realPath(other))) return `it is inside ${what} (${displayPath(other)})`;
  }
  return undefined;
}

/** Why a page may not be written to `file`: it is outside the output folder `dir` (a permalink with `..`, say), or undefined. */
export function outsideOutputProblem(file: string, dir: string): string | undefined {
  if (within(path.resolve(file), path.resolve(dir))) return undefined;
  return `it would be written to ${path.resolve(file)}, outside the output folder; a permalink must stay inside the site (no ".." that climbs out of it)`;
}

/** `dir`, as the messages show it, with its real place when a link leads elsewhere. */
function shown(dir: string): string {
  const real = realPath(dir);
  return real === path.resolve(dir) ? displayPath(dir) : `${displayPath(dir)} (really ${real})`;
}

/** Throws OutputFolderError, naming the folder and why, unless `dir` is a place `use` may write into. */
export function assertUsableFolder(dir: string, use: FolderUse): void {
  const problem = folderLocationProblem(dir, use);
  if (problem) throw new OutputFolderError(`${shown(dir)} can not be ${use.label}: ${problem}. ${use.hint}`);
}

/**
 * Throws OutputFolderError unless `dir` may be replaced or emptied: a usable place (assertUsableFolder), not a
 * symbolic link, and missing, empty, or holding BUILD_MARKER (an earlier build of this project wrote it).
 */
export function assertReplaceable(dir: string, use: FolderUse): void {
  assertUsableFolder(dir, use);
  let stats: fs.Stats;
  try {
    stats = fs.lstatSync(dir);
  } catch {
    return;
  }
  const name = displayPath(dir);
  if (stats.isSymbolicLink()) {
    throw new OutputFolderError(
      `${name} is a symbolic link to ${fs.readlinkSync(dir)}, and ${use.label} is replaced as a whole, so the link is left alone. ` +
        `Point it at the folder itself (${realPath(dir)}) or remove the link.`,
    );
  }
  if (!stats.isDirectory()) throw new OutputFolderError(`${name} can not be ${use.label}: it is a file, not a folder. ${use.hint}`);
  if (fs.readdirSync(dir).length === 0 || isMarked(dir)) return;
  throw new OutputFolderError(
    `${name} can not be ${use.label}: it is not empty and has no ${BUILD_MARKER} file, so no build of this project wrote it, ` +
      `and ${use.label} is replaced as a whole. If it holds an old build, delete it yourself; otherwise move its files away. ${use.hint}`,
  );
}

/** True when `dir` holds the marker an earlier build left (a regular file, not a link to one). */
export function isMarked(dir: string): boolean {
  try {
    return fs.lstatSync(path.join(dir, BUILD_MARKER)).isFile();
  } catch {
    return false;
  }
}

export function writeBuildMarker(dir: string): void {
  fs.writeFileSync(path.join(dir, BUILD_MARKER), BUILD_MARKER_TEXT);
}

/**
 * The file `npm start` writes beside BUILD_MARKER: "a preview is here", with drafts and pages of content that has
 * problems, so not a site to send from; it names the dev server's process, so no build replaces the folder under it.
 */
export const PREVIEW_MARKER = '.dispatch-preview';

/** The dev server that wrote `dir`, when its preview marker is there: its process id (undefined when unreadable). */
export function previewOf(dir: string): { pid: number | undefined } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, PREVIEW_MARKER), 'utf8');
  } catch {
    return undefined;
  }
  const pid = /^(\d+)\n/.exec(text)?.[1];
  return { pid: pid === undefined ? undefined : Number(pid) };
}

/**
 * Throws OutputFolderError when a dev server still running writes into `dir`: it would go on writing drafts into
 * whatever replaced the folder (a build, which would then publish them), or lose the pages it serves.
 */
export function assertNoRunningPreview(dir: string, use: FolderUse): void {
  const pid = previewOf(dir)?.pid;
  if (pid === undefined || pid === process.pid || !processIsAlive(pid)) return;
  throw new OutputFolderError(
    `${displayPath(dir)} can not be ${use.label}: npm start (process ${pid}) is previewing into it, drafts and all, and would go on writing there. ` +
      `Stop it first (if no npm start is running, another program has its process id: delete ${PREVIEW_MARKER} there), ` +
      `or ${use.hint.charAt(0).toLowerCase()}${use.hint.slice(1)}`,
  );
}

/**
 * `npm start`'s output folder, checked (assertReplaceable, and no other dev server writing into it), then emptied
 * and marked as a build's output and as a preview, so no page of a deleted file lingers.
 */
export function emptyOutputFolder(dir: string, use: FolderUse): void {
  assertReplaceable(dir, use);
  assertNoRunningPreview(dir, use);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  writeBuildMarker(dir);
  fs.writeFileSync(
    path.join(dir, PREVIEW_MARKER),
    `${process.pid}\nThis folder is a preview written by \`npm start\` (the process above): drafts included, content problems listed ` +
      'rather than stopping it. Do not publish or send from it; `npm run build` replaces it with the site.\n',
  );
}

// Where `send` may write: its outbox and its journal hold recipients' addresses, so they stay out of the
// published site, the content and the project's own folders (see src/shared/output-folder.ts).
import path from 'node:path';
import { folderLocationProblem, type FolderPlaces } from '../shared/output-folder.ts';
import { displayPath } from '../shared/paths.ts';

export interface SendFolders {
  /** the outbox folder, in outbox mode */
  outboxDir: string | undefined;
  journalFile: string;
  contentDir: string;
  /** the built site the digest is read from, and the build's output folder: both are published */
  siteDirs: readonly string[];
  cwd: string;
}

/** One problem per folder `send` may not write into, naming it and why; [] when both are fine. */
export function sendFolderProblems({ outboxDir, journalFile, contentDir, siteDirs, cwd }: SendFolders): string[] {
  const use: FolderPlaces = {
    contentDir,
    notInside: [...new Set(siteDirs)].map((dir) => ({ dir, what: 'the built site, which is published' })),
  };
  const problems: string[] = [];
  if (outboxDir !== undefined) {
    const problem = folderLocationProblem(outboxDir, use);
    if (problem) {
      problems.push(
        `${displayPath(outboxDir, cwd)} can not be the outbox: ${problem}. Pass --outbox a folder of its own (the default is outbox/<digest>).`,
      );
    }
  }
  const journalDir = path.dirname(journalFile);
  // The journal is one file, written beside whatever its folder holds: only where it would be published or read
  // back as content or code is it refused.
  const problem = folderLocationProblem(journalDir, use, { holding: false });
  if (problem) {
    problems.push(
      `${displayPath(journalFile, cwd)} can not be the send journal: its folder ${displayPath(journalDir, cwd)} is not a place to write to (${problem}). Pass --journal a file elsewhere.`,
    );
  }
  return problems;
}

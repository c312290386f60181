// Test projects for the send command: a temp copy of the fixture site, recipient lists, and ways to run the command.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseSendArgs } from '../../src/send/args.ts';
import { parseJournal, type JournalRecord } from '../../src/send/journal.ts';
import { systemClock, type Clock } from '../../src/send/rate-limit.ts';
import { runSend, type SendResult } from '../../src/send/run.ts';
import { openSubscriberList } from '../../src/subscriptions/send-list.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtureDir = path.join(repoRoot, 'tests/fixtures/send');

export const SLUG = '2025-06-27';
/** Made at random: a secret written in the project's files (this one included) would be refused for SMTP sends. */
export const SECRET = randomBytes(24).toString('base64url');
export const LIST_ID = 'digest.dispatch.example.org';

/** A throwaway project root: content/_data/site.json, suppressions.csv and site/digests/<slug>/. */
export function makeProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-send-'));
  fs.cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function recipientAddresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `reader${String(i + 1).padStart(2, '0')}@example.org`);
}

/** Writes `recipients.csv` with a name per address, or the given raw CSV text. */
export function writeRecipients(dir: string, recipients: string[] | string, file = 'recipients.csv'): string {
  const csv =
    typeof recipients === 'string' ? recipients : ['email,name', ...recipients.map((email, i) => `${email},Reader ${i + 1}`)].join('\n');
  fs.writeFileSync(path.join(dir, file), csv);
  return file;
}

export interface CapturedRun extends SendResult {
  stdout: string;
  stderr: string;
}

function capture() {
  return {
    text: '',
    isTTY: false,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

/** Runs the command in this process, with the same flag parsing as the CLI. */
export async function runInProcess(
  dir: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  clock: Clock = systemClock,
): Promise<CapturedRun> {
  const options = parseSendArgs(['--digest', SLUG, '--site', 'site', '--retry-base-ms', '5', ...args]);
  if (!options) throw new Error('--help given to runInProcess');
  const stdout = capture();
  const stderr = capture();
  const result = await runSend(options, {
    cwd: dir,
    env: { UNSUBSCRIBE_SECRET: SECRET, ...env },
    stdout,
    stderr,
    clock,
    openSubscriberList,
  });
  return { ...result, stdout: stdout.text, stderr: stderr.text };
}

/** Starts `tsx src/cli/send.ts` as one Node process (so SIGKILL really kills the sender, not a wrapper). */
export function spawnSend(
  dir: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): ChildProcess & { output: () => string } {
  let output = '';
  const tsxLoader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, path.join(repoRoot, 'src/cli/send.ts'), '--digest', SLUG, '--site', 'site', ...args],
    {
      cwd: dir,
      env: { PATH: process.env.PATH, UNSUBSCRIBE_SECRET: SECRET, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

export function readJournalRecords(file: string): JournalRecord[] {
  return parseJournal(fs.readFileSync(file, 'utf8'), file).records;
}

/** Resolves once `condition` holds, checking every few milliseconds; the test's own timeout bounds the wait. */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

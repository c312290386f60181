// `npm start` stops with npm: npm runs the script through a shell, so stopping npm used to leave the server
// running, holding its port and rewriting the output folder. Each case starts the real `npm start`, stops npm
// as a user or a process manager would, and waits for the server's process to be gone.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { copyContent, tempDir } from '../helpers/site.ts';

/** Every process whose parent chain reaches `root`, read from /proc. */
function descendants(root: number): Array<{ pid: number; command: string }> {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: the parent is the second field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while being read.
    }
  }
  const found: Array<{ pid: number; command: string }> = [];
  for (const pid of parents.keys()) {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up !== root) continue;
      const command = (() => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        } catch {
          return '';
        }
      })();
      found.push({ pid, command });
      break;
    }
  }
  return found;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    // A zombie has ended but is still listed until its parent reaps it.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const started: ChildProcess[] = [];
const servers: number[] = [];

afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const pid of servers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** `npm start` on a copy of the content, on a free port; resolves once it serves, with the server's process id. */
async function npmStart(): Promise<{ npm: ChildProcess; server: number; output: () => string }> {
  const npm = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: copyContent(), OUTPUT_DIR: path.join(tempDir(), '_site'), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, as a terminal gives a command: Ctrl-C signals the whole group.
    detached: true,
  });
  started.push(npm);
  let output = '';
  npm.stdout?.on('data', (chunk) => (output += chunk));
  npm.stderr?.on('data', (chunk) => (output += chunk));
  await vi.waitFor(() => expect(output).toMatch(/Server at http:\/\/127\.0\.0\.1:\d+/), { timeout: 90_000, interval: 200 });
  const server = descendants(npm.pid ?? -1).find((p) => p.command.includes('src/cli/serve.ts'));
  expect(server, 'the server process under npm').toBeDefined();
  servers.push(server!.pid);
  return { npm, server: server!.pid, output: () => output };
}

describe('npm start stops with npm', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)('when npm gets %s', async (signal) => {
    const { npm, server } = await npmStart();
    npm.kill(signal);
    await vi.waitFor(() => expect(alive(server), 'the server is still running').toBe(false), { timeout: 15_000, interval: 100 });
  });

  it('on Ctrl-C, which the terminal sends to npm, its shell and the server', async () => {
    const { npm, server } = await npmStart();
    process.kill(-(npm.pid ?? 0), 'SIGINT');
    await vi.waitFor(() => expect(alive(server), 'the server is still running').toBe(false), { timeout: 15_000, interval: 100 });
  });

  it('when npm is killed outright and cannot pass anything on', async () => {
    const { npm, server } = await npmStart();
    npm.kill('SIGKILL');
    await vi.waitFor(() => expect(alive(server), 'the server is still running').toBe(false), { timeout: 15_000, interval: 100 });
  });
});

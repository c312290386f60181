// Processes: whether one is alive (a lock or marker's owner), and how long-running commands (`npm start`) stop
// with whatever started them. npm runs a script through a shell
// (npm → sh → node): when npm is stopped or killed the shell may stay, so the server's own parent does not
// change, and a server left running holds its port and keeps rewriting the output folder. So the process stops
// on Ctrl-C, SIGTERM or a closed terminal (SIGHUP), and also when any of the processes that started it (its
// parent and theirs, up to ANCESTORS) has ended.
import fs from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How often the ancestors are looked at: often enough that a stopped `npm start` frees its port at once. */
const POLL_MS = 500;
/** The shell and npm above the server, and whatever ran npm. */
const ANCESTORS = 3;

interface Ancestor {
  pid: number;
  /** The kernel's start time, so a process that ended is not mistaken for a later one given its number. */
  started: string;
}

/** `pid`'s parent and start time from /proc (Linux), or undefined when it is gone or a zombie. */
function procStat(pid: number): { parent: number; started: string } | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // After the command name in parentheses (which may hold spaces): state, ppid, … starttime is the 20th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return { parent: Number(fields[1]), started: fields[19] ?? '' };
}

/** The processes above this one, nearest first, stopping below init; empty where /proc cannot be read. */
export function ancestors(limit = ANCESTORS): Ancestor[] {
  const found: Ancestor[] = [];
  for (let pid = process.ppid; pid > 1 && found.length < limit;) {
    const stat = procStat(pid);
    if (!stat) break;
    found.push({ pid, started: stat.started });
    pid = stat.parent;
  }
  return found;
}

/** Whether a process with this id exists (one owned by another user counts: signalling it is refused, not failed). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const running = (ancestor: Ancestor): boolean => procStat(ancestor.pid)?.started === ancestor.started;

/**
 * Runs `stop` once, then exits, on the first of: a stopping signal (exit code 0), or one of the processes that
 * started this one ending (exit code 1). Without /proc, a change of parent process is what tells.
 */
export function stopWithParent(stop: () => Promise<void>, options: { pollMs?: number } = {}): void {
  const parent = process.ppid;
  const above = ancestors();
  let stopping = false;
  const finish = (code: number) => {
    if (stopping) return;
    stopping = true;
    clearInterval(watch);
    // A server that will not stop is not a reason to keep running.
    setTimeout(() => process.exit(code), 5000).unref();
    void stop()
      .catch((error: unknown) => console.error(`stopping: ${(error as Error).message}`))
      .finally(() => process.exit(code));
  };
  for (const signal of SIGNALS) process.on(signal, () => finish(0));
  const watch = setInterval(() => {
    if (process.ppid !== parent || !above.every(running)) finish(1);
  }, options.pollMs ?? POLL_MS);
  watch.unref();
}

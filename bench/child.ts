// What the bench needs of the processes it runs: their command as package.json names it, and their peak memory.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/shared/paths.ts';

/** An npm script's command from package.json, as argv for this Node (it must start with `node `), so the bench runs what users run. */
export function scriptCommand(name: string): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const [program, ...args] = (scripts[name] ?? '').trim().split(/\s+/);
  if (program !== 'node') throw new Error(`bench: expected package.json's ${name} script to start with "node ", got "${scripts[name]}"`);
  return [process.execPath, ...args];
}

/** A file's text, or '' when it cannot be read (a page not written yet, a process that has ended). */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The kernel's high-water mark of a process's resident set (VmHWM), in KB; 0 when it cannot be read. */
export function highWaterMarkKb(pid: number | undefined): number {
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(readText(`/proc/${pid}/status`))?.[1] ?? 0);
}

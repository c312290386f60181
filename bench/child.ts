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

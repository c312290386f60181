// Runs a project command (src/cli/*.ts) as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/shared/paths.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: string[] = [], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src/cli', script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

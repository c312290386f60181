// Scores a message with Debian's SpamAssassin, local tests only (-L), in a throwaway home so nothing is learned or kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SpamScore {
  score: number;
  /** The rules that added or took points, e.g. `MISSING_HEADERS 0.9`; informational 0.0 rules left out. */
  rules: string[];
}

export function spamScore(message: Buffer): SpamScore {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-spamassassin-'));
  try {
    const run = spawnSync('spamassassin', ['-L', '-t'], {
      input: message,
      env: { ...process.env, HOME: home },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        "spamassassin not found: the spam-score tests need Debian's SpamAssassin (`apt-get install -y spamassassin`, which .ci/run does)",
      );
    }
    const report = run.stdout.toString('utf8');
    const score = /Content analysis details:\s+\((-?[\d.]+) points/.exec(report)?.[1];
    if (score === undefined)
      throw new Error(`spamassassin printed no score (exit ${run.status}): ${run.stderr.toString('utf8').slice(0, 500)}`);
    const table = report.slice(report.indexOf('Content analysis details:'));
    const rules = [...table.matchAll(/^\s*(-?\d+\.\d)\s+([A-Z0-9_]+)\s/gm)]
      .filter(([, points]) => Number(points) !== 0)
      .map(([, points, rule]) => `${rule} ${points}`);
    return { score: Number(score), rules };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

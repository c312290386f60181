/**
 * Load run of the subscription service: N readers subscribe (POST /subscribe, which records them and queues a
 * confirmation email to the outbox) and then confirm (GET /confirm), C at a time, against the service started as
 * `npm run subscriptions` starts it (a child process on 127.0.0.1), once on the embedded database and once on a
 * throwaway Postgres server (fsync on). Reports throughput and latency percentiles; asserts nothing.
 * Run: npm run bench:subscriptions -- [--subscribers 2000] [--concurrency 50] [--databases embedded,postgres]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/shared/paths.ts';
import { confirmationToken } from '../src/subscriptions/tokens.ts';
import { freePort, startTestPostgres, type TestPostgres } from '../tests/helpers/postgres.ts';

const SECRET = 'bench-unsubscribe-secret-0123456789';

interface PhaseResult {
  requests: number;
  failed: number;
  wallMs: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Runs `request(i)` for i in 0..count-1, `concurrency` at a time; each must resolve to true for success. */
async function phase(count: number, concurrency: number, request: (i: number) => Promise<boolean>): Promise<PhaseResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        const began = performance.now();
        const ok = await request(i).catch(() => false);
        latencies.push(performance.now() - began);
        if (!ok) failed += 1;
      }
    }),
  );
  const wallMs = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    requests: count,
    failed,
    wallMs,
    perSecond: (count / wallMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: latencies.at(-1) ?? 0,
  };
}

async function startService(workDir: string, env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const tsxLoader = pathToFileURL(path.join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsxLoader,
      path.join(projectRoot, 'src/cli/subscriptions.ts'),
      '--outbox',
      path.join(workDir, 'outbox'),
      '--subscribe-rate',
      '1000000',
    ],
    {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, UNSUBSCRIBE_SECRET: SECRET, PORT: String(port), ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while (!output.includes('listening on')) {
    if (child.exitCode !== null) throw new Error(`the service did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, origin: `http://127.0.0.1:${port}` };
}

async function stopService(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function runOn(database: string, options: { subscribers: number; concurrency: number }, postgres: () => Promise<TestPostgres>) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `dispatch-bench-subscriptions-${database}-`));
  try {
    const env: Record<string, string> =
      database === 'postgres'
        ? { DATABASE_URL: await (await postgres()).createDatabase(`bench_${Date.now()}`) }
        : { SUBSCRIBERS_DIR: path.join(workDir, 'db') };
    const { child, origin } = await startService(workDir, env);
    try {
      const email = (i: number) => `reader${i}@example.org`;
      const subscribe = await phase(options.subscribers, options.concurrency, async (i) => {
        const response = await fetch(`${origin}/subscribe`, {
          method: 'POST',
          body: new URLSearchParams({ email: email(i) }),
          redirect: 'manual',
        });
        await response.arrayBuffer();
        return response.status === 303;
      });
      const expires = new Date(Date.now() + 3_600_000);
      const confirm = await phase(options.subscribers, options.concurrency, async (i) => {
        const response = await fetch(`${origin}/confirm?token=${confirmationToken(SECRET, email(i), expires)}`, { redirect: 'manual' });
        await response.arrayBuffer();
        return response.status === 303;
      });
      return { database, subscribe, confirm };
    } finally {
      await stopService(child);
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    databases: { type: 'string', default: 'embedded,postgres' },
  },
});
const options = { subscribers: Number(values.subscribers), concurrency: Number(values.concurrency) };
if (
  !Number.isInteger(options.subscribers) ||
  options.subscribers < 1 ||
  !Number.isInteger(options.concurrency) ||
  options.concurrency < 1
) {
  throw new Error('bench:subscriptions: --subscribers and --concurrency must be positive whole numbers');
}
const databases = values.databases.split(',').map((name) => name.trim());
for (const name of databases)
  if (name !== 'embedded' && name !== 'postgres') throw new Error(`bench:subscriptions: unknown database "${name}"`);

let server: TestPostgres | undefined;
const postgres = async () => (server ??= await startTestPostgres({ fsync: true }));
const results = [];
try {
  for (const database of databases) results.push(await runOn(database, options, postgres));
} finally {
  server?.stop();
}

const row = (database: string, name: string, r: PhaseResult) =>
  `| ${database} | ${name} | ${r.requests} | ${r.failed} | ${r.perSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.maxMs.toFixed(1)} |`;
const lines = [
  `${options.subscribers} readers, ${options.concurrency} at a time; Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, nproc ${os.availableParallelism()}`,
  '',
  '| database | request | requests | failed | per second | p50 ms | p95 ms | max ms |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.flatMap((result) => [
    row(result.database, 'POST /subscribe', result.subscribe),
    row(result.database, 'GET /confirm', result.confirm),
  ]),
];
process.stdout.write(`${lines.join('\n')}\n`);
fs.mkdirSync(path.join(projectRoot, '.bench'), { recursive: true });
const file = path.join(projectRoot, '.bench', `subscriptions-${options.subscribers}x${options.concurrency}.json`);
fs.writeFileSync(file, JSON.stringify({ options, node: process.version, results }, null, 2));
process.stdout.write(`raw figures: ${path.relative(projectRoot, file)}\n`);

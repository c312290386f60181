// kill -9 of the service in the middle of a burst of subscribes and confirmations loses no confirmed subscriber.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, expect, it } from 'vitest';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';
import { openSubscriberStore } from '../../src/subscriptions/storage/open.ts';
import { confirmationToken } from '../../src/subscriptions/tokens.ts';
import { exitOf, repoRoot } from '../send/helpers.ts';
import { freePort } from '../helpers/postgres.ts';
import { freshDatabase, releaseDatabases, removeDatabase } from './databases.ts';
import { databaseEnv, makeServiceProject, removeProject, SECRET, waitFor } from './helpers.ts';

let dir: string | undefined;
let location: DatabaseLocation | undefined;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeDatabase(location);
  if (dir) removeProject(dir);
});

afterAll(releaseDatabases);

/** `tsx src/cli/subscriptions.ts` as one Node process, so SIGKILL reaches the service itself. */
async function spawnService(projectDir: string, db: DatabaseLocation, port: number): Promise<ChildProcess> {
  const tsxLoader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsxLoader,
      path.join(repoRoot, 'src/cli/subscriptions.ts'),
      '--outbox',
      path.join(projectDir, 'outbox'),
      '--subscribe-rate',
      '100000',
    ],
    {
      cwd: projectDir,
      env: {
        PATH: process.env.PATH,
        UNSUBSCRIBE_SECRET: SECRET,
        PORT: String(port),
        CONTENT_DIR: path.join(projectDir, 'content'),
        ...databaseEnv(db),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(() => {
    if (child.exitCode !== null) throw new Error(`the service exited: ${output}`);
    return output.includes('listening on');
  });
  return child;
}

it('keeps every subscriber whose confirmation was answered when the service is killed mid-burst', async () => {
  dir = makeServiceProject();
  location = await freshDatabase('embedded');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const first = await spawnService(dir, location, port);

  const expires = new Date(Date.now() + 3_600_000);
  const answeredConfirmed: string[] = [];
  let started = 0;
  // 40 readers at a time subscribe and confirm, one after another, until the service dies under them.
  const reader = async (): Promise<void> => {
    for (;;) {
      const email = `reader${(started += 1)}@example.org`;
      try {
        const subscribed = await fetch(`${origin}/subscribe`, { method: 'POST', body: new URLSearchParams({ email }), redirect: 'manual' });
        if (subscribed.status !== 303) throw new Error(`subscribe answered ${subscribed.status}`);
        const confirmed = await fetch(`${origin}/confirm?token=${confirmationToken(SECRET, email, expires)}`, { redirect: 'manual' });
        if (confirmed.status === 303) answeredConfirmed.push(email);
      } catch {
        return; // the connection died with the service
      }
    }
  };
  const burst = Promise.all(Array.from({ length: 40 }, reader));
  await waitFor(() => answeredConfirmed.length >= 60);
  first.kill('SIGKILL');
  expect((await exitOf(first)).signal).toBe('SIGKILL');
  await burst;
  const answered = [...answeredConfirmed];
  expect(started).toBeGreaterThan(answered.length);

  // It starts again on the same folder (the dead process's lock is taken over) and still answers.
  const second = await spawnService(dir, location, port);
  expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  second.kill('SIGTERM');
  expect((await exitOf(second)).code).toBe(0);

  const opened = await openSubscriberStore(location);
  try {
    const confirmed = new Set((await opened.store.sendable()).map((subscriber) => subscriber.email));
    const lost = answered.filter((email) => !confirmed.has(email));
    expect(lost).toEqual([]);
  } finally {
    await opened.close();
  }
});

// `npm run subscribers -- import | export | count | show | forget` on both databases, run in-process as the CLI runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSubscribersCommand } from '../../src/subscriptions/commands.ts';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';
import { openSubscriberStore } from '../../src/subscriptions/storage/open.ts';
import { runCli } from '../helpers/cli.ts';
import { DATABASE_KINDS, freshDatabase, releaseDatabases, removeDatabase } from './databases.ts';
import { databaseEnv } from './helpers.ts';

afterAll(releaseDatabases);

describe.each(DATABASE_KINDS)('npm run subscribers on the %s database', (kind) => {
  let dir: string;
  let location: DatabaseLocation;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-subscribers-'));
    location = await freshDatabase(kind);
  });

  afterEach(() => {
    removeDatabase(location);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const exitCode = await runSubscribersCommand(argv, {
      cwd: dir,
      env: databaseEnv(location),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => new Date('2026-03-01T09:00:00Z'),
    });
    return { exitCode, stdout, stderr };
  }

  it('imports a CSV as confirmed subscribers, refuses a bad one whole, and never re-adds a suppressed address', async () => {
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'email,name\nkim@example.org,Kim\nnot-an-address,X\n');
    const bad = await run('import', 'bad.csv');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('bad.csv: line 3: "not-an-address" is not a valid email address');
    expect((await run('count')).stdout).toContain('confirmed     0');

    fs.writeFileSync(
      path.join(dir, 'list.csv'),
      'Email Address,name\nkim@example.org,"Kim, Min-ji"\nlee@example.org,\nKIM@example.org,dup\n',
    );
    const imported = await run('import', 'list.csv');
    expect(imported.exitCode).toBe(0);
    expect(imported.stdout).toContain(
      '2 added, 0 pending now confirmed, 0 already confirmed, 0 suppressed and left out, 1 duplicate rows merged',
    );

    const opened = await openSubscriberStore(location);
    await opened.store.unsubscribe('lee@example.org', 'one-click', new Date());
    await opened.close();
    const again = await run('import', 'list.csv');
    expect(again.stdout).toContain('0 added, 0 pending now confirmed, 1 already confirmed, 1 suppressed and left out');

    const exported = await run('export');
    expect(exported.stdout.split('\n').slice(0, 3)).toEqual([
      'email,name,status,created_at,confirmed_at',
      'kim@example.org,"Kim, Min-ji",confirmed,2026-03-01T09:00:00.000Z,2026-03-01T09:00:00.000Z',
      'lee@example.org,,unsubscribed,2026-03-01T09:00:00.000Z,2026-03-01T09:00:00.000Z',
    ]);
    expect((await run('export', '--suppressed')).stdout).toBe('lee@example.org\n');
  });

  it('forgets a person: their row and every detail go, a hash keeps the address suppressed', async () => {
    fs.writeFileSync(path.join(dir, 'list.csv'), 'email,name\npark@example.org,Park\n');
    await run('import', 'list.csv');
    const opened = await openSubscriberStore(location);
    await opened.store.recordBounce(
      'park@example.org',
      { type: 'soft', source: 'bounce:generic', detail: 'park@example.org mailbox full', softLimit: 3 },
      new Date(),
    );
    await opened.close();

    const shown = await run('show', 'park@example.org');
    expect(shown.stdout).toContain('park@example.org (Park): confirmed');
    expect(shown.stdout).toContain('soft_bounce  bounce:generic: park@example.org mailbox full');

    const forgotten = await run('forget', 'PARK@example.org');
    expect(forgotten.stdout).toContain('forgotten; only a hash of the address is kept');
    expect((await run('forget', 'park@example.org')).stdout).toContain('was already forgotten');

    const after = await run('show', 'park@example.org');
    expect(after.stdout).toContain('forgotten on 2026-03-01T09:00:00.000Z');
    expect(after.stdout).not.toContain('Park)');
    expect(after.stdout).not.toContain('mailbox full');
    expect((await run('export')).stdout).not.toContain('park');
    expect((await run('import', 'list.csv')).stdout).toContain('0 added, 0 pending now confirmed, 0 already confirmed, 1 suppressed');
    // An old unsubscribe link or a late bounce stores nothing about them again.
    const store = await openSubscriberStore(location);
    await store.store.unsubscribe('park@example.org', 'one-click', new Date());
    await store.store.recordBounce('park@example.org', { type: 'hard', source: 'bounce:generic', softLimit: 3 }, new Date());
    await store.close();
    expect((await run('export')).stdout).not.toContain('park');
    expect((await run('count')).stdout).toContain('forgotten     1');
  });

  it('says when an address is not on the list, and refuses what is not a command', async () => {
    expect(await run('show', 'nobody@example.org')).toMatchObject({ exitCode: 1, stdout: 'nobody@example.org: not on the list\n' });
    expect((await run('forget', 'not an address')).exitCode).toBe(2);
    expect((await run('remove', 'kim@example.org')).stderr).toContain('unknown command "remove"');
  });

  it('keeps a spreadsheet from running a name as a formula in the export', async () => {
    fs.writeFileSync(path.join(dir, 'list.csv'), 'email,name\nmallory@example.org,"=HYPERLINK(""http://x"")"\n');
    expect((await run('import', 'list.csv')).exitCode).toBe(0);
    expect((await run('export')).stdout).toContain(`mallory@example.org,"'=HYPERLINK(""http://x"")",confirmed`);
  });
});

it('runs as npm run subscribers does, and prints its usage', () => {
  const result = runCli('subscribers.ts', ['--help']);
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('import <file.csv>');
});

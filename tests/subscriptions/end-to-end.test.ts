// A reader's whole way, on the default embedded database: subscribe → confirm → a digest sent by `send --recipients db`
// to an SMTP server on 127.0.0.1 → the one-click POST from that message's List-Unsubscribe → the next send skips them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/send/summary.ts';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';
import { openSubscriberStore } from '../../src/subscriptions/storage/open.ts';
import { makeProject, removeProject, runInProcess } from '../send/helpers.ts';
import { startTestServer, type TestServer } from '../send/smtp-test-server.ts';
import { freshDatabase, releaseDatabases, removeDatabase } from './databases.ts';
import {
  confirmationLink,
  databaseEnv,
  listUnsubscribeUrl,
  outboxMessageFor,
  readOutbox,
  startService,
  type TestService,
} from './helpers.ts';

let dir: string;
let location: DatabaseLocation;
let server: TestServer | undefined;
let service: TestService | undefined;

beforeEach(async () => {
  // The send tests' project (a built digest and site.json) with the subscribe block the service needs.
  dir = makeProject();
  const siteFile = path.join(dir, 'content', '_data', 'site.json');
  const site = JSON.parse(fs.readFileSync(siteFile, 'utf8')) as Record<string, unknown>;
  site.subscribe = {
    provider: 'service',
    action: 'https://dispatch.example.org/subscribe',
    serviceUrl: 'https://dispatch.example.org',
    pages: {
      checkInbox: '/newsletter/check-your-inbox/',
      subscribed: '/newsletter/subscribed/',
      unsubscribed: '/newsletter/unsubscribed/',
    },
    privacy: 'Only for the digest.',
  };
  fs.writeFileSync(siteFile, JSON.stringify(site));
  location = await freshDatabase('embedded');
});

afterEach(async () => {
  await service?.close();
  service = undefined;
  await server?.stop();
  server = undefined;
  removeDatabase(location);
  removeProject(dir);
});

afterAll(releaseDatabases);

const OUTBOX = path.join('outbox', 'subscriptions');

async function runService(): Promise<TestService> {
  service = await startService(dir, location, { flags: ['--outbox', path.join(dir, OUTBOX)] });
  return service;
}

async function stopService(): Promise<void> {
  await service?.close();
  service = undefined;
}

it('takes a reader from the form to the digest and out again with one click, and the next send skips them', async () => {
  let running = await runService();
  for (const email of ['kim@example.org', 'lee@example.org', 'gone@example.org']) {
    expect((await running.subscribe({ email, name: email.split('@')[0] ?? '' })).status).toBe(303);
  }
  await running.mailerIdle();
  const confirmations = await readOutbox(dir, OUTBOX);
  for (const email of ['kim@example.org', 'lee@example.org', 'gone@example.org']) {
    expect((await running.request(confirmationLink(outboxMessageFor(confirmations, email)))).status).toBe(303);
  }

  // The embedded database is one process's at a time: a send while the service holds it is refused, untouched.
  const refused = await runInProcess(dir, ['--recipients', 'db', '--journal', 'first.journal'], databaseEnv(location));
  expect(refused.exitCode).toBe(EXIT_CODES.refused);
  expect(refused.stderr).toContain('can be opened by one process at a time');
  await stopService();

  server = await startTestServer({
    onRecipient: (address) => (address === 'gone@example.org' ? { code: 550, message: '5.1.1 No such user here' } : undefined),
  });
  const first = await runInProcess(dir, ['--recipients', 'db', '--smtp', server.url, '--journal', 'first.journal'], databaseEnv(location));
  expect(first.stdout).toContain('sent:          2');
  expect(first.stderr).toContain('recorded 1 refused address(es) as hard bounces');
  expect(server.acceptedCount('kim@example.org')).toBe(1);
  expect(server.acceptedCount('lee@example.org')).toBe(1);
  const [delivered] = server.seenFor('kim@example.org');
  if (!delivered) throw new Error('kim@example.org got nothing');

  // The one-click POST a mail client makes from the delivered message's header.
  running = await runService();
  const oneClick = await running.request(listUnsubscribeUrl(delivered.parsed), {
    method: 'POST',
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(oneClick.status).toBe(200);
  await stopService();

  const second = await runInProcess(
    dir,
    ['--recipients', 'db', '--smtp', server.url, '--journal', 'second.journal'],
    databaseEnv(location),
  );
  expect(second.exitCode).toBe(EXIT_CODES.delivered);
  expect(second.stdout).toContain('sent:          1');
  expect(server.acceptedCount('lee@example.org')).toBe(2);
  expect(server.acceptedCount('kim@example.org')).toBe(1);
  expect(server.seenFor('gone@example.org')).toHaveLength(0);

  const opened = await openSubscriberStore(location);
  try {
    const kim = await opened.store.show('kim@example.org');
    expect(kim.subscriber?.status).toBe('unsubscribed');
    expect(kim.events.map(({ type, source }) => `${type}/${source}`)).toEqual([
      'subscribed/web',
      'confirmed/web',
      'unsubscribed/one-click',
    ]);
    const gone = await opened.store.show('gone@example.org');
    expect(gone.subscriber?.status).toBe('bounced');
    expect(gone.events.at(-1)).toMatchObject({ type: 'bounced', source: 'send' });
    expect(gone.events.at(-1)?.detail).toContain('5.1.1');
  } finally {
    await opened.close();
  }
});

// Sending over SMTP to a real server on 127.0.0.1: every recipient exactly once, retries, refusals, suppression.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageIdFor } from '../../src/send/personalise.ts';
import { unsubscribeRequest, verifyUnsubscribeToken } from '../../src/send/unsubscribe.ts';
import { EXIT_CODES } from '../../src/send/summary.ts';
import {
  LIST_ID,
  makeProject,
  readJournalRecords,
  recipientAddresses,
  removeProject,
  runInProcess,
  SECRET,
  SLUG,
  writeRecipients,
} from './helpers.ts';
import { startTestServer, type SeenMessage, type TestServer } from './smtp-test-server.ts';

let dir: string;
let server: TestServer | undefined;

beforeEach(() => {
  dir = makeProject();
});

afterEach(async () => {
  await server?.stop();
  server = undefined;
  removeProject(dir);
});

function headerLine(message: SeenMessage, name: string): string | undefined {
  return message.parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line;
}

function expectEveryoneOnce(addresses: string[]): void {
  for (const address of addresses) expect(server?.acceptedCount(address), address).toBe(1);
}

describe('send over SMTP', () => {
  it('delivers a clean run of 20 recipients exactly once each, personalised', async () => {
    const addresses = recipientAddresses(20);
    writeRecipients(dir, addresses);
    server = await startTestServer();

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expectEveryoneOnce(addresses);
    expect(server.seen).toHaveLength(20);
    expect(run.stdout).toContain('sent:          20');

    for (const [i, address] of addresses.entries()) {
      const [message] = server.seenFor(address);
      if (!message) throw new Error(`nothing for ${address}`);
      const { parsed } = message;
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ address, name: `Reader ${i + 1}` }]);
      expect(parsed.subject).toBe('North Korea readies more troops for Russia — the Dispatch, 27 June');
      expect(parsed.messageId).toBe(messageIdFor(SLUG, address, 'digest@dispatch.example.org'));
      expect(headerLine(message, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      expect(headerLine(message, 'List-Id')).toMatch(/^List-ID: <digest\.dispatch\.example\.org>$/i);

      const listUnsubscribe = headerLine(message, 'List-Unsubscribe') ?? '';
      const [, httpsTarget, mailtoTarget] = /^List-Unsubscribe: <(https:[^>]+)>, <(mailto:[^>]+)>$/.exec(listUnsubscribe) ?? [];
      expect(mailtoTarget).toBe('mailto:unsubscribe@dispatch.example.org?subject=unsubscribe');
      const personal = new URL(httpsTarget ?? 'https://missing.invalid/');
      expect(personal.origin + personal.pathname).toBe('https://dispatch.example.org/unsubscribe');
      expect(unsubscribeRequest(personal.searchParams)?.email).toBe(address);
      expect(personal.href).not.toContain(address.split('@')[0] ?? address);
      expect(verifyUnsubscribeToken(SECRET, address, LIST_ID, personal.searchParams.get('token') ?? '')).toBe(true);

      // Merge tags replaced in both parts; the HTML carries the same personal link, &-escaped.
      const html = typeof parsed.html === 'string' ? parsed.html : '';
      const text = parsed.text ?? '';
      for (const part of [html, text]) {
        expect(part).not.toContain('*|UNSUB|*');
        expect(part).not.toContain('*|ARCHIVE|*');
        expect(part).toContain('https://dispatch.example.org/digests/2025-06-27/');
      }
      expect(text).toContain(`Unsubscribe: ${personal.href}`);
      expect(html).toContain(`href="${personal.href.replace(/&/g, '&amp;')}"`);
    }

    // The journal records an attempt before and the outcome after every message.
    const records = readJournalRecords(path.join(dir, 'outbox', `${SLUG}.journal`));
    expect(records.filter((r) => r.status === 'attempt')).toHaveLength(20);
    expect(records.filter((r) => r.status === 'sent')).toHaveLength(20);
    for (const address of addresses) {
      expect(records.filter((r) => r.email === address).map((r) => r.status)).toEqual(['attempt', 'sent']);
    }
  });

  it('retries when the server drops the connection mid-batch, and still delivers everyone once', async () => {
    const addresses = recipientAddresses(12);
    writeRecipients(dir, addresses);
    server = await startTestServer({ onMessage: (message) => (message.index === 5 ? 'drop' : 'accept') });

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--connections', '2']);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expectEveryoneOnce(addresses);
    const dropped = server.seen.find((message) => message.index === 5);
    expect(dropped?.accepted).toBe(false);
    const droppedAddress = dropped?.recipients[0] ?? '';
    expect(server.seenFor(droppedAddress)).toHaveLength(2);
    const records = readJournalRecords(path.join(dir, 'outbox', `${SLUG}.journal`)).filter((r) => r.email === droppedAddress);
    expect(records.map((r) => r.status)).toEqual(['attempt', 'retry', 'attempt', 'sent']);
    expect(records[1]?.code).toBe('ECONNECTION');
  });

  it('retries a 451 and delivers that recipient once', async () => {
    const addresses = recipientAddresses(5);
    const greylisted = addresses[2] ?? '';
    writeRecipients(dir, addresses);
    server = await startTestServer({
      onRecipient: (address, attempt) =>
        address === greylisted && attempt === 1 ? { code: 451, message: '4.7.1 Greylisted, try again later' } : undefined,
    });

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expectEveryoneOnce(addresses);
    const records = readJournalRecords(path.join(dir, 'outbox', `${SLUG}.journal`)).filter((r) => r.email === greylisted);
    expect(records.map((r) => [r.status, r.code])).toEqual([
      ['attempt', undefined],
      ['retry', 451],
      ['attempt', undefined],
      ['sent', undefined],
    ]);
    expect(run.stderr).toContain(`retry ${greylisted}: 451 4.7.1 Greylisted, try again later`);
  });

  it('dates each try at its own time from the injected clock, with the same Message-ID', async () => {
    writeRecipients(dir, ['kim@example.org']);
    server = await startTestServer({
      onMessage: (message) => (message.index === 1 ? { code: 451, message: '4.3.0 Try later' } : 'accept'),
    });
    let now = Date.parse('2026-03-02T09:30:00Z');
    const clock = { now: () => now, sleep: (ms: number) => Promise.resolve(void (now += ms)) };

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--retry-base-ms', '60000'], {}, clock);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    const tries = server.seenFor('kim@example.org');
    expect(tries.map((message) => headerLine(message, 'Date'))).toEqual([
      'Date: Mon, 02 Mar 2026 09:30:00 +0000',
      'Date: Mon, 02 Mar 2026 09:31:00 +0000',
    ]);
    expect(new Set(tries.map((message) => message.parsed.messageId))).toEqual(
      new Set([messageIdFor(SLUG, 'kim@example.org', 'digest@dispatch.example.org')]),
    );
  });

  it('stops when the server cannot be reached, leaving the rest unattempted for a rerun', async () => {
    const addresses = recipientAddresses(5);
    writeRecipients(dir, addresses);
    // A port that was just listening and is now closed: connections are refused.
    const gone = await startTestServer();
    const url = gone.url;
    await gone.stop();

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', url, '--max-attempts', '2', '--retry-base-ms', '1']);

    expect(run.exitCode).toBe(EXIT_CODES.incomplete);
    expect(run.summary?.stoppedBecause).toMatch(
      /^the SMTP server could not be reached \(ESOCKET: connect ECONNREFUSED 127\.0\.0\.1:\d+\)$/,
    );
    expect(run.summary?.sent).toBe(0);
    // Messages already handed to other connections fail too; the rest wait for a rerun.
    expect(run.summary?.notAttempted).toBeGreaterThan(0);
    expect((run.summary?.failed.length ?? 0) + (run.summary?.notAttempted ?? 0)).toBe(5);
    expect(run.stdout).toContain('stopped early: the SMTP server could not be reached');
  });

  it('records a 550 as failed, says so in the summary and exit code, and delivers everyone else', async () => {
    const addresses = recipientAddresses(6);
    const rejected = addresses[3] ?? '';
    writeRecipients(dir, addresses);
    server = await startTestServer({
      onRecipient: (address) => (address === rejected ? { code: 550, message: '5.1.1 Mailbox does not exist' } : undefined),
    });

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.incomplete);
    expectEveryoneOnce(addresses.filter((address) => address !== rejected));
    expect(server.acceptedCount(rejected)).toBe(0);
    expect(run.summary?.failed).toEqual([{ email: rejected, response: '550 5.1.1 Mailbox does not exist' }]);
    expect(run.stdout).toContain('failed:        1');
    expect(run.stdout).toContain(`${rejected}: 550 5.1.1 Mailbox does not exist`);
    const records = readJournalRecords(path.join(dir, 'outbox', `${SLUG}.journal`)).filter((r) => r.email === rejected);
    // Permanent: one attempt, no retry.
    expect(records.map((r) => [r.status, r.code])).toEqual([
      ['attempt', undefined],
      ['failed', 550],
    ]);
  });

  it('never sends to a suppressed address (site.json list or --suppress), and counts it as skipped', async () => {
    const addresses = [...recipientAddresses(3), 'UNSUBSCRIBED@example.org', 'bounced@example.net'];
    writeRecipients(dir, addresses);
    server = await startTestServer();

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(server.acceptedCount('unsubscribed@example.org')).toBe(0);
    expect(server.acceptedCount('bounced@example.net')).toBe(0);
    expectEveryoneOnce(recipientAddresses(3));
    expect(run.summary?.suppressed).toBe(2);
    expect(run.stdout).toContain('skipped:       2 (suppressed 2, duplicate 0, already sent 0)');

    // --suppress replaces the configured list; here a plain one-address-per-line file.
    const other = makeProject();
    try {
      writeRecipients(other, ['sam@example.org', 'stop@example.org', 'unsubscribed@example.org']);
      writeRecipients(other, '# unsubscribed by phone\nSTOP@example.org\n', 'stop.txt');
      const override = await runInProcess(other, ['--recipients', 'recipients.csv', '--smtp', server.url, '--suppress', 'stop.txt']);
      expect(override.exitCode).toBe(EXIT_CODES.delivered);
      expect(server.acceptedCount('stop@example.org')).toBe(0);
      expect(server.acceptedCount('sam@example.org')).toBe(1);
      expect(server.acceptedCount('unsubscribed@example.org')).toBe(1);
      expect(override.summary?.suppressed).toBe(1);
    } finally {
      removeProject(other);
    }
  });

  it('merges duplicate addresses case-insensitively and sends them once', async () => {
    writeRecipients(dir, 'email,name\nkim@example.org,Kim\nKIM@Example.org,Kim again\nlee@example.org,Lee\nkim@example.org,\n');
    server = await startTestServer();

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(server.acceptedCount('kim@example.org')).toBe(1);
    expect(server.acceptedCount('lee@example.org')).toBe(1);
    expect(run.summary?.duplicatesMerged).toBe(2);
    expect(run.stdout).toContain('duplicate 2');
  });
});

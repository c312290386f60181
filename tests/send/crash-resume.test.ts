// The sender killed with SIGKILL mid-run, then run again on the same journal: nothing lost, nothing doubled.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summariseJournal } from '../../src/send/journal.ts';
import { EXIT_CODES } from '../../src/send/summary.ts';
import {
  exitOf,
  makeProject,
  readJournalRecords,
  recipientAddresses,
  removeProject,
  runInProcess,
  SLUG,
  spawnSend,
  waitFor,
  writeRecipients,
} from './helpers.ts';
import { startTestServer, type TestServer } from './smtp-test-server.ts';

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

function journalFile(): string {
  return path.join(dir, 'outbox', `${SLUG}.journal`);
}

describe('crash and resume', () => {
  it('holds back the message that was with the server at the kill, and resends it with the same Message-ID on --resend-in-doubt', async () => {
    const addresses = recipientAddresses(10);
    writeRecipients(dir, addresses);
    let stallFourth = true;
    // The 4th message is read but never answered: the sender is killed while it waits for the reply.
    server = await startTestServer({ onMessage: (message) => (stallFourth && message.index === 4 ? 'hang' : 'accept') });
    const stalled = addresses[3] ?? '';

    const child = spawnSend(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--rate', '20', '--connections', '1']);
    await waitFor(() => server!.seen.length >= 4 || child.exitCode !== null);
    child.kill('SIGKILL');
    expect((await exitOf(child)).signal, child.output()).toBe('SIGKILL');
    stallFourth = false;

    const history = summariseJournal(readJournalRecords(journalFile()));
    expect(history.get(stalled)?.state).toBe('in-doubt');
    expect(addresses.slice(0, 3).map((a) => history.get(a)?.state)).toEqual(['sent', 'sent', 'sent']);

    // Rerun without the flag: everyone else is delivered, the in-doubt one is named and held back.
    const second = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);
    expect(second.exitCode).toBe(EXIT_CODES.inDoubt);
    expect(second.summary?.alreadySent).toBe(3);
    expect(second.summary?.inDoubtHeld.map((entry) => entry.email)).toEqual([stalled]);
    expect(second.stdout).toContain(`${stalled} <${SLUG}.`);
    expect(second.stdout).toContain('held back');
    for (const address of addresses) expect(server.acceptedCount(address), address).toBe(address === stalled ? 0 : 1);

    // Opt in: the in-doubt recipient is sent again, carrying the Message-ID of the copy the server may have.
    const third = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--resend-in-doubt']);
    expect(third.exitCode).toBe(EXIT_CODES.delivered);
    expect(third.summary?.inDoubtResent.map((entry) => entry.email)).toEqual([stalled]);
    expect(third.summary?.sent).toBe(1);
    for (const address of addresses) expect(server.acceptedCount(address), address).toBe(1);
    const copies = server.seenFor(stalled);
    expect(copies).toHaveLength(2);
    expect(copies[1]?.parsed.messageId).toBe(copies[0]?.parsed.messageId);

    // A further run finds nothing left to do and sends nothing.
    const seenBefore = server.seen.length;
    const fourth = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--resend-in-doubt']);
    expect(fourth.exitCode).toBe(EXIT_CODES.delivered);
    expect(fourth.summary?.alreadySent).toBe(10);
    expect(server.seen.length).toBe(seenBefore);
  });

  it('after a kill at an arbitrary point, the rerun delivers everyone, and journal-recorded ones not twice', async () => {
    const addresses = recipientAddresses(20);
    writeRecipients(dir, addresses);
    server = await startTestServer();

    const child = spawnSend(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--rate', '10', '--connections', '2']);
    await waitFor(() => server!.seen.filter((m) => m.accepted).length >= 6 || child.exitCode !== null);
    child.kill('SIGKILL');
    expect((await exitOf(child)).signal, child.output()).toBe('SIGKILL');

    const history = summariseJournal(readJournalRecords(journalFile()));
    const recordedSent = addresses.filter((a) => history.get(a)?.state === 'sent');
    const inDoubt = addresses.filter((a) => history.get(a)?.state === 'in-doubt');
    expect(recordedSent.length).toBeGreaterThan(0);
    expect(recordedSent.length).toBeLessThan(addresses.length);

    const rerun = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--resend-in-doubt']);
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(EXIT_CODES.delivered);
    expect(rerun.summary?.alreadySent).toBe(recordedSent.length);

    for (const address of addresses) {
      const copies = server.seenFor(address).filter((m) => m.accepted);
      if (inDoubt.includes(address)) {
        // Allowed to arrive twice only because the policy resends in-doubt ones on request, with one Message-ID.
        expect(copies.length, address).toBeGreaterThanOrEqual(1);
        expect(copies.length, address).toBeLessThanOrEqual(2);
        expect(new Set(copies.map((m) => m.parsed.messageId)).size, address).toBe(1);
      } else {
        expect(copies.length, address).toBe(1);
      }
    }
  });

  it('Ctrl-C stops after the message in flight, leaves nothing in doubt, and the rerun completes the list', async () => {
    const addresses = recipientAddresses(10);
    writeRecipients(dir, addresses);
    server = await startTestServer();

    const child = spawnSend(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--rate', '5', '--connections', '1']);
    await waitFor(() => server!.seen.filter((m) => m.accepted).length >= 3 || child.exitCode !== null);
    child.kill('SIGINT');
    const exit = await exitOf(child);

    expect(exit.code, child.output()).toBe(EXIT_CODES.incomplete);
    expect(child.output()).toContain('stopped early: interrupted');
    const history = summariseJournal(readJournalRecords(journalFile()));
    expect([...history.values()].filter((h) => h.state === 'in-doubt')).toEqual([]);
    const sentBefore = [...history.values()].filter((h) => h.state === 'sent').length;
    expect(sentBefore).toBeLessThan(addresses.length);

    const rerun = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);
    expect(rerun.exitCode).toBe(EXIT_CODES.delivered);
    expect(rerun.summary?.alreadySent).toBe(sentBefore);
    for (const address of addresses) expect(server.acceptedCount(address), address).toBe(1);
  });

  it('refuses a journal written for another digest, and sends nothing', async () => {
    writeRecipients(dir, recipientAddresses(3));
    fs.mkdirSync(path.join(dir, 'outbox'));
    fs.writeFileSync(
      journalFile(),
      `${JSON.stringify({ journal: 'dispatch-send', version: 1, slug: '2025-06-20', delivery: 'smtp', at: '2025-06-20T00:00:00Z' })}\n`,
    );
    server = await startTestServer();

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(`outbox/${SLUG}.journal: belongs to digest "2025-06-20", not "${SLUG}"`);
    expect(server.connections).toBe(0);
  });

  it('refuses to share a journal with a send that is still running', async () => {
    writeRecipients(dir, recipientAddresses(3));
    fs.mkdirSync(path.join(dir, 'outbox'));
    // This test process is alive, so its pid in the lock file stands for a running send.
    fs.writeFileSync(`${journalFile()}.lock`, `${process.pid}\n`);
    server = await startTestServer();

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(`another send (process ${process.pid}) is using this journal`);
    expect(server.connections).toBe(0);
  });
});

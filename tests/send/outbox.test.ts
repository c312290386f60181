// Outbox mode (no SMTP URL): one parseable .eml per recipient, safe file names, and no network connection at all.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboxFileName } from '../../src/send/outbox-delivery.ts';
import { loadDigest } from '../../src/send/digest.ts';
import { messageIdFor, personalise } from '../../src/send/personalise.ts';
import { DEV_UNSUBSCRIBE_SECRET } from '../../src/send/run.ts';
import { EXIT_CODES } from '../../src/send/summary.ts';
import { verifyUnsubscribeToken } from '../../src/send/unsubscribe.ts';
import { LIST_ID, makeProject, removeProject, runInProcess, SECRET, SLUG, writeRecipients } from './helpers.ts';
import { startTestServer } from './smtp-test-server.ts';

let dir: string;

beforeEach(() => {
  dir = makeProject();
});

afterEach(() => {
  vi.restoreAllMocks();
  removeProject(dir);
});

function emlFiles(outbox: string): string[] {
  return fs.readdirSync(outbox).filter((file) => file.endsWith('.eml'));
}

describe('outbox mode', () => {
  it('writes one parseable .eml per recipient and opens no network connection', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    writeRecipients(
      dir,
      'email,name\nkim@example.org,"Kim, ""Jong"" 김"\no\'brien+news/letter@example.org,Siobhán\n..hidden@example.org,Dots\nlee@example.org,\n',
    );
    // "..hidden" is not a valid address: fix the list first, as the command demands.
    const refused = await runInProcess(dir, ['--recipients', 'recipients.csv']);
    expect(refused.exitCode).toBe(EXIT_CODES.refused);
    writeRecipients(dir, 'email,name\nkim@example.org,"Kim, ""Jong"" 김"\no\'brien+news/letter@example.org,Siobhán\nlee@example.org,\n');

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv'], { UNSUBSCRIBE_SECRET: undefined });

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(connect).not.toHaveBeenCalled();
    expect(run.stderr).toContain('UNSUBSCRIBE_SECRET is not set');
    const outbox = path.join(dir, 'outbox', SLUG);
    const files = emlFiles(outbox);
    expect(files).toHaveLength(3);
    // The quote and slash of the address do not reach the file system.
    expect(files.filter((file) => /^o_brien\+news_letter@example\.org\.[0-9a-f]{12}\.eml$/.test(file))).toHaveLength(1);

    const expected = new Map([
      ['kim@example.org', 'Kim, "Jong" 김'],
      ["o'brien+news/letter@example.org", 'Siobhán'],
      ['lee@example.org', ''],
    ]);
    for (const file of files) {
      expect(path.dirname(path.resolve(outbox, file))).toBe(outbox);
      const parsed = await simpleParser(fs.readFileSync(path.join(outbox, file)));
      const to = parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0] : undefined;
      const address = to?.address ?? '';
      expect(expected.get(address), file).toBe(to?.name);
      expect(parsed.messageId).toBe(messageIdFor(SLUG, address, 'digest@dispatch.example.org'));
      const token = /token=([\w-]+)/.exec(parsed.text ?? '')?.[1] ?? '';
      expect(verifyUnsubscribeToken(DEV_UNSUBSCRIBE_SECRET, address, LIST_ID, token)).toBe(true);
    }

    expect(run.stdout).toContain('  written:       3\n');
    expect(run.stdout).toContain(`All 3 eligible recipients' messages were written to outbox/${SLUG}; nothing was sent.`);
    expect(run.stdout).not.toMatch(/sent:|have the digest/);
    expect(run.stderr).toContain('Writing (not sending) 2025-06-27 to 3 of 3 recipients via outbox/2025-06-27');
    expect(run.stderr).toMatch(/^written kim@example\.org \(\d\/3\)$/m);
  });

  it('rewrites every file on a rerun, so a rebuilt digest shows up, and names files left from an earlier run', async () => {
    writeRecipients(dir, 'email\nkim@example.org\nlee@example.org\n');
    const outbox = path.join(dir, 'outbox', SLUG);
    await runInProcess(dir, ['--recipients', 'recipients.csv']);
    const textFile = path.join(dir, 'site/digests', SLUG, 'email.txt');
    fs.writeFileSync(textFile, fs.readFileSync(textFile, 'utf8').replace('*|UNSUB|*', 'Fixed after review: *|UNSUB|*'));
    writeRecipients(dir, 'email\nkim@example.org\n');

    const again = await runInProcess(dir, ['--recipients', 'recipients.csv']);

    expect(again.exitCode).toBe(EXIT_CODES.delivered);
    expect(again.summary?.sent).toBe(1);
    expect(again.summary?.alreadySent).toBe(0);
    const kim = await simpleParser(fs.readFileSync(path.join(outbox, outboxFileName('kim@example.org'))));
    expect(kim.text).toContain('Fixed after review: https://dispatch.example.org/unsubscribe?recipient=a2ltQGV4YW1wbGUub3Jn&token=');
    expect(again.stderr).toContain(
      `note: outbox/${SLUG} holds 1 .eml file(s) from an earlier run for addresses not written this time (removed from the list or suppressed); delete them, or the folder, before handing the outbox on`,
    );
    expect(emlFiles(outbox).sort()).toEqual([outboxFileName('kim@example.org'), outboxFileName('lee@example.org')].sort());
  });

  it('never sends because SMTP_URL is in the environment: without --smtp it writes the outbox and says so', async () => {
    const server = await startTestServer();
    try {
      writeRecipients(dir, 'email\nkim@example.org\n');

      for (const extra of [[], ['--outbox', 'preview']]) {
        const run = await runInProcess(dir, ['--recipients', 'recipients.csv', ...extra], { SMTP_URL: server.url });
        expect(run.exitCode, extra.join(' ')).toBe(EXIT_CODES.delivered);
        expect(run.stderr).toContain(
          'note: SMTP_URL is set but ignored without --smtp, so this run writes to the outbox and sends nothing (to send with it: --smtp env)',
        );
      }
      expect(emlFiles(path.join(dir, 'outbox', SLUG))).toHaveLength(1);
      expect(emlFiles(path.join(dir, 'preview'))).toHaveLength(1);
      expect(server.connections).toBe(0);

      const sent = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', 'env'], { SMTP_URL: server.url });
      expect(sent.exitCode).toBe(EXIT_CODES.delivered);
      expect(server.acceptedCount('kim@example.org')).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it('refuses --smtp env when SMTP_URL is not set', async () => {
    writeRecipients(dir, 'email\nkim@example.org\n');
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', 'env'], { SMTP_URL: ' ' });
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('--smtp env given, but SMTP_URL is not set');
  });

  /** Writes the outbox for a one-recipient CSV with the clock at `at`; returns the run and the one .eml written. */
  async function writeOneAt(csv: string, at: string) {
    writeRecipients(dir, csv);
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv'], {}, { now: () => Date.parse(at), sleep: async () => {} });
    const files = emlFiles(path.join(dir, 'outbox', SLUG));
    expect(files).toHaveLength(1);
    return { run, eml: fs.readFileSync(path.join(dir, 'outbox', SLUG, files[0] ?? '')) };
  }

  it('dates each message at the time of writing, from the injected clock, not at the digest date', async () => {
    const { run, eml } = await writeOneAt('email\nkim@example.org\n', '2026-03-02T09:30:00Z');

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    const raw = eml.toString('utf8');
    expect(raw).toMatch(/^Date: Mon, 02 Mar 2026 09:30:00 \+0000\r$/m);
    expect((await simpleParser(raw)).messageId).toBe(messageIdFor(SLUG, 'kim@example.org', 'digest@dispatch.example.org'));
  });

  it('writes CRLF-only .eml files whose parts decode to the personalised email.txt and email.html exactly', async () => {
    const writtenAt = '2026-03-02T09:30:00Z';
    const { run, eml } = await writeOneAt('email,name\nkim@example.org,Kim\n', writtenAt);

    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(eml.toString('utf8')).not.toMatch(/(?<!\r)\n/);
    const digest = loadDigest(path.join(dir, 'site'), SLUG, dir);
    const expected = personalise(digest, { email: 'kim@example.org', name: 'Kim', line: 2 }, SECRET, new Date(writtenAt));
    const parsed = await simpleParser(eml);
    expect(parsed.text).toBe(expected.text);
    expect(parsed.html).toBe(expected.html);
  });

  it('refuses --outbox together with --smtp', async () => {
    writeRecipients(dir, 'email\nkim@example.org\n');
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--outbox', 'preview', '--smtp', 'smtp://127.0.0.1:2525']);
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('--smtp and --outbox both given');
  });

  it('names files after the address without letting it leave the folder', () => {
    for (const address of [
      'a/../../b@example.org',
      '.hidden@example.org',
      "o'brien@example.org",
      `${'x'.repeat(64)}@${'d'.repeat(60)}.example.org`,
    ]) {
      const name = outboxFileName(address);
      expect(name, address).toMatch(/^[a-z0-9@._+-]+\.[0-9a-f]{12}\.eml$/);
      expect(name.startsWith('.'), address).toBe(false);
      expect(path.basename(name)).toBe(name);
    }
    expect(outboxFileName('Kim@Example.org')).toBe(outboxFileName('kim@example.org'));
    expect(outboxFileName('a/b@example.org')).not.toBe(outboxFileName('a_b@example.org'));
  });
});

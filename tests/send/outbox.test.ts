// Outbox mode (no SMTP URL): one parseable .eml per recipient, safe file names, and no network connection at all.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { outboxFileName } from '../../src/send/outbox-delivery.ts';
import { messageIdFor } from '../../src/send/personalise.ts';
import { DEV_UNSUBSCRIBE_SECRET } from '../../src/send/run.ts';
import { EXIT_CODES } from '../../src/send/summary.ts';
import { verifyUnsubscribeToken } from '../../src/send/unsubscribe.ts';
import { LIST_ID, makeProject, removeProject, runInProcess, SLUG, writeRecipients } from './helpers.ts';
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

    // A second run finds everything in the journal and writes nothing new.
    const again = await runInProcess(dir, ['--recipients', 'recipients.csv']);
    expect(again.exitCode).toBe(EXIT_CODES.delivered);
    expect(again.summary?.alreadySent).toBe(3);
    expect(again.summary?.sent).toBe(0);
  });

  it('--outbox wins over SMTP_URL from the environment: nothing is sent', async () => {
    const server = await startTestServer();
    try {
      writeRecipients(dir, 'email\nkim@example.org\n');

      const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--outbox', 'preview'], { SMTP_URL: server.url });

      expect(run.exitCode).toBe(EXIT_CODES.delivered);
      expect(run.stderr).toContain('--outbox given, so SMTP_URL is ignored');
      expect(emlFiles(path.join(dir, 'preview'))).toHaveLength(1);
      expect(server.connections).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('refuses --outbox together with --smtp', async () => {
    writeRecipients(dir, 'email\nkim@example.org\n');
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--outbox', 'preview', '--smtp', 'smtp://127.0.0.1:2525']);
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('--smtp and --outbox both given');
  });

  it('names files after the address without letting it leave the folder', () => {
    for (const address of ['a/../../b@example.org', '.hidden@example.org', "o'brien@example.org", `${'x'.repeat(64)}@${'d'.repeat(60)}.example.org`]) {
      const name = outboxFileName(address);
      expect(name, address).toMatch(/^[a-z0-9@._+-]+\.[0-9a-f]{12}\.eml$/);
      expect(name.startsWith('.'), address).toBe(false);
      expect(path.basename(name)).toBe(name);
    }
    expect(outboxFileName('Kim@Example.org')).toBe(outboxFileName('kim@example.org'));
    expect(outboxFileName('a/b@example.org')).not.toBe(outboxFileName('a_b@example.org'));
  });
});

// DKIM signing and the Feedback-ID header in what send delivers and writes, and the settings it refuses.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/send/summary.ts';
import { testDkimKey, verifyDkim, type TestDkimKey } from '../helpers/dkim.ts';
import { makeProject, removeProject, runInProcess, SLUG, writeRecipients } from './helpers.ts';
import { startTestServer, type TestServer } from './smtp-test-server.ts';

let key: TestDkimKey;
let dir: string;

beforeAll(() => {
  key = testDkimKey('dispatch.example.org', 'digest2025');
});

beforeEach(() => {
  dir = makeProject();
  writeRecipients(dir, 'email,name\nkim@example.org,Kim\n');
});

afterEach(() => removeProject(dir));

function editSite(change: (email: Record<string, unknown>) => void): void {
  const file = path.join(dir, 'content', '_data', 'site.json');
  const site = JSON.parse(fs.readFileSync(file, 'utf8')) as { email: Record<string, unknown> };
  change(site.email);
  fs.writeFileSync(file, JSON.stringify(site, null, 2));
}

function editDigest(change: (digest: Record<string, unknown>) => void): void {
  const file = path.join(dir, 'site', 'digests', SLUG, 'digest.json');
  const digest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(digest);
  fs.writeFileSync(file, JSON.stringify(digest, null, 2));
}

const withDkim = () =>
  editSite((email) => {
    email.dkim = { domain: key.domain, selector: key.selector };
  });

function outboxMessage(): Buffer {
  const outbox = path.join(dir, 'outbox', SLUG);
  const [file] = fs.readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  return fs.readFileSync(path.join(outbox, file ?? ''));
}

describe('DKIM signing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('signs what goes over SMTP with the key from DKIM_PRIVATE_KEY, and the signature verifies', async () => {
    withDkim();
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url], { DKIM_PRIVATE_KEY: key.privateKey });
    expect(run.exitCode, run.stderr).toBe(EXIT_CODES.delivered);
    const [received] = server.seenFor('kim@example.org');
    expect((await verifyDkim(received?.raw ?? Buffer.alloc(0), key)).results).toEqual([
      { status: 'pass', domain: 'dispatch.example.org', selector: 'digest2025' },
    ]);
    // The key is never printed.
    const keyBody = key.privateKey.split('\n')[1] ?? key.privateKey;
    expect(run.stdout + run.stderr).not.toContain(keyBody);
  });

  it('signs the outbox files the same way, with the key read from DKIM_PRIVATE_KEY_FILE', async () => {
    withDkim();
    fs.writeFileSync(path.join(dir, 'dkim.pem'), key.privateKey);
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv'], { DKIM_PRIVATE_KEY_FILE: 'dkim.pem' });
    expect(run.exitCode, run.stderr).toBe(EXIT_CODES.delivered);
    expect((await verifyDkim(outboxMessage(), key)).results.map((result) => result.status)).toEqual(['pass']);
  });

  it('leaves messages unsigned when nothing is configured', async () => {
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv']);
    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(outboxMessage().toString('utf8')).not.toContain('DKIM-Signature');
  });

  it('writes an unsigned outbox, with a warning, when site.json names a selector but no key is set', async () => {
    withDkim();
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv']);
    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(run.stderr).toContain(
      'warning: content/_data/site.json sets email.dkim (selector digest2025 of dispatch.example.org), but neither DKIM_PRIVATE_KEY nor DKIM_PRIVATE_KEY_FILE is set; outbox messages are not signed',
    );
    expect(outboxMessage().toString('utf8')).not.toContain('DKIM-Signature');
  });

  it('notes a sender outside the signing domain, which DMARC would not count', async () => {
    editSite((email) => {
      email.dkim = { domain: 'mail.other.example', selector: 's1' };
    });
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv'], { DKIM_PRIVATE_KEY: key.privateKey });
    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    expect(run.stderr).toContain(
      'note: messages are signed for mail.other.example but sent from digest@dispatch.example.org: DMARC counts a DKIM signature only for the From domain or a parent of it',
    );
  });

  const refusals: Array<[string, () => void, Record<string, string>, string[], string]> = [
    [
      'a key without email.dkim in site.json',
      () => {},
      { DKIM_PRIVATE_KEY: 'set below' },
      [],
      'DKIM_PRIVATE_KEY is set, but content/_data/site.json has no email.dkim: add { "domain": …, "selector": … } so the key can sign',
    ],
    [
      'email.dkim without a key, for a real send',
      withDkim,
      {},
      ['--smtp', 'smtp://127.0.0.1:9'],
      'content/_data/site.json sets email.dkim (selector digest2025 of dispatch.example.org), but neither DKIM_PRIVATE_KEY nor DKIM_PRIVATE_KEY_FILE is set: messages would go out unsigned',
    ],
    [
      'both key variables',
      withDkim,
      { DKIM_PRIVATE_KEY: 'set below', DKIM_PRIVATE_KEY_FILE: 'dkim.pem' },
      [],
      'both DKIM_PRIVATE_KEY and DKIM_PRIVATE_KEY_FILE are set: set only one, so it is clear which key signs',
    ],
    [
      'a key that is not one',
      withDkim,
      { DKIM_PRIVATE_KEY: 'not a key' },
      [],
      'DKIM_PRIVATE_KEY: not a PEM private key (expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----")',
    ],
    [
      'a key file that does not exist',
      withDkim,
      { DKIM_PRIVATE_KEY_FILE: 'missing.pem' },
      [],
      'DKIM_PRIVATE_KEY_FILE: missing.pem: file not found',
    ],
  ];
  it.each(refusals)('refuses %s, sending and writing nothing', async (_name, setup, env, extra, message) => {
    setup();
    const values = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value === 'set below' ? key.privateKey : value]));
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', ...extra], values);
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(message);
    expect(fs.existsSync(path.join(dir, 'outbox', SLUG))).toBe(false);
  });
});

describe('what every personal message carries', () => {
  it('has the Feedback-ID of digest.json', async () => {
    editDigest((digest) => {
      digest.feedbackId = 'digest-2025-06-27:kdispatch';
    });
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv']);
    expect(run.exitCode).toBe(EXIT_CODES.delivered);
    const parsed = await simpleParser(outboxMessage());
    expect(parsed.headers.get('feedback-id')).toBe('digest-2025-06-27:kdispatch');
  });

  it('is refused without a postal address: a digest built before email.postalAddress was set', async () => {
    editDigest((digest) => {
      delete digest.postalAddress;
    });
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv']);
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(
      'site/digests/2025-06-27/digest.json: has no postal address: set email.postalAddress in site.json and build again (CAN-SPAM requires the sender',
    );
  });
});

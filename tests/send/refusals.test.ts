// Inputs the send command must refuse before sending anything, and credentials it must never print.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_UNSUBSCRIBE_SECRET } from '../../src/send/run.ts';
import { EXIT_CODES } from '../../src/send/summary.ts';
import { exitOf, makeProject, recipientAddresses, removeProject, runInProcess, SLUG, spawnSend, writeRecipients } from './helpers.ts';
import { startTestServer, type TestServer } from './smtp-test-server.ts';

let dir: string;
let server: TestServer;

beforeEach(async () => {
  dir = makeProject();
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
  removeProject(dir);
});

describe('refused before sending', () => {
  it('reports every bad CSV row with its line number and sends nothing', async () => {
    writeRecipients(
      dir,
      [
        'email,name',
        'good@example.org,Good',
        'not-an-email,Bad',
        ',No Email',
        'also good@example.org,Space',
        'kim@example.org,Kim, Jong',
        'ok@example.org,Ok',
      ].join('\n'),
    );

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('recipients.csv: line 3: "not-an-email" is not a valid email address');
    expect(run.stderr).toContain('recipients.csv: line 4: email is missing');
    expect(run.stderr).toContain('recipients.csv: line 5: "also good@example.org" is not a valid email address');
    expect(run.stderr).toContain('recipients.csv: line 6: has 3 fields but the header has 2 (quote a name that contains a comma)');
    expect(run.stderr).not.toMatch(/line [27]:/);
    expect(server.connections).toBe(0);
    expect(fs.existsSync(path.join(dir, 'outbox'))).toBe(false);
  });

  it('rejects header injection in CSV names, with line numbers, and sends nothing', async () => {
    writeRecipients(
      dir,
      'email,name\nkim@example.org,Kim\neve@example.org,"Eve\r\nBcc: x@y"\nmallory@example.org,"Mallory\nBcc: x@y"\ntab@example.org,"Tab\there"\n',
    );

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('recipients.csv: line 3: name must be a single line (found a line break): "Eve\\nBcc: x@y"');
    expect(run.stderr).toContain('recipients.csv: line 5: name must be a single line (found a line break): "Mallory\\nBcc: x@y"');
    expect(run.stderr).toContain('recipients.csv: line 7: name must not contain control characters (found U+0009)');
    expect(server.connections).toBe(0);
  });

  it('refuses a suppression list it can not read as addresses, naming the file and line, and sends nothing', async () => {
    writeRecipients(dir, ['kim@example.org', 'lee@example.org']);
    // A headerless export: whole rows are not addresses, so the list must not pass as one that suppresses nobody.
    writeRecipients(dir, 'kim@example.org,Min-ji,unsubscribed\n', 'export.csv');

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url, '--suppress', 'export.csv']);

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('export.csv: line 1: expected an email address, got "kim@example.org,Min-ji,unsubscribed"');
    expect(server.connections).toBe(0);
  });

  it('refuses to send over SMTP without UNSUBSCRIBE_SECRET', async () => {
    writeRecipients(dir, recipientAddresses(2));

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url], { UNSUBSCRIBE_SECRET: undefined });

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('UNSUBSCRIBE_SECRET is not set');
    expect(server.connections).toBe(0);
  });

  it('refuses a short UNSUBSCRIBE_SECRET in words that are not garbled by masking it', async () => {
    writeRecipients(dir, recipientAddresses(2));

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url], { UNSUBSCRIBE_SECRET: 'short' });

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('UNSUBSCRIBE_SECRET is too short: use at least 16 random characters');
    expect(server.connections).toBe(0);
  });

  it('refuses the development secret for SMTP sends, saying why', async () => {
    writeRecipients(dir, recipientAddresses(2));

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url], {
      UNSUBSCRIBE_SECRET: DEV_UNSUBSCRIBE_SECRET,
    });

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain('UNSUBSCRIBE_SECRET is the development secret, which is printed in outbox warnings');
    expect(run.stderr).toContain('anyone could forge unsubscribe links signed with it');
    expect(server.connections).toBe(0);
  });

  it("refuses a secret written in the project's own files, naming the file", async () => {
    writeRecipients(dir, recipientAddresses(2));
    const inThisFile = 'a-secret-that-this-test-file-publishes';

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url], { UNSUBSCRIBE_SECRET: inThisFile });

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain("UNSUBSCRIBE_SECRET is written in the project's own files (tests/send/refusals.test.ts)");
    expect(server.connections).toBe(0);
  });

  it('refuses a secret written in the content, and accepts it for an outbox preview', async () => {
    writeRecipients(dir, recipientAddresses(2));
    const secret = randomBytes(24).toString('base64url');
    fs.writeFileSync(path.join(dir, 'content', 'notes.md'), `Our unsubscribe secret is ${secret}.\n`);

    const sent = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url], { UNSUBSCRIBE_SECRET: secret });
    expect(sent.exitCode).toBe(EXIT_CODES.refused);
    expect(sent.stderr).toContain(`UNSUBSCRIBE_SECRET is written in the project's own files (${path.join(dir, 'content', 'notes.md')})`);
    expect(server.connections).toBe(0);

    const previewed = await runInProcess(dir, ['--recipients', 'recipients.csv'], { UNSUBSCRIBE_SECRET: secret });
    expect(previewed.exitCode).toBe(0);
  });

  it('refuses a digest whose HTML has no unsubscribe merge tag', async () => {
    writeRecipients(dir, recipientAddresses(2));
    const htmlFile = path.join(dir, 'site/digests', SLUG, 'email.html');
    fs.writeFileSync(htmlFile, fs.readFileSync(htmlFile, 'utf8').replaceAll('*|UNSUB|*', '#'));

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(`site/digests/${SLUG}/email.html: has no *|UNSUB|* merge tag`);
    expect(server.connections).toBe(0);
  });

  it('exits 2 from the real CLI on a bad CSV, with nothing sent', async () => {
    writeRecipients(dir, 'email,name\nbroken@,Broken\n');

    const child = spawnSend(dir, ['--recipients', 'recipients.csv', '--smtp', server.url]);

    expect((await exitOf(child)).code).toBe(EXIT_CODES.refused);
    expect(child.output()).toContain('recipients.csv: line 2: "broken@" is not a valid email address');
    expect(server.connections).toBe(0);
  });
});

describe('SMTP credentials', () => {
  const user = 'dispatch-mailer';
  const pass = 'Pa55-w0rd/with:specials';

  it('are never printed when the login fails', async () => {
    await server.stop();
    server = await startTestServer({ credentials: { user, pass } });
    writeRecipients(dir, recipientAddresses(4));
    const wrong = `smtp://${user}:${encodeURIComponent('Wr0ng-pa55word')}@127.0.0.1:${server.port}`;

    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', wrong, '--connections', '1']);

    expect(run.exitCode).toBe(EXIT_CODES.incomplete);
    expect(run.summary?.stoppedBecause).toMatch(/535/);
    expect(run.summary?.notAttempted).toBe(3);
    const everything = run.stdout + run.stderr + fs.readFileSync(path.join(dir, 'outbox', `${SLUG}.journal`), 'utf8');
    expect(everything).toContain(`smtp://***:***@127.0.0.1:${server.port}`);
    for (const secret of [user, 'Wr0ng-pa55word', Buffer.from(user).toString('base64')]) expect(everything).not.toContain(secret);
  });

  it('are never printed on a successful authenticated run, from the CLI with --smtp env and SMTP_URL', async () => {
    await server.stop();
    server = await startTestServer({ credentials: { user, pass } });
    writeRecipients(dir, recipientAddresses(3));

    const child = spawnSend(dir, ['--recipients', 'recipients.csv', '--smtp', 'env'], {
      SMTP_URL: `smtp://${user}:${encodeURIComponent(pass)}@127.0.0.1:${server.port}`,
    });

    expect((await exitOf(child)).code, child.output()).toBe(EXIT_CODES.delivered);
    expect(server.seen.filter((m) => m.accepted)).toHaveLength(3);
    const everything = child.output() + fs.readFileSync(path.join(dir, 'outbox', `${SLUG}.journal`), 'utf8');
    expect(everything).toContain('smtp://***:***@127.0.0.1');
    for (const secret of [user, pass, encodeURIComponent(pass)]) expect(everything).not.toContain(secret);
  });

  it('mask a user name only as a credential: a reply that uses the word as a word is journaled as it is', async () => {
    await server.stop();
    server = await startTestServer({
      credentials: { user: 'user', pass },
      onRecipient: () => ({ code: 550, message: '5.1.1 No such user' }),
    });
    writeRecipients(dir, recipientAddresses(1));

    const run = await runInProcess(dir, [
      '--recipients',
      'recipients.csv',
      '--smtp',
      `smtp://user:${encodeURIComponent(pass)}@127.0.0.1:${server.port}`,
    ]);

    expect(run.exitCode).toBe(EXIT_CODES.incomplete);
    const journal = fs.readFileSync(path.join(dir, 'outbox', `${SLUG}.journal`), 'utf8');
    expect(journal).toContain('5.1.1 No such user');
    expect(run.stdout).toContain('reader01@example.org: 550 5.1.1 No such user');
    expect(run.stdout + run.stderr + journal).not.toContain(pass);
  });

  it('are not echoed when the URL itself is unusable', async () => {
    writeRecipients(dir, recipientAddresses(1));
    for (const url of [
      `ftp://${user}:${pass}@mail.example.org`,
      `smtp://${user}:hunter2-secret@mail.example.org/x?pool=true`,
      `smtp://${user}:100%-secret@mail.example.org`,
    ]) {
      const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--smtp', url]);
      expect(run.exitCode, url).toBe(EXIT_CODES.refused);
      for (const secret of [user, pass, 'hunter2-secret', '100%-secret']) expect(run.stderr, url).not.toContain(secret);
    }
  });
});

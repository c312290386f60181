// Where `send` writes: never into the published site, the content or the project's own folders, since
// the outbox and the journal hold every recipient's address.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../src/send/summary.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { makeProject, removeProject, runInProcess, writeRecipients } from './helpers.ts';

let dir: string;

beforeEach(() => {
  dir = makeProject();
  writeRecipients(dir, ['kim@example.org']);
});

afterEach(() => removeProject(dir));

/** Every file under the project copy, so a test can tell that a refused run wrote nothing. */
function files(): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('send refuses to write where it must not', () => {
  it('an outbox inside the built site, which would publish the addresses', async () => {
    const before = files();
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--outbox', 'site/mail']);
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(
      `site/mail can not be the outbox: it is inside the built site, which is published (${path.join(dir, 'site')})`,
    );
    expect(run.stderr).toContain('Pass --outbox a folder of its own (the default is outbox/<digest>).');
    expect(files()).toEqual(before);
  });

  it('an outbox that is the content folder, or inside it', async () => {
    const before = files();
    for (const outbox of ['content', 'content/_data/mail']) {
      const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--outbox', outbox]);
      expect(run.exitCode).toBe(EXIT_CODES.refused);
      expect(run.stderr).toContain(`${outbox} can not be the outbox: it is`);
    }
    expect(files()).toEqual(before);
  });

  it('an outbox that is the project, or a folder that holds it or the content', async () => {
    const before = files();
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The temp folder's parent holds the content, and the project too when the project itself is a temp folder
    // (a fresh clone in /tmp): either reason refuses it.
    const cases: Array<[string, RegExp]> = [
      ['.', new RegExp(`can not be the outbox: it holds the content folder \\(${escaped(path.join(dir, 'content'))}\\)`)],
      ['..', /can not be the outbox: it holds the (content|project) folder/],
      [projectRoot, /can not be the outbox: it is the project folder/],
    ];
    for (const [outbox, why] of cases) {
      const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--outbox', outbox]);
      expect(run.exitCode).toBe(EXIT_CODES.refused);
      expect(run.stderr).toMatch(why);
    }
    expect(files()).toEqual(before);
  });

  it('a journal in the published site', async () => {
    const before = files();
    const run = await runInProcess(dir, ['--recipients', 'recipients.csv', '--journal', 'site/send.journal']);
    expect(run.exitCode).toBe(EXIT_CODES.refused);
    expect(run.stderr).toContain(
      'site/send.journal can not be the send journal: its folder site is not a place to write to (it is inside the built site',
    );
    expect(files()).toEqual(before);
  });
});

// The seed digest through SpamAssassin 4 (Debian's, local rules): the build's template message and a message
// `send` writes. Targets: at most 1.0 for the template, 0.0 for a personal message.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSendArgs } from '../../src/send/args.ts';
import { systemClock } from '../../src/send/rate-limit.ts';
import { runSend } from '../../src/send/run.ts';
import { buildInto, realContentDir, tempDir } from '../helpers/site.ts';
import { spamScore } from '../helpers/spamassassin.ts';

const slug = '2025-06-27';
let site: string;

beforeAll(async () => {
  site = await buildInto(realContentDir);
});

const sink = () => ({
  text: '',
  isTTY: false,
  write(chunk: string) {
    this.text += chunk;
    return true;
  },
});

/** Runs `npm run send` in outbox mode for one recipient and returns the .eml it wrote. */
async function sentMessage(): Promise<Buffer> {
  const project = tempDir('dispatch-spam-send-');
  fs.mkdirSync(path.join(project, 'content', '_data'), { recursive: true });
  fs.copyFileSync(path.join(realContentDir, '_data', 'site.json'), path.join(project, 'content', '_data', 'site.json'));
  fs.writeFileSync(path.join(project, 'recipients.csv'), 'email,name\nkim.minji@example.org,Kim Min-ji\n');
  const options = parseSendArgs(['--digest', slug, '--site', site, '--recipients', 'recipients.csv']);
  if (!options) throw new Error('unreachable: no --help');
  const stderr = sink();
  const result = await runSend(options, {
    cwd: project,
    env: { UNSUBSCRIBE_SECRET: 'spam-test-unsubscribe-secret-0123456789' },
    stdout: sink(),
    stderr,
    clock: systemClock,
  });
  expect(result.exitCode, stderr.text).toBe(0);
  const outbox = path.join(project, 'outbox', slug);
  const [file] = fs.readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  return fs.readFileSync(path.join(outbox, file ?? ''));
}

describe('SpamAssassin', () => {
  it("scores the build's template message.eml at most 1.0", () => {
    const { score, rules } = spamScore(fs.readFileSync(path.join(site, 'digests', slug, 'message.eml')));
    expect(score, `rules that fired: ${rules.join(', ') || 'none'}`).toBeLessThanOrEqual(1.0);
  });

  it('scores a message written by send at 0.0', async () => {
    const { score, rules } = spamScore(await sentMessage());
    expect(score, `rules that fired: ${rules.join(', ') || 'none'}`).toBeLessThanOrEqual(0);
    expect(rules).toEqual([]);
  });
});

// The service refuses to start, listing every problem, on settings it can not use; and reads the ones it can.
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { readSubscriptionsConfig, SubscriptionsConfigError } from '../../src/subscriptions/config.ts';
import { runCli } from '../helpers/cli.ts';
import { makeServiceProject, removeProject } from './helpers.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) removeProject(dir);
  dir = undefined;
});

function problemsOf(argv: string[], env: Record<string, string>): string[] {
  try {
    readSubscriptionsConfig(argv, { CONTENT_DIR: path.join(dir ?? '', 'content'), ...env }, dir ?? '');
  } catch (error) {
    if (error instanceof SubscriptionsConfigError) return error.problems;
    throw error;
  }
  return [];
}

it('reads the defaults: 127.0.0.1:8787, the embedded database in data/subscribers, the outbox, site.json’s pages', () => {
  dir = makeServiceProject();
  const config = readSubscriptionsConfig([], { CONTENT_DIR: path.join(dir, 'content'), UNSUBSCRIBE_SECRET: 'x'.repeat(16) }, dir);
  expect(config).toMatchObject({
    host: '127.0.0.1',
    port: 8787,
    database: { kind: 'embedded', dir: path.join(dir, 'data', 'subscribers') },
    delivery: { kind: 'outbox', dir: path.join(dir, 'outbox', 'subscriptions') },
    subscribesPerMinute: 5,
    trustProxy: false,
    site: {
      serviceUrl: 'https://dispatch.example.org',
      pages: { checkInbox: 'https://dispatch.example.org/newsletter/check-your-inbox/' },
    },
  });
  expect(config?.notes).toContain('note: BOUNCES_SECRET is not set, so POST /bounces is switched off');
});

it('lists every problem at once: short secrets, a bad port and ARN, SMTP without a secret', () => {
  dir = makeServiceProject();
  const problems = problemsOf(['--smtp', 'smtp://127.0.0.1:2525', '--subscribe-rate', '0'], {
    PORT: 'eighty',
    BOUNCES_SECRET: 'short',
    SES_TOPIC_ARNS: 'arn:aws:sns:eu-west-1:123456789012:ok,not-an-arn',
    DATABASE_URL: 'mysql://x',
  });
  expect(problems).toEqual([
    'PORT must be a port number (0–65535), got "eighty"',
    '--subscribe-rate must be a positive number, got "0"',
    'UNSUBSCRIBE_SECRET is not set: it signs confirmation and unsubscribe links, so real mail can not go out without it',
    'BOUNCES_SECRET is too short: use at least 16 random characters',
    'SES_TOPIC_ARNS: "not-an-arn" is not an SNS topic ARN',
    'DATABASE_URL must start with postgres:// or postgresql://',
  ]);
});

it('needs subscribe.serviceUrl in site.json, naming the file', () => {
  dir = makeServiceProject((site) => {
    delete site.subscribe;
  });
  expect(problemsOf([], {})).toEqual([
    expect.stringMatching(/content\/_data\/site\.json: subscribe\.serviceUrl is not set: the service needs its public address/),
  ]);
});

it('exits 2 from the command line with the problems, and prints its usage on --help', () => {
  dir = makeServiceProject();
  const refused = runCli('subscriptions.ts', [], {
    CONTENT_DIR: path.join(dir, 'content'),
    PORT: '99999',
    SUBSCRIBERS_DIR: path.join(dir, 'db'),
  });
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('subscriptions: not started:\n  PORT must be a port number');
  const help = runCli('subscriptions.ts', ['--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('--subscribe-rate <n>');
});

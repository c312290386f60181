// A subscription service for tests: a temp project, the service on 127.0.0.1 (port 0) over a chosen database,
// and ways to read what it mailed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { realContentDir } from '../helpers/site.ts';
import { readSubscriptionsConfig, type SubscriptionsConfig } from '../../src/subscriptions/config.ts';
import { startSubscriptionService, type RunningService, type ServiceOptions } from '../../src/subscriptions/server.ts';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';

// send's own test secret (made afresh for each run: one written in the project's files is refused for SMTP
// sends), so the links send writes are the ones the service accepts.
import { SECRET } from '../send/helpers.ts';

export { SECRET };
export const BOUNCES_SECRET = 'test-bounces-secret-0123456789';
export const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:dispatch-bounces';
export const LIST_ID = 'digest.dispatch.example.org';
/** site.json's public addresses; requests go to the service's own 127.0.0.1 address instead */
export const PUBLIC_ORIGIN = 'https://dispatch.example.org';

/** A temp project with a copy of content/_data/site.json (its subscribe block as shipped, or changed by `edit`). */
export function makeServiceProject(edit?: (site: Record<string, unknown>) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-subscriptions-'));
  const dataDir = path.join(dir, 'content', '_data');
  fs.mkdirSync(dataDir, { recursive: true });
  const site = JSON.parse(fs.readFileSync(path.join(realContentDir, '_data', 'site.json'), 'utf8')) as Record<string, unknown>;
  edit?.(site);
  fs.writeFileSync(path.join(dataDir, 'site.json'), JSON.stringify(site, null, 2));
  return dir;
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The environment naming the database, as the commands read it. */
export function databaseEnv(location: DatabaseLocation): Record<string, string> {
  return location.kind === 'postgres' ? { DATABASE_URL: location.url } : { SUBSCRIBERS_DIR: location.dir };
}

export function serviceConfig(
  dir: string,
  location: DatabaseLocation,
  flags: string[] = [],
  env: Record<string, string> = {},
): SubscriptionsConfig {
  const config = readSubscriptionsConfig(
    ['--outbox', path.join(dir, 'outbox'), ...flags],
    {
      UNSUBSCRIBE_SECRET: SECRET,
      BOUNCES_SECRET,
      SES_TOPIC_ARNS: TOPIC_ARN,
      PORT: '0',
      CONTENT_DIR: path.join(dir, 'content'),
      ...databaseEnv(location),
      ...env,
    },
    dir,
  );
  if (config === undefined) throw new Error('--help given to serviceConfig');
  return config;
}

export interface TestService extends RunningService {
  config: SubscriptionsConfig;
  logs: string[];
  /** a request to the service; `path` may be a public URL from site.json or an email, mapped to 127.0.0.1 */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** POST /subscribe with a form body */
  subscribe(fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

export async function startService(
  dir: string,
  location: DatabaseLocation,
  { flags = [], env = {}, options = {} }: { flags?: string[]; env?: Record<string, string>; options?: ServiceOptions } = {},
): Promise<TestService> {
  const config = serviceConfig(dir, location, flags, env);
  const logs: string[] = [];
  const service = await startSubscriptionService(config, { log: (line) => logs.push(line), ...options });
  const request = (target: string, init: RequestInit = {}) => {
    const url = target.startsWith(PUBLIC_ORIGIN) ? service.url + target.slice(PUBLIC_ORIGIN.length) : new URL(target, service.url).href;
    return fetch(url, { redirect: 'manual', ...init });
  };
  return {
    ...service,
    config,
    logs,
    request,
    subscribe: (fields, headers = {}) => request('/subscribe', { method: 'POST', body: new URLSearchParams(fields), headers }),
  };
}

export interface OutboxMessage {
  file: string;
  parsed: ParsedMail;
  text: string;
}

/** Every .eml in the project's outbox folder, parsed. */
export async function readOutbox(dir: string, folder = 'outbox'): Promise<OutboxMessage[]> {
  const outbox = path.join(dir, folder);
  if (!fs.existsSync(outbox)) return [];
  const files = fs
    .readdirSync(outbox)
    .filter((file) => file.endsWith('.eml'))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(fs.readFileSync(path.join(outbox, file)));
      return { file, parsed, text: parsed.text ?? '' };
    }),
  );
}

export function outboxMessageFor(messages: readonly OutboxMessage[], email: string): OutboxMessage {
  const found = messages.filter((message) => {
    const to = message.parsed.to;
    return to !== undefined && !Array.isArray(to) && to.value.some((entry) => entry.address === email);
  });
  if (found.length !== 1) throw new Error(`expected one message to ${email} in the outbox, found ${found.length}`);
  return found[0] as OutboxMessage;
}

/** The confirmation link in a confirmation email's text part. */
export function confirmationLink(message: OutboxMessage): string {
  const link = /https?:\/\/\S+\/confirm\?token=\S+/.exec(message.text)?.[0];
  if (link === undefined) throw new Error(`no confirmation link in:\n${message.text}`);
  return link;
}

/** The https target of a message's List-Unsubscribe header. */
export function listUnsubscribeUrl(parsed: ParsedMail): string {
  const line = parsed.headerLines.find((header) => header.key === 'list-unsubscribe')?.line ?? '';
  const url = /<(https:[^>]+)>/.exec(line)?.[1];
  if (url === undefined) throw new Error(`no https List-Unsubscribe in ${JSON.stringify(line)}`);
  return url;
}

/** Resolves once `condition` holds; the test's own timeout bounds the wait. */
export async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

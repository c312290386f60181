// The service's settings, read once at start from flags, the environment and site.json, then passed in.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '../shared/errors.ts';
import { displayPath, resolvePaths } from '../shared/paths.ts';
import { loadSite } from '../content/site.ts';
import type { Address } from '../email/mime.ts';
import { SMTP_FROM_ENV } from '../send/args.ts';
import { SendRefusedError } from '../send/errors.ts';
import { DEV_UNSUBSCRIBE_SECRET, MIN_UNSUBSCRIBE_SECRET_LENGTH } from '../send/run.ts';
import { parseSmtpUrl, type SmtpTarget } from '../send/smtp-url.ts';
import { databaseLocation, type DatabaseLocation } from './storage/database.ts';

/** Something in the flags, environment or site.json keeps the service from starting; each problem says what. */
export class SubscriptionsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SubscriptionsConfigError';
  }
}

export interface ServiceSite {
  title: string;
  /** the site's address, without a trailing slash */
  url: string;
  /** the site's language and locale: the service's pages and emails are in them */
  language: string;
  locale: string;
  listId: string;
  from: Address;
  replyTo?: Address;
  unsubscribeUrl: string;
  unsubscribeMailto: string;
  /** where confirmation links point: the service's public address */
  serviceUrl: string;
  /** absolute URLs of the site's static pages the service redirects to */
  pages: { checkInbox: string; subscribed: string; unsubscribed: string };
  softBounceLimit: number;
}

export type ConfirmationDelivery = { kind: 'smtp'; target: SmtpTarget } | { kind: 'outbox'; dir: string; display: string };

export interface SubscriptionsConfig {
  host: string;
  port: number;
  database: DatabaseLocation;
  /** signs and checks unsubscribe tokens (the same secret `send` uses) and, under a derived key, confirmation tokens */
  unsubscribeSecret: string;
  /** the bearer secret of POST /bounces; without it the endpoint does not exist */
  bouncesSecret?: string;
  /** SNS topics whose SES notifications are accepted */
  sesTopicArns: string[];
  /** take the client's address from X-Forwarded-For (last entry), as set by the reverse proxy */
  trustProxy: boolean;
  /** POST /subscribe requests per minute from one address */
  subscribesPerMinute: number;
  confirmationTtlMs: number;
  /** a pending address gets another confirmation email at most this often */
  resendAfterMs: number;
  delivery: ConfirmationDelivery;
  site: ServiceSite;
  /** warnings and notes to print at start */
  notes: string[];
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_SUBSCRIBES_PER_MINUTE = 5;
export const CONFIRMATION_TTL_HOURS = 48;
const MIN_BOUNCES_SECRET_LENGTH = 16;

export const USAGE = `Usage: npm run subscriptions -- [options]

  --smtp <url>|env          send confirmation emails over SMTP (to this URL, or the one in $SMTP_URL); without
                            it they are written to the outbox folder and nothing leaves the machine
  --outbox <dir>            outbox folder for confirmation emails (default outbox/subscriptions/)
  --subscribe-rate <n>      POST /subscribe requests per minute from one client address (default ${DEFAULT_SUBSCRIBES_PER_MINUTE})
  --trust-proxy             take the client address from X-Forwarded-For (behind nginx or Caddy only)
  --help                    show this help

Environment: HOST (default 127.0.0.1), PORT (default ${DEFAULT_PORT}), DATABASE_URL (postgres://…; default: the
embedded database in SUBSCRIBERS_DIR or data/subscribers/), UNSUBSCRIBE_SECRET, BOUNCES_SECRET, SES_TOPIC_ARNS,
SMTP_URL, CONTENT_DIR. See docs/subscriptions.md.
`;

type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        smtp: { type: 'string' },
        outbox: { type: 'string' },
        'subscribe-rate': { type: 'string' },
        'trust-proxy': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    // parseArgs echoes a stray value, which may be an SMTP URL with a password in it.
    const { code, message } = error as NodeJS.ErrnoException;
    throw new SubscriptionsConfigError([
      code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? 'unexpected argument without a flag (flags look like --name value)' : message,
    ]);
  }
}

function delivery(flags: ReturnType<typeof parseFlags>, env: Env, cwd: string, notes: string[]): ConfirmationDelivery {
  if (flags.smtp === undefined) {
    if (nonEmpty(env.SMTP_URL))
      notes.push(`note: SMTP_URL is set but ignored without --smtp ${SMTP_FROM_ENV}; confirmation emails go to the outbox`);
    const dir = path.resolve(cwd, flags.outbox ?? path.join('outbox', 'subscriptions'));
    return { kind: 'outbox', dir, display: displayPath(dir, cwd) };
  }
  if (flags.outbox !== undefined) throw new SubscriptionsConfigError(['--smtp and --outbox both given: choose one']);
  const url = flags.smtp === SMTP_FROM_ENV ? nonEmpty(env.SMTP_URL) : flags.smtp;
  if (url === undefined) throw new SubscriptionsConfigError([`--smtp ${SMTP_FROM_ENV} given, but SMTP_URL is not set`]);
  try {
    return { kind: 'smtp', target: parseSmtpUrl(url) };
  } catch (error) {
    if (error instanceof SendRefusedError) throw new SubscriptionsConfigError(error.problems);
    throw error;
  }
}

function serviceSite(contentDir: string): ServiceSite {
  let site;
  try {
    site = loadSite(contentDir);
  } catch (error) {
    if (error instanceof ContentError) throw new SubscriptionsConfigError(error.problems);
    throw error;
  }
  const file = displayPath(path.join(contentDir, '_data', 'site.json'));
  const subscribe = site.subscribe;
  if (subscribe?.serviceUrl === undefined) {
    throw new SubscriptionsConfigError([
      `${file}: subscribe.serviceUrl is not set: the service needs its public address for confirmation links (see docs/subscriptions.md)`,
    ]);
  }
  return {
    title: site.title,
    url: site.url,
    language: site.language,
    locale: site.locale,
    listId: site.email.listId,
    from: site.email.from,
    ...(site.email.replyTo ? { replyTo: site.email.replyTo } : {}),
    unsubscribeUrl: site.email.unsubscribeUrl,
    unsubscribeMailto: site.email.unsubscribeMailto,
    serviceUrl: subscribe.serviceUrl,
    pages: {
      checkInbox: site.url + subscribe.pages.checkInbox,
      subscribed: site.url + subscribe.pages.subscribed,
      unsubscribed: site.url + subscribe.pages.unsubscribed,
    },
    softBounceLimit: subscribe.softBounceLimit,
  };
}

/** Returns undefined for --help; throws SubscriptionsConfigError listing what is wrong. */
export function readSubscriptionsConfig(argv: readonly string[], env: Env, cwd: string): SubscriptionsConfig | undefined {
  const flags = parseFlags(argv);
  if (flags.help) return undefined;
  const notes: string[] = [];
  const problems: string[] = [];

  const port = nonEmpty(env.PORT) === undefined ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number (0–65535), got ${JSON.stringify(env.PORT)}`);
  const rate = flags['subscribe-rate'] === undefined ? DEFAULT_SUBSCRIBES_PER_MINUTE : Number(flags['subscribe-rate']);
  if (!Number.isFinite(rate) || rate <= 0)
    problems.push(`--subscribe-rate must be a positive number, got ${JSON.stringify(flags['subscribe-rate'])}`);

  const chosen = delivery(flags, env, cwd, notes);
  let unsubscribeSecret = nonEmpty(env.UNSUBSCRIBE_SECRET);
  if (unsubscribeSecret === undefined) {
    if (chosen.kind === 'smtp')
      problems.push('UNSUBSCRIBE_SECRET is not set: it signs confirmation and unsubscribe links, so real mail can not go out without it');
    notes.push(
      `warning: UNSUBSCRIBE_SECRET is not set; using the development secret "${DEV_UNSUBSCRIBE_SECRET}", as send does in outbox mode`,
    );
    unsubscribeSecret = DEV_UNSUBSCRIBE_SECRET;
  } else if (unsubscribeSecret.length < MIN_UNSUBSCRIBE_SECRET_LENGTH) {
    problems.push(`UNSUBSCRIBE_SECRET is too short: use at least ${MIN_UNSUBSCRIBE_SECRET_LENGTH} random characters`);
  }
  const bouncesSecret = nonEmpty(env.BOUNCES_SECRET);
  if (bouncesSecret === undefined) notes.push('note: BOUNCES_SECRET is not set, so POST /bounces is switched off');
  else if (bouncesSecret.length < MIN_BOUNCES_SECRET_LENGTH)
    problems.push(`BOUNCES_SECRET is too short: use at least ${MIN_BOUNCES_SECRET_LENGTH} random characters`);
  const sesTopicArns = (env.SES_TOPIC_ARNS ?? '')
    .split(',')
    .map((arn) => arn.trim())
    .filter((arn) => arn !== '');
  for (const arn of sesTopicArns)
    if (!/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/.test(arn))
      problems.push(`SES_TOPIC_ARNS: ${JSON.stringify(arn)} is not an SNS topic ARN`);

  let database: DatabaseLocation | undefined;
  try {
    database = databaseLocation(env, cwd);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let site: ServiceSite | undefined;
  try {
    site = serviceSite(resolvePaths(env, cwd).contentDir);
  } catch (error) {
    if (!(error instanceof SubscriptionsConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || database === undefined || site === undefined) throw new SubscriptionsConfigError(problems);
  if (new URL(site.unsubscribeUrl).pathname !== '/unsubscribe') {
    notes.push(
      `note: email.unsubscribeUrl is ${site.unsubscribeUrl}; the service answers at /unsubscribe, so the reverse proxy must pass that URL to it`,
    );
  }

  return {
    host: nonEmpty(env.HOST) ?? '127.0.0.1',
    port,
    database,
    unsubscribeSecret,
    ...(bouncesSecret ? { bouncesSecret } : {}),
    sesTopicArns,
    trustProxy: flags['trust-proxy'],
    subscribesPerMinute: rate,
    confirmationTtlMs: CONFIRMATION_TTL_HOURS * 3_600_000,
    resendAfterMs: 5 * 60_000,
    delivery: chosen,
    site,
    notes,
  };
}

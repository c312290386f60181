// Command-line flags of `npm run send`, read into options with every value checked.
import { parseArgs } from 'node:util';
import { SendRefusedError } from './errors.ts';

/** `--smtp env`: send over SMTP with the URL in $SMTP_URL, so the password stays out of the shell history. */
export const SMTP_FROM_ENV = 'env';

/** `--recipients db`: the confirmed subscribers of the list `npm run subscriptions` keeps, instead of a CSV. */
export const RECIPIENTS_FROM_DATABASE = 'db';

export interface SendOptions {
  digest: string;
  recipients: string;
  /** --smtp: an SMTP URL, or SMTP_FROM_ENV; absent means outbox mode, whatever the environment holds */
  smtp?: string;
  journal?: string;
  /** messages per second over SMTP */
  rate?: number;
  outbox?: string;
  site?: string;
  suppress?: string;
  resendInDoubt: boolean;
  retryBaseMs: number;
  maxAttempts: number;
  connections: number;
}

export const USAGE = `Usage: npm run send -- --digest <slug> --recipients <file.csv> [options]

  --digest <slug>         digest to send, read from <site>/digests/<slug>/
  --recipients <file>|db  CSV with a header row: email (required), name (optional); or "db" for the confirmed
                          subscribers in the subscriber list (DATABASE_URL, or data/subscribers/)
  --smtp <url>|env        send for real: smtp://user:pass@host:port or smtps://…, or "env" for the URL
                          in $SMTP_URL; without --smtp, messages are written to the outbox folder and
                          nothing leaves the machine (even if SMTP_URL is set)
  --outbox <dir>          outbox folder (default outbox/<slug>/)
  --journal <file>        send journal (default outbox/<slug>.journal; <outbox>/journal.jsonl in outbox mode)
  --rate <n>              at most n messages per second over SMTP
  --connections <n>       parallel SMTP connections (default 3)
  --retry-base-ms <ms>    first retry delay after a temporary failure, doubled each time (default 2000)
  --max-attempts <n>      tries per recipient for temporary failures (default 5)
  --site <dir>            built site (default $OUTPUT_DIR or _site)
  --suppress <file>       suppression list, overriding email.suppressionFile in site.json
  --resend-in-doubt       re-send recipients a crashed run left in doubt, with the same Message-ID
  --help                  show this help
`;

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new SendRefusedError([`--${flag} must be a positive ${integer ? 'whole ' : ''}number, got ${JSON.stringify(value)}`]);
  }
  return number;
}

const SMTP_VALUE_EXPECTED = `--smtp needs a value: an smtp:// or smtps:// URL, or "${SMTP_FROM_ENV}" to use the URL in $SMTP_URL`;

/** Returns undefined for --help; throws SendRefusedError for anything it can not use. */
export function parseSendArgs(argv: readonly string[]): SendOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        digest: { type: 'string' },
        recipients: { type: 'string' },
        smtp: { type: 'string' },
        journal: { type: 'string' },
        rate: { type: 'string' },
        outbox: { type: 'string' },
        site: { type: 'string' },
        suppress: { type: 'string' },
        connections: { type: 'string' },
        'retry-base-ms': { type: 'string' },
        'max-attempts': { type: 'string' },
        'resend-in-doubt': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // A stray value is echoed by parseArgs, and it may be an SMTP URL with a password in it.
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new SendRefusedError(['unexpected argument without a flag (flags look like --name value)']);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /'--smtp[ ']/.test(message)) throw new SendRefusedError([SMTP_VALUE_EXPECTED]);
    throw new SendRefusedError([message]);
  }
  if (values.help) return undefined;
  const missing = (['digest', 'recipients'] as const).filter((flag) => !values[flag]);
  if (missing.length > 0) throw new SendRefusedError(missing.map((flag) => `--${flag} is required`));
  if (values.smtp !== undefined && values.smtp.trim() === '') throw new SendRefusedError([SMTP_VALUE_EXPECTED]);

  return {
    digest: values.digest ?? '',
    recipients: values.recipients ?? '',
    smtp: values.smtp,
    journal: values.journal,
    rate: positiveNumber('rate', values.rate, false),
    outbox: values.outbox,
    site: values.site,
    suppress: values.suppress,
    resendInDoubt: values['resend-in-doubt'],
    retryBaseMs: positiveNumber('retry-base-ms', values['retry-base-ms'], true) ?? 2000,
    maxAttempts: positiveNumber('max-attempts', values['max-attempts'], true) ?? 5,
    connections: positiveNumber('connections', values.connections, true) ?? 3,
  };
}

// Reads an smtp:// or smtps:// URL into pooled-transport settings, keeping the credentials out of anything printable.
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import { SendRefusedError } from './errors.ts';

export interface SmtpTarget {
  /** host, port, TLS and auth; pool settings are added by the caller */
  options: SMTPPoolOptions;
  /** the URL with user and password replaced by *** — the only form that is ever printed */
  display: string;
  /** for the output redactor: the password as given and as written, and the AUTH PLAIN token */
  secrets: string[];
  /** for the output redactor, which masks it only where it appears as a credential */
  usernames: string[];
}

const BOOLEAN_OPTIONS = new Map<string, (options: SMTPPoolOptions, value: boolean) => void>([
  ['tls.rejectUnauthorized', (options, value) => (options.tls = { ...options.tls, rejectUnauthorized: value })],
  ['requireTLS', (options, value) => (options.requireTLS = value)],
]);

const USAGE =
  'expected smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps://user:pass@host:port (TLS from the start)';

/** Parses the URL; error messages never repeat the URL itself, which may hold a password. */
export function parseSmtpUrl(url: string): SmtpTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SendRefusedError([`SMTP URL is not a valid URL: ${USAGE}`]);
  }
  const secure = parsed.protocol === 'smtps:';
  if (!secure && parsed.protocol !== 'smtp:') {
    throw new SendRefusedError([`SMTP URL has scheme "${parsed.protocol.replace(/:$/, '')}": ${USAGE}`]);
  }
  if (parsed.hostname === '') throw new SendRefusedError([`SMTP URL has no host: ${USAGE}`]);
  if (parsed.pathname !== '' && parsed.pathname !== '/') throw new SendRefusedError([`SMTP URL must not have a path: ${USAGE}`]);

  const port = parsed.port === '' ? (secure ? 465 : 587) : Number(parsed.port);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const options: SMTPPoolOptions = { host, port, secure };
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(parsed.username);
    pass = decodeURIComponent(parsed.password);
  } catch {
    throw new SendRefusedError([`SMTP URL user or password is not percent-encoded correctly (write % as %25): ${USAGE}`]);
  }
  if (user !== '' || pass !== '') options.auth = { user, pass };

  for (const [name, value] of parsed.searchParams) {
    const apply = BOOLEAN_OPTIONS.get(name);
    if (!apply) {
      throw new SendRefusedError([`SMTP URL option "${name}" is not supported (supported: ${[...BOOLEAN_OPTIONS.keys()].join(', ')})`]);
    }
    if (value !== 'true' && value !== 'false') throw new SendRefusedError([`SMTP URL option "${name}" must be true or false`]);
    apply(options, value === 'true');
  }

  const credentials = options.auth ? '***:***@' : '';
  const query = parsed.search;
  return {
    options,
    display: `${parsed.protocol}//${credentials}${parsed.host}${query}`,
    secrets: [
      pass,
      parsed.password,
      // The user name as written in the URL, when it differs from the decoded one, is a credential form too.
      parsed.username === user ? '' : parsed.username,
      user === '' && pass === '' ? '' : Buffer.from(`\u0000${user}\u0000${pass}`).toString('base64'),
    ].filter((secret) => secret !== ''),
    usernames: user === '' ? [] : [user],
  };
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1)$/;

/**
 * A warning for smtp:// with a password but without requireTLS=true: a server that offers no STARTTLS (or a
 * network that strips the offer) would get the password in clear text. A relay on this machine is exempt.
 */
export function cleartextPasswordWarning(target: SmtpTarget): string | undefined {
  const { secure, requireTLS, auth, host } = target.options;
  if (secure || requireTLS || auth === undefined || LOOPBACK.test(host ?? '')) return undefined;
  return `warning: ${target.display} may send the password in clear text if the server offers no STARTTLS; add ?requireTLS=true to refuse that`;
}

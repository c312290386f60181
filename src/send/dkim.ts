// DKIM signing for `send`: the domain and selector from site.json, the private key from the environment.
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Site } from '../content/site.ts';
import type { DkimSigning } from '../email/mime.ts';
import { SendRefusedError } from './errors.ts';

/** The PEM private key itself; for a file, DKIM_PRIVATE_KEY_FILE. */
export const DKIM_KEY_ENV = 'DKIM_PRIVATE_KEY';
export const DKIM_KEY_FILE_ENV = 'DKIM_PRIVATE_KEY_FILE';

export interface DkimSetup {
  /** Undefined when messages go out unsigned. */
  signing: DkimSigning | undefined;
  notes: string[];
}

function readKey(env: Readonly<Record<string, string | undefined>>, cwd: string): { pem: string; from: string } | undefined {
  const inline = env[DKIM_KEY_ENV]?.trim() ? env[DKIM_KEY_ENV] : undefined;
  const file = env[DKIM_KEY_FILE_ENV]?.trim() ? env[DKIM_KEY_FILE_ENV] : undefined;
  if (inline !== undefined && file !== undefined) {
    throw new SendRefusedError([`both ${DKIM_KEY_ENV} and ${DKIM_KEY_FILE_ENV} are set: set only one, so it is clear which key signs`]);
  }
  if (inline !== undefined) return { pem: inline, from: DKIM_KEY_ENV };
  if (file === undefined) return undefined;
  try {
    return { pem: fs.readFileSync(path.resolve(cwd, file), 'utf8'), from: `${DKIM_KEY_FILE_ENV} (${file})` };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new SendRefusedError([`${DKIM_KEY_FILE_ENV}: ${file}: ${reason}`]);
  }
}

/**
 * What signs the messages of one run. A key without site.json's `email.dkim`, or a key that is not a PEM
 * private key, refuses the run; `email.dkim` without a key refuses a real send and leaves an outbox unsigned.
 * A From address outside the signing domain is sent, with a note: DMARC will not count the signature.
 */
export function dkimSetup(
  settings: Site['email']['dkim'],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  context: { overSmtp: boolean; fromAddress: string; siteFile: string },
): DkimSetup {
  const key = readKey(env, cwd);
  if (settings === undefined) {
    if (key === undefined) return { signing: undefined, notes: [] };
    throw new SendRefusedError([
      `${key.from} is set, but ${context.siteFile} has no email.dkim: add { "domain": …, "selector": … } so the key can sign`,
    ]);
  }
  if (key === undefined) {
    const missing = `${context.siteFile} sets email.dkim (selector ${settings.selector} of ${settings.domain}), but neither ${DKIM_KEY_ENV} nor ${DKIM_KEY_FILE_ENV} is set`;
    if (context.overSmtp) throw new SendRefusedError([`${missing}: messages would go out unsigned`]);
    return { signing: undefined, notes: [`warning: ${missing}; outbox messages are not signed`] };
  }
  try {
    createPrivateKey(key.pem);
  } catch {
    throw new SendRefusedError([
      `${key.from}: not a PEM private key (expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----")`,
    ]);
  }
  const fromDomain = context.fromAddress.slice(context.fromAddress.lastIndexOf('@') + 1).toLowerCase();
  const domain = settings.domain.toLowerCase();
  const aligned = fromDomain === domain || fromDomain.endsWith(`.${domain}`);
  return {
    signing: { domainName: settings.domain, keySelector: settings.selector, privateKey: key.pem },
    notes: aligned
      ? []
      : [
          `note: messages are signed for ${settings.domain} but sent from ${context.fromAddress}: DMARC counts a DKIM signature only for the From domain or a parent of it`,
        ],
  };
}

// Delivery into a folder: one .eml per recipient, for review or for handing to another sending tool.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { composeEml, type DkimSigning } from '../email/mime.ts';
import type { Delivery } from './delivery.ts';
import { addressKey } from './recipients.ts';

/**
 * A file name that shows the address but can not leave the folder: only [a-z0-9@._+-] survive, a leading dot
 * is replaced, and a hash of the full address keeps two addresses that sanitise alike apart.
 */
export function outboxFileName(email: string): string {
  const key = addressKey(email);
  const readable = key
    .replace(/[^a-z0-9@._+-]/g, '_')
    .replace(/^\./, '_')
    .slice(0, 80);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${readable}.${hash}.eml`;
}

/** The .eml files in `dir` that belong to none of `addresses`: what an earlier run wrote for someone not in this one. */
export function outboxFilesNotFor(dir: string, addresses: readonly string[]): string[] {
  const current = new Set(addresses.map(outboxFileName));
  return fs.readdirSync(dir).filter((file) => file.endsWith('.eml') && !current.has(file));
}

/** `dkim`: each file is signed as the SMTP delivery would sign the message; unsigned when undefined. */
export function createOutboxDelivery(dir: string, displayDir: string, dkim?: DkimSigning): Delivery {
  fs.mkdirSync(dir, { recursive: true });
  return {
    kind: 'outbox',
    destination: displayDir,
    async deliver(message) {
      const recipient = message.to?.address ?? '';
      const file = path.join(dir, outboxFileName(recipient));
      // Written under a temporary name and renamed, so a crash never leaves half a message behind.
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, await composeEml(message, dkim));
      fs.renameSync(partial, file);
      return `written ${path.join(displayDir, path.basename(file))}`;
    },
    close() {},
  };
}

// Confirmation links: an HMAC-signed token carrying the address and an expiry, checked without a database.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenReading = { ok: true; email: string } | { ok: false; problem: 'invalid' | 'expired' };

/** A key of its own, derived from the secret, so a confirmation token can never pass for an unsubscribe token. */
function confirmationKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('dispatch subscription confirmation v1').digest();
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', confirmationKey(secret)).update(payload).digest();
}

/** `<expiry in Unix seconds>.<base64url address>.<base64url HMAC of both>` */
export function confirmationToken(secret: string, email: string, expiresAt: Date): string {
  const payload = `${Math.floor(expiresAt.getTime() / 1000)}.${Buffer.from(email).toString('base64url')}`;
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** Checks the signature (timing-safe) before anything else, then the expiry. */
export function readConfirmationToken(secret: string, token: string, now: Date): TokenReading {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, problem: 'invalid' };
  const [, expires = '', address = '', given = ''] = match;
  const expected = signature(secret, `${expires}.${address}`);
  const givenBytes = Buffer.from(given, 'base64url');
  if (givenBytes.length !== expected.length || givenBytes.toString('base64url') !== given || !timingSafeEqual(givenBytes, expected)) {
    return { ok: false, problem: 'invalid' };
  }
  if (Number(expires) * 1000 < now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, email: Buffer.from(address, 'base64url').toString('utf8') };
}

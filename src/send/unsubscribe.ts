// Per-recipient unsubscribe links: an HMAC token the unsubscribe endpoint can check without a database.
import { createHmac, timingSafeEqual } from 'node:crypto';

function tokenBytes(secret: string, email: string, listId: string): Buffer {
  return createHmac('sha256', secret).update(`${email.toLowerCase()}:${listId}`).digest();
}

/** base64url(HMAC-SHA256(secret, lowercased email + ':' + listId)) */
export function unsubscribeToken(secret: string, email: string, listId: string): string {
  return tokenBytes(secret, email, listId).toString('base64url');
}

/** Timing-safe check of a token taken from an unsubscribe request. */
export function verifyUnsubscribeToken(secret: string, email: string, listId: string, token: string): boolean {
  const expected = tokenBytes(secret, email, listId);
  const given = Buffer.from(token, 'base64url');
  // Buffer.from ignores characters outside the alphabet, so compare the canonical form as well.
  if (given.length !== expected.length || given.toString('base64url') !== token) return false;
  return timingSafeEqual(given, expected);
}

/** `<base>?email=<urlencoded>&token=<token>`, keeping any query the base URL already has. */
export function personalUnsubscribeUrl(baseUrl: string, secret: string, email: string, listId: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('email', email);
  url.searchParams.set('token', unsubscribeToken(secret, email, listId));
  return url.href;
}

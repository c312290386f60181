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

/**
 * `<base>?recipient=<base64url(address)>&token=<token>`, keeping any query the base URL already has. The
 * address is encoded rather than written out: a link carrying the reader's own address in clear is what
 * spam filters score as a tracking or phishing link (SpamAssassin's GB_CUSTOM_HTM_URI), and it would sit in
 * every proxy's and server's logs.
 */
export function personalUnsubscribeUrl(baseUrl: string, secret: string, email: string, listId: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('recipient', Buffer.from(email, 'utf8').toString('base64url'));
  url.searchParams.set('token', unsubscribeToken(secret, email, listId));
  return url.href;
}

/**
 * The address and token of an unsubscribe request made from a personal URL, or undefined when either is
 * missing or malformed; check the token with verifyUnsubscribeToken before acting on the address.
 */
export function unsubscribeRequest(query: URLSearchParams): { email: string; token: string } | undefined {
  const recipient = query.get('recipient');
  const token = query.get('token');
  if (!recipient || !token || !/^[A-Za-z0-9_-]+$/.test(recipient)) return undefined;
  const email = Buffer.from(recipient, 'base64url').toString('utf8');
  return email.includes('@') ? { email, token } : undefined;
}

// Unsubscribe tokens: what the endpoint will check.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personalUnsubscribeUrl, unsubscribeToken, verifyUnsubscribeToken } from '../../src/send/unsubscribe.ts';

const secret = 'test-unsubscribe-secret-0123456789';
const listId = 'digest.dispatch.example.org';

describe('unsubscribe tokens', () => {
  it('are base64url HMAC-SHA256 of the lowercased address and the list id', () => {
    const expected = createHmac('sha256', secret).update(`kim@example.org:${listId}`).digest('base64url');
    expect(unsubscribeToken(secret, 'Kim@Example.org', listId)).toBe(expected);
  });

  it('verify for the same address in any case, and for nothing else', () => {
    const token = unsubscribeToken(secret, 'kim@example.org', listId);
    expect(verifyUnsubscribeToken(secret, 'KIM@example.org', listId, token)).toBe(true);
    expect(verifyUnsubscribeToken(secret, 'lee@example.org', listId, token)).toBe(false);
    expect(verifyUnsubscribeToken(secret, 'kim@example.org', 'other.example.org', token)).toBe(false);
    expect(verifyUnsubscribeToken('another-secret-0123456789', 'kim@example.org', listId, token)).toBe(false);
    expect(verifyUnsubscribeToken(secret, 'kim@example.org', listId, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(
      false,
    );
  });

  it('reject malformed tokens without throwing', () => {
    const token = unsubscribeToken(secret, 'kim@example.org', listId);
    for (const bad of ['', 'abc', `${token}A`, `${token}=`, `${token.slice(0, 10)}!!${token.slice(12)}`, token.replace(/[-_]/g, '+')]) {
      if (bad === token) continue;
      expect(verifyUnsubscribeToken(secret, 'kim@example.org', listId, bad), bad).toBe(false);
    }
  });

  it('go into the unsubscribe URL next to the URL-encoded address', () => {
    const url = new URL(
      personalUnsubscribeUrl('https://dispatch.example.org/unsubscribe?list=digest', secret, 'kim+news@example.org', listId),
    );
    expect(url.searchParams.get('list')).toBe('digest');
    expect(url.searchParams.get('email')).toBe('kim+news@example.org');
    expect(url.search).toContain('email=kim%2Bnews%40example.org');
    expect(verifyUnsubscribeToken(secret, 'kim+news@example.org', listId, url.searchParams.get('token') ?? '')).toBe(true);
  });
});

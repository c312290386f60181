// Unsubscribe tokens: what the endpoint will check.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personalUnsubscribeUrl, unsubscribeRequest, unsubscribeToken, verifyUnsubscribeToken } from '../../src/send/unsubscribe.ts';

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

  it('go into the unsubscribe URL next to the address, which is encoded so no link carries it in clear', () => {
    const url = new URL(
      personalUnsubscribeUrl('https://dispatch.example.org/unsubscribe?list=digest', secret, 'kim+news@example.org', listId),
    );
    expect(url.searchParams.get('list')).toBe('digest');
    expect(url.searchParams.get('recipient')).toBe(Buffer.from('kim+news@example.org').toString('base64url'));
    expect(decodeURIComponent(url.href)).not.toContain('kim+news@example.org');
    const request = unsubscribeRequest(url.searchParams);
    expect(request?.email).toBe('kim+news@example.org');
    expect(verifyUnsubscribeToken(secret, request?.email ?? '', listId, request?.token ?? '')).toBe(true);
  });

  it('are read back from a request only when both parts are there and the address decodes', () => {
    const token = unsubscribeToken(secret, 'kim@example.org', listId);
    const query = (text: string) => unsubscribeRequest(new URLSearchParams(text));
    expect(query(`recipient=${Buffer.from('kim@example.org').toString('base64url')}&token=${token}`)).toEqual({
      email: 'kim@example.org',
      token,
    });
    expect(query(`token=${token}`)).toBeUndefined();
    expect(query(`recipient=${Buffer.from('kim@example.org').toString('base64url')}`)).toBeUndefined();
    expect(query(`recipient=not%20base64&token=${token}`)).toBeUndefined();
    expect(query(`recipient=${Buffer.from('no address').toString('base64url')}&token=${token}`)).toBeUndefined();
  });
});

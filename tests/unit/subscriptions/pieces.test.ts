// The subscription service's small parts: confirmation tokens, the rate limiter, client addresses, what counts as a
// hard bounce in a send, and reading SES notifications.
import { describe, expect, it } from 'vitest';
import { isAddressRefusal, classifySendError } from '../../../src/send/retry.ts';
import { readGenericBounces } from '../../../src/subscriptions/bounces/generic.ts';
import { isSnsUrl, sesBounceReports } from '../../../src/subscriptions/bounces/ses.ts';
import { clientAddress, IpRateLimiter } from '../../../src/subscriptions/ip-rate-limit.ts';
import { confirmationToken, readConfirmationToken } from '../../../src/subscriptions/tokens.ts';
import { unsubscribeToken } from '../../../src/send/unsubscribe.ts';

const SECRET = 'unit-test-secret-0123456789';
const NOW = new Date('2026-03-01T09:00:00Z');

describe('confirmation tokens', () => {
  it('carry the address until they expire', () => {
    const token = confirmationToken(SECRET, 'Kim.Min-ji+digest@example.org', new Date(NOW.getTime() + 60_000));
    expect(readConfirmationToken(SECRET, token, NOW)).toEqual({ ok: true, email: 'Kim.Min-ji+digest@example.org' });
    expect(readConfirmationToken(SECRET, token, new Date(NOW.getTime() + 61_000))).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuse another secret, an altered address or expiry, and an unsubscribe token', () => {
    const token = confirmationToken(SECRET, 'kim@example.org', new Date(NOW.getTime() + 60_000));
    const [expires, address, signature] = token.split('.');
    expect(readConfirmationToken('another-secret-0123456789', token, NOW).ok).toBe(false);
    const otherAddress = Buffer.from('lee@example.org').toString('base64url');
    expect(readConfirmationToken(SECRET, `${expires}.${otherAddress}.${signature}`, NOW)).toEqual({ ok: false, problem: 'invalid' });
    expect(readConfirmationToken(SECRET, `${Number(expires) + 999_999}.${address}.${signature}`, NOW)).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(readConfirmationToken(SECRET, unsubscribeToken(SECRET, 'kim@example.org', 'digest.example.org'), NOW).ok).toBe(false);
    expect(readConfirmationToken(SECRET, '', NOW).ok).toBe(false);
  });
});

describe('the per-address rate limit', () => {
  it('allows a burst, then one request per interval, per address', () => {
    let now = 0;
    const limiter = new IpRateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').retryAfterSeconds).toBe(20);
    now += 20_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('takes the client from X-Forwarded-For only behind a trusted proxy, and then its last entry', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.7, 203.0.113.9', true)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '198.51.100.7', false)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', undefined, true)).toBe('127.0.0.1');
  });
});

describe('which refusals during a send are hard bounces', () => {
  const refusal = (responseCode: number, response: string) => isAddressRefusal(classifySendError({ responseCode, response }));
  it('counts a bad mailbox or domain, not a policy or content refusal, nor a temporary one', () => {
    expect(refusal(550, '550 5.1.1 <kim@example.org>: Recipient address rejected: User unknown')).toBe(true);
    expect(refusal(550, '550 5.2.1 The email account that you tried to reach is disabled')).toBe(true);
    expect(refusal(553, '553 sorry, that domain isn’t in my list of allowed rcpthosts')).toBe(true);
    expect(refusal(550, '550 5.7.1 Message rejected as spam')).toBe(false);
    expect(refusal(552, '552 5.2.2 Mailbox full')).toBe(false);
    expect(refusal(554, '554 Transaction failed')).toBe(false);
    expect(refusal(450, '450 4.1.1 try later')).toBe(false);
  });
});

describe('bounce formats', () => {
  it('reads SES bounces and complaints, by notificationType or eventType', () => {
    expect(
      sesBounceReports(
        JSON.stringify({
          notificationType: 'Bounce',
          bounce: {
            bounceType: 'Undetermined',
            bouncedRecipients: [{ emailAddress: 'kim@example.org' }, { emailAddress: 'not an address' }],
          },
        }),
      ),
    ).toEqual([{ email: 'kim@example.org', type: 'soft', detail: 'Undetermined' }]);
    expect(
      sesBounceReports(
        JSON.stringify({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'lee@example.org' }] } }),
      ),
    ).toEqual([{ email: 'lee@example.org', type: 'complaint' }]);
    expect(sesBounceReports(JSON.stringify({ notificationType: 'Delivery', delivery: {} }))).toEqual([]);
    expect(sesBounceReports('not json')).toEqual([]);
  });

  it('accepts only SNS hosts for certificates and confirmation links', () => {
    expect(isSnsUrl('https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-abc.pem', '.pem')).toBe(true);
    expect(isSnsUrl('https://sns.cn-north-1.amazonaws.com.cn/x.pem', '.pem')).toBe(true);
    expect(isSnsUrl('http://sns.eu-west-1.amazonaws.com/x.pem', '.pem')).toBe(false);
    expect(isSnsUrl('https://sns.eu-west-1.amazonaws.com.evil.example/x.pem', '.pem')).toBe(false);
    expect(isSnsUrl('https://sns.eu-west-1.amazonaws.com:8443/x.pem', '.pem')).toBe(false);
    expect(isSnsUrl('https://sns.eu-west-1.amazonaws.com/x.txt', '.pem')).toBe(false);
  });

  it('names the field of a generic report it can not use', () => {
    expect(readGenericBounces({ email: 'kim@example.org', type: 'bounced' })).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('body: type:')],
    });
    expect(readGenericBounces([{ email: 'kim', type: 'hard' }])).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('body: 0.email:')],
    });
    expect(readGenericBounces({ email: 'kim@example.org', type: 'hard', detail: 'x'.repeat(600) })).toMatchObject({
      ok: true,
      reports: [{ email: 'kim@example.org', type: 'hard', detail: `${'x'.repeat(500)}…` }],
    });
  });
});

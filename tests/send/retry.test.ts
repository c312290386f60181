// Which failures are retried, which are final, and which stop the run.
import { describe, expect, it } from 'vitest';
import { backoffDelay, classifySendError } from '../../src/send/retry.ts';

const smtpError = (responseCode: number, response: string, code = 'EENVELOPE') =>
  Object.assign(new Error(response), { code, responseCode, response });

describe('classifySendError', () => {
  it('retries 4xx replies and 503, gives up on other 5xx replies', () => {
    expect(classifySendError(smtpError(451, '451 4.7.1 Greylisted'))).toEqual({
      kind: 'temporary',
      code: 451,
      response: '451 4.7.1 Greylisted',
      connectionLevel: false,
    });
    expect(classifySendError(smtpError(421, '421 Try later', 'EPROTOCOL')).kind).toBe('temporary');
    expect(classifySendError(smtpError(503, '503 Bad sequence')).kind).toBe('temporary');
    expect(classifySendError(smtpError(550, '550 5.1.1 No such user'))).toEqual({
      kind: 'permanent',
      code: 550,
      response: '550 5.1.1 No such user',
      connectionLevel: false,
    });
    expect(classifySendError(smtpError(552, '552 Message too big', 'EMESSAGE')).kind).toBe('permanent');
  });

  it('retries dropped and refused connections, and marks them connection-level', () => {
    for (const code of ['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'EDNS']) {
      expect(classifySendError(Object.assign(new Error('Connection closed unexpectedly'), { code }))).toEqual({
        kind: 'temporary',
        code,
        response: 'Connection closed unexpectedly',
        connectionLevel: true,
      });
    }
  });

  it('stops the run on login and TLS failures, even with a 5xx reply', () => {
    expect(classifySendError(smtpError(535, '535 5.7.8 Authentication failed', 'EAUTH')).kind).toBe('fatal');
    expect(classifySendError(Object.assign(new Error('no STARTTLS'), { code: 'ETLS' })).kind).toBe('fatal');
  });

  it('treats anything unknown as a permanent failure of that one message', () => {
    expect(classifySendError(new Error('boom'))).toEqual({ kind: 'permanent', response: 'boom', connectionLevel: false });
    expect(classifySendError('weird')).toEqual({ kind: 'permanent', response: 'weird', connectionLevel: false });
  });
});

describe('backoffDelay', () => {
  it('doubles from the base delay and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, 100))).toEqual([100, 200, 400, 800, 1600]);
    expect(backoffDelay(30, 1000, 60_000)).toBe(60_000);
  });
});

// Masking secrets in everything the sender prints.
import { describe, expect, it } from 'vitest';
import { createRedactor, maskUrlCredentials } from '../../src/send/redact.ts';

describe('createRedactor', () => {
  it('masks each secret as given, URL-encoded and base64-encoded', () => {
    const redact = createRedactor({ secrets: ['se/cret@pass'], usernames: ['mailer-user'] });
    const text = `pass se/cret@pass, encoded se%2Fcret%40pass, AUTH LOGIN ${Buffer.from('mailer-user').toString('base64')}`;
    expect(redact(text)).toBe('pass ***, encoded ***, AUTH LOGIN ***');
  });

  it('leaves very short secrets alone rather than garbling every word', () => {
    expect(createRedactor({ secrets: ['ab', ''] })('a cab and a tab')).toBe('a cab and a tab');
  });

  it('masks a user name only where it is a credential, never as a bare word', () => {
    const redact = createRedactor({ secrets: ['hunter2-secret'], usernames: ['resend', 'user', 'postmaster@mg.example.org'] });
    expect(redact('rerun with `--resend-in-doubt`; 550 5.1.1 No such user')).toBe('rerun with `--resend-in-doubt`; 550 5.1.1 No such user');
    expect(redact(`smtp://resend:hunter2-secret@smtp.resend.com AUTH LOGIN ${Buffer.from('resend').toString('base64')}`)).toBe(
      'smtp://***:***@smtp.resend.com AUTH LOGIN ***',
    );
    expect(redact('login postmaster%40mg.example.org')).toBe('login ***');
  });

  it('always masks credentials inside URLs', () => {
    expect(maskUrlCredentials('connect smtps://user:pw@host:465 then https://example.org/u?email=a@b.org')).toBe(
      'connect smtps://***:***@host:465 then https://example.org/u?email=a@b.org',
    );
    expect(createRedactor({ secrets: [] })('smtp://x@host')).toBe('smtp://***:***@host');
  });
});

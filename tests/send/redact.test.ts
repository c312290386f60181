// Masking secrets in everything the sender prints.
import { describe, expect, it } from 'vitest';
import { createRedactor, maskUrlCredentials } from '../../src/send/redact.ts';

describe('createRedactor', () => {
  it('masks each secret as given, URL-encoded and base64-encoded', () => {
    const redact = createRedactor(['se/cret@pass', 'mailer-user']);
    const text = `pass se/cret@pass, encoded se%2Fcret%40pass, AUTH LOGIN ${Buffer.from('mailer-user').toString('base64')}`;
    expect(redact(text)).toBe('pass ***, encoded ***, AUTH LOGIN ***');
  });

  it('leaves very short secrets alone rather than garbling every word', () => {
    expect(createRedactor(['ab', ''])('a cab and a tab')).toBe('a cab and a tab');
  });

  it('always masks credentials inside URLs', () => {
    expect(maskUrlCredentials('connect smtps://user:pw@host:465 then https://example.org/u?email=a@b.org')).toBe(
      'connect smtps://***:***@host:465 then https://example.org/u?email=a@b.org',
    );
    expect(createRedactor([])('smtp://x@host')).toBe('smtp://***:***@host');
  });
});

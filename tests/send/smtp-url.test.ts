// SMTP URLs: TLS as the scheme says, only whitelisted options, credentials kept out of printable text.
import { describe, expect, it } from 'vitest';
import { cleartextPasswordWarning, parseSmtpUrl } from '../../src/send/smtp-url.ts';

describe('parseSmtpUrl', () => {
  it('smtps:// is TLS from the start, on 465 unless given', () => {
    const target = parseSmtpUrl('smtps://AKIAEXAMPLE:se%2Fcret%40pass@email-smtp.eu-west-1.amazonaws.com');
    expect(target.options).toEqual({
      host: 'email-smtp.eu-west-1.amazonaws.com',
      port: 465,
      secure: true,
      auth: { user: 'AKIAEXAMPLE', pass: 'se/cret@pass' },
    });
    expect(target.display).toBe('smtps://***:***@email-smtp.eu-west-1.amazonaws.com');
    expect(target.secrets).toEqual([
      'se/cret@pass',
      'se%2Fcret%40pass',
      Buffer.from('\u0000AKIAEXAMPLE\u0000se/cret@pass').toString('base64'),
    ]);
    expect(target.usernames).toEqual(['AKIAEXAMPLE']);
    expect(parseSmtpUrl('smtp://postmaster%40mg.example.org:pw@smtp.mailgun.org').secrets).toContain('postmaster%40mg.example.org');
  });

  it('smtp:// upgrades with STARTTLS when offered, on 587 unless given; no credentials means no auth', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:2525').options).toEqual({ host: '127.0.0.1', port: 2525, secure: false });
    expect(parseSmtpUrl('smtp://smtp.example.org').options.port).toBe(587);
    expect(parseSmtpUrl('smtp://127.0.0.1:2525').display).toBe('smtp://127.0.0.1:2525');
  });

  it('applies TLS options only when they are written in the URL', () => {
    const target = parseSmtpUrl('smtp://u:p@relay.internal:25?tls.rejectUnauthorized=false&requireTLS=true');
    expect(target.options.tls).toEqual({ rejectUnauthorized: false });
    expect(target.options.requireTLS).toBe(true);
    expect(target.display).toBe('smtp://***:***@relay.internal:25?tls.rejectUnauthorized=false&requireTLS=true');
  });

  it('refuses anything else without repeating the URL', () => {
    const cases: [string, RegExp][] = [
      ['not a url with p4ssw0rd-secret', /^SMTP URL is not a valid URL/],
      ['https://u:p4ssw0rd-secret@example.org', /^SMTP URL has scheme "https"/],
      ['smtp://u:p4ssw0rd-secret@example.org/path', /^SMTP URL must not have a path/],
      ['smtp://u:p4ssw0rd-secret@example.org?pool=true', /^SMTP URL option "pool" is not supported/],
      ['smtp://u:p4ssw0rd-secret@example.org?requireTLS=yes', /^SMTP URL option "requireTLS" must be true or false/],
      ['smtp://u:p4ssw0rd%zz-secret@example.org', /^SMTP URL user or password is not percent-encoded correctly/],
    ];
    for (const [url, message] of cases) {
      expect(() => parseSmtpUrl(url), url).toThrow(message);
      try {
        parseSmtpUrl(url);
      } catch (error) {
        expect((error as Error).message).not.toContain('p4ssw0rd');
      }
    }
  });
});

describe('cleartextPasswordWarning', () => {
  it('warns for a password over smtp:// without requireTLS, unless the relay is on this machine', () => {
    expect(cleartextPasswordWarning(parseSmtpUrl('smtp://u:p@smtp.mailgun.org:587'))).toBe(
      'warning: smtp://***:***@smtp.mailgun.org:587 may send the password in clear text if the server offers no STARTTLS; add ?requireTLS=true to refuse that',
    );
    for (const url of [
      'smtp://u:p@smtp.mailgun.org:587?requireTLS=true',
      'smtps://u:p@smtp.mailgun.org',
      'smtp://smtp.mailgun.org',
      'smtp://u:p@127.0.0.1:2525',
      'smtp://u:p@localhost',
    ]) {
      expect(cleartextPasswordWarning(parseSmtpUrl(url)), url).toBeUndefined();
    }
  });
});

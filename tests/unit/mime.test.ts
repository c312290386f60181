// mime.ts: header-bound values are validated, everything else is encoded by nodemailer and parses back intact.
import fc from 'fast-check';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { HeaderValueError, isValidEmailAddress } from '../../src/email/header-value.ts';
import { composeEml, toMailOptions, type MessageInput } from '../../src/email/mime.ts';
import { testDkimKey, verifyDkim } from '../helpers/dkim.ts';

function message(overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    from: { name: 'The Korea Dispatch', address: 'digest@dispatch.example.org' },
    to: { name: 'Reader One', address: 'reader@example.org' },
    replyTo: { name: 'The Korea Dispatch newsroom', address: 'newsroom@dispatch.example.org' },
    subject: 'North Korea readies more troops for Russia',
    date: new Date('2025-06-27T07:00:00+09:00'),
    messageId: '<2025-06-27.0123456789abcdef01234567@dispatch.example.org>',
    html: '<p>Hello <a href="https://dispatch.example.org/unsubscribe?email=reader%40example.org&amp;token=abc">unsubscribe</a></p>',
    text: 'Hello\n\nUnsubscribe: https://dispatch.example.org/unsubscribe?email=reader%40example.org&token=abc\n',
    listUnsubscribe: {
      url: 'https://dispatch.example.org/unsubscribe?email=reader%40example.org&token=abc',
      mailto: 'unsubscribe@dispatch.example.org',
    },
    listId: 'digest.dispatch.example.org',
    ...overrides,
  };
}

/** `raw` starts with CRLF so that every header line can be matched as '\r\nName: value\r\n'. */
async function parse(input: MessageInput): Promise<{ raw: string; parsed: ParsedMail }> {
  const eml = await composeEml(input);
  return { raw: `\r\n${eml.toString('utf8')}`, parsed: await simpleParser(eml) };
}

function only(addresses: AddressObject | AddressObject[] | undefined) {
  return addresses && !Array.isArray(addresses) ? addresses.value : [];
}

function headerNames(raw: string): string[] {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n', 2));
  return head
    .split('\r\n')
    .filter((line) => line !== '' && !/^\s/.test(line))
    .map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
}

function rejection(input: MessageInput): string {
  try {
    toMailOptions(input);
  } catch (error) {
    expect(error).toBeInstanceOf(HeaderValueError);
    return (error as Error).message;
  }
  throw new Error('expected toMailOptions to reject the message');
}

describe('composeEml', () => {
  it('composes the same message to the same bytes, and another message with other boundaries', async () => {
    const boundary = (eml: Buffer) => /boundary="([^"]+)"/.exec(eml.toString('utf8'))?.[1];
    const first = await composeEml(message());
    expect((await composeEml(message())).equals(first)).toBe(true);
    expect(boundary(first)).toMatch(/^--_NmP-[0-9a-f]{16}-Part_1$/);
    expect(boundary(await composeEml(message({ text: 'Another issue\n' })))).not.toBe(boundary(first));
    expect(boundary(await composeEml(message({ messageId: '<2025-06-27.ffff@dispatch.example.org>' })))).not.toBe(boundary(first));
  });

  it('writes every header of a digest email, and they parse back', async () => {
    const { raw, parsed } = await parse(message());

    expect(headerNames(raw)).toEqual(
      expect.arrayContaining([
        'subject',
        'from',
        'to',
        'reply-to',
        'date',
        'message-id',
        'mime-version',
        'list-unsubscribe',
        'list-unsubscribe-post',
        'list-id',
      ]),
    );
    expect(parsed.subject).toBe('North Korea readies more troops for Russia');
    expect(only(parsed.from)).toEqual([{ name: 'The Korea Dispatch', address: 'digest@dispatch.example.org' }]);
    expect(only(parsed.to)).toEqual([{ name: 'Reader One', address: 'reader@example.org' }]);
    expect(only(parsed.replyTo)).toEqual([{ name: 'The Korea Dispatch newsroom', address: 'newsroom@dispatch.example.org' }]);
    expect(parsed.date?.toISOString()).toBe('2025-06-26T22:00:00.000Z');
    expect(parsed.messageId).toBe('<2025-06-27.0123456789abcdef01234567@dispatch.example.org>');
    expect(raw).toContain('\r\nMIME-Version: 1.0\r\n');
    expect(raw).toContain(
      '\r\nList-Unsubscribe: <https://dispatch.example.org/unsubscribe?email=reader%40example.org&token=abc>, <mailto:unsubscribe@dispatch.example.org?subject=unsubscribe>\r\n',
    );
    expect(raw).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    expect(raw).toMatch(/\r\nList-Id: <digest\.dispatch\.example\.org>\r\n/i);
  });

  it('is multipart/alternative with the text part first, then the HTML, both UTF-8', async () => {
    const { raw, parsed } = await parse(message({ text: '평양 — plain', html: '<p>평양 — html</p>' }));

    expect(raw).toMatch(/Content-Type: multipart\/alternative;/);
    const parts = [...raw.matchAll(/Content-Type: (text\/\w+); charset=utf-8/g)].map((match) => match[1]);
    expect(parts).toEqual(['text/plain', 'text/html']);
    expect(parsed.text).toBe('평양 — plain');
    expect(parsed.html).toBe('<p>평양 — html</p>');
  });

  it('ends every line in CRLF, quoted-printable parts included, and both parts decode back exactly', async () => {
    const text = `Hello 평양\n\n${'A long line of the digest, '.repeat(8)}\nline = two\n`;
    const html = `<p>${'Pyongyang — 평양 '.repeat(20)}</p>\n<p><a href="https://dispatch.example.org/a?b=1&amp;c=2">x</a></p>\n`;
    const { raw, parsed } = await parse(message({ text, html }));

    expect(raw).toMatch(/=\r\n/);
    expect(raw).not.toMatch(/(?<!\r)\n/);
    expect(raw).not.toMatch(/\r(?!\n)/);
    expect(parsed.text).toBe(text);
    expect(parsed.html).toBe(html);
  });

  it('writes an empty To group when there is no recipient (the template message the build writes)', async () => {
    // A message with no To header at all is what spam filters score as missing headers.
    const { raw, parsed } = await parse(message({ to: undefined }));
    expect(raw).toContain('\r\nTo: "undisclosed-recipients":;\r\n');
    expect(only(parsed.to)).toEqual([{ name: 'undisclosed-recipients', group: [] }]);
  });

  it('writes the Feedback-ID header, and refuses one that is not colon-separated identifiers', async () => {
    const { raw } = await parse(message({ feedbackId: 'digest-2025-06-27:kdispatch' }));
    expect(raw).toContain('\r\nFeedback-ID: digest-2025-06-27:kdispatch\r\n');
    expect(headerNames((await parse(message())).raw)).not.toContain('feedback-id');
    expect(rejection(message({ feedbackId: 'digest 27:kdispatch' }))).toBe(
      'feedbackId must look like campaign:SenderId, got "digest 27:kdispatch"',
    );
    expect(rejection(message({ feedbackId: 'a:b\r\nBcc: x@example.org' }))).toBe('feedbackId must be a single line (found a line break)');
  });

  it('signs with DKIM when given a key, in a signature that verifies and covers the headers that matter', async () => {
    const key = testDkimKey();
    const signing = { domainName: key.domain, keySelector: key.selector, privateKey: key.privateKey };
    const eml = await composeEml(message({ feedbackId: 'digest-2025-06-27:kdispatch' }), signing);
    const signature = /^DKIM-Signature: [\s\S]*?\r\n(?=\S)/m.exec(eml.toString('utf8'))?.[0] ?? '';
    expect(signature).toMatch(/d=dispatch\.example\.org;/);
    expect(signature).toMatch(/s=digest2025;/);
    const signed =
      /[;\s]h=([^;]+);/
        .exec(signature.replace(/\r\n\s+/g, ''))?.[1]
        ?.toLowerCase()
        .split(':') ?? [];
    for (const header of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'feedback-id']) expect(signed).toContain(header);
    expect((await verifyDkim(eml, key)).results).toEqual([{ status: 'pass', domain: 'dispatch.example.org', selector: 'digest2025' }]);
    // The same message, changed after signing, no longer verifies; unsigned it has no signature to check.
    const tampered = Buffer.from(eml.toString('utf8').replace('Hello', 'Hullo'));
    expect((await verifyDkim(tampered, key)).results[0]?.status).not.toBe('pass');
    expect((await composeEml(message())).toString('utf8')).not.toContain('DKIM-Signature');
  });

  it('encodes names with commas, quotes and non-ASCII so they parse back exactly', async () => {
    const name = 'Kim, "Jong" 김';
    const { parsed } = await parse(
      message({
        from: { name, address: 'digest@dispatch.example.org' },
        to: { name, address: 'kim@example.org' },
        replyTo: { name, address: 'newsroom@dispatch.example.org' },
      }),
    );

    expect(only(parsed.from)).toEqual([{ name, address: 'digest@dispatch.example.org' }]);
    expect(only(parsed.to)).toEqual([{ name, address: 'kim@example.org' }]);
    expect(only(parsed.replyTo)).toEqual([{ name, address: 'newsroom@dispatch.example.org' }]);
  });

  it('keeps every line within 998 characters, even for HTML with one very long line', async () => {
    const longLine = `<table><tr>${'<td style="padding:0 4px;font-family:Arial,sans-serif;color:#555555;">11,000 병력</td>'.repeat(200)}</tr></table>`;
    const longText = 'word '.repeat(600).trim();
    expect(longLine.length).toBeGreaterThan(10_000);

    const { raw, parsed } = await parse(message({ html: longLine, text: longText, subject: `${'Long subject '.repeat(40)}end` }));

    const longest = Math.max(...raw.split('\r\n').map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(998);
    expect(parsed.html).toBe(longLine);
    expect(parsed.text).toBe(longText);
    expect(parsed.subject).toBe(`${'Long subject '.repeat(40)}end`);
  });

  it('treats header-looking lines in the body as body text', async () => {
    const { parsed } = await parse(message({ text: 'Hi\r\nBcc: evil@x.com\r\n\r\nbody', html: '<p>\r\nBcc: evil@x.com\r\n</p>' }));
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
  });

  it('gives nodemailer transports the same headers as the .eml (toMailOptions is ready for sendMail)', async () => {
    const input = message();
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const sent = await transport.sendMail(toMailOptions(input));
    const raw = Buffer.isBuffer(sent.message) ? `\r\n${sent.message.toString('utf8')}` : '';
    const { raw: eml } = await parse(input);
    expect(headerNames(raw).sort()).toEqual(headerNames(eml).sort());
  });
});

describe('header-bound values', () => {
  it('rejects a subject that would add a header', () => {
    expect(rejection(message({ subject: 'Hi\r\nBcc: evil@x.com' }))).toBe('subject must be a single line (found a line break)');
    expect(rejection(message({ subject: 'Hi\nBcc: evil@x.com' }))).toBe('subject must be a single line (found a line break)');
    expect(rejection(message({ subject: 'Hi\rBcc: evil@x.com' }))).toBe('subject must be a single line (found a line break)');
    expect(rejection(message({ subject: 'Hi\u2028Bcc: evil@x.com' }))).toBe('subject must be a single line (found a line break)');
  });

  it('rejects names that would add a header, in every address field', () => {
    expect(rejection(message({ to: { name: 'Eve\nBcc: x@y', address: 'eve@example.org' } }))).toBe(
      'to.name must be a single line (found a line break)',
    );
    expect(rejection(message({ from: { name: 'Eve\r\nBcc: x@y', address: 'digest@dispatch.example.org' } }))).toBe(
      'from.name must be a single line (found a line break)',
    );
    expect(rejection(message({ replyTo: { name: 'Eve\u0000', address: 'newsroom@dispatch.example.org' } }))).toBe(
      'replyTo.name must not contain control characters (found U+0000)',
    );
    expect(rejection(message({ to: { name: 'Tab\there', address: 'eve@example.org' } }))).toBe(
      'to.name must not contain control characters (found U+0009)',
    );
  });

  it('accepts only one plain mailbox per address', () => {
    expect(rejection(message({ to: { address: 'eve@example.org, x@y.org' } }))).toBe(
      'to.address must be a single valid email address, got "eve@example.org, x@y.org"',
    );
    expect(rejection(message({ to: { address: 'Eve <eve@example.org>' } }))).toMatch(/^to\.address must be a single valid email address/);
    expect(rejection(message({ to: { address: 'eve@example.org\r\nBcc: x@y.org' } }))).toBe(
      'to.address must be a single line (found a line break)',
    );
    expect(rejection(message({ from: { address: 'not-an-address' } }))).toMatch(/^from\.address must be a single valid email address/);
    expect(rejection(message({ listUnsubscribe: { url: 'https://dispatch.example.org/u', mailto: 'u@x.org?cc=x@y.org' } }))).toMatch(
      /^listUnsubscribe\.mailto must be a single valid email address/,
    );
  });

  it('rejects a malformed Message-ID, list id or unsubscribe URL', () => {
    expect(rejection(message({ messageId: '<a@b>\r\nBcc: x@y' }))).toBe('messageId must be a single line (found a line break)');
    expect(rejection(message({ messageId: 'no-brackets@example.org' }))).toMatch(/^messageId must look like <id@domain>/);
    expect(rejection(message({ messageId: '<a@b@c>' }))).toMatch(/^messageId must look like <id@domain>/);
    expect(rejection(message({ listId: 'digest.example.org>\r\nBcc: x@y' }))).toBe('listId must be a single line (found a line break)');
    expect(rejection(message({ listId: 'digest example org' }))).toMatch(/^listId must look like digest\.example\.org/);
    expect(rejection(message({ listUnsubscribe: { url: 'https://x.org/u\r\nBcc: x@y' } }))).toBe(
      'listUnsubscribe.url must be a single line (found a line break)',
    );
    expect(rejection(message({ listUnsubscribe: { url: 'https://x.org/u>, <https://evil.example' } }))).toBe(
      'listUnsubscribe.url must not contain spaces or angle brackets',
    );
    expect(rejection(message({ listUnsubscribe: { url: 'http://x.org/u' } }))).toBe(
      'listUnsubscribe.url must be an https URL, got "http://x.org/u"',
    );
    expect(rejection(message({ subject: '   ' }))).toBe('subject must not be empty');
  });

  it('rejects any subject or name with a line break, whatever surrounds it', () => {
    const lineBreak = fc.constantFrom('\r\n', '\n', '\r');
    fc.assert(
      fc.property(fc.string(), lineBreak, fc.string(), (before, br, after) => {
        expect(() => toMailOptions(message({ subject: `x${before}${br}${after}` }))).toThrow(HeaderValueError);
        expect(() => toMailOptions(message({ to: { name: `${before}${br}${after}`, address: 'a@example.org' } }))).toThrow(
          HeaderValueError,
        );
      }),
    );
  });

  it('round-trips any printable subject and display name through MIME encoding', async () => {
    const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((w) => !/[\s\p{Cc}\u2028\u2029]/u.test(w));
    const phrase = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(phrase, phrase, async (subject, name) => {
        const { parsed } = await parse(message({ subject, to: { name, address: 'reader@example.org' } }));
        expect(parsed.subject).toBe(subject);
        expect(only(parsed.to)).toEqual([{ name, address: 'reader@example.org' }]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('isValidEmailAddress', () => {
  it.each([
    'kim@example.org',
    'Kim.Jong-un+digest@mail.example.co.kr',
    "o'brien@example.org",
    'a/b@example.org',
    'x@xn--3e0b707e.xn--3e0b707e',
  ])('accepts %s', (address) => {
    expect(isValidEmailAddress(address)).toBe(true);
  });

  it.each([
    '',
    'kim',
    'kim@',
    '@example.org',
    'kim@localhost',
    'kim@example',
    'kim@@example.org',
    'kim..jong@example.org',
    '.kim@example.org',
    'kim.@example.org',
    'kim jong@example.org',
    '"kim jong"@example.org',
    'kim@exa_mple.org',
    'kim@-example.org',
    'kim@example.123',
    'kim@[127.0.0.1]',
    '김@example.org',
    'a@b.org, c@d.org',
    `${'a'.repeat(65)}@example.org`,
  ])('rejects %j', (address) => {
    expect(isValidEmailAddress(address)).toBe(false);
  });
});

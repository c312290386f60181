// Personalisation: merge tags, escaping and the stable Message-ID.
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/send/digest.ts';
import { mergeTagFormsInHtml, messageIdFor, personalise, replaceMergeTags } from '../../src/send/personalise.ts';
import { personalUnsubscribeUrl } from '../../src/send/unsubscribe.ts';

const digest: Digest = {
  slug: '2025-06-27',
  subject: 'Subject',
  date: new Date('2025-06-27T07:00:00+09:00'),
  from: { name: 'The Korea Dispatch', address: 'digest@dispatch.example.org' },
  listId: 'digest.dispatch.example.org',
  webUrl: 'https://dispatch.example.org/digests/2025-06-27/?a=1&b=2',
  unsubscribe: { url: 'https://dispatch.example.org/unsubscribe', mailto: 'unsubscribe@dispatch.example.org' },
  mergeTags: { unsubscribe: '*|UNSUB|*', viewInBrowser: '*|ARCHIVE|*' },
  html: '<a href="*|ARCHIVE|*">web</a> <a href="*|UNSUB|*">stop</a> <a href="*|UNSUB|*">stop again</a>',
  text: 'Web: *|ARCHIVE|*\nStop: *|UNSUB|*\nStop: *|UNSUB|*\n',
};
const secret = 'test-unsubscribe-secret-0123456789';
const sentAt = new Date('2026-03-02T09:30:00Z');

describe('messageIdFor', () => {
  it('is stable for a digest and address (in any case), and differs between them', () => {
    const id = messageIdFor('2025-06-27', 'Kim@Example.org', 'digest@dispatch.example.org');
    expect(id).toMatch(/^<2025-06-27\.[0-9a-f]{24}@dispatch\.example\.org>$/);
    expect(messageIdFor('2025-06-27', 'kim@example.org', 'digest@dispatch.example.org')).toBe(id);
    expect(messageIdFor('2025-06-28', 'kim@example.org', 'digest@dispatch.example.org')).not.toBe(id);
    expect(messageIdFor('2025-06-27', 'lee@example.org', 'digest@dispatch.example.org')).not.toBe(id);
  });
});

describe('mergeTagFormsInHtml', () => {
  it('gives the HTML-escaped form and the form as written, once each', () => {
    expect(mergeTagFormsInHtml('https://x.org/u?a=1&b=2')).toEqual(['https://x.org/u?a=1&amp;b=2', 'https://x.org/u?a=1&b=2']);
    expect(mergeTagFormsInHtml('*|UNSUB|*')).toEqual(['*|UNSUB|*']);
  });
});

describe('personalise', () => {
  it('replaces every merge tag, escaping & in the HTML only', () => {
    const message = personalise(digest, { email: 'kim@example.org', name: 'Kim', line: 2 }, secret, sentAt);
    const personal = personalUnsubscribeUrl(digest.unsubscribe.url, secret, 'kim@example.org', digest.listId);
    expect(personal).toContain('&token=');
    expect(message.text).toBe(`Web: ${digest.webUrl}\nStop: ${personal}\nStop: ${personal}\n`);
    expect(message.html).toBe(
      `<a href="https://dispatch.example.org/digests/2025-06-27/?a=1&amp;b=2">web</a> <a href="${personal.replace('&', '&amp;')}">stop</a> <a href="${personal.replace('&', '&amp;')}">stop again</a>`,
    );
    expect(message.listUnsubscribe).toEqual({ url: personal, mailto: 'unsubscribe@dispatch.example.org' });
    expect(message.to).toEqual({ name: 'Kim', address: 'kim@example.org' });
    expect(message.messageId).toBe(messageIdFor(digest.slug, 'kim@example.org', digest.from.address));
  });

  it('dates the message at the time of sending, and keeps the Message-ID whatever the time', () => {
    const later = new Date('2026-03-03T18:00:00Z');
    const first = personalise(digest, { email: 'kim@example.org', line: 2 }, secret, sentAt);
    const second = personalise(digest, { email: 'kim@example.org', line: 2 }, secret, later);
    expect(first.date).toEqual(sentAt);
    expect(second.date).toEqual(later);
    expect(second.messageId).toBe(first.messageId);
  });

  it('personalises a literal unsubscribe URL with & in it: escaped in the HTML, as written in the text', () => {
    const literalUrl = 'https://dispatch.example.org/unsubscribe?list=digest&lang=en';
    const literal: Digest = {
      ...digest,
      unsubscribe: { url: literalUrl },
      mergeTags: { unsubscribe: literalUrl, viewInBrowser: digest.webUrl },
      html: `<a href="${digest.webUrl.replace('&', '&amp;')}">web</a> <a href="${literalUrl.replace('&', '&amp;')}">stop</a>`,
      text: `Web: ${digest.webUrl}\nStop: ${literalUrl}\n`,
    };
    const message = personalise(literal, { email: 'kim@example.org', line: 2 }, secret, sentAt);
    const personal = personalUnsubscribeUrl(literalUrl, secret, 'kim@example.org', digest.listId);
    expect(personal).toMatch(/^https:\/\/dispatch\.example\.org\/unsubscribe\?list=digest&lang=en&recipient=a2ltQGV4YW1wbGUub3Jn&token=/);
    expect(message.text).toBe(`Web: ${digest.webUrl}\nStop: ${personal}\n`);
    expect(message.html).toBe(
      `<a href="https://dispatch.example.org/digests/2025-06-27/?a=1&amp;b=2">web</a> <a href="${personal.replaceAll('&', '&amp;')}">stop</a>`,
    );
  });

  it.each([
    ['Kit', '{{ unsubscribe_url }}'],
    ['SendGrid', '<%asm_global_unsubscribe_raw_url%>'],
    ['Postmark', '{{{ pm:unsubscribe }}}'],
  ])('replaces %s’s unsubscribe tag, as written and HTML-escaped', (_service, tag) => {
    const styled: Digest = {
      ...digest,
      mergeTags: { unsubscribe: tag, viewInBrowser: digest.webUrl },
      html: `<a href="${tag}">stop</a> <a href="${tag.replace(/</g, '&lt;').replace(/>/g, '&gt;')}">stop</a>`,
      text: `Stop: ${tag}\n`,
    };
    const message = personalise(styled, { email: 'kim@example.org', line: 2 }, secret, sentAt);
    const personal = personalUnsubscribeUrl(digest.unsubscribe.url, secret, 'kim@example.org', digest.listId);
    expect(message.text).toBe(`Stop: ${personal}\n`);
    expect(message.html).toBe(`<a href="${personal.replace('&', '&amp;')}">stop</a> <a href="${personal.replace('&', '&amp;')}">stop</a>`);
  });

  it('treats merge tags and their values as literal text', () => {
    expect(
      replaceMergeTags(
        'a $& b $1 c',
        new Map([
          ['$&', 'x'],
          ['$1', '$&'],
        ]),
      ),
    ).toBe('a x b $& c');
  });

  it('replaces in one pass, so a value that contains a tag is not replaced again', () => {
    const values = new Map([
      ['https://x.org/u', 'https://x.org/u?token=1'],
      ['https://x.org/u?token', 'longest wins'],
    ]);
    expect(replaceMergeTags('[https://x.org/u] [https://x.org/u?token]', values)).toBe('[https://x.org/u?token=1] [longest wins]');
  });
});

// Personalisation: merge tags, escaping and the stable Message-ID.
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/send/digest.ts';
import { messageIdFor, personalise, replaceMergeTags } from '../../src/send/personalise.ts';
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

describe('messageIdFor', () => {
  it('is stable for a digest and address (in any case), and differs between them', () => {
    const id = messageIdFor('2025-06-27', 'Kim@Example.org', 'digest@dispatch.example.org');
    expect(id).toMatch(/^<2025-06-27\.[0-9a-f]{24}@dispatch\.example\.org>$/);
    expect(messageIdFor('2025-06-27', 'kim@example.org', 'digest@dispatch.example.org')).toBe(id);
    expect(messageIdFor('2025-06-28', 'kim@example.org', 'digest@dispatch.example.org')).not.toBe(id);
    expect(messageIdFor('2025-06-27', 'lee@example.org', 'digest@dispatch.example.org')).not.toBe(id);
  });
});

describe('personalise', () => {
  it('replaces every merge tag, escaping & in the HTML only', () => {
    const message = personalise(digest, { email: 'kim@example.org', name: 'Kim', line: 2 }, secret);
    const personal = personalUnsubscribeUrl(digest.unsubscribe.url, secret, 'kim@example.org', digest.listId);
    expect(personal).toContain('&token=');
    expect(message.text).toBe(`Web: ${digest.webUrl}\nStop: ${personal}\nStop: ${personal}\n`);
    expect(message.html).toBe(
      `<a href="https://dispatch.example.org/digests/2025-06-27/?a=1&amp;b=2">web</a> <a href="${personal.replace('&', '&amp;')}">stop</a> <a href="${personal.replace('&', '&amp;')}">stop again</a>`,
    );
    expect(message.listUnsubscribe).toEqual({ url: personal, mailto: 'unsubscribe@dispatch.example.org' });
    expect(message.to).toEqual({ name: 'Kim', address: 'kim@example.org' });
    expect(message.messageId).toBe(messageIdFor(digest.slug, 'kim@example.org', digest.from.address));
    expect(message.date).toEqual(digest.date);
  });

  it('treats merge tags and their values as literal text', () => {
    expect(replaceMergeTags('a $& b $1 c', new Map([['$&', 'x'], ['$1', '$&']]))).toBe('a x b $& c');
  });
});

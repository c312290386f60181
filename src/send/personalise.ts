// Turns the digest into one recipient's message: To, personal unsubscribe link, merge tags, stable Message-ID.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../content/html.ts';
import type { MessageInput } from '../email/mime.ts';
import type { Digest } from './digest.ts';
import { addressKey, type Recipient } from './recipients.ts';
import { personalUnsubscribeUrl } from './unsubscribe.ts';

/**
 * `<slug.first-24-hex-of-sha256(address)@from-domain>`: the same digest to the same address always gets the
 * same Message-ID, so a resend can be recognised (and dropped) downstream.
 */
export function messageIdFor(slug: string, email: string, fromAddress: string): string {
  const hash = createHash('sha256').update(addressKey(email)).digest('hex').slice(0, 24);
  const domain = fromAddress.slice(fromAddress.lastIndexOf('@') + 1);
  return `<${slug}.${hash}@${domain}>`;
}

/** Replaces every occurrence of each tag (literal text, not a pattern). */
export function replaceMergeTags(content: string, values: ReadonlyMap<string, string>): string {
  let result = content;
  for (const [tag, value] of values) result = result.split(tag).join(value);
  return result;
}

export function personalise(digest: Digest, recipient: Recipient, unsubscribeSecret: string): MessageInput {
  const unsubscribeUrl = personalUnsubscribeUrl(digest.unsubscribe.url, unsubscribeSecret, recipient.email, digest.listId);
  const textValues = new Map([
    [digest.mergeTags.unsubscribe, unsubscribeUrl],
    [digest.mergeTags.viewInBrowser, digest.webUrl],
  ]);
  const htmlValues = new Map([...textValues].map(([tag, value]) => [tag, escapeHtml(value)]));
  return {
    from: digest.from,
    to: { name: recipient.name, address: recipient.email },
    replyTo: digest.replyTo,
    subject: digest.subject,
    // The digest's own date, not the send time: a resend is then the same message, byte for byte in its headers.
    date: digest.date,
    messageId: messageIdFor(digest.slug, recipient.email, digest.from.address),
    html: replaceMergeTags(digest.html, htmlValues),
    text: replaceMergeTags(digest.text, textValues),
    listUnsubscribe: { url: unsubscribeUrl, mailto: digest.unsubscribe.mailto },
    listId: digest.listId,
  };
}

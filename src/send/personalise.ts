// Turns the digest into one recipient's message: To, personal unsubscribe link, merge tags, stable Message-ID.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../shared/html.ts';
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

/**
 * How a merge tag can appear in the HTML part: HTML-escaped (a literal URL's `&` is written `&amp;` there)
 * and as written. The text part holds it only as written.
 */
export function mergeTagFormsInHtml(tag: string): string[] {
  return [...new Set([escapeHtml(tag), tag])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every occurrence of each tag (literal text, not a pattern) in one pass, longest tag first, so a
 * value is never searched again: a literal unsubscribe tag is the start of its own personal URL.
 */
export function replaceMergeTags(content: string, values: ReadonlyMap<string, string>): string {
  const tags = [...values.keys()].filter((tag) => tag !== '').sort((a, b) => b.length - a.length);
  if (tags.length === 0) return content;
  const pattern = new RegExp(tags.map(escapeRegExp).join('|'), 'g');
  return content.replace(pattern, (tag) => values.get(tag) ?? tag);
}

/** `sentAt` becomes the Date header: the time of sending, passed in so the caller's clock decides it. */
export function personalise(digest: Digest, recipient: Recipient, unsubscribeSecret: string, sentAt: Date): MessageInput {
  const unsubscribeUrl = personalUnsubscribeUrl(digest.unsubscribe.url, unsubscribeSecret, recipient.email, digest.listId);
  const textValues = new Map([
    [digest.mergeTags.unsubscribe, unsubscribeUrl],
    [digest.mergeTags.viewInBrowser, digest.webUrl],
  ]);
  const htmlValues = new Map(
    [...textValues].flatMap(([tag, value]) => mergeTagFormsInHtml(tag).map((form) => [form, escapeHtml(value)] as const)),
  );
  return {
    from: digest.from,
    to: { name: recipient.name, address: recipient.email },
    replyTo: digest.replyTo,
    subject: digest.subject,
    // The time of sending, not the digest's date, which spam filters and mail clients would take as back-dated.
    // A resend is recognised by its Message-ID alone.
    date: sentAt,
    messageId: messageIdFor(digest.slug, recipient.email, digest.from.address),
    html: replaceMergeTags(digest.html, htmlValues),
    text: replaceMergeTags(digest.text, textValues),
    listUnsubscribe: { url: unsubscribeUrl, mailto: digest.unsubscribe.mailto },
    listId: digest.listId,
    ...(digest.feedbackId === undefined ? {} : { feedbackId: digest.feedbackId }),
  };
}

// One digest email as MIME: validates every header-bound value, then lets nodemailer do the encoding.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Options as MailOptions } from 'nodemailer/lib/mailer';
import { assertHeaderValue, ATEXT, headerUrlProblem, HeaderValueError, isValidEmailAddress } from './header-value.ts';

export interface Address {
  name?: string;
  address: string;
}

export interface MessageInput {
  from: Address;
  to?: Address;
  replyTo?: Address;
  subject: string;
  date: Date;
  /** '<id-left@id-right>', angle brackets included */
  messageId: string;
  html: string;
  text: string;
  /** url: the one-click https endpoint (RFC 8058); mailto: a bare address, sent as mailto:…?subject=unsubscribe */
  listUnsubscribe: { url: string; mailto?: string };
  /** bare list id such as 'digest.example.org'; written as List-Id: <digest.example.org> */
  listId?: string;
}

function checkedMailbox(field: string, address: string): string {
  assertHeaderValue(field, address);
  if (!isValidEmailAddress(address)) {
    throw new HeaderValueError(field, `must be a single valid email address, got ${JSON.stringify(address)}`);
  }
  return address;
}

function checkedAddress(field: string, address: Address): { name: string; address: string } | string {
  const mailbox = checkedMailbox(`${field}.address`, address.address);
  if (address.name === undefined) return mailbox;
  assertHeaderValue(`${field}.name`, address.name);
  return address.name.trim() === '' ? mailbox : { name: address.name, address: mailbox };
}

const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/;
const LIST_ID = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)+$`);

function checkedMessageId(messageId: string): string {
  assertHeaderValue('messageId', messageId);
  if (!MESSAGE_ID.test(messageId) || messageId.indexOf('@') !== messageId.lastIndexOf('@')) {
    throw new HeaderValueError('messageId', `must look like <id@domain>, got ${JSON.stringify(messageId)}`);
  }
  return messageId;
}

function checkedHttpsUrl(field: string, url: string): string {
  const problem = headerUrlProblem(url);
  if (problem !== undefined) throw new HeaderValueError(field, problem);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HeaderValueError(field, `must be an absolute URL, got ${JSON.stringify(url)}`);
  }
  // RFC 8058 one-click unsubscribe is only defined for https.
  if (parsed.protocol !== 'https:') {
    throw new HeaderValueError(field, `must be an https URL, got ${JSON.stringify(url)}`);
  }
  return url;
}

function listUnsubscribeValue(listUnsubscribe: MessageInput['listUnsubscribe']): string {
  const targets = [`<${checkedHttpsUrl('listUnsubscribe.url', listUnsubscribe.url)}>`];
  if (listUnsubscribe.mailto !== undefined) {
    targets.push(`<mailto:${checkedMailbox('listUnsubscribe.mailto', listUnsubscribe.mailto)}?subject=unsubscribe>`);
  }
  return targets.join(', ');
}

/**
 * The shared part of the multipart boundaries, from the message itself: nodemailer's default is random,
 * so a rebuild wrote a different message.eml for the same digest. A hash of what the parts carry cannot
 * occur in them, which is all a boundary needs.
 */
function baseBoundary(input: MessageInput): string {
  return createHash('sha256')
    .update(input.messageId)
    .update('\0')
    .update(input.text)
    .update('\0')
    .update(input.html)
    .digest('hex')
    .slice(0, 16);
}

/** Validated nodemailer options for one message, ready for `transport.sendMail`. */
export function toMailOptions(input: MessageInput): MailOptions & { baseBoundary: string } {
  assertHeaderValue('subject', input.subject);
  if (input.subject.trim() === '') throw new HeaderValueError('subject', 'must not be empty');
  if (Number.isNaN(input.date.getTime())) throw new HeaderValueError('date', 'must be a valid date');

  const headers: Record<string, string | { prepared: true; value: string }> = {
    // Values below are validated above and need no encoding, so they are emitted as they are.
    'List-Unsubscribe': { prepared: true, value: listUnsubscribeValue(input.listUnsubscribe) },
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
  if (input.listId !== undefined) {
    assertHeaderValue('listId', input.listId);
    if (!LIST_ID.test(input.listId)) {
      throw new HeaderValueError('listId', `must look like digest.example.org, got ${JSON.stringify(input.listId)}`);
    }
    headers['List-Id'] = { prepared: true, value: `<${input.listId}>` };
  }

  return {
    from: checkedAddress('from', input.from),
    ...(input.to ? { to: checkedAddress('to', input.to) } : {}),
    ...(input.replyTo ? { replyTo: checkedAddress('replyTo', input.replyTo) } : {}),
    subject: input.subject,
    date: input.date,
    messageId: checkedMessageId(input.messageId),
    text: input.text,
    html: input.html,
    headers,
    // Keep what the SMTP path sends byte-for-byte comparable with the .eml the build writes.
    xMailer: false,
    // RFC 5322 lines end in CRLF; without this the quoted-printable parts keep the bare LFs of the text.
    newline: 'windows',
    // The same message composes to the same bytes (nodemailer reads this option; its types omit it).
    baseBoundary: baseBoundary(input),
  };
}

/** The complete RFC 5322 message (multipart/alternative, text then HTML, UTF-8) as written to a `.eml` file. */
export async function composeEml(input: MessageInput): Promise<Buffer> {
  return new MailComposer(toMailOptions(input)).compile().build();
}

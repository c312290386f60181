// One digest email as MIME: validates every header-bound value, then lets nodemailer do the encoding.
import { createHash } from 'node:crypto';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Options as MailOptions } from 'nodemailer/lib/mailer';
import { assertHeaderValue, ATEXT, headerUrlProblem, HeaderValueError, isValidEmailAddress } from './header-value.ts';

export interface Address {
  name?: string;
  address: string;
}

export interface MessageInput {
  from: Address;
  /**
   * The recipient. Without one (the build's message.eml, a template whose recipients the sending service
   * fills in) the header is `To: undisclosed-recipients:;`, RFC 5322's empty group.
   */
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
  /** Gmail's feedback-loop header, up to four colon-separated identifiers ending in the SenderId */
  feedbackId?: string;
}

/** DKIM signing (nodemailer's `dkim` option): the d= domain, the s= selector and the PEM private key. */
export interface DkimSigning {
  domainName: string;
  keySelector: string;
  privateKey: string;
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

/**
 * The headers a DKIM signature covers: nodemailer's default list leaves out Feedback-ID, which Gmail wants
 * signed (else anyone could send under the sender's identifiers), and RFC 8058 wants List-Unsubscribe-Post
 * signed next to List-Unsubscribe.
 */
const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'Feedback-ID',
].join(':');

function dkimOptions(signing: DkimSigning) {
  return { ...signing, headerFieldNames: DKIM_SIGNED_HEADERS };
}

const FEEDBACK_ID = /^[A-Za-z0-9._-]+(?::[A-Za-z0-9._-]+){0,3}$/;
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

/** Validated nodemailer options for one message, ready for `transport.sendMail`, which signs it when `dkim` is given. */
export function toMailOptions(input: MessageInput, dkim?: DkimSigning): MailOptions & { baseBoundary: string } {
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
  if (input.feedbackId !== undefined) {
    assertHeaderValue('feedbackId', input.feedbackId);
    if (!FEEDBACK_ID.test(input.feedbackId)) {
      throw new HeaderValueError('feedbackId', `must look like campaign:SenderId, got ${JSON.stringify(input.feedbackId)}`);
    }
    headers['Feedback-ID'] = { prepared: true, value: input.feedbackId };
  }

  return {
    from: checkedAddress('from', input.from),
    // nodemailer writes the empty group as `To: "undisclosed-recipients":;` (a quoted group name, equally valid).
    to: input.to ? checkedAddress('to', input.to) : 'undisclosed-recipients:;',
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
    ...(dkim ? { dkim: dkimOptions(dkim) } : {}),
  };
}

/**
 * The complete RFC 5322 message (multipart/alternative, text then HTML, UTF-8) as written to a `.eml` file,
 * DKIM-signed as nodemailer's transports sign it when `dkim` is given.
 */
export async function composeEml(input: MessageInput, dkim?: DkimSigning): Promise<Buffer> {
  const message = await new MailComposer(toMailOptions(input)).compile().build();
  if (!dkim) return message;
  const chunks: Buffer[] = [];
  for await (const chunk of new DKIM(dkimOptions(dkim)).sign(message)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

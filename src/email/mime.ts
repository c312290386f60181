// One digest email as MIME: validates every header-bound value, then lets nodemailer do the encoding.
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Options as MailOptions } from 'nodemailer/lib/mailer';

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

/** A value bound for a mail header would change the header's meaning (a line break, a second address…). */
export class HeaderValueError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field} ${problem}`);
    this.name = 'HeaderValueError';
    this.field = field;
  }
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;
// C0 controls, DEL and C1 controls: none belongs in a header, and some clients treat them as line ends.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Throws unless `value` can sit on one header line as it is. */
export function assertHeaderValue(field: string, value: string): void {
  if (LINE_BREAK.test(value)) {
    throw new HeaderValueError(field, 'must be a single line (found a line break)');
  }
  const control = CONTROL_CHARACTER.exec(value);
  if (control) {
    const codePoint = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new HeaderValueError(field, `must not contain control characters (found U+${codePoint})`);
  }
}

// RFC 5322 dot-atom local part and an LDH host name with a letter-only (or punycode) top-level label.
// Deliberately narrower than the RFC: no quoted local parts, no IP literals, no comments.
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
const LOCAL_PART = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`);
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL_LABEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/** True for one plain mailbox such as `kim@example.org`: no display name, no list, no comments. */
export function isValidEmailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const localPart = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (localPart.length > 64 || !LOCAL_PART.test(localPart)) return false;
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1];
  if (labels.length < 2 || topLevel === undefined || !TOP_LEVEL_LABEL.test(topLevel)) return false;
  return labels.every((label) => DOMAIN_LABEL.test(label));
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
  assertHeaderValue(field, url);
  if (/[\s<>]/.test(url)) {
    throw new HeaderValueError(field, 'must not contain spaces or angle brackets');
  }
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

/** Validated nodemailer options for one message, ready for `transport.sendMail`. */
export function toMailOptions(input: MessageInput): MailOptions {
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
  };
}

/** The complete RFC 5322 message (multipart/alternative, text then HTML, UTF-8) as written to a `.eml` file. */
export async function composeEml(input: MessageInput): Promise<Buffer> {
  return new MailComposer(toMailOptions(input)).compile().build();
}

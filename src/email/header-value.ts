// Values bound for mail headers (names, subjects, addresses): what may sit on one header line as it is.
// Kept apart from mime.ts so validating site.json or a recipients CSV does not load nodemailer.

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
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `value` can not sit on one header line as it is, or undefined if it can. */
export function headerValueProblem(value: string): string | undefined {
  if (LINE_BREAK.test(value)) return 'must be a single line (found a line break)';
  const control = CONTROL_CHARACTER.exec(value);
  if (control) {
    const codePoint = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters (found U+${codePoint})`;
  }
  return undefined;
}

/** Why `url` can not be written between a header's angle brackets (List-Unsubscribe), or undefined if it can. */
export function headerUrlProblem(url: string): string | undefined {
  return headerValueProblem(url) ?? (/[\s<>]/.test(url) ? 'must not contain spaces or angle brackets' : undefined);
}

/** Throws unless `value` can sit on one header line as it is. */
export function assertHeaderValue(field: string, value: string): void {
  const problem = headerValueProblem(value);
  if (problem !== undefined) throw new HeaderValueError(field, problem);
}

// RFC 5322 dot-atom local part and an LDH host name with a letter-only (or punycode) top-level label.
// Deliberately narrower than the RFC: no quoted local parts, no IP literals, no comments.
/** One RFC 5322 atext character; also what a List-Id's dotted parts are made of. */
export const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
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

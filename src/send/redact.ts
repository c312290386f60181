// Masks secrets (SMTP credentials, the unsubscribe secret) in any text before it is printed or journaled.

/** Secrets shorter than this are left alone: masking every "ab" would garble output and protect nothing. */
const MIN_SECRET_LENGTH = 4;

export type Redactor = (text: string) => string;

export interface RedactedValues {
  /** passwords and the unsubscribe secret: masked wherever they appear */
  secrets: readonly string[];
  /**
   * SMTP user names: masked only where they appear as credentials (in a URL, base64 as in AUTH LOGIN,
   * percent-encoded), never as a bare word; a user name such as `resend` or `apikey` is an ordinary word.
   */
  usernames?: readonly string[];
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

export function createRedactor({ secrets, usernames = [] }: RedactedValues): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    // The forms a secret can take on its way out: as given, URL-encoded, and base64 as in SMTP AUTH LOGIN.
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(base64(secret));
  }
  for (const username of usernames) {
    if (username.length < MIN_SECRET_LENGTH) continue;
    forms.add(base64(username));
    if (encodeURIComponent(username) !== username) forms.add(encodeURIComponent(username));
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => maskUrlCredentials(ordered.reduce((masked, secret) => masked.split(secret).join('***'), text));
}

/** Masks the user:password part of any URL in the text, whatever secrets are known. */
export function maskUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, '$1***:***@');
}

/** Merge tags: placeholders such as `*|UNSUB|*` or `{{ UnsubscribeURL }}` that the sending service fills in per recipient. */

// The syntaxes of Mailchimp (`*|TAG|*`), of services with curly-brace templates such as listmonk, Kit,
// Postmark and Brevo (`{{ Tag }}`, `{{{ pm:unsubscribe }}}`), and SendGrid's substitution tags (`<%asm_…%>`).
const MERGE_TAG_SYNTAX = /\*\|[^|]*\|\*|\{\{[\s\S]*?\}\}|<%[\s\S]*?%>/;

// Makes a clash between a token and real text in a URL implausible without needing randomness.
const tokenSalt = 'q7z';

/** Whether a value contains something written like a merge tag, declared or not. */
export function containsMergeTagSyntax(value: string): boolean {
  return MERGE_TAG_SYNTAX.test(value);
}

/** Whether a value starts with one of the declared merge tags, so its scheme and host are only known at send time. */
export function startsWithMergeTag(value: string, mergeTags: readonly string[]): boolean {
  const trimmed = value.trim();
  return mergeTags.some((tag) => tag !== '' && trimmed.startsWith(tag));
}

export interface ProtectedMergeTags {
  /** The value with each declared merge tag replaced by a token that URL parsing leaves alone. */
  text: string;
  /** Puts the merge tags back, byte for byte. */
  restore: (text: string) => string;
}

/**
 * Swaps declared merge tags for lower-case alphanumeric tokens, which survive URL parsing
 * (no percent-encoding, no case folding), so the tags come back exactly as written.
 */
export function protectMergeTags(value: string, mergeTags: readonly string[]): ProtectedMergeTags {
  const used: string[] = [];
  let text = value;
  for (const tag of mergeTags) {
    if (tag === '' || !text.includes(tag)) continue;
    const token = `mergetag${used.length}x${tokenSalt}`;
    used.push(tag);
    text = text.split(tag).join(token);
  }
  return {
    text,
    restore: (protectedText) =>
      used.reduce((restored, tag, index) => restored.split(`mergetag${index}x${tokenSalt}`).join(tag), protectedText),
  };
}

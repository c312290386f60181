// The end-of-run summary and the exit code that goes with it.
import type { DeliveryKind } from './journal.ts';

export const EXIT_CODES = {
  /** every eligible recipient has the digest (now or from an earlier run) */
  delivered: 0,
  /** some recipients failed or were not attempted (the run stopped early) */
  incomplete: 1,
  /** refused to start (bad arguments, CSV, digest or journal): nothing was sent */
  refused: 2,
  /** nothing failed, but recipients in doubt from a crashed run were held back */
  inDoubt: 3,
} as const;

export interface AddressWithMessageId {
  email: string;
  messageId: string;
}

export interface SendSummary {
  slug: string;
  /** an outbox run writes files and sends nothing, and its summary says so */
  delivery: DeliveryKind;
  destination: string;
  /** distinct addresses in the CSV */
  recipients: number;
  duplicatesMerged: number;
  suppressed: number;
  /** delivered by an earlier run, according to the journal */
  alreadySent: number;
  /** delivered (or, in an outbox run, written) by this run, in-doubt resends included */
  sent: number;
  failed: { email: string; response: string }[];
  inDoubtResent: AddressWithMessageId[];
  inDoubtHeld: AddressWithMessageId[];
  notAttempted: number;
  stoppedBecause?: string;
}

export function exitCodeFor(summary: SendSummary): number {
  if (summary.failed.length > 0 || summary.notAttempted > 0) return EXIT_CODES.incomplete;
  if (summary.inDoubtHeld.length > 0) return EXIT_CODES.inDoubt;
  return EXIT_CODES.delivered;
}

/** An outbox run rewrites every file, so it has nothing "already sent" and nothing in doubt to report. */
function formatOutboxSummary(summary: SendSummary): string {
  const lines = [
    `Digest ${summary.slug} → ${summary.destination} (outbox: nothing was sent)`,
    `  written:       ${summary.sent}`,
    `  skipped:       ${summary.suppressed + summary.duplicatesMerged} (suppressed ${summary.suppressed}, duplicate ${summary.duplicatesMerged})`,
    `  failed:        ${summary.failed.length}`,
    ...summary.failed.map(({ email, response }) => `    ${email}: ${response}`),
  ];
  if (summary.notAttempted > 0) lines.push(`  not attempted: ${summary.notAttempted}`);
  if (summary.stoppedBecause) lines.push(`  stopped early: ${summary.stoppedBecause}`);
  lines.push(
    exitCodeFor(summary) === EXIT_CODES.delivered
      ? `All ${summary.recipients - summary.suppressed} eligible recipients' messages were written to ${summary.destination}; nothing was sent.`
      : 'Not every message was written: rerun to write them all again.',
  );
  return `${lines.join('\n')}\n`;
}

export function formatSummary(summary: SendSummary): string {
  if (summary.delivery === 'outbox') return formatOutboxSummary(summary);
  const skipped = summary.suppressed + summary.duplicatesMerged + summary.alreadySent;
  const lines = [
    `Digest ${summary.slug} → ${summary.destination}`,
    `  sent:          ${summary.sent}`,
    `  skipped:       ${skipped} (suppressed ${summary.suppressed}, duplicate ${summary.duplicatesMerged}, already sent ${summary.alreadySent})`,
    `  failed:        ${summary.failed.length}`,
    ...summary.failed.map(({ email, response }) => `    ${email}: ${response}`),
  ];
  const inDoubt = summary.inDoubtResent.length + summary.inDoubtHeld.length;
  lines.push(`  in doubt:      ${inDoubt}${inDoubt > 0 ? ' (a previous run stopped while these were with the server)' : ''}`);
  for (const { email, messageId } of summary.inDoubtResent) lines.push(`    ${email} ${messageId}: re-sent with the same Message-ID`);
  for (const { email, messageId } of summary.inDoubtHeld) lines.push(`    ${email} ${messageId}: held back`);
  if (summary.notAttempted > 0) lines.push(`  not attempted: ${summary.notAttempted}`);
  if (summary.stoppedBecause) lines.push(`  stopped early: ${summary.stoppedBecause}`);

  const exitCode = exitCodeFor(summary);
  if (exitCode === EXIT_CODES.delivered) {
    lines.push(`All ${summary.recipients - summary.suppressed} eligible recipients have the digest.`);
  } else if (exitCode === EXIT_CODES.inDoubt) {
    lines.push(
      "Held back: look these Message-IDs up in your provider's logs, then rerun with --resend-in-doubt to send them again (same Message-ID).",
    );
  } else {
    lines.push('Not everything was delivered: rerun with the same journal to retry the failed and unattempted recipients.');
  }
  return `${lines.join('\n')}\n`;
}

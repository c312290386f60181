// The summary and the exit code.
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, exitCodeFor, formatSummary, type SendSummary } from '../../src/send/summary.ts';

const base: SendSummary = {
  slug: '2025-06-27',
  delivery: 'smtp',
  destination: 'smtp://***:***@smtp.example.org:587',
  recipients: 10,
  duplicatesMerged: 1,
  suppressed: 1,
  alreadySent: 2,
  sent: 7,
  failed: [],
  inDoubtResent: [],
  inDoubtHeld: [],
  notAttempted: 0,
};

describe('exitCodeFor', () => {
  it('is 0 only when every eligible recipient has the digest', () => {
    expect(exitCodeFor(base)).toBe(EXIT_CODES.delivered);
    expect(exitCodeFor({ ...base, failed: [{ email: 'a@example.org', response: '550' }] })).toBe(EXIT_CODES.incomplete);
    expect(exitCodeFor({ ...base, notAttempted: 3 })).toBe(EXIT_CODES.incomplete);
    expect(exitCodeFor({ ...base, inDoubtHeld: [{ email: 'a@example.org', messageId: '<a@x>' }] })).toBe(EXIT_CODES.inDoubt);
    expect(exitCodeFor({ ...base, inDoubtHeld: [{ email: 'a@example.org', messageId: '<a@x>' }], notAttempted: 1 })).toBe(
      EXIT_CODES.incomplete,
    );
  });
});

describe('formatSummary', () => {
  it('counts sent, skipped (with reasons), failed and in-doubt', () => {
    const text = formatSummary({
      ...base,
      failed: [{ email: 'gone@example.org', response: '550 5.1.1 No such user' }],
      inDoubtHeld: [{ email: 'doubt@example.org', messageId: '<2025-06-27.abc@dispatch.example.org>' }],
      notAttempted: 1,
      stoppedBecause: 'interrupted',
    });
    expect(text).toBe(
      [
        'Digest 2025-06-27 → smtp://***:***@smtp.example.org:587',
        '  sent:          7',
        '  skipped:       4 (suppressed 1, duplicate 1, already sent 2)',
        '  failed:        1',
        '    gone@example.org: 550 5.1.1 No such user',
        '  in doubt:      1 (a previous run stopped while these were with the server)',
        '    doubt@example.org <2025-06-27.abc@dispatch.example.org>: held back',
        '  not attempted: 1',
        '  stopped early: interrupted',
        'Not everything was delivered: rerun with the same journal to retry the failed and unattempted recipients.',
        '',
      ].join('\n'),
    );
  });

  it('says an outbox run wrote files and sent nothing', () => {
    const text = formatSummary({ ...base, delivery: 'outbox', destination: 'outbox/2025-06-27', alreadySent: 0, sent: 8 });
    expect(text).toBe(
      [
        'Digest 2025-06-27 → outbox/2025-06-27 (outbox: nothing was sent)',
        '  written:       8',
        '  skipped:       2 (suppressed 1, duplicate 1)',
        '  failed:        0',
        "All 9 eligible recipients' messages were written to outbox/2025-06-27; nothing was sent.",
        '',
      ].join('\n'),
    );
    expect(formatSummary({ ...base, delivery: 'outbox', sent: 7, notAttempted: 1 })).toMatch(
      /not attempted: 1\nNot every message was written: rerun to write them all again\.\n$/,
    );
  });
});

// Planning a run: suppression first, then the journal, then the in-doubt policy.
import { describe, expect, it } from 'vitest';
import type { AddressHistory } from '../../src/send/journal.ts';
import { planDelivery } from '../../src/send/plan.ts';

const recipient = (email: string, line: number) => ({ email, line });
const recipients = [
  recipient('new@example.org', 2),
  recipient('Sent@Example.org', 3),
  recipient('doubt@example.org', 4),
  recipient('failed@example.org', 5),
  recipient('Stop@Example.org', 6),
];
const history = new Map<string, AddressHistory>([
  ['sent@example.org', { state: 'sent', messageId: '<s@x>' }],
  ['doubt@example.org', { state: 'in-doubt', messageId: '<d@x>' }],
  ['failed@example.org', { state: 'not-delivered', messageId: '<f@x>' }],
  ['stop@example.org', { state: 'in-doubt', messageId: '<stop@x>' }],
]);
const suppressed = new Set(['stop@example.org']);

describe('planDelivery', () => {
  it('holds in-doubt recipients back by default, and retries earlier failures', () => {
    const plan = planDelivery(recipients, suppressed, history, false);
    expect(plan.queue.map((item) => item.recipient.email)).toEqual(['new@example.org', 'failed@example.org']);
    expect(plan.alreadySent.map((r) => r.email)).toEqual(['Sent@Example.org']);
    expect(plan.suppressed.map((r) => r.email)).toEqual(['Stop@Example.org']);
    expect(plan.inDoubtHeld).toEqual([{ email: 'doubt@example.org', messageId: '<d@x>' }]);
    expect(plan.inDoubtResent).toEqual([]);
  });

  it('with --resend-in-doubt queues them again under the Message-ID the journal recorded', () => {
    const plan = planDelivery(recipients, suppressed, history, true);
    expect(plan.queue).toContainEqual({ recipient: recipient('doubt@example.org', 4), previousMessageId: '<d@x>' });
    expect(plan.inDoubtResent).toEqual([{ email: 'doubt@example.org', messageId: '<d@x>' }]);
    expect(plan.inDoubtHeld).toEqual([]);
    // Suppression wins over everything, in-doubt included.
    expect(plan.queue.map((item) => item.recipient.email)).not.toContain('Stop@Example.org');
  });
});

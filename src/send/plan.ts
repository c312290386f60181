// Decides, before anything is sent, who gets the digest in this run and why everyone else does not.
import type { AddressHistory } from './journal.ts';
import { addressKey, type Recipient } from './recipients.ts';
import type { AddressWithMessageId } from './summary.ts';

export interface QueuedRecipient {
  recipient: Recipient;
  /** set when re-sending an in-doubt recipient: the Message-ID the journal recorded for it */
  previousMessageId?: string;
}

export interface DeliveryPlan {
  queue: QueuedRecipient[];
  suppressed: Recipient[];
  alreadySent: Recipient[];
  inDoubtHeld: AddressWithMessageId[];
  inDoubtResent: AddressWithMessageId[];
}

export function planDelivery(
  recipients: readonly Recipient[],
  suppressed: ReadonlySet<string>,
  history: ReadonlyMap<string, AddressHistory>,
  resendInDoubt: boolean,
): DeliveryPlan {
  const plan: DeliveryPlan = { queue: [], suppressed: [], alreadySent: [], inDoubtHeld: [], inDoubtResent: [] };
  for (const recipient of recipients) {
    const key = addressKey(recipient.email);
    const past = history.get(key);
    if (suppressed.has(key)) {
      plan.suppressed.push(recipient);
    } else if (past?.state === 'sent') {
      plan.alreadySent.push(recipient);
    } else if (past?.state === 'in-doubt') {
      const entry = { email: recipient.email, messageId: past.messageId };
      if (resendInDoubt) {
        plan.inDoubtResent.push(entry);
        plan.queue.push({ recipient, previousMessageId: past.messageId });
      } else {
        plan.inDoubtHeld.push(entry);
      }
    } else {
      plan.queue.push({ recipient });
    }
  }
  return plan;
}

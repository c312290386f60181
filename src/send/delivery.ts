// Where personalised messages go: an SMTP server, or .eml files in an outbox folder.
import type { MessageInput } from '../email/mime.ts';
import type { DeliveryKind } from './journal.ts';

export interface Delivery {
  kind: DeliveryKind;
  /** printable description (credentials masked) */
  destination: string;
  /** resolves with the server's reply (or the file written); rejects with the transport's error */
  deliver(message: MessageInput): Promise<string>;
  close(): void;
}

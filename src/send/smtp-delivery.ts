// Delivery over SMTP through nodemailer's connection pool; retries are left to the caller so each is journaled.
import nodemailer from 'nodemailer';
import { toMailOptions } from '../email/mime.ts';
import type { Delivery } from './delivery.ts';
import type { SmtpTarget } from './smtp-url.ts';

export function createSmtpDelivery(target: SmtpTarget, connections: number): Delivery {
  const transport = nodemailer.createTransport({
    ...target.options,
    pool: true,
    maxConnections: connections,
    maxMessages: 100,
    // The pool would otherwise resend a message whose connection dropped, behind the journal's back.
    maxRequeues: 0,
  });
  return {
    kind: 'smtp',
    destination: target.display,
    async deliver(message) {
      const info = await transport.sendMail(toMailOptions(message));
      return info.response ?? 'accepted';
    },
    close() {
      transport.close();
    },
  };
}

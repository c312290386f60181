// Delivery over SMTP through nodemailer's connection pool; retries are left to the caller so each is journaled.
import nodemailer from 'nodemailer';
import { toMailOptions, type DkimSigning } from '../email/mime.ts';
import type { Delivery } from './delivery.ts';
import type { SmtpTarget } from './smtp-url.ts';

/** `dkim`: nodemailer signs each message as it hands it over (its `dkim` option); unsigned when undefined. */
export function createSmtpDelivery(target: SmtpTarget, connections: number, dkim?: DkimSigning): Delivery {
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
      const info = await transport.sendMail(toMailOptions(message, dkim));
      return info.response ?? 'accepted';
    },
    close() {
      transport.close();
    },
  };
}

// The double opt-in email, and the mailer that hands it to send's delivery (outbox files or SMTP) off the request path.
import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../shared/html.ts';
import type { MessageInput } from '../email/mime.ts';
import type { Delivery } from '../send/delivery.ts';
import { createOutboxDelivery } from '../send/outbox-delivery.ts';
import { createRedactor, type Redactor } from '../send/redact.ts';
import { createSmtpDelivery } from '../send/smtp-delivery.ts';
import { personalUnsubscribeUrl } from '../send/unsubscribe.ts';
import type { ConfirmationDelivery, ServiceSite } from './config.ts';
import { confirmationToken } from './tokens.ts';
import { serviceWords } from './words.ts';

/** `<serviceUrl>/confirm?token=…` */
export function confirmationUrl(serviceUrl: string, token: string): string {
  const url = new URL(`${serviceUrl}/confirm`);
  url.searchParams.set('token', token);
  return url.href;
}

export interface ConfirmationInput {
  site: ServiceSite;
  recipient: { email: string; name?: string };
  secret: string;
  now: Date;
  ttlMs: number;
}

/**
 * The confirmation email. It carries List-Unsubscribe like every digest, so someone signed up by another
 * person can say no with one click, and that address is then suppressed.
 */
export function confirmationMessage({ site, recipient, secret, now, ttlMs }: ConfirmationInput): MessageInput {
  const link = confirmationUrl(site.serviceUrl, confirmationToken(secret, recipient.email, new Date(now.getTime() + ttlMs)));
  const words = serviceWords(site);
  const say = (key: string, values: Record<string, string | number> = {}) => words.t(`subscriptions.confirmation.${key}`, values);
  const hours = Math.round(ttlMs / 3_600_000);
  const [heading, request, action, expiry, ignore] = [
    say('heading'),
    say('request', { site: site.title }),
    say('action'),
    say('expiry', { hours }),
    say('ignore'),
  ];
  const text = [request, '', `${action}:`, link, '', expiry, ignore, ''].join('\n');
  const html = `<!doctype html>
<html lang="${escapeHtml(words.language)}" dir="${words.dir}">
<head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b">
<h1 style="font-size:22px">${escapeHtml(heading)}</h1>
<p>${escapeHtml(request)}</p>
<p><a href="${escapeHtml(link)}" style="color:#1f4e8c;font-weight:bold">${escapeHtml(action)}</a></p>
<p>${escapeHtml(expiry)} ${escapeHtml(ignore)}</p>
</body>
</html>
`;
  const domain = site.from.address.slice(site.from.address.lastIndexOf('@') + 1);
  return {
    from: site.from,
    to: recipient.name === undefined ? { address: recipient.email } : { name: recipient.name, address: recipient.email },
    ...(site.replyTo ? { replyTo: site.replyTo } : {}),
    subject: say('subject', { site: site.title }),
    date: now,
    messageId: `<confirm.${randomBytes(12).toString('hex')}@${domain}>`,
    html,
    text,
    listUnsubscribe: {
      url: personalUnsubscribeUrl(site.unsubscribeUrl, secret, recipient.email, site.listId),
      mailto: site.unsubscribeMailto,
    },
    listId: site.listId,
  };
}

export function createConfirmationDelivery(choice: ConfirmationDelivery): { delivery: Delivery; redact: Redactor } {
  if (choice.kind === 'outbox')
    return { delivery: createOutboxDelivery(choice.dir, choice.display), redact: createRedactor({ secrets: [] }) };
  return {
    delivery: createSmtpDelivery(choice.target, 2),
    redact: createRedactor({ secrets: choice.target.secrets, usernames: choice.target.usernames }),
  };
}

/**
 * Owns the queue of confirmation emails not yet handed over. Requests are answered before their email is
 * delivered, so a known address and a new one take the same time; a failed delivery is logged (the reader
 * can ask again) and never retried behind the log's back.
 */
export class ConfirmationMailer {
  private readonly waiting: MessageInput[] = [];
  private running = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(
    private readonly delivery: Delivery,
    private readonly log: (line: string) => void,
    private readonly redact: Redactor,
    private readonly concurrency = 2,
  ) {}

  get destination(): string {
    return this.delivery.destination;
  }

  enqueue(message: MessageInput): void {
    this.waiting.push(message);
    this.pump();
  }

  /** Resolves once every queued email was handed over (or failed). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.idle();
    this.delivery.close();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const message = this.waiting.shift();
      if (message === undefined) break;
      this.running += 1;
      this.delivery
        .deliver(message)
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          this.log(`confirmation email to ${message.to?.address ?? '?'} not delivered: ${this.redact(reason)}`);
        })
        .finally(() => {
          this.running -= 1;
          this.pump();
          if (this.running === 0 && this.waiting.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
        });
    }
  }
}

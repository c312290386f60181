// Amazon SES bounce and complaint notifications delivered by SNS: the message's signature is checked first.
import { createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { isValidEmailAddress } from '../../email/header-value.ts';
import { bareAddress, shortDetail, type BounceReport } from './report.ts';

const snsMessage = z.object({
  Type: z.enum(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  MessageId: z.string(),
  TopicArn: z.string(),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.enum(['1', '2']),
  Signature: z.string(),
  SigningCertURL: z.string(),
  Subject: z.string().optional(),
  Token: z.string().optional(),
  SubscribeURL: z.string().optional(),
});

export type SnsMessage = z.output<typeof snsMessage>;

export function parseSnsMessage(raw: unknown): SnsMessage | undefined {
  const parsed = snsMessage.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** SNS's certificates and confirmation links live on sns.<region>.amazonaws.com (or .com.cn), over https. */
export function isSnsUrl(value: string, pathSuffix = ''): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    /^sns\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/.test(url.hostname) &&
    url.pathname.endsWith(pathSuffix)
  );
}

/** The text SNS signs: the message's fields, in this order, each as "Name\nvalue\n" (Subject only when present). */
export function snsStringToSign(message: SnsMessage): string {
  const fields =
    message.Type === 'Notification'
      ? (['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const)
      : (['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const);
  return fields
    .filter((field) => message[field] !== undefined)
    .map((field) => `${field}\n${message[field] ?? ''}\n`)
    .join('');
}

/** Fetches (and may cache) the PEM at a SigningCertURL that isSnsUrl has accepted. */
export type CertificateSource = (url: string) => Promise<string>;

function publicKeyOf(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** True when the message was signed by the holder of the certificate at its SigningCertURL, an SNS URL. */
export async function verifySnsSignature(message: SnsMessage, certificates: CertificateSource): Promise<boolean> {
  if (!isSnsUrl(message.SigningCertURL, '.pem')) return false;
  const key = publicKeyOf(await certificates(message.SigningCertURL));
  const algorithm = message.SignatureVersion === '1' ? 'RSA-SHA1' : 'RSA-SHA256';
  return verify(algorithm, Buffer.from(snsStringToSign(message), 'utf8'), key, Buffer.from(message.Signature, 'base64'));
}

/** Downloads certificates over https and keeps each one for the life of the process (there are few). */
export function createCertificateCache(download: (url: string) => Promise<string> = downloadCertificate): CertificateSource {
  const cache = new Map<string, Promise<string>>();
  return (url) => {
    let pem = cache.get(url);
    if (pem === undefined) {
      pem = download(url);
      cache.set(url, pem);
      pem.catch(() => cache.delete(url));
    }
    return pem;
  };
}

async function downloadCertificate(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (!response.ok || !text.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${url}: no certificate (HTTP ${response.status})`);
  return text;
}

const recipient = z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional(), status: z.string().optional() });
const sesNotification = z.object({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: z.array(recipient) }).optional(),
  complaint: z
    .object({ complainedRecipients: z.array(z.object({ emailAddress: z.string() })), complaintFeedbackType: z.string().optional() })
    .optional(),
});

/**
 * The bounces and complaints in an SES notification (the SNS message's Message, as JSON; both the
 * notificationType of identity notifications and the eventType of configuration-set events are read).
 * Permanent bounces are hard, Transient and Undetermined ones soft. Deliveries and other events give none.
 */
export function sesBounceReports(messageText: string): BounceReport[] {
  let raw: unknown;
  try {
    raw = JSON.parse(messageText);
  } catch {
    return [];
  }
  const parsed = sesNotification.safeParse(raw);
  if (!parsed.success) return [];
  const kind = parsed.data.notificationType ?? parsed.data.eventType;
  const reports: BounceReport[] = [];
  if (kind === 'Bounce' && parsed.data.bounce) {
    const { bounceType, bounceSubType, bouncedRecipients } = parsed.data.bounce;
    const type = bounceType === 'Permanent' ? 'hard' : 'soft';
    for (const entry of bouncedRecipients) {
      const detail = shortDetail(entry.diagnosticCode ?? [bounceType, bounceSubType].filter(Boolean).join(' / '));
      reports.push({ email: bareAddress(entry.emailAddress), type, ...(detail ? { detail } : {}) });
    }
  } else if (kind === 'Complaint' && parsed.data.complaint) {
    const detail = shortDetail(parsed.data.complaint.complaintFeedbackType);
    for (const entry of parsed.data.complaint.complainedRecipients) {
      reports.push({ email: bareAddress(entry.emailAddress), type: 'complaint', ...(detail ? { detail } : {}) });
    }
  }
  return reports.filter((report) => isValidEmailAddress(report.email));
}

/**
 * The site.json `email` fields that shape the finished email and its sending (postal address, size budget,
 * DKIM, Feedback-ID), as zod fields for the site schema, so check and build report a bad value by field.
 */
import { z } from 'zod';
import { GMAIL_CLIP_KB } from './checks/size.ts';
import { headerValueProblem } from './header-value.ts';

/**
 * How the unsubscribe and view-in-browser links are written, by sending service (see src/digest/merge-tags.ts);
 * `literal` writes plain URLs, for services that fill nothing in and for `npm run send`.
 */
export const MERGE_TAG_STYLES = ['mailchimp', 'listmonk', 'kit', 'sendgrid', 'postmark', 'brevo', 'literal'] as const;

/**
 * The email's default size budget: under Gmail's clipping point, with 12 KB left for what a sending service
 * adds (click-tracking URLs, an open pixel, personal unsubscribe links).
 */
export const DEFAULT_SIZE_BUDGET_KB = 90;

const oneLine = (what: string) =>
  z
    .string()
    .min(1)
    .superRefine((value, ctx) => {
      const problem = headerValueProblem(value);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `${what} ${problem}` });
    });

const hostName = z
  .string()
  .regex(/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/, {
    message: 'expected a domain name such as "dispatch.example.org"',
  });

export const emailSendingFields = {
  /** The publisher's postal address, printed in every email's footer (CAN-SPAM requires one). */
  postalAddress: oneLine('the postal address is printed on one line of the footer, so it').max(300).optional(),
  /** Above this many KB the email shows fewer articles and links to the web version for the rest. */
  sizeBudgetKb: z
    .number()
    .int()
    .min(20, 'expected a whole number of KB from 20 to 102')
    .max(GMAIL_CLIP_KB, `expected at most ${GMAIL_CLIP_KB} KB: Gmail clips messages over ${GMAIL_CLIP_KB} KB`)
    .default(DEFAULT_SIZE_BUDGET_KB),
  /** DKIM signing by `npm run send`; the private key comes from DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE. */
  dkim: z
    .object({
      domain: hostName,
      selector: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/, {
        message: 'expected a DKIM selector such as "digest2025" (letters, digits, hyphens and dots)',
      }),
    })
    .optional(),
  /** Gmail's feedback loop: the Feedback-ID header's SenderId, the same on every message the site sends. */
  feedbackId: z
    .object({
      senderId: z.string().regex(/^[A-Za-z0-9._-]{5,15}$/, {
        message: 'expected 5 to 15 letters, digits, ".", "_" or "-" (Gmail\'s SenderId)',
      }),
    })
    .optional(),
};

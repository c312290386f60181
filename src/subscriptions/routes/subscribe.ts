// POST /subscribe: records a pending subscriber and queues the confirmation email; the answer never says whether the address was known.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { headerValueProblem, isValidEmailAddress } from '../../email/header-value.ts';
import { confirmationMessage } from '../confirmation.ts';
import { pageSite, type ServiceDeps } from '../deps.ts';
import { clientAddress, IpRateLimiter } from '../ip-rate-limit.ts';
import { renderPage } from '../pages.ts';

/** The form's hidden field: people leave it empty, form-filling bots do not. */
export const HONEYPOT_FIELD = 'website';
const MAX_NAME_LENGTH = 100;
const MAX_BODY_BYTES = 8 * 1024;

function wantsJson(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

export function subscribeRoutes(deps: ServiceDeps): Hono {
  const { config, store, mailer } = deps;
  const limiter = new IpRateLimiter(config.subscribesPerMinute);
  const site = pageSite(config);

  // `title` and `text` name messages under subscriptions.problems in the site's catalogue.
  const refuse = (c: Context, status: 400 | 415 | 429, title: string, text: string, code: string) => {
    const message = site.words.t(`subscriptions.problems.${text}`);
    return wantsJson(c)
      ? c.json({ error: code, message }, status)
      : c.html(renderPage(site, site.words.t(`subscriptions.problems.${title}`), [message]), status);
  };

  // Accepted and (for a new or unsubscribed address) emailed: the same answer either way, so no one can
  // learn from it who is subscribed.
  const accepted = (c: Context) =>
    wantsJson(c)
      ? c.json({ status: 'check-your-inbox', next: config.site.pages.checkInbox })
      : c.redirect(config.site.pages.checkInbox, 303);

  return new Hono().post(
    '/subscribe',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Request too large', 413) }),
    async (c) => {
      const address = clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), config.trustProxy);
      const decision = limiter.take(address);
      if (!decision.allowed) {
        c.header('Retry-After', String(decision.retryAfterSeconds));
        return refuse(c, 429, 'tooManyTitle', 'tooMany', 'rate-limited');
      }
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
        return refuse(c, 415, 'badFormTitle', 'badForm', 'unsupported-media-type');
      }
      const body = await c.req.parseBody();
      if (field(body, HONEYPOT_FIELD) !== '') return accepted(c);

      const email = field(body, 'email');
      const name = field(body, 'name');
      if (!isValidEmailAddress(email)) return refuse(c, 400, 'badAddressTitle', 'badAddress', 'invalid-email');
      if (name.length > MAX_NAME_LENGTH || headerValueProblem(name) !== undefined) {
        return refuse(c, 400, 'badNameTitle', 'badName', 'invalid-name');
      }
      const now = deps.now();
      const { sendConfirmation } = await store.requestSubscription({
        email,
        ...(name === '' ? {} : { name }),
        source: 'web',
        now,
        resendAfterMs: config.resendAfterMs,
      });
      if (sendConfirmation) {
        mailer.enqueue(
          confirmationMessage({
            site: config.site,
            recipient: name === '' ? { email } : { email, name },
            secret: config.unsubscribeSecret,
            now,
            ttlMs: config.confirmationTtlMs,
          }),
        );
      }
      return accepted(c);
    },
  );
}

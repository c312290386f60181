// GET /unsubscribe shows a one-button page; POST unsubscribes (RFC 8058 one-click). Only tokens `send` signed pass.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isValidEmailAddress } from '../../email/header-value.ts';
import { unsubscribeRequest, verifyUnsubscribeToken } from '../../send/unsubscribe.ts';
import { pageSite, type ServiceDeps } from '../deps.ts';
import { renderPage, unsubscribePage } from '../pages.ts';

const MAX_BODY_BYTES = 4 * 1024;

export function unsubscribeRoutes(deps: ServiceDeps): Hono {
  const { config, store } = deps;
  const site = pageSite(config);

  /** The address when the query's token is the one `send` signed for it; undefined otherwise. */
  const verifiedAddress = (c: Context): string | undefined => {
    const request = unsubscribeRequest(new URL(c.req.url).searchParams);
    if (!request || !isValidEmailAddress(request.email)) return undefined;
    return verifyUnsubscribeToken(config.unsubscribeSecret, request.email, config.site.listId, request.token) ? request.email : undefined;
  };
  const badLink = (c: Context) =>
    c.html(
      renderPage(site, site.words.t('subscriptions.problems.badLinkTitle'), [site.words.t('subscriptions.problems.badUnsubscribeLink')]),
      400,
    );

  return new Hono()
    .get('/unsubscribe', (c) => {
      const email = verifiedAddress(c);
      return email === undefined ? badLink(c) : c.html(unsubscribePage(site, email));
    })
    .post('/unsubscribe', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Request too large', 413) }), async (c) => {
      const email = verifiedAddress(c);
      if (email === undefined) return badLink(c);
      // RFC 8058: the one-click POST carries List-Unsubscribe=One-Click (the page's button sends it too).
      const type = c.req.header('content-type') ?? '';
      const body =
        type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data') ? await c.req.parseBody() : {};
      if (body['List-Unsubscribe'] !== 'One-Click') return c.text('Expected the body List-Unsubscribe=One-Click (RFC 8058)', 400);
      const fromPage = body.via === 'page';
      await store.unsubscribe(email, fromPage ? 'web' : 'one-click', deps.now());
      // A mail client's one-click POST gets 200 and nothing to follow; a person who pressed the page's button
      // is sent on to the site's page.
      return fromPage
        ? c.redirect(config.site.pages.unsubscribed, 303)
        : c.text(site.words.t('subscriptions.unsubscribe.done', { site: config.site.title }));
    });
}

// GET /confirm?token=…: the link from the confirmation email; confirming twice lands on the same page.
import { Hono } from 'hono';
import { pageSite, type ServiceDeps } from '../deps.ts';
import { renderPage } from '../pages.ts';
import { readConfirmationToken } from '../tokens.ts';

export function confirmRoutes(deps: ServiceDeps): Hono {
  const { config, store } = deps;
  const site = pageSite(config);
  const problem = (title: string, text: string) =>
    renderPage(site, site.words.t(`subscriptions.problems.${title}`), [site.words.t(`subscriptions.problems.${text}`)]);
  return new Hono().get('/confirm', async (c) => {
    const now = deps.now();
    const reading = readConfirmationToken(config.unsubscribeSecret, c.req.query('token') ?? '', now);
    if (!reading.ok) {
      return reading.problem === 'expired'
        ? c.html(problem('expiredTitle', 'expiredConfirmation'), 410)
        : c.html(problem('badLinkTitle', 'badConfirmationLink'), 400);
    }
    const result = await store.confirm(reading.email, 'web', now);
    if (result === 'not-pending') return c.html(problem('expiredTitle', 'staleConfirmation'), 410);
    return c.redirect(config.site.pages.subscribed, 303);
  });
}

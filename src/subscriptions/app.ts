// The subscription service as a Hono app: security headers, the route modules, and answers for the unexpected.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { pageSite, type ServiceDeps } from './deps.ts';
import { renderPage } from './pages.ts';
import { bounceRoutes } from './routes/bounces.ts';
import { confirmRoutes } from './routes/confirm.ts';
import { healthRoutes } from './routes/health.ts';
import { subscribeRoutes } from './routes/subscribe.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';

export function createApp(deps: ServiceDeps): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      // The service's pages have an inline style and one form that posts back here; nothing else.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.route('/', healthRoutes(deps));
  app.route('/', subscribeRoutes(deps));
  app.route('/', confirmRoutes(deps));
  app.route('/', unsubscribeRoutes(deps));
  app.route('/', bounceRoutes(deps));
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    deps.log(`error: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    const site = pageSite(deps.config);
    return c.html(renderPage(site, site.words.t('subscriptions.problems.errorTitle'), [site.words.t('subscriptions.problems.error')]), 500);
  });
  return app;
}

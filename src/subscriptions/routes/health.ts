// GET /healthz: 200 when the service can reach its database, 503 when it can not.
import { Hono } from 'hono';
import type { ServiceDeps } from '../deps.ts';

export function healthRoutes(deps: ServiceDeps): Hono {
  return new Hono().get('/healthz', async (c) => {
    try {
      await deps.ping();
      return c.json({ status: 'ok' });
    } catch (error) {
      deps.log(`healthz: database not reachable: ${(error as Error).message}`);
      return c.json({ status: 'database unreachable' }, 503);
    }
  });
}

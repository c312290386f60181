// Starts the service: opens the list (applying migrations), the confirmation mailer, and the HTTP server.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createCertificateCache } from './bounces/ses.ts';
import type { SubscriptionsConfig } from './config.ts';
import { ConfirmationMailer, createConfirmationDelivery } from './confirmation.ts';
import type { ServiceDeps } from './deps.ts';
import { openSubscriberStore } from './storage/open.ts';
import type { SubscriberStore } from './storage/store.ts';

export interface RunningService {
  /** http://host:port, the address it listens on */
  url: string;
  /** the migrations applied at start */
  applied: string[];
  databaseDescription: string;
  mailDestination: string;
  /** the list the service keeps, for a program that runs the service inside itself */
  store: SubscriberStore;
  /** resolves once every queued confirmation email was handed over */
  mailerIdle(): Promise<void>;
  /** stops accepting requests, lets queued emails go out, closes the database */
  close(): Promise<void>;
}

export interface ServiceOptions {
  log?: (line: string) => void;
  now?: () => Date;
  /** replaces the certificate download (tests sign SNS messages with their own key) */
  certificates?: ServiceDeps['certificates'];
  visit?: ServiceDeps['visit'];
}

async function visitOnce(url: string): Promise<void> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${new URL(url).host} answered HTTP ${response.status}`);
}

export async function startSubscriptionService(config: SubscriptionsConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const opened = await openSubscriberStore(config.database);
  const { delivery, redact } = createConfirmationDelivery(config.delivery);
  const mailer = new ConfirmationMailer(delivery, log, redact);
  const app = createApp({
    config,
    store: opened.store,
    mailer,
    now: options.now ?? (() => new Date()),
    log,
    certificates: options.certificates ?? createCertificateCache(),
    visit: options.visit ?? visitOnce,
    ping: async () => {
      await opened.database.query('SELECT 1');
    },
  });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(started));
      started.once('error', reject);
    });
  } catch (error) {
    await mailer.close();
    await opened.close();
    throw error;
  }
  // Slow or idle clients must not hold sockets open for long.
  if ('requestTimeout' in server) server.requestTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  return {
    url: `http://${host}:${port}`,
    applied: opened.applied,
    databaseDescription: opened.database.description,
    store: opened.store,
    mailDestination: mailer.destination,
    mailerIdle: () => mailer.idle(),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await mailer.close();
      await opened.close();
    },
  };
}

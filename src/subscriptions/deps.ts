// What the routes are given: the config read at start, the list, the mailer, a clock and a log.
import type { SubscriptionsConfig } from './config.ts';
import type { ConfirmationMailer } from './confirmation.ts';
import type { PageSite } from './pages.ts';
import type { CertificateSource } from './bounces/ses.ts';
import type { SubscriberStore } from './storage/store.ts';
import { serviceWords } from './words.ts';

export interface ServiceDeps {
  config: SubscriptionsConfig;
  store: SubscriberStore;
  mailer: ConfirmationMailer;
  now: () => Date;
  /** one line for the operator (stderr by default) */
  log: (line: string) => void;
  /** SNS signing certificates */
  certificates: CertificateSource;
  /** opens an SNS SubscribeURL, which confirms the topic's subscription to /bounces */
  visit: (url: string) => Promise<void>;
  /** resolves when the database answers */
  ping: () => Promise<void>;
}

export function pageSite(config: SubscriptionsConfig): PageSite {
  return { title: config.site.title, url: config.site.url, words: serviceWords(config.site) };
}

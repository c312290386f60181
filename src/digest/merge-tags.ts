// Which placeholders the email carries for per-recipient links, per sending service.
import type { Site } from '../content/site.ts';

export interface MergeTags {
  unsubscribe: string;
  viewInBrowser: string;
}

/**
 * Mailchimp-style `*|UNSUB|*`, listmonk-style `{{ UnsubscribeURL }}`, or literal URLs for services
 * that fill nothing in (and for this project's own `send`, which replaces whichever tags are declared).
 */
export function mergeTagsFor(site: Site, webUrl: string): MergeTags {
  switch (site.email.mergeTags) {
    case 'mailchimp':
      return { unsubscribe: '*|UNSUB|*', viewInBrowser: '*|ARCHIVE|*' };
    case 'listmonk':
      return { unsubscribe: '{{ UnsubscribeURL }}', viewInBrowser: '{{ MessageURL }}' };
    case 'literal':
      return { unsubscribe: site.email.unsubscribeUrl, viewInBrowser: webUrl };
  }
}

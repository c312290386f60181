// Which placeholders the email carries for per-recipient links, per sending service.
import type { Site } from '../content/site.ts';

export interface MergeTags {
  unsubscribe: string;
  viewInBrowser: string;
}

/**
 * Each service's own placeholders where its documentation names them (see docs/email.md for the pages);
 * where a service has no web-version placeholder, the link goes to the digest's web version on the site.
 * `literal` writes plain URLs, for services that fill nothing in (and for this project's own `send`, which
 * replaces whichever tags are declared).
 */
export function mergeTagsFor(site: Site, webUrl: string): MergeTags {
  switch (site.email.mergeTags) {
    case 'mailchimp':
      return { unsubscribe: '*|UNSUB|*', viewInBrowser: '*|ARCHIVE|*' };
    case 'listmonk':
      return { unsubscribe: '{{ UnsubscribeURL }}', viewInBrowser: '{{ MessageURL }}' };
    case 'kit':
      return { unsubscribe: '{{ unsubscribe_url }}', viewInBrowser: webUrl };
    case 'sendgrid':
      return { unsubscribe: '<%asm_global_unsubscribe_raw_url%>', viewInBrowser: webUrl };
    case 'postmark':
      return { unsubscribe: '{{{ pm:unsubscribe }}}', viewInBrowser: webUrl };
    case 'brevo':
      return { unsubscribe: '{{ unsubscribe }}', viewInBrowser: webUrl };
    case 'literal':
      return { unsubscribe: site.email.unsubscribeUrl, viewInBrowser: webUrl };
  }
}

// Everything the subscription service says to readers, in its pages and the confirmation email: the messages
// under `subscriptions.` in the catalogue of the site's language (src/i18n/messages).
import { wordsFor, type Words } from '../i18n/words.ts';

export function serviceWords(site: { locale: string; language: string }): Words {
  return wordsFor(site.locale, site.language);
}

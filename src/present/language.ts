// The language an article is read in: its own `lang`, else the site's; and the locale its figures and dates are
// printed in, which keeps the site's regional conventions for an article in the site's language.
import type { Site } from '../content/site.ts';
import { resolveLocale } from '../format/locale.ts';

export interface ReadingLanguage {
  /** The tag for `lang` and `hreflang` attributes, feeds and JSON-LD: the article's `lang` as written, or site.json's `language`. */
  language: string;
  /** The locale its figures, dates and words follow. */
  locale: string;
}

/**
 * `lang: de` on an English site reads in German ("de"); `lang: en` on a site whose locale is en-GB keeps en-GB's
 * dates, while `lang: en-US` asks for American ones.
 */
export function readingLanguage(site: Pick<Site, 'language' | 'locale'>, lang: string | undefined): ReadingLanguage {
  if (lang === undefined) return { language: site.language, locale: site.locale };
  const own = resolveLocale(lang);
  const siteLocale = resolveLocale(site.locale);
  const sameLanguage = own.language === siteLocale.language && own.region === undefined;
  return { language: lang, locale: sameLanguage ? site.locale : own.tag };
}

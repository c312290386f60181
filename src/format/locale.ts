// What every formatter starts from: the locale resolved once into its tag, language and region, the message
// catalogue of its language, and the language's hand-written grammar.
import type { Catalogue } from '../i18n/catalogue.ts';
import { shippedCatalogue } from '../i18n/shipped-catalogues.ts';
import { grammarOf, type Grammar } from './grammar.ts';
import { resolveLocaleTag, type ResolvedLocale } from '../shared/intl-memo.ts';

export type { ResolvedLocale } from '../shared/intl-memo.ts';

export const DEFAULT_LOCALE = 'en-US';

export interface NumberOptions {
  /** BCP 47 tag; defaults to 'en-US'. */
  locale?: string | undefined;
  /** The words to use; defaults to the shipped catalogue of the locale's language (src/i18n/messages). */
  catalogue?: Catalogue | undefined;
}

export interface FormatContext {
  locale: ResolvedLocale;
  catalogue: Catalogue;
  grammar: Grammar;
}

export function resolveLocale(locale: string | undefined): Readonly<ResolvedLocale> {
  return resolveLocaleTag(locale ?? DEFAULT_LOCALE);
}

export function formatContext(o: NumberOptions): FormatContext {
  const locale = resolveLocale(o.locale);
  return { locale, catalogue: o.catalogue ?? shippedCatalogue(locale), grammar: grammarOf(locale) };
}

/**
 * The language whose catalogue the formatters would use for `locale`; throws, naming the file to add, when
 * there is none. Intl supplies figures and month names everywhere, but "about" or "thousands" are ours,
 * and printing English words on a German page would be worse than stopping the build.
 */
export function wordsLanguage(locale: ResolvedLocale, what: string): string {
  try {
    return shippedCatalogue(locale).language;
  } catch (error) {
    throw new RangeError(`${what}: ${(error as Error).message}`, { cause: error });
  }
}

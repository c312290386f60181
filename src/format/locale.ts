// Locale handling shared by the formatters: one default, one validation, one notion of "language".

export const DEFAULT_LOCALE = 'en-US';

/** Languages for which the formatters carry their own words (qualifiers, magnitudes, distances). */
export type WordsLanguage = 'en' | 'de' | 'ko';

export interface ResolvedLocale {
  /** Canonical BCP 47 tag, passed to Intl. */
  tag: string;
  language: string;
  region: string | undefined;
}

export function resolveLocale(locale: string | undefined): ResolvedLocale {
  const requested = locale ?? DEFAULT_LOCALE;
  if (typeof requested !== 'string') {
    throw new TypeError(`locale must be a string such as "en-US", got ${String(requested)}`);
  }
  let tag: string | undefined;
  try {
    [tag] = Intl.getCanonicalLocales(requested);
  } catch {
    tag = undefined;
  }
  if (tag === undefined) {
    throw new RangeError(`invalid locale "${requested}": expected a BCP 47 tag such as "en-US", "de-DE" or "ko-KR"`);
  }
  const parsed = new Intl.Locale(tag);
  return { tag, language: parsed.language, region: parsed.region };
}

// Intl supplies figures and month names for any locale, but phrases such as "about" or "thousands"
// are ours; printing English words on a German page would be worse than stopping the build.
export function wordsLanguage(locale: ResolvedLocale, what: string): WordsLanguage {
  const { language } = locale;
  if (language === 'en' || language === 'de' || language === 'ko') return language;
  throw new RangeError(`${what} has no wording for locale "${locale.tag}"; supported languages are en, de and ko`);
}

/** How a value that should have been a number reads in an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n (a bigint)`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

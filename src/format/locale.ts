// Locale handling shared by the formatters: one default, one validation, one notion of "language", and
// Intl objects built once per locale and options.

export const DEFAULT_LOCALE = 'en-US';

/** Languages for which the formatters carry their own words (qualifiers, magnitudes, distances). */
export type WordsLanguage = 'en' | 'de' | 'ko';

export interface ResolvedLocale {
  /** Canonical BCP 47 tag, passed to Intl. */
  tag: string;
  language: string;
  region: string | undefined;
}

// Intl objects take tens of microseconds to build, and a build formats tens of thousands of numbers,
// dates and lists in one or two locales: resolved locales and formatters are built once and reused.
const resolvedLocales = new Map<string, Readonly<ResolvedLocale>>();
const formatters = new Map<string, object>();

function reused<T extends object>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) formatters.set(key, (formatter = create()));
  return formatter;
}

export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return reused(`number ${tag} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

export function pluralRules(tag: string, options: Intl.PluralRulesOptions): Intl.PluralRules {
  return reused(`plural ${tag} ${JSON.stringify(options)}`, () => new Intl.PluralRules(tag, options));
}

export function listFormat(tag: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return reused(`list ${tag} ${JSON.stringify(options)}`, () => new Intl.ListFormat(tag, options));
}

export function resolveLocale(locale: string | undefined): Readonly<ResolvedLocale> {
  const requested = locale ?? DEFAULT_LOCALE;
  if (typeof requested !== 'string') {
    throw new TypeError(`locale must be a string such as "en-US", got ${String(requested)}`);
  }
  const known = resolvedLocales.get(requested);
  if (known) return known;
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
  const resolved = Object.freeze({ tag, language: parsed.language, region: parsed.region });
  resolvedLocales.set(requested, resolved);
  return resolved;
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

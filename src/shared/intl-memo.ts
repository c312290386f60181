// The one place the formatters keep anything between calls: Intl objects and resolved locale tags, which take
// tens of microseconds to build while a build formats tens of thousands of figures in one or two locales.
// Everything memoised here is a pure function of its key, so sharing it between builds changes nothing.

export interface ResolvedLocale {
  /** Canonical BCP 47 tag, passed to Intl. */
  tag: string;
  language: string;
  region: string | undefined;
}

const resolvedLocales = new Map<string, Readonly<ResolvedLocale>>();
const intlObjects = new Map<string, object>();

function memoised<T extends object>(key: string, create: () => T): T {
  let object = intlObjects.get(key) as T | undefined;
  if (object === undefined) intlObjects.set(key, (object = create()));
  return object;
}

export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return memoised(`number ${tag} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

export function pluralRules(tag: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  return memoised(`plural ${tag} ${JSON.stringify(options)}`, () => new Intl.PluralRules(tag, options));
}

export function listFormat(tag: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return memoised(`list ${tag} ${JSON.stringify(options)}`, () => new Intl.ListFormat(tag, options));
}

export function currencyNames(tag: string): Intl.DisplayNames {
  return memoised(`currency names ${tag}`, () => new Intl.DisplayNames(tag, { type: 'currency' }));
}

/** 'en-us' → { tag: 'en-US', language: 'en', region: 'US' }; throws on a tag that is not BCP 47. */
export function resolveLocaleTag(requested: string): Readonly<ResolvedLocale> {
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

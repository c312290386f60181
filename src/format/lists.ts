// Lists in running text: 'South Korea, Russia and North Korea', 'July or August', in the reader's language.
import { describeValue, listFormat, resolveLocale } from './locale.ts';

export type ListType = 'conjunction' | 'disjunction';

/**
 * Joins items with Intl.ListFormat. English follows AP, which has no serial comma: Intl's en-US
 * 'Russia, and North Korea' becomes 'Russia and North Korea'. Other languages are Intl's as-is.
 */
export function formatList(items: readonly string[], o: { locale?: string; type?: ListType } = {}): string {
  if (!Array.isArray(items)) throw new TypeError(`list items must be an array of strings, got ${describeValue(items)}`);
  const notText = items.findIndex((item) => typeof item !== 'string');
  if (notText !== -1) throw new TypeError(`list item ${notText} must be a string, got ${describeValue(items[notText])}`);
  const type = o.type ?? 'conjunction';
  if (type !== 'conjunction' && type !== 'disjunction') {
    throw new RangeError(`list type must be "conjunction" or "disjunction", got ${describeValue(type)}`);
  }
  const locale = resolveLocale(o.locale);
  const parts = listFormat(locale.tag, { type }).formatToParts(items);
  if (locale.language !== 'en') return parts.map((part) => part.value).join('');
  // Only the separators Intl inserted are touched, never the items, which may contain ', and '.
  const lastSeparator = parts.map((part) => part.type).lastIndexOf('literal');
  return parts.map((part, i) => (i === lastSeparator ? part.value.replace(/^, (and|or) $/, ' $1 ') : part.value)).join('');
}

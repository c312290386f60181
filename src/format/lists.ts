// Lists in running text: 'South Korea, Russia and North Korea', 'July or August', in the reader's language.
import { listFormat } from '../shared/intl-memo.ts';
import { resolveLocale } from './locale.ts';

export type ListType = 'conjunction' | 'disjunction';

/**
 * Joins items with Intl.ListFormat. English follows AP, which has no serial comma: Intl's en-US
 * 'Russia, and North Korea' becomes 'Russia and North Korea'. Other languages are Intl's as-is.
 */
export function formatList(items: readonly string[], o: { locale?: string | undefined; type?: ListType | undefined } = {}): string {
  const type = o.type ?? 'conjunction';
  const locale = resolveLocale(o.locale);
  const parts = listFormat(locale.tag, { type }).formatToParts(items);
  if (locale.language !== 'en') return parts.map((part) => part.value).join('');
  // Only the separators Intl inserted are touched, never the items, which may contain ', and '.
  const lastSeparator = parts.map((part) => part.type).lastIndexOf('literal');
  return parts.map((part, i) => (i === lastSeparator ? part.value.replace(/^, (and|or) $/, ' $1 ') : part.value)).join('');
}

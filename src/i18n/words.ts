// The words of one language as templates and code print them: a message by its key, as plain text or as HTML
// whose tags become elements (a link, a <time>), with the language's tag and writing direction for `lang` and `dir`.
import { escapeHtml } from '../shared/html.ts';
import { resolveLocaleTag } from '../shared/intl-memo.ts';
import type { Catalogue, MessageValues } from './catalogue.ts';
import { shippedCatalogue } from './shipped-catalogues.ts';

/**
 * What a message's tag becomes in HTML. A string is a link to it; an object names the element and its attributes
 * (`{ element: 'time', attributes: { datetime: '2025-06-24' } }`); an object without an element keeps the words only.
 */
export type TagValue = string | { element?: string | undefined; attributes?: Readonly<Record<string, string | undefined>> };

/** Values for a message printed as HTML: its placeholders, and for each of its tags what the tag becomes. */
export type HtmlValues = Readonly<Record<string, string | number | TagValue>>;

interface Html {
  html: string;
}

const ELEMENT_NAME = /^[a-z][a-z0-9]*$/;

function openTag(tag: string, value: TagValue | undefined, key: string): { open: string; close: string } {
  if (value === undefined) throw new RangeError(`message "${key}": no value for its tag <${tag}>`);
  const { element, attributes = {} } = typeof value === 'string' ? { element: 'a', attributes: { href: value } } : value;
  if (element === undefined) return { open: '', close: '' };
  if (!ELEMENT_NAME.test(element)) throw new RangeError(`message "${key}": <${tag}> cannot become the element "${element}"`);
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, text]) => ` ${name}="${escapeHtml(text)}"`)
    .join('');
  return { open: `<${element}${written}>`, close: `</${element}>` };
}

/** "around 600" → "Around 600": the first letter in the reader's language's capitals. */
export function capitalise(text: string, locale: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase(locale) + text.slice(char.length);
}

/** The writing direction of a language, from Intl's text info ('rtl' for Arabic or Hebrew). */
export function directionOf(language: string): 'ltr' | 'rtl' {
  // Node 20's V8 has the `textInfo` accessor; later versions the `getTextInfo()` method that replaced it.
  const locale = new Intl.Locale(language) as Intl.Locale & {
    textInfo?: { direction?: string };
    getTextInfo?: () => { direction?: string };
  };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

export class Words {
  #dir: 'ltr' | 'rtl' | undefined;

  constructor(
    readonly catalogue: Catalogue,
    /** The formatting locale ('en-US'), as the formatters take it. */
    readonly locale: string,
    /** The language tag for `lang` attributes and feeds ('en'). */
    readonly language: string,
  ) {}

  /** 'ltr' or 'rtl', for `dir` beside `lang`. */
  get dir(): 'ltr' | 'rtl' {
    return (this.#dir ??= directionOf(this.language));
  }

  /** The message as plain text (templates escape it as they print it). */
  t(key: string, values: MessageValues = {}): string {
    return this.catalogue.format(key, values);
  }

  /** The message as HTML: its words and values escaped, each tag the element its value names (see TagValue). */
  html(key: string, values: HtmlValues = {}): string {
    const tags = Object.fromEntries(
      this.catalogue.tags(key).map((tag) => {
        const { open, close } = openTag(tag, values[tag] as TagValue | undefined, key);
        const render = (chunks: Array<string | Html>): Html => ({ html: `${open}${chunks.map(htmlOf).join('')}${close}` });
        return [tag, render];
      }),
    );
    const printed = Object.fromEntries(
      Object.entries(values).filter((entry): entry is [string, string | number] => typeof entry[1] !== 'object'),
    );
    return this.catalogue.formatParts<Html>(key, printed, tags).map(htmlOf).join('');
  }
}

const htmlOf = (part: string | Html): string => (typeof part === 'string' ? escapeHtml(part) : part.html);

/**
 * The shipped words for a locale ('de-DE' → de.yaml), with `language` as its tag (by default the locale's
 * language and region as written). Throws, naming the file to add, when the language has no catalogue.
 */
export function wordsFor(locale: string, language: string = locale): Words {
  return new Words(shippedCatalogue(resolveLocaleTag(locale)), locale, language);
}

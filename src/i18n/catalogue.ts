// Message catalogues: one YAML file of ICU MessageFormat messages per language, read through intl-messageformat
// and checked against the English reference when loaded, so a missing key or placeholder never reaches a reader.
import fs from 'node:fs';
import path from 'node:path';
import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import yaml from 'js-yaml';

/** The language every other catalogue is checked against. */
export const REFERENCE_LANGUAGE = 'en';

export type MessageValues = Readonly<Record<string, string | number>>;

// A tag, `<home>the latest articles</home>`, marks words a template wraps in an element (a link, a <time>); a '<'
// not followed by a letter is text ('<3' is a table bound).
const PARSER_OPTIONS = { requiresOtherClause: true } as const;

/** What a message's tag becomes: given the words between the tags, in order (text and values). */
export type TagRenderer<T> = (chunks: Array<string | T>) => T;

/** A catalogue file, or several, that cannot be used; `problems` has one line each, naming file and key. */
export class CatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`message catalogues:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'CatalogueError';
  }
}

/** One language's messages. Compiled messages are kept on the catalogue itself, which owns them. */
export class Catalogue {
  private readonly compiled = new Map<string, { message: IntlMessageFormat; tags: readonly string[] }>();

  constructor(
    /** The file name without its extension: 'en', 'de', 'pt-BR'. Plural rules follow it. */
    readonly language: string,
    readonly file: string,
    private readonly messages: ReadonlyMap<string, string>,
  ) {}

  keys(): string[] {
    return [...this.messages.keys()];
  }

  has(key: string): boolean {
    return this.messages.has(key);
  }

  /** The message's source text, as written in the file. */
  source(key: string): string {
    const message = this.messages.get(key);
    if (message === undefined) throw new RangeError(`${this.file}: no message "${key}"`);
    return message;
  }

  private compile(key: string): { message: IntlMessageFormat; tags: readonly string[] } {
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      const message = new IntlMessageFormat(this.source(key), this.language, undefined, PARSER_OPTIONS);
      compiled = { message, tags: [...placeholdersOf(message.getAst()).tags] };
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** The names of the message's tags (`home` in `<home>…</home>`), which a caller may render as elements. */
  tags(key: string): readonly string[] {
    return this.compile(key).tags;
  }

  /**
   * The message with its placeholders filled in, as plain text: a tag's words are kept, the tag dropped. An empty
   * message (a form the language lacks) gives ''.
   */
  format(key: string, values: MessageValues = {}): string {
    const { tags } = this.compile(key);
    const plain = Object.fromEntries(tags.map((tag) => [tag, (chunks: string[]) => chunks.join('')]));
    return this.formatParts<string>(key, values, plain).join('');
  }

  /**
   * The message as parts in order: text (its words and the values printed into it, never escaped) and what each
   * tag's renderer made of the words between its tags. Every tag of the message needs a renderer.
   */
  formatParts<T>(key: string, values: MessageValues, tags: Readonly<Record<string, TagRenderer<T>>>): Array<string | T> {
    const { message } = this.compile(key);
    const formatted = message.format<T>({ ...values, ...tags });
    return (Array.isArray(formatted) ? formatted : [formatted]).map((part) =>
      typeof part === 'string' || typeof part === 'number' ? String(part) : part,
    );
  }
}

/** What a message does with its placeholders: prints them, or only chooses a branch by them. */
interface Placeholders {
  printed: Set<string>;
  selectors: Set<string>;
  /** Plural categories the message distinguishes ('one', 'few'…), exact matches such as '=1' aside. */
  pluralCategories: Set<string>;
  /** Its tags' names: words a template wraps in an element. */
  tags: Set<string>;
}

function placeholdersOf(elements: readonly MessageFormatElement[], into: Placeholders = emptyPlaceholders()): Placeholders {
  for (const element of elements) {
    if (isArgumentElement(element) || isNumberElement(element) || isDateElement(element) || isTimeElement(element)) {
      into.printed.add(element.value);
    } else if (isSelectElement(element) || isPluralElement(element)) {
      into.selectors.add(element.value);
      for (const [choice, option] of Object.entries(element.options)) {
        if (isPluralElement(element) && element.pluralType !== 'ordinal' && !choice.startsWith('=')) into.pluralCategories.add(choice);
        placeholdersOf(option.value, into);
      }
    } else if (isTagElement(element)) {
      into.tags.add(element.value);
      placeholdersOf(element.children, into);
    }
  }
  return into;
}

function emptyPlaceholders(): Placeholders {
  return { printed: new Set(), selectors: new Set(), pluralCategories: new Set(), tags: new Set() };
}

/** Nested YAML maps become dotted keys: { format: { approximately: … } } → 'format.approximately'. */
function flatten(value: unknown, prefix: string, file: string, into: Map<string, string | undefined>, problems: string[]): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, file, into, problems);
    return;
  }
  // Kept as a key with no message: reported here, not again as missing.
  into.set(prefix, undefined);
  const why =
    value === null
      ? "is empty; write '' for a form the language does not have"
      : `must be a message in quotes, got ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`;
  problems.push(`${file}: ${prefix || '(top level)'}: ${why}`);
}

interface ReadCatalogue {
  catalogue: Catalogue;
  placeholders: Map<string, Placeholders>;
  /** Every key the file has, including those whose value is not a message. */
  keys: Set<string>;
}

function readCatalogue(file: string, shown: string, problems: string[]): ReadCatalogue | undefined {
  const language = path.basename(file).replace(/\.ya?ml$/, '');
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(language);
  } catch {
    canonical = undefined;
  }
  if (canonical !== language) {
    problems.push(`${shown}: the file name must be a language tag such as "fr.yaml" or "pt-BR.yaml"`);
    return undefined;
  }
  if (Intl.PluralRules.supportedLocalesOf([language]).length === 0) {
    problems.push(`${shown}: this Node.js has no plural rules for "${language}", so its messages could not be chosen`);
    return undefined;
  }
  let data: unknown;
  try {
    data = yaml.load(fs.readFileSync(file, 'utf8'), { filename: shown });
  } catch (error) {
    problems.push(`${shown}: ${(error as Error).message}`);
    return undefined;
  }
  const written = new Map<string, string | undefined>();
  flatten(data ?? {}, '', shown, written, problems);
  const messages = new Map<string, string>();
  const categories = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
  const placeholders = new Map<string, Placeholders>();
  for (const [key, message] of written) {
    if (message === undefined) continue;
    messages.set(key, message);
    try {
      const found = placeholdersOf(parse(message, PARSER_OPTIONS));
      placeholders.set(key, found);
      // A tag's value says what element it becomes, a placeholder's what it prints: one name cannot be both.
      const clashing = [...found.tags].filter((tag) => found.printed.has(tag) || found.selectors.has(tag));
      if (clashing.length) {
        problems.push(
          `${shown}: ${key}: ${clashing.map((tag) => `<${tag}>`).join(', ')} has the name of a placeholder; name the tag otherwise`,
        );
      }
      const unknown = [...found.pluralCategories].filter((category) => !categories.has(category));
      if (unknown.length) {
        problems.push(
          `${shown}: ${key}: plural forms ${unknown.join(', ')} do not exist in "${language}" (Intl.PluralRules has ${[...categories].join(', ')})`,
        );
      }
    } catch (error) {
      problems.push(`${shown}: ${key}: not a valid ICU message (${(error as Error).message}): ${JSON.stringify(message)}`);
    }
  }
  return { catalogue: new Catalogue(language, shown, messages), placeholders, keys: new Set(written.keys()) };
}

const listed = (names: Iterable<string>) =>
  [...names]
    .sort()
    .map((name) => `{${name}}`)
    .join(', ') || 'none';

/** Same keys as English, and the same placeholders: none English lacks, and every one English prints. */
function compareWithReference(reference: ReadCatalogue, other: ReadCatalogue, problems: string[]): void {
  const file = other.catalogue.file;
  const missing = reference.catalogue.keys().filter((key) => !other.keys.has(key));
  const unknown = [...other.keys].filter((key) => !reference.keys.has(key));
  for (const key of missing) problems.push(`${file}: ${key}: missing (${reference.catalogue.file} has it)`);
  for (const key of unknown) problems.push(`${file}: ${key}: not a key of ${reference.catalogue.file}`);
  for (const [key, theirs] of other.placeholders) {
    const ours = reference.placeholders.get(key);
    if (ours === undefined) continue;
    const allowed = new Set([...ours.printed, ...ours.selectors]);
    const extra = [...theirs.printed, ...theirs.selectors].filter((name) => !allowed.has(name));
    // An empty message says the language has no such form, so it prints nothing at all.
    const empty = other.catalogue.source(key) === '';
    const dropped = empty ? [] : [...ours.printed].filter((name) => !theirs.printed.has(name));
    if (extra.length || dropped.length) {
      const what = [
        extra.length ? `uses ${listed(new Set(extra))}, which the English message does not have` : '',
        dropped.length ? `never prints ${listed(dropped)}` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      problems.push(`${file}: ${key}: ${what} (English prints ${listed(ours.printed)} and chooses by ${listed(ours.selectors)})`);
    }
    // A tag is where the template puts a link or an element: a translation keeps every one, and adds none.
    const tagsOf = (found: Placeholders) => [...found.tags].sort().map((tag) => `<${tag}>`);
    if (!empty && tagsOf(theirs).join() !== tagsOf(ours).join()) {
      problems.push(
        `${file}: ${key}: has the tags ${tagsOf(theirs).join(', ') || 'none'}, English ${tagsOf(ours).join(', ') || 'none'}; keep each tag around the words it marks`,
      );
    }
  }
}

export interface Catalogues {
  /** Every catalogue by its language tag ('en', 'de', 'pt-BR'). */
  readonly byLanguage: ReadonlyMap<string, Catalogue>;
}

/**
 * Reads every `<language>.yaml` in `dir` and checks each against `en.yaml`: the same keys, no placeholder English
 * lacks, and every placeholder English prints. A placeholder English only chooses by (a plural count) may be left
 * out, since not every language has the choice (Korean has no plural); an empty message, a form the language does
 * not have, prints none. Throws a CatalogueError listing every problem.
 */
export function loadCatalogues(dir: string, shownDir: string = dir): Catalogues {
  const problems: string[] = [];
  const files = fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const read = new Map<string, ReadCatalogue>();
  for (const name of files) {
    const found = readCatalogue(path.join(dir, name), path.join(shownDir, name), problems);
    if (found) read.set(found.catalogue.language, found);
  }
  const reference = read.get(REFERENCE_LANGUAGE);
  if (reference === undefined) {
    problems.push(`${path.join(shownDir, `${REFERENCE_LANGUAGE}.yaml`)}: missing; every catalogue is checked against it`);
  } else {
    for (const [language, other] of read) if (language !== REFERENCE_LANGUAGE) compareWithReference(reference, other, problems);
  }
  if (problems.length) throw new CatalogueError(problems);
  return { byLanguage: new Map([...read].map(([language, { catalogue }]) => [language, catalogue])) };
}

/** The catalogue for a locale: its language and region ('pt-BR') if there is one, else its language ('de' for 'de-AT'). */
export function findCatalogue(catalogues: Catalogues, locale: { tag: string; language: string; region: string | undefined }): Catalogue {
  const regional = locale.region === undefined ? undefined : catalogues.byLanguage.get(`${locale.language}-${locale.region}`);
  const found = regional ?? catalogues.byLanguage.get(locale.language);
  if (found) return found;
  throw new RangeError(
    `no message catalogue for locale "${locale.tag}": the languages are ${[...catalogues.byLanguage.keys()].join(', ')}; ` +
      `a language is added with one file, src/i18n/messages/${locale.language}.yaml (see docs/formatting.md)`,
  );
}

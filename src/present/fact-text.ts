// Text an editor wrote, with its fact tags printed: a field (a title, a summary, a digest's subject) as plain
// text, which each output then escapes its own way (HTML, JSON, a mail header), or an article's Markdown
// with each figure escaped for Markdown. A tag that starts a sentence prints with a capital.
import { printFacts, type BadTag, type FactTag } from '../content/fact-tags.ts';
import { resolveFactId, type FactScope } from '../content/link.ts';
import { capitalise } from '../i18n/words.ts';
import { markdownLiteral } from '../shared/html.ts';
import { factText, type PresentOptions } from './figures.ts';

export interface FactTextOptions extends PresentOptions {
  scope: FactScope;
  /** Under the dev server: a tag that cannot be printed is shown as written (its problem is listed) instead of stopping. */
  preview?: boolean;
}

export { capitalise };

function printed(tag: FactTag, sentenceStart: boolean, options: FactTextOptions): string {
  const { facts, id } = resolveFactId(tag.id, options.scope);
  const words = factText(facts, id, tag.form, options);
  return sentenceStart ? capitalise(words, options.locale) : words;
}

/**
 * A text field with its figures printed, as plain text; comments dropped with the spaces they leave ("Title {# note #}"
 * is "Title", never "Title " in a mail's Subject or a page's <title>), and other white space as written.
 */
export function fieldText(text: string, options: FactTextOptions): string {
  const out = printFacts(
    text,
    (tag, sentenceStart) => {
      try {
        return printed(tag, sentenceStart, options);
      } catch (error) {
        if (options.preview) return `⚠ ${text.slice(tag.start, tag.end)}`;
        throw error;
      }
    },
    options.preview ? (tag: BadTag) => `⚠ ${text.slice(tag.start, tag.end)}` : undefined,
  );
  return text.includes('{#') ? out.replace(/[ \t]{2,}/g, ' ').replace(/^[ \t]+|[ \t]+$/gm, '') : out;
}

/**
 * An article's Markdown with its figures printed as Markdown literals (a figure never turns into emphasis or a
 * heading). Under the dev server, `mark` shows a tag that cannot be printed where the figure would be.
 */
export function markdownWithFacts(body: string, options: FactTextOptions, mark?: (written: string) => string): string {
  const written = (tag: { start: number; end: number }) => body.slice(tag.start, tag.end).replace(/\s+/g, ' ');
  return printFacts(
    body,
    (tag, sentenceStart) => {
      try {
        return markdownLiteral(printed(tag, sentenceStart, options));
      } catch (error) {
        if (mark) return mark(written(tag));
        throw error;
      }
    },
    mark ? (tag: BadTag) => mark(written(tag)) : undefined,
  );
}

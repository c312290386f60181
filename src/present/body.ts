// An article's body as HTML: its Markdown with every fact tag printed from the facts, rendered by markdown-it.
import MarkdownIt from 'markdown-it';
import type { ArticleEntry } from '../content/model.ts';
import { markdownWithFacts, type FactTextOptions } from './fact-text.ts';

const markdown = new MarkdownIt({ html: true, typographer: false });

/** `mark`: under the dev server, what stands where a tag could not be printed (Markdown, given the tag as written). */
export function renderArticleBody(entry: ArticleEntry, options: FactTextOptions, mark?: (written: string) => string): string {
  return markdown.render(markdownWithFacts(entry.body, options, mark));
}

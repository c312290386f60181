// An article's body as HTML: its Markdown with every fact tag printed from the facts, rendered by markdown-it.
import type { ArticleEntry } from '../content/model.ts';
import { createMarkdown } from '../render/markdown.ts';
import { markdownWithFacts, type FactTextOptions } from './fact-text.ts';

// Under the raw-HTML policy (src/render/markdown.ts), which the content check enforces; a preview marks what
// the policy leaves out instead of dropping it.
const markdown = { build: createMarkdown(), preview: createMarkdown({ preview: true }) };

/** `mark`: under the dev server, what stands where a tag could not be printed (Markdown, given the tag as written). */
export function renderArticleBody(entry: ArticleEntry, options: FactTextOptions, mark?: (written: string) => string): string {
  return markdown[options.preview ? 'preview' : 'build'].render(markdownWithFacts(entry.body, options, mark));
}

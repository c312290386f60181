// Figures in articles: `{% fact "id" %}` prints a figure from the article's facts file, escaped for HTML
// and for Markdown, so the words come out as they read in the key figures.
// Articles are Markdown only (articles.11tydata.mjs sets templateEngineOverride: md), not Nunjucks
// templates: before markdown-it parses an article, this step replaces its fact tags with the figures'
// words, as Nunjucks used to, with the grammar `npm run check` reads (src/content/shortcodes.ts).
// Compiling every article as a Nunjucks template cost a third of bare Eleventy's build time.
import fs from 'node:fs';
import { markdownLiteral } from '../content/html.ts';
import { displayPath } from '../content/paths.ts';
import { BodyTagError, bodyFirstLine, lineAt, printFacts, type BodyTag } from '../content/shortcodes.ts';
import { factText } from '../facts/present.ts';
import { PREVIEW_MARK_STYLE } from '../site/problems-banner.ts';
import { isArticlePath } from './articles.ts';
import type { BuildState } from './state.ts';
import type { EleventyConfig } from './types.ts';

interface MarkdownCore {
  src: string;
  env: { page?: { inputPath?: string; fileSlug?: string } } | undefined;
}

interface MarkdownLibrary {
  core: { ruler: { after(name: string, rule: string, fn: (state: MarkdownCore) => void): void } };
}

export function registerArticleFacts(config: EleventyConfig, state: () => BuildState): void {
  config.amendLibrary('md', (md: MarkdownLibrary) => {
    // Right after markdown-it normalises line endings, before it reads a single block.
    md.core.ruler.after('normalize', 'article-facts', (core) => {
      const page = core.env?.page;
      if (!page?.inputPath || !page.fileSlug) return;
      if (!isArticlePath(page.inputPath, state().contentDir)) return;
      // Only now: other Markdown pages (about.md) never wait for the facts.
      const { site, facts, serving } = state();
      const articleFacts = facts[page.fileSlug];
      const options = { locale: site.locale, zone: site.timeZone };
      const body = core.src;
      const written = (tag: BodyTag) => body.slice(tag.start, tag.end).replace(/\s+/g, ' ');
      // As `npm run check` words it: the file, the line, the tag as written, what is wrong.
      const fileLine = (offset: number) =>
        `${displayPath(page.inputPath!)}: line ${bodyStartLine(page.inputPath!, body) + lineAt(body, offset) - 1}`;
      // The dev server marks a tag it cannot print and renders the rest; its check lists the problem.
      const printBad = serving ? (tag: BodyTag) => unprintedMark(written(tag)) : undefined;
      try {
        core.src = printFacts(
          body,
          (tag) => {
            try {
              return markdownLiteral(factText(articleFacts, tag.id, tag.form, options));
            } catch (error) {
              if (printBad) return printBad(tag);
              throw new Error(`${fileLine(tag.start)}: ${written(tag)}: ${(error as Error).message}`, { cause: error });
            }
          },
          printBad,
        );
      } catch (error) {
        if (error instanceof BodyTagError) throw new Error(`${fileLine(error.tag.start)}: ${error.tag.problem}`, { cause: error });
        throw error;
      }
    });
  });
}

/** A tag the dev server could not print, shown as written, highlighted where the figure would be. */
function unprintedMark(written: string): string {
  return `<mark class="dev-problem" style="${PREVIEW_MARK_STYLE};outline:2px solid #b45309">⚠ ${markdownLiteral(written)}</mark>`;
}

/** The file line where `body` (the Markdown after the front matter) starts; only worked out for an error. */
function bodyStartLine(inputPath: string, body: string): number {
  try {
    return bodyFirstLine(fs.readFileSync(inputPath, 'utf8'), body);
  } catch {
    return 1;
  }
}

// Figures in articles: `{% fact "id" %}` prints a figure from the article's facts file, escaped for HTML
// and for Markdown, so the words come out as they read in the key figures.
// Articles are Markdown only (articles.11tydata.mjs sets templateEngineOverride: md), not Nunjucks
// templates: before markdown-it parses an article, this step replaces its fact tags with the figures'
// words, as Nunjucks used to, with the grammar `npm run check` reads (src/content/shortcodes.ts).
// Compiling every article as a Nunjucks template cost a third of bare Eleventy's build time.
import fs from 'node:fs';
import { markdownLiteral } from '../content/html.ts';
import { displayPath } from '../content/paths.ts';
import { BodyTagError, bodyFirstLine, printFacts } from '../content/shortcodes.ts';
import { factText } from '../facts/present.ts';
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
      const { site, facts } = state();
      const articleFacts = facts[page.fileSlug];
      const options = { locale: site.locale, zone: site.timeZone };
      try {
        core.src = printFacts(core.src, (tag) => {
          try {
            return markdownLiteral(factText(articleFacts, tag.id, tag.form, options));
          } catch (error) {
            throw new Error(`{% fact "${tag.id}" %}: ${(error as Error).message}`);
          }
        });
      } catch (error) {
        const file = displayPath(page.inputPath);
        if (error instanceof BodyTagError) {
          throw new Error(`${file}: line ${bodyStartLine(page.inputPath, core.src) + error.line - 1}: ${error.tag.problem}`);
        }
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    });
  });
}

/** The file line where `body` (the Markdown after the front matter) starts; only worked out for an error. */
function bodyStartLine(inputPath: string, body: string): number {
  try {
    return bodyFirstLine(fs.readFileSync(inputPath, 'utf8'), body);
  } catch {
    return 1;
  }
}

// The only place that touches eleventyConfig: directories, engines, and one call per concern.
import path from 'node:path';
import { frontMatterOptions } from '../content/front-matter.ts';
import { resolvePaths } from '../content/paths.ts';
import { createMarkdown } from '../render/markdown.ts';
import { registerArticleFacts } from './article-facts.ts';
import { registerArticles } from './articles.ts';
import { registerDevProblems } from './dev-problems.ts';
import { registerDigests } from './digests.ts';
import { registerFeeds } from './feeds.ts';
import { registerFilters } from './filters.ts';
import { registerOutputGuard } from './output-guard.ts';
import { registerSitemap } from './sitemap.ts';
import { registerStylesheet } from './stylesheet.ts';
import { loadBuildState, type BuildState } from './state.ts';
import type { EleventyConfig } from './types.ts';

export function configureSite(config: EleventyConfig) {
  const { contentDir, templatesDir } = resolvePaths();
  const serving = process.env.ELEVENTY_RUN_MODE === 'serve' || process.env.ELEVENTY_RUN_MODE === 'watch';

  let current: BuildState | undefined;
  const state = (): BuildState => (current ??= loadBuildState(contentDir, serving));
  // Reload site metadata and facts at the start of every build, so watch mode sees edits.
  config.on('eleventy.before', () => {
    current = loadBuildState(contentDir, serving);
  });
  config.addWatchTarget(path.join(contentDir, 'facts'));
  config.addWatchTarget(templatesDir);
  // The digest, feed and sitemap templates are read when the config runs (they are virtual templates),
  // so an edit to one has the dev server run the config again.
  for (const folder of ['digest', 'site']) config.addWatchTarget(path.join(templatesDir, folder), { resetConfig: true });
  // Eleventy parses the config's imports as JavaScript to watch them; ours are TypeScript (run by tsx).
  config.setWatchJavaScriptDependencies(false);

  // Front matter is read as the content check reads it, so the dev server's validation and the build agree.
  config.setFrontMatterParsingOptions(frontMatterOptions);
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Markdown is rendered under the raw-HTML policy (src/render/markdown.ts), which the content check enforces.
  config.setLibrary('md', createMarkdown({ preview: serving }));

  registerOutputGuard(config);
  registerDevProblems(config, state);
  registerFilters(config, state);
  registerArticleFacts(config, state);
  registerArticles(config, state);
  registerDigests(config, state, templatesDir);
  registerFeeds(config, state, templatesDir);
  registerSitemap(config, state, templatesDir);
  registerStylesheet(config, templatesDir);

  return {
    dir: {
      // Relative to the working directory: Eleventy finds directory data files only along relative paths.
      input: path.relative(process.cwd(), contentDir) || '.',
      includes: path.relative(contentDir, templatesDir),
      layouts: path.relative(contentDir, path.join(templatesDir, 'layouts')),
      data: '_data',
      // No output here: `npm run build` passes its staging folder, `npm start` uses Eleventy's _site.
    },
    templateFormats: ['md', 'njk'],
    markdownTemplateEngine: 'njk',
    htmlTemplateEngine: 'njk',
  };
}

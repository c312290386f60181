// The only place that touches eleventyConfig: directories, engines, and one call per concern. Eleventy renders
// what the content model publishes (src/site/publication.ts): articles, listings, digests and feeds are pages
// of templates paginated over the model, so Eleventy itself reads only the site's other pages (about.md…).
import path from 'node:path';
import { frontMatterOptions } from '../content/front-matter.ts';
import { registerData } from './data.ts';
import { createMarkdown } from '../render/markdown.ts';
import { registerDigests } from './digests.ts';
import { registerFilters } from './filters.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerOutputGuard } from './output-guard.ts';
import { registerPages } from './pages.ts';
import { registerPictures } from './pictures.ts';
import { registerStylesheet } from './stylesheet.ts';
import type { SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

export { ENGINES_CONFIG_FILE, sessionFromEnvironment, type SiteSession } from './session.ts';

/**
 * A folder as Eleventy should be given it: relative to the working directory, as Eleventy resolves its own
 * paths. Its watcher moves its root up to a folder outside the working directory (../..) and then misreads an
 * absolute path, missing changes to facts, site.json and pictures.
 */
export function eleventyPath(dir: string): string {
  return path.relative(process.cwd(), dir) || '.';
}

export function configureSite(config: EleventyConfig, session: SiteSession): void {
  const { contentDir, templatesDir } = session;
  session.onConfigure?.();
  config.setInputDirectory(eleventyPath(contentDir));
  config.setIncludesDirectory(path.relative(contentDir, templatesDir));
  config.setLayoutsDirectory(path.relative(contentDir, path.join(templatesDir, 'layouts')));
  // site.json is read by the model; no folder of global data files is read besides it.
  config.setDataDirectory('.no-global-data');
  config.setTemplateFormats(['md', 'njk']);
  config.setUseGitIgnore(false);
  // The model reads articles, digests, facts and site.json; Eleventy renders them from it.
  for (const folder of ['articles', 'digests', 'facts', '_data']) config.ignores.add(`${eleventyPath(path.join(contentDir, folder))}/**`);

  // Front matter of the site's pages is read as the model reads it, so the check and the build agree.
  config.setFrontMatterParsingOptions(frontMatterOptions);
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Markdown is rendered under the raw-HTML policy (src/render/markdown.ts), which the content check enforces.
  config.setLibrary('md', createMarkdown({ preview: session.serving }));

  config.on('eleventy.before', () => session.beforeBuild?.());
  registerPictures(config, session);
  config.addWatchTarget(eleventyPath(contentDir));
  // Page templates are read when the config runs (they are virtual templates), so an edit to one runs it again.
  config.addWatchTarget(eleventyPath(templatesDir), { resetConfig: true });
  // Eleventy parses the config's imports as JavaScript to watch them; ours are TypeScript (run by tsx).
  config.setWatchJavaScriptDependencies(false);
  registerInputGuard(config, session);
  registerOutputGuard(config);

  registerData(config, session);
  registerFilters(config, session);
  registerPages(config, session);
  registerDigests(config, session);
  registerStylesheet(config, templatesDir);
}

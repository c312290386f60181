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

export function configureSite(config: EleventyConfig, session: SiteSession): void {
  const { contentDir, templatesDir } = session;
  session.onConfigure?.();
  // Relative to the working directory, as Eleventy resolves its own paths.
  config.setInputDirectory(path.relative(process.cwd(), contentDir) || '.');
  config.setIncludesDirectory(path.relative(contentDir, templatesDir));
  config.setLayoutsDirectory(path.relative(contentDir, path.join(templatesDir, 'layouts')));
  // site.json is read by the model; no folder of global data files is read besides it.
  config.setDataDirectory('.no-global-data');
  config.setTemplateFormats(['md', 'njk']);
  config.setUseGitIgnore(false);
  // The model reads articles, digests, facts and site.json; Eleventy renders them from it.
  for (const folder of ['articles', 'digests', 'facts', '_data'])
    config.ignores.add(`${path.relative(process.cwd(), path.join(contentDir, folder)) || folder}/**`);

  // Front matter of the site's pages is read as the model reads it, so the check and the build agree.
  config.setFrontMatterParsingOptions(frontMatterOptions);
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  // Markdown is rendered under the raw-HTML policy (src/render/markdown.ts), which the content check enforces.
  config.setLibrary('md', createMarkdown({ preview: session.serving }));

  config.on('eleventy.before', () => session.beforeBuild?.());
  registerPictures(config, session);
  // Relative to the working directory like the input folder: Eleventy moves the watcher's root up to a folder
  // outside it (../..) and would then misread an absolute path, missing facts, site.json and pictures.
  const relative = (dir: string) => path.relative(process.cwd(), dir) || '.';
  config.addWatchTarget(relative(contentDir));
  // Page templates are read when the config runs (they are virtual templates), so an edit to one runs it again.
  config.addWatchTarget(relative(templatesDir), { resetConfig: true });
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

// `npm start`: the dev server on http://localhost:8080, previewing the content with drafts (src/build/dev-server.ts).
// It starts from an empty _site/, so pages of files deleted or renamed since the last run do not linger, and
// keeps watching when a build fails (front matter that is not YAML, a broken site.json): saving the fix brings
// the site back. Content problems do not fail a preview: they are listed on every page.
import fs from 'node:fs';
import path from 'node:path';
import { startDevServer } from '../build/dev-server.ts';
import { projectRoot, resolvePaths } from '../shared/paths.ts';

const PORT = 8080;
const outputDir = path.join(projectRoot, '_site');
const { contentDir, templatesDir } = resolvePaths();

fs.rmSync(outputDir, { recursive: true, force: true });
const server = await startDevServer({ contentDir, templatesDir, outputDir, port: PORT, warn: (message) => console.warn(message) });
process.on('SIGINT', () => {
  void server.stop().finally(() => process.exit(0));
});

// `npm start`: the dev server on http://127.0.0.1:8080 (HOST and PORT change it: see src/serve/dev-server.ts),
// previewing the content with drafts (src/build/dev-server.ts). It starts from an empty _site/ (or $OUTPUT_DIR),
// so pages of files deleted or renamed since the last run do not linger, and keeps watching when a build fails
// (front matter that is not YAML, a broken site.json): saving the fix brings the site back. Content problems
// do not fail a preview: they are listed on every page.
import { startDevServer } from '../build/dev-server.ts';
import { devServerAddress } from '../serve/dev-server.ts';
import { resolvePaths } from '../shared/paths.ts';
import { stopWithParent } from '../shared/process.ts';

const { contentDir, templatesDir, outputDir } = resolvePaths();
try {
  const server = await startDevServer({
    contentDir,
    templatesDir,
    outputDir,
    address: devServerAddress(process.env),
    warn: (message) => console.warn(message),
  });
  stopWithParent(() => server.stop());
} catch (error) {
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
}

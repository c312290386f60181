// `npm start`: Eleventy's dev server on http://localhost:8080. It starts from an empty _site/, so pages
// of files deleted or renamed since the last run do not linger, and it keeps watching when its first
// build fails (a date Eleventy cannot read, front matter that is not YAML): saving the fix brings the
// site back, as it does for any later rebuild. Content problems the check finds do not fail a preview
// build at all; they are listed on every page (src/eleventy/dev-problems.ts).
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { survivingFirstBuild } from '../build/first-build.ts';
import { emptyOutputFolder } from '../build/output-folder.ts';
import { projectRoot, resolvePaths } from '../content/paths.ts';

const PORT = 8080;
const { contentDir, outputDir } = resolvePaths();

try {
  emptyOutputFolder(outputDir, {
    label: "npm start's output folder",
    hint: 'Set OUTPUT_DIR to a folder of its own (the default is _site).',
    contentDir,
  });
} catch (error) {
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
}
const eleventy = new Eleventy(path.relative(process.cwd(), contentDir) || '.', outputDir, {
  configPath: path.join(projectRoot, '.eleventy.js'),
  runMode: 'serve',
  // A failed rebuild is reported, not fatal: the server stays up.
  source: 'script',
});
await eleventy.init();

eleventy.write = survivingFirstBuild(eleventy.write.bind(eleventy), (message) => console.warn(message));
await eleventy.watch();
await eleventy.serve(PORT);
process.on('SIGINT', () => {
  void eleventy.stopWatch().finally(() => process.exit(0));
});

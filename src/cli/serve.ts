// `npm start`: Eleventy's dev server on http://127.0.0.1:8080 (HOST and PORT change it: see
// src/serve/dev-server.ts). It starts from an empty _site/ (or $OUTPUT_DIR), so pages
// of files deleted or renamed since the last run do not linger, and it keeps watching when its first
// build fails (a date Eleventy cannot read, front matter that is not YAML): saving the fix brings the
// site back, as it does for any later rebuild. Content problems the check finds do not fail a preview
// build at all; they are listed on every page (src/eleventy/dev-problems.ts).
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { survivingFirstBuild } from '../build/first-build.ts';
import { emptyOutputFolder } from '../build/output-folder.ts';
import { projectRoot, resolvePaths } from '../content/paths.ts';
import type { EleventyConfig } from '../eleventy/types.ts';
import { devServerAddress, devServerOptions, listenOn, type DevServerAddress } from '../serve/dev-server.ts';

const { contentDir, outputDir } = resolvePaths();

let address: DevServerAddress;
try {
  address = devServerAddress(process.env);
  emptyOutputFolder(outputDir, {
    label: "npm start's output folder",
    hint: 'Set OUTPUT_DIR to a folder of its own (the default is _site).',
    contentDir,
  });
} catch (error) {
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
}
listenOn(address.host);
const eleventy = new Eleventy(path.relative(process.cwd(), contentDir) || '.', outputDir, {
  configPath: path.join(projectRoot, '.eleventy.js'),
  runMode: 'serve',
  // A failed rebuild is reported, not fatal: the server stays up.
  source: 'script',
  config: (config) => (config as EleventyConfig).setServerOptions(devServerOptions(address)),
});
await eleventy.init();

eleventy.write = survivingFirstBuild(eleventy.write.bind(eleventy), (message) => console.warn(message));
await eleventy.watch();
await eleventy.serve(address.port);
process.on('SIGINT', () => {
  void eleventy.stopWatch().finally(() => process.exit(0));
});

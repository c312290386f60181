// Keeps every page inside the output folder. A page's permalink with `..` would have Eleventy write beside the
// site (into the project, with the default _site/), where it can overwrite any file and no build removes it:
// such a page stops the build, named with the path it would have written.
import path from 'node:path';
import { outsideOutputProblem } from '../shared/output-folder.ts';
import { displayPath } from '../shared/paths.ts';
import type { EleventyConfig } from './types.ts';

export function registerOutputGuard(config: EleventyConfig): void {
  let outputDir: string | undefined;
  config.on('eleventy.before', ({ directories }: { directories: { output: string } }) => {
    outputDir = path.resolve(directories.output);
  });
  config.addTransform('output-stays-inside', function (content) {
    const { inputPath, outputPath } = this.page;
    const problem = outputDir !== undefined && typeof outputPath === 'string' ? outsideOutputProblem(outputPath, outputDir) : undefined;
    if (problem) throw new Error(`${displayPath(path.resolve(inputPath))}: ${problem}`);
    return content;
  });
}

// The site stylesheet: read from templates/css/site.css at the start of every build (so the dev server
// picks up edits), linked from every page by {% stylesheetLink %}, and written beside the pages.
import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from '../shared/html.ts';
import { stylesheet, type Stylesheet } from '../site/stylesheet.ts';
import type { EleventyConfig } from './types.ts';

export function registerStylesheet(config: EleventyConfig, templatesDir: string): void {
  const source = path.join(templatesDir, 'css', 'site.css');
  let current: Stylesheet | undefined;
  const sheet = (): Stylesheet => (current ??= stylesheet(fs.readFileSync(source, 'utf8')));
  config.on('eleventy.before', () => {
    current = undefined;
  });
  config.addShortcode('stylesheetLink', () => `<link rel="stylesheet" href="${escapeHtml(sheet().href)}">`);
  config.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    const { outputPath, css } = sheet();
    const file = path.join(directories.output, outputPath);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(file, css);
  });
}

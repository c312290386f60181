// Keeps Eleventy to the pages the content check read. Eleventy finds the site's other pages by itself, with a
// glob that takes dot folders and follows links, so without this it would render files the check never read: a
// page under `.drafts/`, or a link to a file elsewhere on the machine while the dev server previews a tree whose
// problems (the link among them) do not stop it. A file that is not one of the model's pages is skipped.
import path from 'node:path';
import type { SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

export function registerInputGuard(config: EleventyConfig, session: SiteSession): void {
  config.addPreprocessor('checked-pages-only', '*', (data) => {
    const inputPath = path.resolve(String((data.page as { inputPath: string }).inputPath));
    // The project's own templates (src/eleventy/pages.ts) are added by path relative to the content folder.
    if (Object.hasOwn(config.virtualTemplates, path.relative(session.contentDir, inputPath).split(path.sep).join('/'))) return undefined;
    const read = session.state().publication.model.pages.some((page) => page.inputPath === inputPath);
    return read ? undefined : false;
  });
}

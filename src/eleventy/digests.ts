// Digests: validate each issue, resolve its articles, and render its four outputs —
// web page, email HTML (through the email pipeline, fitted to its size budget), plain text and digest.json — plus message.eml.
import fs from 'node:fs';
import path from 'node:path';
import { parseDigest, selectArticles } from '../content/digest.ts';
import { ContentError } from '../content/errors.ts';
import { displayPath } from '../content/paths.ts';
import { digestView, type DigestView } from '../digest/view.ts';
import { writeDigestMessage } from '../digest/message.ts';
import { prepareDigestEmail, type DigestEmail } from '../digest/email.ts';
import { digestJson } from '../digest/json.ts';
import { createDigestRenderer } from '../digest/render.ts';
import { isArticlePath } from './articles.ts';
import type { BuildState } from './state.ts';
import type { CollectionItem, EleventyConfig } from './types.ts';

const DIGEST_TEMPLATES = ['web', 'email', 'text', 'json', 'archive'] as const;

export function isDigestPath(inputPath: string, contentDir: string): boolean {
  const rel = path.relative(contentDir, path.resolve(inputPath));
  return rel.split(path.sep)[0] === 'digests' && rel.endsWith('.md');
}

function articleInput(item: CollectionItem) {
  return {
    slug: item.fileSlug,
    url: item.url,
    date: item.date,
    tags: (item.data.tags as string[] | undefined) ?? [],
    title: item.data.title as string,
    summary: item.data.summary as string,
    section: item.data.section as string,
  };
}

export function registerDigests(config: EleventyConfig, state: () => BuildState, templatesDir: string): void {
  const views = new Map<string, DigestView>();
  const emails = new Map<string, DigestEmail>();

  config.addCollection('digests', async (api) => {
    const { contentDir, site, facts, serving } = state();
    const all = api.getAll();
    const articles = all.filter((item) => isArticlePath(item.inputPath, contentDir)).map(articleInput);
    const problems: string[] = [];
    views.clear();
    for (const item of all.filter((i) => isDigestPath(i.inputPath, contentDir))) {
      const file = displayPath(item.inputPath);
      try {
        const digest = parseDigest(item.data, file);
        if (digest.draft && !serving) continue;
        const chosen = selectArticles(digest, articles, file, site.timeZone);
        views.set(item.fileSlug, digestView({ slug: item.fileSlug, file, digest, articles: chosen, facts, site }));
      } catch (error) {
        if (error instanceof ContentError) problems.push(...error.problems);
        else throw error;
      }
    }
    // The dev server previews the digests it can make; its content check names the others.
    if (problems.length && !serving) throw new ContentError(problems);
    // Both parts of the email are made here, before any is written: the HTML decides how many articles
    // fit its size budget, and the text part must show the same ones.
    emails.clear();
    const renderer = createDigestRenderer(templatesDir, site);
    for (const [slug, view] of views) {
      const email = await prepareDigestEmail(view, site, renderer);
      emails.set(slug, email);
      views.set(slug, email.view);
    }
    return [...views.values()].sort((a, b) => b.isoDate.localeCompare(a.isoDate));
  });

  config.addFilter('digestEmail', (view: DigestView) => emails.get(view.slug)?.html ?? '');
  config.addFilter('digestText', (view: DigestView) => emails.get(view.slug)?.text ?? '');
  config.addFilter('digestJson', (view: DigestView) => digestJson(view));

  // Output templates live in templates/digest, not content/: editors write digests, not their plumbing.
  for (const name of DIGEST_TEMPLATES) {
    config.addTemplate(`_digest-${name}.njk`, fs.readFileSync(path.join(templatesDir, 'digest', `${name}.njk`), 'utf8'), {});
  }

  // The .eml needs the finished HTML and text, so it is composed once both are written.
  config.on('eleventy.after', async ({ results }: { results: Array<{ outputPath: string | false; content: string }> }) => {
    // The results carry what was written (after the email pipeline), so nothing is read back from disk.
    const written = new Map(
      results.flatMap(({ outputPath, content }) => (typeof outputPath === 'string' ? [[outputPath, content] as const] : [])),
    );
    for (const [outputPath, html] of written) {
      if (path.basename(outputPath) !== 'email.html') continue;
      const digestDir = path.dirname(outputPath);
      const view = views.get(path.basename(digestDir));
      const text = written.get(path.join(digestDir, 'email.txt'));
      if (view && text !== undefined) await writeDigestMessage(view, digestDir, html, text);
    }
  });
}

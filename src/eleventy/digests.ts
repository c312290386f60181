// Digests' outputs beyond their templates: the plain text and digest.json, the email HTML through the email
// pipeline, and message.eml, composed once both parts are written.
import path from 'node:path';
import { runDigestEmailPipeline } from '../digest/email.ts';
import { writeDigestMessage } from '../digest/message.ts';
import { renderDigestText } from '../digest/text.ts';
import type { DigestView } from '../digest/view.ts';
import type { SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

export function registerDigests(config: EleventyConfig, session: SiteSession): void {
  const publication = () => session.state().publication;
  const viewFor = (outputPath: string) => publication().digests.find((digest) => digest.slug === path.basename(path.dirname(outputPath)));

  config.addFilter('digestText', (view: DigestView) => renderDigestText(view, { utm: publication().site.email.utm }));
  config.addFilter('digestJson', (view: DigestView) =>
    JSON.stringify(
      {
        slug: view.slug,
        subject: view.subject,
        preheader: view.preheader,
        date: view.isoDate,
        from: view.from,
        replyTo: view.replyTo,
        listId: view.listId,
        webUrl: view.webUrl,
        unsubscribe: view.unsubscribe,
        mergeTags: view.mergeTags,
        articles: view.articles.map((a) => a.url),
      },
      null,
      2,
    ),
  );

  config.addTransform('email-pipeline', async function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== 'string' || !outputPath.endsWith(`${path.sep}email.html`)) return content;
    const view = viewFor(outputPath);
    if (!view) return content;
    return runDigestEmailPipeline(content, view, publication().site);
  });

  // The .eml needs the finished HTML and text, so it is composed once both are written.
  config.on('eleventy.after', async ({ results }: { results: Array<{ outputPath: string | false; content: string }> }) => {
    // The results carry what was written (after the email pipeline), so nothing is read back from disk.
    const written = new Map(
      results.flatMap(({ outputPath, content }) => (typeof outputPath === 'string' ? [[outputPath, content] as const] : [])),
    );
    for (const [outputPath, html] of written) {
      if (path.basename(outputPath) !== 'email.html') continue;
      const digestDir = path.dirname(outputPath);
      const view = viewFor(outputPath);
      const text = written.get(path.join(digestDir, 'email.txt'));
      if (view && text !== undefined) await writeDigestMessage(view, digestDir, html, text);
    }
  });
}

// Digests' outputs beyond their web page: the email, made with its plain-text part before either is written
// (the HTML decides how many articles fit the size budget, and the text part shows the same ones), digest.json,
// and message.eml once both parts are written.
import path from 'node:path';
import { prepareDigestEmail, type DigestEmail } from '../digest/email.ts';
import { digestJson } from '../digest/json.ts';
import { writeDigestMessage } from '../digest/message.ts';
import { createDigestRenderer } from '../digest/render.ts';
import type { DigestView } from '../digest/view.ts';
import type { SiteSession } from './session.ts';
import type { EleventyConfig } from './types.ts';

export function registerDigests(config: EleventyConfig, session: SiteSession): void {
  // The emails of the build under way, by digest slug; made when the digests' pages are collected.
  const emails = new WeakMap<object, Map<string, DigestEmail>>();
  const emailsOfBuild = () => {
    const state = session.state();
    let found = emails.get(state);
    if (!found) emails.set(state, (found = new Map<string, DigestEmail>()));
    return found;
  };
  const emailOf = (view: DigestView): DigestEmail => {
    const email = emailsOfBuild().get(view.slug);
    if (!email) throw new Error(`${view.file}: its email was not made before its pages were written`);
    return email;
  };

  config.addCollection('digestPages', async () => {
    const { publication, render } = session.state();
    const views = publication.digests.filter((digest) => render.digest(digest.slug));
    const made = emailsOfBuild();
    // Read once per build, so a dev server's rebuild sees edits to the email templates.
    const renderer = createDigestRenderer(session.templatesDir, publication.site);
    for (const view of views) if (!made.has(view.slug)) made.set(view.slug, await prepareDigestEmail(view, publication.site, renderer));
    return views;
  });

  config.addFilter('digestEmail', (view: DigestView) => emailOf(view).html);
  config.addFilter('digestText', (view: DigestView) => emailOf(view).text);
  config.addFilter('digestJson', (view: DigestView) => digestJson(emailOf(view).view));

  // The .eml needs the finished HTML and text, so it is composed once both are written.
  config.on('eleventy.after', async ({ results }: { results: Array<{ outputPath: string | false; content: string }> }) => {
    const made = emailsOfBuild();
    for (const { outputPath } of results) {
      if (typeof outputPath !== 'string' || path.basename(outputPath) !== 'email.html') continue;
      const digestDir = path.dirname(outputPath);
      const email = made.get(path.basename(digestDir));
      if (email) await writeDigestMessage(email.view, digestDir, email.html, email.text);
    }
  });
}

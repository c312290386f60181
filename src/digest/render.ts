// Renders a digest's email, HTML and plain text, from templates/email/ with the site's Nunjucks options.
// The email is rendered here rather than as an Eleventy page so the build can render it again with fewer
// articles when it is over its size budget, before either part is written.
import nunjucks from 'nunjucks';
import type { Site } from '../content/site.ts';
import { TEXT_WIDTH, textLinks, wrap } from './text.ts';
import type { DigestView } from './view.ts';

/** As Eleventy renders the site's other templates (src/eleventy/index.ts). */
const NUNJUCKS_OPTIONS = { throwOnUndefined: false, trimBlocks: true, lstripBlocks: true };

export const HTML_TEMPLATE = 'email/digest-html.njk';
export const TEXT_TEMPLATE = 'email/digest-text.njk';

export interface DigestRenderer {
  /** The email HTML as the template writes it, before the email pipeline. */
  html(view: DigestView): string;
  /** The finished plain-text part. */
  text(view: DigestView): string;
}

/** One renderer per build: the templates are read once, so a dev-server rebuild with a new renderer sees edits. */
export function createDigestRenderer(templatesDir: string, site: Site): DigestRenderer {
  const loader = new nunjucks.FileSystemLoader([templatesDir]);
  const htmlEnvironment = new nunjucks.Environment(loader, { ...NUNJUCKS_OPTIONS, autoescape: true });
  const textEnvironment = new nunjucks.Environment(loader, { ...NUNJUCKS_OPTIONS, autoescape: false });
  textEnvironment.addFilter('wrap', (text: unknown, indent?: string, hangingIndent?: string) => wrap(String(text), indent, hangingIndent));
  return {
    html: (view) => htmlEnvironment.render(HTML_TEMPLATE, { site, digest: view }),
    text: (view) => {
      const { ref, links, tagged } = textLinks(view, site.email.utm);
      const text = textEnvironment.render(TEXT_TEMPLATE, { site, digest: view, rule: '-'.repeat(TEXT_WIDTH), ref, links, tagged });
      return `${text.trimEnd()}\n`;
    },
  };
}

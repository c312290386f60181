// The few HTML pages the service answers with itself; every value in them is escaped.
import type { Words } from '../i18n/words.ts';
import { escapeHtml } from '../shared/html.ts';

export interface PageSite {
  title: string;
  url: string;
  /** The site's words, which the pages are written in. */
  words: Words;
}

const STYLE = `body{font:1.125rem/1.6 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b;background:#fdfcf9}
button{font:inherit;padding:.5rem 1.25rem;cursor:pointer}a{color:#1f4e8c}
@media (prefers-color-scheme:dark){body{color:#ecebe8;background:#161615}a{color:#9cc3ff}}`;

/** A complete page: `paragraphs` are text (escaped here), `formHtml` is markup built by formPage. */
export function renderPage(site: PageSite, title: string, paragraphs: readonly string[], formHtml = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(site.words.language)}" dir="${site.words.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} | ${escapeHtml(site.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
${formHtml}
<p><a href="${escapeHtml(site.url)}/">${escapeHtml(site.words.t('subscriptions.backToSite', { site: site.title }))}</a></p>
</main>
</body>
</html>
`;
}

/** The one-button unsubscribe page: it posts back to its own URL (address and token in the query). */
export function unsubscribePage(site: PageSite, email: string): string {
  const form = `<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<input type="hidden" name="via" value="page">
<button type="submit">${escapeHtml(site.words.t('subscriptions.unsubscribe.button'))}</button>
</form>`;
  const { words } = site;
  return renderPage(
    site,
    words.t('subscriptions.unsubscribe.title'),
    [words.t('subscriptions.unsubscribe.question', { site: site.title, email })],
    form,
  );
}

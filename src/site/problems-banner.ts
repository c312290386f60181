// What the dev server puts at the top of every page while the content has problems: the editor sees
// them where they look, not only in the terminal. Never part of a build (a build stops on them).

import { escapeHtml } from '../content/html.ts';

/** At most this many problems are listed on the page; the terminal has them all. */
export const BANNER_LIMIT = 20;

/** The banner's HTML, every problem escaped; '' when there are none. Styled inline: site.css never carries it. */
export function problemsBanner(problems: readonly string[]): string {
  if (problems.length === 0) return '';
  const shown = problems.slice(0, BANNER_LIMIT);
  const more = problems.length - shown.length;
  const heading = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the content: <code>npm run build</code> would stop on ${problems.length === 1 ? 'it' : 'them'}. This preview shows what it can.`;
  return (
    '<div role="alert" class="dev-problems" style="margin:0;padding:0.75rem 1rem;background:#fff4e5;color:#3d2100;border-bottom:3px solid #b45309;font:0.9rem/1.4 system-ui,sans-serif">' +
    `<p style="margin:0 0 0.4rem;font-weight:700">${heading}</p>` +
    '<ul style="margin:0;padding-left:1.2rem">' +
    shown.map((problem) => `<li style="margin:0.15rem 0;overflow-wrap:anywhere">${escapeHtml(problem)}</li>`).join('') +
    '</ul>' +
    (more > 0 ? `<p style="margin:0.4rem 0 0">and ${more} more in the terminal.</p>` : '') +
    '</div>'
  );
}

/** The same problems for the terminal, one per line; '' when there are none. */
export function problemsReport(problems: readonly string[]): string {
  if (problems.length === 0) return '';
  const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
  return [`[dispatch] ${count} in the content (npm run build would stop; the preview shows what it can):`, ...problems.map((p) => `  ${p}`)].join('\n');
}

// What only the dev server's preview shows: the content's problems at the top of every page (the editor
// sees them where they look, not only in the terminal), and marks on drafts and unprintable fact tags.
// Never part of a build: a build stops on the problems and renders no drafts. The banner and the draft label
// are in the page's language; the problems themselves, like every message of the check, are in English.

import { REFERENCE_LANGUAGE } from '../i18n/catalogue.ts';
import { shippedCatalogues } from '../i18n/shipped-catalogues.ts';
import { wordsFor, type Words } from '../i18n/words.ts';
import { escapeHtml, markdownLiteral } from '../shared/html.ts';

/** At most this many problems are listed on the page; the terminal has them all. */
export const BANNER_LIMIT = 20;

/** How the preview highlights what only it shows (a draft's label, a fact tag it could not print). */
export const PREVIEW_MARK_STYLE = 'background:#fde68a;color:#3d2100';

/** The label a draft carries in the preview, on its page and in listings (builds never render drafts). */
export function draftLabel(words: Words): string {
  return `<mark class="draft-label" style="${PREVIEW_MARK_STYLE};padding:0 0.3em">${escapeHtml(words.t('preview.draft'))}</mark>`;
}

const problemCount = (n: number) => `${n} ${n === 1 ? 'problem' : 'problems'}`;

/** The words of a page's language, read from its `<html lang>`; English for a page without one or in a language without a catalogue. */
function pageWords(html: string): Words {
  const lang = /<html\b[^>]*\blang="([^"]+)"/i.exec(html)?.[1];
  if (lang !== undefined) {
    try {
      if (shippedCatalogues().byLanguage.has(new Intl.Locale(lang).language)) return wordsFor(lang);
    } catch {
      // Not a language tag: the banner stays in English.
    }
  }
  return wordsFor(REFERENCE_LANGUAGE);
}

/** The banner's HTML, every problem escaped; '' when there are none. Styled inline: site.css never carries it. */
export function problemsBanner(problems: readonly string[], words: Words = wordsFor(REFERENCE_LANGUAGE)): string {
  if (problems.length === 0) return '';
  const shown = problems.slice(0, BANNER_LIMIT);
  const more = problems.length - shown.length;
  const heading = words.html('preview.problems', { count: problems.length, command: { element: 'code' } });
  return (
    `<div role="alert" class="dev-problems" lang="${escapeHtml(words.language)}" dir="${words.dir}" style="margin:0;padding:0.75rem 1rem;background:#fff4e5;color:#3d2100;border-bottom:3px solid #b45309;font:0.9rem/1.4 system-ui,sans-serif">` +
    `<p style="margin:0 0 0.4rem;font-weight:700">${heading}</p>` +
    // The problems are the check's own messages, in English like every message of the command line.
    `<ul lang="${REFERENCE_LANGUAGE}" dir="ltr" style="margin:0;padding-inline-start:1.2rem">` +
    shown.map((problem) => `<li style="margin:0.15rem 0;overflow-wrap:anywhere">${escapeHtml(problem)}</li>`).join('') +
    '</ul>' +
    (more > 0 ? `<p style="margin:0.4rem 0 0">${escapeHtml(words.t('preview.more', { count: more }))}</p>` : '') +
    '</div>'
  );
}

/** The same problems for the terminal, one per line; '' when there are none. */
export function problemsReport(problems: readonly string[]): string {
  if (problems.length === 0) return '';
  return [
    `[dispatch] ${problemCount(problems.length)} in the content (npm run build would stop; the preview shows what it can):`,
    ...problems.map((p) => `  ${p}`),
  ].join('\n');
}

/** A tag the dev server could not print, shown as written where the figure would be (Markdown, so escaped for it). */
export function unprintedMark(written: string): string {
  return `<mark class="dev-problem" style="${PREVIEW_MARK_STYLE};outline:2px solid #b45309">⚠ ${markdownLiteral(written)}</mark>`;
}

/** `html` with the banner right after its <body> tag (or first, for a fragment). */
export function withProblemsBanner(html: string, problems: readonly string[]): string {
  if (problems.length === 0) return html;
  const banner = problemsBanner(problems, pageWords(html));
  if (!banner) return html;
  const body = /<body\b[^>]*>/i.exec(html);
  return body ? `${html.slice(0, body.index + body[0].length)}\n${banner}${html.slice(body.index + body[0].length)}` : `${banner}${html}`;
}

// A digest's finished email: rendered, run through the email pipeline, and cut down to its size budget
// when too big; problems name the digest's file.
import type { Site } from '../content/site.ts';
import { fitToBudget } from '../email/fit-to-budget.ts';
import { assertEmailOk, runEmailPipeline, type EmailPipelineOptions } from '../email/pipeline.ts';
import { GMAIL_CLIP_KB } from '../email/checks/size.ts';
import type { DigestRenderer } from './render.ts';
import { showingInEmail, type DigestView } from './view.ts';

export interface DigestEmail {
  /** The digest as the email shows it: `email.articles` are those that fit, `email.omitted` the rest. */
  view: DigestView;
  /** The finished email HTML. */
  html: string;
  /** The plain-text part, showing the same articles. */
  text: string;
}

/** The options the email pipeline runs with for a digest: its campaign's UTM parameters, its merge tags, its budget. */
export function digestPipelineOptions(view: DigestView, site: Site): EmailPipelineOptions {
  return {
    baseUrl: site.url,
    utm: site.email.utm === false ? false : { ...site.email.utm, campaign: view.campaign },
    mergeTags: Object.values(view.mergeTags),
    // An email the budget could not bring down (one article too big on its own) is worth a warning.
    sizeLimits: { errorBytes: GMAIL_CLIP_KB * 1024, warningBytes: site.email.sizeBudgetKb * 1024 },
  };
}

/**
 * Renders the email with every article and, when it is over `email.sizeBudgetKb`, with as many as fit, the
 * rest left to the web version ("And N more stories on the web"). Prints the pipeline's warnings and throws
 * an EmailCheckError naming the digest's file if the finished HTML fails a check.
 */
export async function prepareDigestEmail(view: DigestView, site: Site, renderer: DigestRenderer): Promise<DigestEmail> {
  const options = digestPipelineOptions(view, site);
  const fitted = await fitToBudget(view.articles.length, site.email.sizeBudgetKb * 1024, async (shown) => {
    const cut = showingInEmail(view, shown);
    return { view: cut, ...(await runEmailPipeline(renderer.html(cut), options)) };
  });
  for (const warning of fitted.warnings) console.warn(`${view.file}: warning: ${warning.message}`);
  assertEmailOk(fitted, view.file);
  return { view: fitted.view, html: fitted.html, text: renderer.text(fitted.view) };
}

// Runs a digest's rendered email HTML through the email pipeline; problems name the digest's file.
import type { Site } from '../content/site.ts';
import { assertEmailOk, runEmailPipeline } from '../email/pipeline.ts';
import type { DigestView } from './view.ts';

export async function runDigestEmailPipeline(html: string, view: DigestView, site: Site): Promise<string> {
  const result = await runEmailPipeline(html, {
    baseUrl: site.url,
    utm: site.email.utm === false ? false : { ...site.email.utm, campaign: view.campaign },
    mergeTags: Object.values(view.mergeTags),
  });
  for (const warning of result.warnings) console.warn(`${view.file}: warning: ${warning.message}`);
  assertEmailOk(result, view.file);
  return result.html;
}

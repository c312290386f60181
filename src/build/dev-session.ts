// The dev server's session: before each rebuild the content is checked again (files unchanged since the last
// check are not read again), its problems are printed and listed at the top of every page served, and the site
// is previewed from what could be read: drafts included, a fact tag that cannot print marked in place. Only the
// pages a change touched are rendered again (src/build/render-plan.ts); pages that no longer exist are removed.
import fs from 'node:fs';
import path from 'node:path';
import { checkContent, type CheckReport } from '../check/check.ts';
import type { BuildState, SiteSession } from '../eleventy/session.ts';
import { ContentError } from '../shared/errors.ts';
import { problemsReport, unprintedMark } from '../site/problems-banner.ts';
import { planRender } from './render-plan.ts';

export interface DevSession extends SiteSession {
  /** The problems the last check found, for the banner on every page served. */
  problems(): readonly string[];
}

export interface DevSessionOptions {
  contentDir: string;
  templatesDir: string;
  /** Where the pages are written: pages that no longer exist are removed from it. */
  outputDir: string;
  warn: (message: string) => void;
}

export function devSession({ contentDir, templatesDir, outputDir, warn }: DevSessionOptions): DevSession {
  let report: CheckReport | undefined;
  let state: BuildState | undefined;
  let hadProblems = false;
  // Set when Eleventy (re)reads its configuration, as it does when a template changes: everything is rendered.
  let configured = true;
  const check = () => {
    const previous = report;
    report = checkContent(contentDir, {
      numerals: false,
      ...(previous ? { previous } : {}),
      publication: { preview: true, mark: unprintedMark },
    });
    if (report.errors.length) warn(problemsReport(report.errors));
    else if (hadProblems) warn('[dispatch] the content has no problems now.');
    hadProblems = report.errors.length > 0;
    // Without a valid site.json there is nothing to preview; its problems say why.
    if (!report.publication) throw new ContentError(report.errors);
    const { plan, removed } = planRender(state?.publication, report.publication, configured);
    configured = false;
    for (const url of removed) fs.rmSync(path.join(outputDir, ...url.split('/')), { recursive: true, force: true });
    state = { publication: report.publication, problems: report.errors, render: plan };
  };
  return {
    contentDir,
    templatesDir,
    serving: true,
    state: () => {
      if (!state) check();
      return state!;
    },
    beforeBuild: check,
    onConfigure: () => {
      configured = true;
    },
    problems: () => report?.errors ?? [],
  };
}

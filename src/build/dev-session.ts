// The dev server's session: before each rebuild the content is checked again (files unchanged since the last
// check are not read again), its problems are printed and listed at the top of every page served, and the
// site is previewed from what could be read: drafts included, a fact tag that cannot print marked in place.
import { checkContent, type CheckReport } from '../check/check.ts';
import { RENDER_ALL, type BuildState, type SiteSession } from '../eleventy/session.ts';
import { problemsReport, unprintedMark } from '../site/problems-banner.ts';
import { ContentError } from '../shared/errors.ts';

export interface DevSession extends SiteSession {
  /** The problems the last check found, for the banner on every page served. */
  problems(): readonly string[];
}

export function devSession(contentDir: string, templatesDir: string, warn: (message: string) => void): DevSession {
  let report: CheckReport | undefined;
  let state: BuildState | undefined;
  let hadProblems = false;
  const check = () => {
    report = checkContent(contentDir, {
      numerals: false,
      ...(report ? { previous: report } : {}),
      publication: { preview: true, mark: unprintedMark },
    });
    if (report.errors.length) warn(problemsReport(report.errors));
    else if (hadProblems) warn('[dispatch] the content has no problems now.');
    hadProblems = report.errors.length > 0;
    // Without a valid site.json there is nothing to preview; its problems say why.
    if (!report.publication) throw new ContentError(report.errors);
    state = { publication: report.publication, problems: report.errors, render: RENDER_ALL };
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
    problems: () => report?.errors ?? [],
  };
}

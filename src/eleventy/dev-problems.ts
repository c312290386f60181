// The dev server's content check, shown: each rebuild prints what the check found to the terminal and
// puts it at the top of every page ({% devProblems %} in the base layout); drafts carry {% draftLabel %}.
// Builds print nothing here: `npm run build` reports the same check itself, and stops.
import { draftLabel, problemsBanner, problemsReport } from '../site/problems-banner.ts';
import type { BuildState } from './state.ts';
import type { EleventyConfig } from './types.ts';

export function registerDevProblems(config: EleventyConfig, state: () => BuildState): void {
  let hadProblems = false;
  config.on('eleventy.before', () => {
    const { serving, problems } = state();
    if (!serving) return;
    if (problems.length) console.warn(problemsReport(problems));
    else if (hadProblems) console.warn('[dispatch] the content has no problems now.');
    hadProblems = problems.length > 0;
  });
  config.addShortcode('devProblems', () => (state().serving ? problemsBanner(state().problems) : ''));
  config.addShortcode('draftLabel', draftLabel);
}

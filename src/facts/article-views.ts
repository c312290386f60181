// Everything an article page shows from its facts, computed in one go: the key figures, their chart,
// the timeline and the sources. The build's filters compute these per page; the content check's worker
// computes them ahead for every article and hands them over (src/build/check-in-worker.ts).
import { keyFiguresChart, type KeyFiguresChart } from '../charts/key-figures.ts';
import type { ArticleFacts } from './load.ts';
import { keyFigures, sourcesView, timeline, type EventView, type FigureView, type PresentOptions, type SourceView } from './present.ts';

/** The id the article page gives its chart (its title and description ids derive from it). */
export const KEY_FIGURES_CHART_ID = 'key-figures-chart';

export interface ArticleViews {
  keyFigures: FigureView[];
  chart: KeyFiguresChart | undefined;
  /** Distances are counted to `published`. */
  timeline: EventView[];
  sources: SourceView[];
}

/** The views of one article's facts; `published` is its publication date-time, ISO 8601. */
export function articleViews(facts: ArticleFacts, published: string, options: PresentOptions): ArticleViews {
  const figures = keyFigures(facts, options);
  return {
    keyFigures: figures,
    chart: keyFiguresChart(facts, figures, { id: KEY_FIGURES_CHART_ID, locale: options.locale }),
    timeline: timeline(facts, published, options),
    sources: sourcesView(facts),
  };
}

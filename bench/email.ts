// The email half of the benchmark: one digest's view model, email template and email pipeline, in-process,
// on articles from a generated tree, with the renderer the build uses (src/digest/render.ts); run.ts
// checks the result against a real build's email.html.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/check/check.ts';
import { parseDigest } from '../src/content/digest.ts';
import type { DigestEntry } from '../src/content/model.ts';
import { digestPipelineOptions } from '../src/digest/email.ts';
import { createDigestRenderer, type DigestRenderer } from '../src/digest/render.ts';
import type { DigestView } from '../src/digest/view.ts';
import { emailSteps, runEmailPipeline, type EmailPipelineOptions, type EmailPipelineResult, type StepName } from '../src/email/pipeline.ts';
import type { ArticleView } from '../src/present/article.ts';
import { projectRoot } from '../src/shared/paths.ts';
import type { Publication } from '../src/site/publication.ts';

export interface EmailBench {
  publication: Publication;
  /** Every article of the tree, newest first. */
  articles: ArticleView[];
  renderer: DigestRenderer;
  /** The email HTML as the template writes it, before the pipeline. */
  render(view: DigestView): string;
}

/**
 * Reads and checks a tree once (untimed, as the build does before rendering). `templatesDir` defaults to the
 * project's templates/; point it at a changed copy to compare email templates.
 */
export function loadEmailBench(contentDir: string, templatesDir = path.join(projectRoot, 'templates')): EmailBench {
  const report = checkContent(contentDir, { numerals: false });
  if (!report.publication || report.errors.length) throw new Error(`bench: the tree has problems:\n${report.errors.join('\n')}`);
  const publication = report.publication;
  const renderer = createDigestRenderer(templatesDir, publication.site);
  return { publication, articles: publication.articles, renderer, render: (view) => renderer.html(view) };
}

/** A digest of the given articles, as an editor would list them; `slug` names it in messages. */
export function digestOf(bench: EmailBench, slug: string, articles: readonly ArticleView[]): DigestView {
  const file = `bench digest ${slug}`;
  const data = parseDigest(
    {
      subject: `Benchmark digest of ${articles.length} articles`,
      preheader: 'The week’s reporting, with the figures behind each story and who reported them.',
      date: '2025-06-27T07:00:00+09:00',
      intro: 'This issue gathers the week’s articles. Each figure is shown with who reported it and how firm it is.',
      articles: articles.map((a) => a.slug),
    },
    file,
  );
  const entry: DigestEntry = { slug, file, inputPath: file, lineOf: () => undefined, data, articles: articles.map((a) => a.entry) };
  return bench.publication.digestView(entry);
}

/** A digest file of the tree, with its articles as the build selects them. */
export function treeDigest(bench: EmailBench, slug: string): DigestView {
  const view = bench.publication.digests.find((digest) => digest.slug === slug);
  if (!view) throw new Error(`bench: the tree has no digest ${slug}`);
  return view;
}

export interface EmailTiming {
  articles: number;
  runs: number;
  /** Medians, in milliseconds. */
  viewMs: number;
  templateMs: number;
  pipelineMs: number;
  totalMs: number;
  /** Each pipeline step on its own (median ms); checks are the pipeline's time beyond its steps. */
  stepsMs: Record<string, number>;
  checksMs: number;
  renderedBytes: number;
  emailBytes: number;
  /** What the pipeline's checks report; an error here would fail a build with this digest. */
  errors: string[];
  warnings: string[];
}

/** Builds the view, renders and post-processes one digest `runs` times after `warmup` untimed runs. */
export async function timeDigestEmail(
  bench: EmailBench,
  articles: readonly ArticleView[],
  runs: number,
  warmup: number,
): Promise<EmailTiming> {
  const slug = `bench-${articles.length}`;
  const samples = { view: [] as number[], template: [] as number[], pipeline: [] as number[], total: [] as number[] };
  const steps: Record<string, number[]> = {};
  let rendered = '';
  let result: EmailPipelineResult | undefined;
  for (let run = 0; run < warmup + runs; run += 1) {
    const started = performance.now();
    const view = digestOf(bench, slug, articles);
    const viewed = performance.now();
    rendered = bench.render(view);
    const templated = performance.now();
    result = await runEmailPipeline(rendered, digestPipelineOptions(view, bench.publication.site));
    const finished = performance.now();
    if (run < warmup) continue;
    samples.view.push(viewed - started);
    samples.template.push(templated - viewed);
    samples.pipeline.push(finished - templated);
    samples.total.push(finished - started);
    let html = rendered;
    for (const [name, step] of Object.entries(emailSteps) as Array<
      [StepName, (html: string, options: EmailPipelineOptions) => string | Promise<string>]
    >) {
      const stepStarted = performance.now();
      html = await step(html, digestPipelineOptions(view, bench.publication.site));
      (steps[name] ??= []).push(performance.now() - stepStarted);
    }
  }
  const stepsMs = Object.fromEntries(Object.entries(steps).map(([name, times]) => [name, median(times)]));
  const pipelineMs = median(samples.pipeline);
  return {
    articles: articles.length,
    runs,
    viewMs: median(samples.view),
    templateMs: median(samples.template),
    pipelineMs,
    totalMs: median(samples.total),
    stepsMs,
    checksMs: Math.max(0, pipelineMs - Object.values(stepsMs).reduce((sum, ms) => sum + ms, 0)),
    renderedBytes: Buffer.byteLength(rendered),
    emailBytes: result?.bytes ?? 0,
    errors: result?.errors.map((issue) => issue.message) ?? [],
    warnings: [...new Set(result?.warnings.map((issue) => issue.message))],
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

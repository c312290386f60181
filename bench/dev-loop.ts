/**
 * The dev loop as an editor feels it: `npm start` on a copy of a generated tree, then saves of the kinds an
 * editor makes, each timed from the write to the moment every output it should change has changed:
 * - a paragraph added to an article's body → its page;
 * - a new title → its page, home, the archive's first page, the first page of each of its topics and both feeds;
 * - a key figure's label changed in a facts file → the article's page.
 * Saves go to the newest articles (those on home and the feeds); the server's first build, its peak resident
 * set and the median of each kind are reported.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { slugify } from '../src/content/slug.ts';
import { projectRoot } from '../src/shared/paths.ts';
import { median } from './email.ts';
import type { GeneratedTree } from './generate.ts';
import { highWaterMarkKb, readText, scriptCommand } from './child.ts';

export interface DevLoopTiming {
  /** From starting `npm start` to its server answering, the first build included. */
  startMs: number;
  bodyMs: number[];
  titleMs: number[];
  factsMs: number[];
  /** The dev server's peak resident set over the whole run. */
  peakRssKb: number;
}

/** Targets from the issue that asked for the incremental dev loop (4,000 articles). */
export const DEV_LOOP_TARGETS = { bodyMs: 1000, titleMs: 2000, factsMs: 2000 };

const POLL_MS = 10;
/** Between saves: longer than the watcher's debounce, so each save is a rebuild of its own. */
const SETTLE_MS = 1500;
/** A save that changes nothing in this long is reported as a failure rather than a slow figure. */
const DEADLINE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(test: () => boolean, what: string, log: () => string, deadlineMs = DEADLINE_MS): Promise<number> {
  const started = performance.now();
  while (!test()) {
    if (performance.now() - started > deadlineMs)
      throw new Error(`dev loop: ${what} did not happen in ${deadlineMs} ms\n${log().slice(-3000)}`);
    await sleep(POLL_MS);
  }
  return performance.now() - started;
}

/** Runs `npm start`'s entry on a copy of `tree` and times `saves` saves of each kind. */
export async function timeDevLoop(tree: GeneratedTree, options: { workDir: string; saves: number }): Promise<DevLoopTiming> {
  const contentDir = path.join(options.workDir, 'dev-content');
  const outputDir = path.join(options.workDir, 'dev-out');
  fs.rmSync(contentDir, { recursive: true, force: true });
  fs.cpSync(tree.contentDir, contentDir, { recursive: true });

  const [program, ...args] = scriptCommand('start');
  const server = spawn(program as string, args, {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  let peakRssKb = 0;
  const poll = setInterval(() => (peakRssKb = Math.max(peakRssKb, highWaterMarkKb(server.pid))), 200);
  const logText = () => log;
  try {
    const startMs = await until(() => /Server at/.test(log), 'the server starting', logText, 10 * DEADLINE_MS);
    const articleFile = (slug: string) => path.join(contentDir, 'articles', `${slug}.md`);
    const page = (slug: string) => path.join(outputDir, 'articles', slug, 'index.html');
    const addParagraph = (slug: string, text: string) =>
      fs.writeFileSync(articleFile(slug), readText(articleFile(slug)).replace(/\n---\n/, `\n---\n${text}\n\n`));

    // The watcher starts some time after the server answers: a first save, repeated until it shows, tells when.
    const warm = tree.articles[0]!.slug;
    for (let attempt = 0; ; attempt += 1) {
      const marker = `Warm${attempt}x${Date.now()}`;
      addParagraph(warm, `${marker} paragraph.`);
      try {
        await until(() => readText(page(warm)).includes(marker), 'the first save', logText, 10_000);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
      }
    }
    await sleep(SETTLE_MS);

    const newest = tree.articles.slice(-options.saves * 3).reverse();
    const bodyMs: number[] = [];
    const titleMs: number[] = [];
    const factsMs: number[] = [];
    for (const [i, { slug }] of newest.slice(0, options.saves).entries()) {
      const marker = `Body${i}x${Date.now()}`;
      addParagraph(slug, `${marker} paragraph.`);
      bodyMs.push(await until(() => readText(page(slug)).includes(marker), `a body save of ${slug}`, logText));
      await sleep(SETTLE_MS);
    }
    for (const [i, { slug }] of newest.slice(options.saves, 2 * options.saves).entries()) {
      const marker = `Title${i}x${Date.now()}`;
      const text = readText(articleFile(slug));
      const tags = [...(/^tags:\n((?:\s+- .+\n)+)/m.exec(text)?.[1] ?? '').matchAll(/- (.+)/g)].map((m) => slugify(m[1]!.trim()));
      const outputs = [
        page(slug),
        path.join(outputDir, 'index.html'),
        path.join(outputDir, 'archive', 'index.html'),
        path.join(outputDir, 'feed.xml'),
        path.join(outputDir, 'feed.json'),
        ...tags.map((tag) => path.join(outputDir, 'tags', tag, 'index.html')),
      ];
      fs.writeFileSync(articleFile(slug), text.replace(/^title: "?/m, `title: "${marker} `));
      titleMs.push(await until(() => outputs.every((file) => readText(file).includes(marker)), `a title save of ${slug}`, logText));
      await sleep(SETTLE_MS);
    }
    for (const [i, { slug }] of newest.slice(2 * options.saves, 3 * options.saves).entries()) {
      const marker = `Label${i}x${Date.now()}`;
      const factsFile = path.join(contentDir, 'facts', `${slug}.yaml`);
      const facts = readText(factsFile);
      // The first key figure's label: key figures are printed in the article's box.
      const keyLabel = /- id: [^\n]+\n\s+label: ([^\n]+)\n(?:\s+[a-z]+:[^\n]*\n)*?\s+key: true/.exec(facts);
      if (!keyLabel) throw new Error(`dev loop: no key figure in ${factsFile}`);
      const at = keyLabel.index + keyLabel[0].indexOf('label: ') + 'label: '.length;
      fs.writeFileSync(factsFile, `${facts.slice(0, at)}${marker} ${facts.slice(at)}`);
      factsMs.push(await until(() => readText(page(slug)).includes(marker), `a facts save of ${slug}`, logText));
      await sleep(SETTLE_MS);
    }
    return { startMs, bodyMs, titleMs, factsMs, peakRssKb };
  } finally {
    clearInterval(poll);
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await Promise.race([exited, sleep(10_000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

export function describeDevLoop(timing: DevLoopTiming, articles: number): string[] {
  const ms = (values: number[]) => `${values.map((v) => Math.round(v)).join(', ')} ms`;
  const verdict = (values: number[], target: number) => `median ${Math.round(median(values))} ms (target ≤ ${target} ms)`;
  return [
    `Dev loop (npm start on ${articles.toLocaleString('en-US')} articles; from each save until every output it changes shows it)`,
    `  first build and start   ${(timing.startMs / 1000).toFixed(1)} s; server's peak RSS ${(timing.peakRssKb / 1024).toFixed(0)} MB`,
    `  body save → its page    ${verdict(timing.bodyMs, DEV_LOOP_TARGETS.bodyMs)}: ${ms(timing.bodyMs)}`,
    `  title save → page, home, archive, topics, feeds   ${verdict(timing.titleMs, DEV_LOOP_TARGETS.titleMs)}: ${ms(timing.titleMs)}`,
    `  facts save → its page   ${verdict(timing.factsMs, DEV_LOOP_TARGETS.factsMs)}: ${ms(timing.factsMs)}`,
  ];
}

/**
 * Build benchmark: how the full site scales against bare Eleventy on the same Markdown.
 * Generates a tree of N articles once, then builds it alternately (a, b, a, b, …), each build a child
 * process: (a) `npm run build`'s entry point, site and digests; (b) bare Eleventy (bench/bare.eleventy.js).
 * Then times one digest email of 50 articles in-process and reports email sizes, encodes lead pictures
 * and draws social cards cold and warm (bench/pictures.ts), and times saves under `npm start` (bench/dev-loop.ts). Prints a table; writes the raw figures to .bench/.
 * Run: npm run bench -- --articles 1000 [--runs 3] [--seed 1] [--warmup 1] [--email-runs 15] [--pictures 4] [--cards 50] [--dev-saves 5] [--work-dir DIR]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/shared/paths.ts';
import { prepareDigestEmail } from '../src/digest/email.ts';
import { loadEmailBench, median, timeDigestEmail, treeDigest, type EmailTiming } from './email.ts';
import { generateContent, type GeneratedTree } from './generate.ts';
import { describePictureTiming, timePictures } from './pictures.ts';
import { describeDevLoop, timeDevLoop } from './dev-loop.ts';
import { highWaterMarkKb, readText, scriptCommand } from './child.ts';

const TIME_BINARY = '/usr/bin/time';

interface Options {
  articles: number;
  runs: number;
  seed: number;
  warmup: number;
  emailRuns: number;
  /** Lead pictures and social cards for the picture bench. */
  pictures: number;
  cards: number;
  /** Saves of each kind timed under `npm start`; 0 leaves the dev loop out. */
  devSaves: number;
  /** Where trees and outputs go: outside the repository, because Eleventy skips git-ignored paths such as .bench/. */
  workDir: string;
}

interface Measure {
  wallMs: number;
  /** User + system CPU time; less disturbed than wall time by other work on the machine. */
  cpuMs: number | undefined;
  peakRssKb: number;
}

interface Variant {
  name: string;
  label: string;
  outDir: string;
  command: string[];
  env: Record<string, string>;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      warmup: { type: 'string', default: '1' },
      'email-runs': { type: 'string', default: '15' },
      pictures: { type: 'string', default: '4' },
      cards: { type: 'string', default: '50' },
      'dev-saves': { type: 'string', default: '5' },
      'work-dir': { type: 'string', default: path.join(os.tmpdir(), 'dispatch-bench') },
    },
  });
  const whole = (name: string, raw: string | undefined, min: number): number => {
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number of at least ${min}, got ${raw ?? 'nothing'}`);
    return n;
  };
  return {
    articles: whole('articles', values.articles, 1),
    runs: whole('runs', values.runs, 1),
    seed: whole('seed', values.seed, 0),
    warmup: whole('warmup', values.warmup, 0),
    emailRuns: whole('email-runs', values['email-runs'], 1),
    pictures: whole('pictures', values.pictures, 1),
    cards: whole('cards', values.cards, 1),
    devSaves: whole('dev-saves', values['dev-saves'], 0),
    workDir: path.resolve(values['work-dir'] ?? ''),
  };
}

/** Runs a command to completion, measuring wall time, CPU time and the peak resident set of the process. */
async function measure(command: string[], env: Record<string, string>): Promise<Measure> {
  const statsFile = path.join(os.tmpdir(), `dispatch-bench-time-${process.pid}.txt`);
  const useTime = fs.existsSync(TIME_BINARY);
  const [program, ...args] = useTime ? [TIME_BINARY, '-f', '%U %S %M', '-o', statsFile, ...command] : command;
  const started = performance.now();
  const child = spawn(program as string, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Without GNU time, read the kernel's high-water mark of the child's resident set while it runs.
  let polledRssKb = 0;
  const poll = useTime ? undefined : setInterval(() => (polledRssKb = Math.max(polledRssKb, highWaterMarkKb(child.pid))), 20);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  if (poll) clearInterval(poll);
  if (code !== 0) throw new Error(`${command.join(' ')} exited with ${code}:\n${stderr.slice(-3000)}`);
  if (!useTime) return { wallMs, cpuMs: undefined, peakRssKb: polledRssKb };
  const [user = NaN, system = NaN, rss = NaN] = fs.readFileSync(statsFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  fs.rmSync(statsFile, { force: true });
  return { wallMs, cpuMs: (user + system) * 1000, peakRssKb: rss };
}

function countFiles(dir: string, predicate: (file: string) => boolean = () => true): number {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && predicate(path.join(e.parentPath, e.name))).length;
}

/** Fails the benchmark when a build did not produce what it should, so a broken build never looks fast. */
function verifyOutputs(variant: Variant, tree: GeneratedTree): number {
  const files = countFiles(variant.outDir);
  if (variant.name === 'full') {
    const missing = tree.articles.filter((a) => !fs.existsSync(path.join(variant.outDir, 'articles', a.slug, 'index.html')));
    const missingDigests = tree.digests.filter((d) => !fs.existsSync(path.join(variant.outDir, 'digests', d.slug, 'email.html')));
    if (missing.length || missingDigests.length) {
      throw new Error(
        `the full build is missing ${missing.length} article pages and ${missingDigests.length} digest emails (first: ${missing[0]?.slug ?? missingDigests[0]?.slug})`,
      );
    }
  } else {
    const pages = countFiles(variant.outDir, (f) => f.endsWith('.html'));
    if (pages !== tree.articles.length) throw new Error(`bare Eleventy wrote ${pages} pages for ${tree.articles.length} articles`);
  }
  return files;
}

function firstDifference(ours: string, built: string): string {
  let index = 0;
  while (index < ours.length && ours[index] === built[index]) index += 1;
  return `  in-process: …${ours.slice(Math.max(0, index - 80), index + 80)}…\n  build:      …${built.slice(Math.max(0, index - 80), index + 80)}…`;
}

function machine() {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readText('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' });
  return {
    cpu,
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    free: free.status === 0 ? free.stdout.trim() : undefined,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

const seconds = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b) ? '–' : `${(a / b).toFixed(2)}×`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const milliseconds = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const count = (n: number) => n.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('   '),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const contentDir = path.join(options.workDir, `content-${options.articles}-seed${options.seed}`);
  const loadAtStart = os.loadavg();

  const started = performance.now();
  const tree = generateContent({ articles: options.articles, seed: options.seed, outDir: contentDir });
  console.log(
    `Generated ${count(tree.articles.length)} articles and ${tree.digests.length} digests (seed ${options.seed}) in ${seconds(performance.now() - started)}: ${contentDir}`,
  );

  const fullBuild: Variant = {
    name: 'full',
    label: '(a) full site + digests',
    outDir: path.join(options.workDir, 'out-full'),
    // Exactly what `npm run build` runs (package.json), with this Node.
    command: scriptCommand('build'),
    env: { CONTENT_DIR: contentDir, OUTPUT_DIR: path.join(options.workDir, 'out-full') },
  };
  const bareBuild: Variant = {
    name: 'bare',
    label: '(b) bare Eleventy',
    outDir: path.join(options.workDir, 'out-bare'),
    command: [
      process.execPath,
      'node_modules/@11ty/eleventy/cmd.cjs',
      '--config=bench/bare.eleventy.js',
      `--input=${path.join(contentDir, 'articles')}`,
      `--output=${path.join(options.workDir, 'out-bare')}`,
      '--quiet',
    ],
    env: {},
  };
  const variants = [fullBuild, bareBuild];

  const results = new Map<string, Measure[]>(variants.map((v) => [v.name, []]));
  const files = new Map<string, number>();
  const total = options.warmup + options.runs;
  for (let run = 0; run < total; run += 1) {
    for (const variant of variants) {
      fs.rmSync(variant.outDir, { recursive: true, force: true });
      const result = await measure(variant.command, variant.env);
      files.set(variant.name, verifyOutputs(variant, tree));
      const warm = run < options.warmup;
      if (!warm) results.get(variant.name)?.push(result);
      console.log(
        `  ${warm ? 'warm-up' : `run ${run - options.warmup + 1}/${options.runs}`}  ${variant.label.padEnd(24)} ${seconds(result.wallMs).padStart(9)} wall ${seconds(result.cpuMs).padStart(9)} CPU ${megabytes(result.peakRssKb).padStart(7)}`,
      );
    }
  }

  const summary = Object.fromEntries(
    variants.map((v) => {
      const runs = results.get(v.name) ?? [];
      const cpu = runs.map((r) => r.cpuMs).filter((ms): ms is number => ms !== undefined);
      return [
        v.name,
        {
          wallMs: median(runs.map((r) => r.wallMs)),
          cpuMs: cpu.length ? median(cpu) : undefined,
          peakRssKb: median(runs.map((r) => r.peakRssKb)),
          files: files.get(v.name) ?? 0,
          runs,
        },
      ];
    }),
  );
  const full = summary.full;
  const bare = summary.bare;
  if (!full || !bare) throw new Error('no results');

  // The email: one digest of 50 and one of 20 articles (the newest), then a digest of the tree compared with its build.
  const bench = loadEmailBench(contentDir);
  const emails: EmailTiming[] = [];
  for (const size of [50, 20]) {
    if (bench.articles.length >= size) emails.push(await timeDigestEmail(bench, bench.articles.slice(0, size), options.emailRuns, 3));
  }
  const sample = tree.digests.at(-1);
  let matchesBuild: boolean | undefined;
  if (sample) {
    // The last full build's output is still in place: each build empties only its own folder.
    const view = treeDigest(bench, sample.slug);
    const { html } = await prepareDigestEmail(view, bench.publication.site, bench.renderer);
    const built = fs.readFileSync(path.join(fullBuild.outDir, 'digests', sample.slug, 'email.html'), 'utf8');
    matchesBuild = html === built;
    if (!matchesBuild) console.log(`The in-process email differs from the build's:\n${firstDifference(html, built)}`);
  }

  const pictures = await timePictures({
    pictures: options.pictures,
    cards: options.cards,
    workDir: path.join(options.workDir, 'pictures'),
  });

  const devLoop = options.devSaves > 0 ? await timeDevLoop(tree, { workDir: options.workDir, saves: options.devSaves }) : undefined;

  const info = machine();
  const loadAtEnd = os.loadavg();
  console.log('');
  console.log(
    `${count(options.articles)} articles, ${tree.digests.length} digests (seed ${options.seed}); median of ${options.runs} alternating runs each after ${options.warmup} warm-up`,
  );
  console.log(
    table([
      ['', 'wall time', 'CPU time', 'peak RSS', 'files'],
      [fullBuild.label, seconds(full.wallMs), seconds(full.cpuMs), megabytes(full.peakRssKb), count(full.files)],
      [bareBuild.label, seconds(bare.wallMs), seconds(bare.cpuMs), megabytes(bare.peakRssKb), count(bare.files)],
      [
        'a / b (targets: wall ≤ 2×, RSS ≤ 1.5×)',
        ratio(full.wallMs, bare.wallMs),
        ratio(full.cpuMs, bare.cpuMs),
        ratio(full.peakRssKb, bare.peakRssKb),
        '',
      ],
    ]),
  );
  console.log('');
  console.log(`Digest email, in-process (median of ${options.emailRuns} runs after 3 warm-ups)`);
  console.log(
    table([
      ['', 'view', 'template', 'pipeline', 'total', 'email.html'],
      ...emails.map((e) => [
        `${e.articles} articles`,
        milliseconds(e.viewMs),
        milliseconds(e.templateMs),
        milliseconds(e.pipelineMs),
        milliseconds(e.totalMs),
        kilobytes(e.emailBytes),
      ]),
    ]),
  );
  for (const e of emails) {
    const steps = Object.entries(e.stepsMs).map(([name, ms]) => `${name} ${milliseconds(ms)}`);
    console.log(
      `  ${e.articles} articles, pipeline: ${[...steps, `checks ${milliseconds(e.checksMs)}`].join(', ')}; rendered ${kilobytes(e.renderedBytes)} → ${kilobytes(e.emailBytes)}`,
    );
  }
  console.log('  targets: 50-article digest well under 1 s; 20-article email.html ≤ 50 KB');
  if (matchesBuild !== undefined)
    console.log(`  in-process render of digest ${sample?.slug} matches the build's email.html: ${matchesBuild ? 'yes' : 'NO'}`);
  for (const e of emails) {
    for (const error of e.errors) console.log(`  ${e.articles} articles: check error (a build would fail): ${error}`);
    for (const warning of e.warnings) console.log(`  ${e.articles} articles: check warning: ${warning}`);
  }
  console.log('');
  console.log(describePictureTiming(pictures).join('\n'));
  if (devLoop) {
    console.log('');
    console.log(describeDevLoop(devLoop, options.articles).join('\n'));
  }
  console.log('');
  console.log(
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.memory}, Node ${info.node}, ${info.platform}; load average ${loadAtStart[0]?.toFixed(1)} at start, ${loadAtEnd[0]?.toFixed(1)} at end`,
  );

  const report = path.join(projectRoot, '.bench', `bench-${options.articles}-seed${options.seed}.json`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.writeFileSync(
    report,
    `${JSON.stringify({ options, machine: info, loadAtStart, loadAtEnd, digests: tree.digests.length, summary, emails, matchesBuild, pictures, devLoop }, null, 2)}\n`,
  );
  console.log(`Raw figures: ${path.relative(process.cwd(), report)}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});

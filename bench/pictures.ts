/**
 * Picture benchmark: lead pictures encoded cold (empty cache) and warm (a later build with the cache), and
 * social cards drawn cold and warm, in-process through PictureBuildMemo as a build would call it; then the
 * site built with those pictures as articles' lead pictures, cold and warm, as `npm run build` builds it.
 * `npm run bench` runs it after the builds; alone: npx tsx bench/pictures.ts [--pictures 4] [--cards 50] [--work-dir DIR]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { buildSite } from '../src/build/site.ts';
import { PictureBuildMemo, type PictureCounts } from '../src/images/picture-build-memo.ts';
import { projectRoot } from '../src/shared/paths.ts';
import type { SocialCard } from '../src/images/social-card.ts';
import { Random } from './random.ts';

export interface PictureTiming {
  pictures: number;
  cards: number;
  /** Wall time for all of them, as a build would ask for them (all at once). */
  coldPicturesMs: number;
  warmPicturesMs: number;
  coldCardsMs: number;
  warmCardsMs: number;
  /** CPU time of the whole process (libvips' and resvg's threads included): less disturbed by other work on the machine. */
  coldPicturesCpuMs: number;
  warmPicturesCpuMs: number;
  coldCardsCpuMs: number;
  warmCardsCpuMs: number;
  /**
   * The site (content/ and one article a picture) built in-process by buildSite into an empty picture cache,
   * then again with it: wall time and what each build encoded, drew, or took from the cache.
   */
  coldBuildMs: number;
  warmBuildMs: number;
  coldBuild: PictureCounts;
  warmBuild: PictureCounts;
  /** Files and bytes one picture publishes. */
  filesPerPicture: number;
  bytesPerPicture: number;
  sourceBytes: number;
}

const SOURCE_WIDTH = 2400;
const SOURCE_HEIGHT = 1600;

/** A photo-like test picture: shapes over a gradient, with grain, so the encoders have detail to work on. */
async function sourcePicture(file: string, seed: number): Promise<void> {
  const random = new Random(seed);
  const shapes = Array.from({ length: 40 }, () => {
    const [x, y, r] = [random.next() * SOURCE_WIDTH, random.next() * SOURCE_HEIGHT, 20 + random.next() * 300];
    const colour = `hsl(${random.int(0, 359)},${random.int(40, 79)}%,${random.int(30, 69)}%)`;
    return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${colour}" fill-opacity="0.7"/>`;
  }).join('');
  const scene = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SOURCE_WIDTH}" height="${SOURCE_HEIGHT}">` +
      `<defs><linearGradient id="sky" x2="0" y2="1"><stop offset="0" stop-color="#7aa6d8"/><stop offset="1" stop-color="#d9c7a3"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#sky)"/>${shapes}</svg>`,
  );
  // Grain from the seeded generator (sharp's own noise is random), so a run's sources are the same every time.
  const grain = Buffer.alloc(SOURCE_WIDTH * SOURCE_HEIGHT);
  for (let i = 0; i < grain.length; i += 1) grain[i] = 128 + Math.round((random.next() + random.next() + random.next() - 1.5) * 48);
  const grainPng = await sharp(grain, { raw: { width: SOURCE_WIDTH, height: SOURCE_HEIGHT, channels: 1 } })
    .toColourspace('srgb')
    .png()
    .toBuffer();
  await sharp(scene)
    .composite([{ input: grainPng, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .toFile(file);
}

function card(i: number): SocialCard {
  return {
    title: `Benchmark headline number ${i}: North Korea to Deploy More Troops to Support Russia in Ukraine War`,
    section: 'World',
    figure: {
      value: `${(i + 1) * 1000}`,
      label: 'North Korean personnel in the initial dispatch',
      attribution: 'Reported: a South Korean legislator',
    },
    siteName: 'The Korea Dispatch',
    language: 'en',
  };
}

async function timed(run: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const { user, system } = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (user + system) / 1000 };
}

/** content/ with one article a source picture, each the article's lead picture. */
function picturedTree(sources: readonly string[], dir: string): string {
  fs.cpSync(path.join(projectRoot, 'content'), dir, { recursive: true });
  sources.forEach((source, i) => {
    fs.copyFileSync(source, path.join(dir, 'articles', `bench-picture-${i}.jpg`));
    fs.writeFileSync(
      path.join(dir, 'articles', `bench-picture-${i}.md`),
      [
        '---',
        `title: Benchmark article with picture ${i}`,
        'summary: An article whose lead picture the build encodes.',
        `date: "2025-06-${String(10 + (i % 10)).padStart(2, '0')}T09:00:00+09:00"`,
        'section: World',
        'image:',
        `  src: bench-picture-${i}.jpg`,
        '  alt: Shapes over a gradient',
        '  credit: The benchmark',
        '---',
        'A paragraph.',
        '',
      ].join('\n'),
    );
  });
  return dir;
}

/** Encodes `pictures` sources and draws `cards` cards into an empty cache, then again as a later build would. */
export async function timePictures(options: { pictures: number; cards: number; workDir: string }): Promise<PictureTiming> {
  const { pictures, cards, workDir } = options;
  fs.rmSync(workDir, { recursive: true, force: true });
  const sources = Array.from({ length: pictures }, (_, i) => path.join(workDir, 'sources', `picture-${i}.jpg`));
  fs.mkdirSync(path.join(workDir, 'sources'), { recursive: true });
  await Promise.all(sources.map((file, i) => sourcePicture(file, i + 1)));
  const cacheDir = path.join(workDir, 'cache');
  const memo = (name: string) => new PictureBuildMemo({ outputDir: path.join(workDir, name), cacheDir });

  const cold = memo('cold');
  const coldPictures = await timed(() => Promise.all(sources.map((s) => cold.leadPicture(s))));
  const coldCards = await timed(() => Promise.all(Array.from({ length: cards }, (_, i) => cold.socialCard(card(i)))));
  const warm = memo('warm');
  const warmPictures = await timed(() => Promise.all(sources.map((s) => warm.leadPicture(s))));
  const warmCards = await timed(() => Promise.all(Array.from({ length: cards }, (_, i) => warm.socialCard(card(i)))));
  // A warm run that encoded or drew anything would measure the wrong thing.
  if (cold.counts.encoded !== pictures || warm.counts.encoded !== 0 || warm.counts.cardsDrawn !== 0) {
    throw new Error(
      `picture bench: expected ${pictures} encodes then none, got ${JSON.stringify({ cold: cold.counts, warm: warm.counts })}`,
    );
  }

  const tree = picturedTree(sources, path.join(workDir, 'site-content'));
  const build = (name: string) =>
    buildSite({ contentDir: tree, outputDir: path.join(workDir, name), pictureCacheDir: path.join(workDir, 'site-cache') });
  let coldBuild: PictureCounts | undefined;
  let warmBuild: PictureCounts | undefined;
  const coldBuildTime = await timed(async () => void (coldBuild = (await build('site-cold')).pictures));
  const warmBuildTime = await timed(async () => void (warmBuild = (await build('site-warm')).pictures));
  if (coldBuild?.encoded !== pictures || warmBuild?.encoded !== 0 || warmBuild.cardsDrawn !== 0) {
    throw new Error(
      `picture bench: expected the site's ${pictures} pictures encoded, then none, got ${JSON.stringify({ coldBuild, warmBuild })}`,
    );
  }

  const published = fs.readdirSync(warm.outputFile('/images/'), { withFileTypes: true }).filter((e) => e.isFile());
  const bytes = published.reduce((sum, e) => sum + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
  return {
    pictures,
    cards,
    coldPicturesMs: coldPictures.wallMs,
    warmPicturesMs: warmPictures.wallMs,
    coldCardsMs: coldCards.wallMs,
    warmCardsMs: warmCards.wallMs,
    coldPicturesCpuMs: coldPictures.cpuMs,
    warmPicturesCpuMs: warmPictures.cpuMs,
    coldCardsCpuMs: coldCards.cpuMs,
    warmCardsCpuMs: warmCards.cpuMs,
    coldBuildMs: coldBuildTime.wallMs,
    warmBuildMs: warmBuildTime.wallMs,
    coldBuild,
    warmBuild,
    filesPerPicture: published.length / pictures,
    bytesPerPicture: bytes / pictures,
    sourceBytes: sources.reduce((sum, s) => sum + fs.statSync(s).size, 0) / pictures,
  };
}

/** The timing as lines for the bench's report. */
export function describePictureTiming(t: PictureTiming): string[] {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(0)}×`;
  return [
    `Pictures, in-process: ${t.pictures} lead pictures (${SOURCE_WIDTH}×${SOURCE_HEIGHT} JPEG, ${(t.sourceBytes / 1e6).toFixed(1)} MB each) and ${t.cards} social cards`,
    `  lead pictures: cold ${ms(t.coldPicturesMs)} (${ms(t.coldPicturesMs / t.pictures)} a picture), warm ${ms(t.warmPicturesMs)} (${ms(t.warmPicturesMs / t.pictures)} a picture): cold / warm ${ratio(t.coldPicturesMs, t.warmPicturesMs)}`,
    `    CPU: cold ${ms(t.coldPicturesCpuMs / t.pictures)} a picture, warm ${ms(t.warmPicturesCpuMs / t.pictures)}: cold / warm ${ratio(t.coldPicturesCpuMs, t.warmPicturesCpuMs)}`,
    `  each picture publishes ${t.filesPerPicture} files, ${(t.bytesPerPicture / 1024).toFixed(0)} KB in all`,
    `  social cards: cold ${ms(t.coldCardsMs)} (${ms(t.coldCardsMs / t.cards)} a card), warm ${ms(t.warmCardsMs)} (${ms(t.warmCardsMs / t.cards)} a card): cold / warm ${ratio(t.coldCardsMs, t.warmCardsMs)}`,
    `    CPU: cold ${ms(t.coldCardsCpuMs / t.cards)} a card, warm ${ms(t.warmCardsCpuMs / t.cards)}: cold / warm ${ratio(t.coldCardsCpuMs, t.warmCardsCpuMs)}`,
    `  the site with ${t.pictures} pictured articles, built by buildSite: cold ${ms(t.coldBuildMs)} (${t.coldBuild.encoded} encoded, ${t.coldBuild.cardsDrawn} cards drawn), warm ${ms(t.warmBuildMs)} (${t.warmBuild.fromCache} pictures and ${t.warmBuild.cardsFromCache} cards from the cache): cold / warm ${(t.coldBuildMs / t.warmBuildMs).toFixed(1)}×`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      pictures: { type: 'string', default: '4' },
      cards: { type: 'string', default: '50' },
      'work-dir': { type: 'string', default: path.join(os.tmpdir(), 'dispatch-bench', 'pictures') },
    },
  });
  const timing = await timePictures({
    pictures: Number(values.pictures),
    cards: Number(values.cards),
    workDir: path.resolve(values['work-dir']),
  });
  console.log(describePictureTiming(timing).join('\n'));
}

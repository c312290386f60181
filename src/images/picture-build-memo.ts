// One build's pictures: each source encoded (or taken from the cache) once, each card drawn once, all copied into the site.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { projectRoot } from '../shared/paths.ts';
import { CARD_FONT_FILES, cardFonts } from './card-fonts.ts';
import { encodePicture, type EncodedPicture } from './encode.ts';
import { collectGarbage } from './native-memory.ts';
import { leadPictureFrom, type LeadPicture, type PublishedImage } from './picture.ts';
import { MIME_TYPES } from './recipes.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardRenderOptions, socialCardSvg, type SocialCard } from './social-card.ts';

/** Where encoded pictures and drawn cards are kept between builds: git-ignored, safe to delete at any time. */
export const DEFAULT_PICTURE_CACHE = path.join(projectRoot, '.cache');
/** Where published pictures go in the site, and their URLs' path. Cards go in its `cards/` folder. */
export const PICTURES_URL_PATH = '/images/';

export interface PictureBuildOptions {
  /** The build's output folder (the staging folder the site is written into). */
  outputDir: string;
  cacheDir?: string;
}

export interface PictureCounts {
  /** Sources encoded by this build, and sources found already encoded in the cache. */
  encoded: number;
  fromCache: number;
  cardsDrawn: number;
  cardsFromCache: number;
}

// Whatever changes a card's pixels besides its SVG: the renderer and the fonts.
const CARD_RENDERER = JSON.stringify({
  resvg: (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version,
  fonts: CARD_FONT_FILES.map((file) => [path.basename(file), fs.statSync(file).size]),
});

const CARDS_PER_COLLECTION = 32;

/** The key a card's PNG is cached and published under. */
export function cardKey(svg: string): string {
  return createHash('sha256').update(CARD_RENDERER).update('\0').update(svg).digest('hex').slice(0, 16);
}

/**
 * True when `file` is already in the output at `bytes` long. Names are content-addressed, so such a file is
 * the one wanted: a dev server's rebuild, writing into the folder of the last one, does not copy it again.
 */
function alreadyWritten(file: string, bytes: number): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.size === bytes;
}

/**
 * Runs the tasks given to it at most `concurrency` at a time, the others in turn. A build asks for every
 * picture and card at once; drawn all at once, 1,000 cards held each finished image's pixels (3 MB) until
 * the last was done, 3.6 GB in all (`npm run bench -- --articles 1000`, cold).
 */
function taskLimit(concurrency: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < concurrency) running += 1;
    // A finished task hands its place straight to the next, so no newcomer can slip in between.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await fsp.writeFile(temporary, bytes);
  await fsp.rename(temporary, file);
}

/**
 * The pictures of one build. Keeps what it has done for as long as the build does (create one per build, on
 * the build's state), so a picture used by several articles is encoded and copied once; the cache it reads
 * and fills outlives it, so an unchanged picture is never encoded again by a later build.
 */
export class PictureBuildMemo {
  readonly outputDir: string;
  readonly cacheDir: string;
  readonly counts: PictureCounts = { encoded: 0, fromCache: 0, cardsDrawn: 0, cardsFromCache: 0 };
  readonly #pictures = new Map<string, Promise<LeadPicture>>();
  readonly #cards = new Map<string, Promise<PublishedImage>>();
  // One encode or drawing a core: each uses the core fully, and more at once only hold more memory.
  readonly #encoding = taskLimit(os.availableParallelism());
  readonly #drawing = taskLimit(os.availableParallelism());
  #drawnSinceCollection = 0;

  constructor(options: PictureBuildOptions) {
    this.outputDir = options.outputDir;
    this.cacheDir = options.cacheDir ?? DEFAULT_PICTURE_CACHE;
  }

  /** Where a published URL's file is in the output folder. */
  outputFile(url: string): string {
    return path.join(this.outputDir, ...url.split('/').filter(Boolean));
  }

  /** The lead, thumbnail and share pictures of a checked source file (LeadImage.file), written into the site. */
  leadPicture(sourceFile: string): Promise<LeadPicture> {
    let picture = this.#pictures.get(sourceFile);
    if (!picture) {
      picture = this.#publishPicture(sourceFile);
      this.#pictures.set(sourceFile, picture);
    }
    return picture;
  }

  async #publishPicture(sourceFile: string): Promise<LeadPicture> {
    const encoded: EncodedPicture = await this.#encoding(() => encodePicture(sourceFile, this.cacheDir));
    if (encoded.encoded) this.counts.encoded += 1;
    else this.counts.fromCache += 1;
    const target = this.outputFile(PICTURES_URL_PATH);
    await fsp.mkdir(target, { recursive: true });
    await Promise.all(
      encoded.files
        .filter((f) => !alreadyWritten(path.join(target, f.file), f.bytes))
        .map((f) => fsp.copyFile(path.join(encoded.dir, f.file), path.join(target, f.file), fs.constants.COPYFILE_FICLONE)),
    );
    return leadPictureFrom(encoded, PICTURES_URL_PATH);
  }

  /** The card's 1200×630 PNG, drawn (or taken from the cache) and written into the site. */
  socialCard(card: SocialCard): Promise<PublishedImage> {
    const svg = socialCardSvg(card);
    const key = cardKey(svg);
    let published = this.#cards.get(key);
    if (!published) {
      published = this.#publishCard(key, svg, card.language);
      this.#cards.set(key, published);
    }
    return published;
  }

  async #publishCard(key: string, svg: string, language: string): Promise<PublishedImage> {
    const cached = path.join(this.cacheDir, 'cards', `${key}.png`);
    const url = `${PICTURES_URL_PATH}cards/${key}.png`;
    const target = this.outputFile(url);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    let bytes = (await fsp.stat(cached).catch(() => undefined))?.size;
    if (bytes !== undefined) {
      this.counts.cardsFromCache += 1;
      if (!alreadyWritten(target, bytes)) await fsp.copyFile(cached, target, fs.constants.COPYFILE_FICLONE);
    } else {
      const png = await this.#drawing(async () => (await renderAsync(svg, cardRenderOptions(cardFonts(), language))).asPng());
      // Each drawing leaves 3 MB that only a collection frees (src/images/native-memory.ts): one every 32 cards
      // keeps a build within about 100 MB of them, for a collection's 30 ms.
      if (++this.#drawnSinceCollection === CARDS_PER_COLLECTION) {
        this.#drawnSinceCollection = 0;
        collectGarbage();
      }
      await writeAtomically(cached, png);
      await fsp.writeFile(target, png);
      this.counts.cardsDrawn += 1;
      bytes = png.length;
    }
    return { url, type: MIME_TYPES.png, width: CARD_WIDTH, height: CARD_HEIGHT, bytes };
  }
}

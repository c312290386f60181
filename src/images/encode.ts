// Encoding a source picture into every published width and format, once: a cache addressed by content.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import eleventyImage from '@11ty/eleventy-img';
import sharp from 'sharp';
import { displayPath } from '../shared/paths.ts';
import { ENCODED_WIDTHS, ENCODER_OPTIONS, FLATTEN_BACKGROUND, PICTURE_FORMATS, type PictureFormat } from './recipes.ts';

/** One encoded file in a cache entry. */
export interface EncodedFile {
  format: PictureFormat;
  width: number;
  height: number;
  /** The file's name, the same in the cache and in the site. */
  file: string;
  bytes: number;
}

export interface EncodedPicture {
  /** Hash of the source's bytes and of everything that shapes the output: it names the files. */
  key: string;
  /** The cache entry's folder. */
  dir: string;
  files: EncodedFile[];
  /** True when this call encoded the picture; false when the cache had it. */
  encoded: boolean;
}

const MANIFEST = 'manifest.json';
export const EXTENSIONS: Record<PictureFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

/**
 * Everything besides the source that decides the output bytes: a change to any of them makes new names,
 * so a site never mixes pictures from two settings, and browsers' caches never hold a stale one.
 */
const RECIPE = JSON.stringify({
  widths: ENCODED_WIDTHS,
  formats: PICTURE_FORMATS,
  encoder: ENCODER_OPTIONS,
  flatten: FLATTEN_BACKGROUND,
  sharp: sharp.versions,
});

export function pictureKey(source: Buffer): string {
  return createHash('sha256').update(RECIPE).update('\0').update(source).digest('hex').slice(0, 16);
}

/** The cache entry's files when every one of them is there at its recorded size; undefined otherwise. */
function readEntry(dir: string): EncodedFile[] | undefined {
  let files: EncodedFile[];
  try {
    files = (JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as { files: EncodedFile[] }).files;
  } catch {
    return undefined;
  }
  const complete = files.every((f) => fs.statSync(path.join(dir, f.file), { throwIfNoEntry: false })?.size === f.bytes);
  return complete ? files : undefined;
}

/**
 * The picture in every width of ENCODED_WIDTHS and every format, from `cacheDir` when it was encoded before
 * (by any build: the key is its content), else encoded now by @11ty/eleventy-img into a temporary folder
 * that is renamed into place only when complete, so a crash or a concurrent build never leaves half an entry.
 */
export async function encodePicture(source: string, cacheDir: string): Promise<EncodedPicture> {
  const key = pictureKey(await fsp.readFile(source));
  const entries = path.join(cacheDir, 'pictures');
  const dir = path.join(entries, key);
  const cached = readEntry(dir);
  if (cached) return { key, dir, files: cached, encoded: false };

  await fsp.mkdir(entries, { recursive: true });
  const staging = await fsp.mkdtemp(path.join(entries, `.${key}-`));
  try {
    const results = await eleventyImage(source, {
      widths: [...ENCODED_WIDTHS],
      formats: [...PICTURE_FORMATS],
      outputDir: staging,
      urlPath: '/',
      filenameFormat: (_id, _src, width, format) => `${key}-${width}.${EXTENSIONS[format as PictureFormat]}`,
      // This module is the cache; eleventy-img's own are process-wide and keyed by file size, not content.
      useCache: false,
      fixOrientation: true,
      formatFiltering: false,
      sharpAvifOptions: { ...ENCODER_OPTIONS.avif },
      sharpWebpOptions: { ...ENCODER_OPTIONS.webp },
      sharpJpegOptions: { ...ENCODER_OPTIONS.jpeg },
      transform: (image) => void image.flatten({ background: FLATTEN_BACKGROUND }),
    });
    if (pictureKey(await fsp.readFile(source)) !== key) {
      throw new Error(`${displayPath(source)} changed while it was being encoded; build again`);
    }
    // Sizes as written, read back: eleventy-img reports heights rounded down where sharp rounds to nearest.
    const files: EncodedFile[] = await Promise.all(
      PICTURE_FORMATS.flatMap((format) =>
        (results[format] ?? []).map(async (stat) => {
          const { width, height } = await sharp(stat.outputPath).metadata();
          return { format, width, height, file: stat.filename, bytes: stat.size };
        }),
      ),
    );
    const missing = ENCODED_WIDTHS.filter((width) => !files.some((f) => f.width === width));
    if (missing.length) {
      throw new Error(`${displayPath(source)} is too narrow to publish at ${missing.join(', ')} px; no picture is enlarged`);
    }
    await fsp.writeFile(path.join(staging, MANIFEST), JSON.stringify({ files }, null, 2));
    // An entry left incomplete by hand (its manifest or a file deleted) is replaced; a complete one is kept.
    if (!readEntry(dir)) await fsp.rm(dir, { recursive: true, force: true });
    try {
      await fsp.rename(staging, dir);
    } catch (error) {
      // Another build finished the same picture first: its entry is as good as this one.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
    return { key, dir, files: readEntry(dir) ?? files, encoded: true };
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
}

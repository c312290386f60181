// @11ty/eleventy-img ships no TypeScript types; this declares the part of its API src/images/encode.ts uses.
declare module '@11ty/eleventy-img' {
  import type { Sharp } from 'sharp';

  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
    size: number;
  }

  export interface ImageOptions {
    widths?: Array<number | 'auto' | null>;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
    /** Its in-memory and on-disk caches, both process-wide. */
    useCache?: boolean;
    /** Turn every picture as its EXIF orientation says (without it, only orientations 5–8 are). */
    fixOrientation?: boolean;
    /** false: keep every format asked for, even for transparent or animated sources. */
    formatFiltering?: false | Array<'transparent' | 'animated'>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    transform?: (sharp: Sharp) => void | Promise<void>;
  }

  export default function eleventyImage(src: string, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
}

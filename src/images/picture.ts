// What the templates get for a picture: URLs, sizes and types for <picture>, og:image, JSON-LD, feeds and the email.
import type { EncodedPicture } from './encode.ts';
import { LEAD_SIZES, LEAD_WIDTHS, MIME_TYPES, PICTURE_FORMATS, SHARE_WIDTH, THUMBNAIL_SIZES, THUMBNAIL_WIDTHS } from './recipes.ts';

/** One published file: its URL from the site's root ("/images/…"), MIME type and pixel size. */
export interface PublishedImage {
  url: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
}

export interface PictureSource {
  /** "image/avif", "image/webp", "image/jpeg": most efficient first, as <picture> tries them. */
  type: string;
  /** Ascending by width. */
  candidates: PublishedImage[];
}

/** A picture at several widths and formats, for a <picture> element. */
export interface ResponsivePicture {
  sizes: string;
  sources: PictureSource[];
  /** The <img>'s own src: a JPEG every browser and feed reader can show. */
  fallback: PublishedImage;
  /** The widest candidate's size, for width/height (the browser reserves the space from their ratio). */
  width: number;
  height: number;
}

/** Everything published from one lead picture. */
export interface LeadPicture {
  /** On the article page. */
  lead: ResponsivePicture;
  /** In listings (home, archive, topics). */
  thumbnail: ResponsivePicture;
  /** The 1,200 px JPEG: og:image, JSON-LD `image`, the feeds, the email. */
  share: PublishedImage;
}

function responsive(
  encoded: EncodedPicture,
  urlPath: string,
  widths: readonly number[],
  sizes: string,
  fallbackWidth: number,
): ResponsivePicture {
  const published = (format: string, width: number): PublishedImage => {
    const file = encoded.files.find((f) => f.format === format && f.width === width);
    if (!file) throw new Error(`picture ${encoded.key}: no ${format} at ${width} px in ${encoded.dir}`);
    return { url: `${urlPath}${file.file}`, type: MIME_TYPES[file.format], width: file.width, height: file.height, bytes: file.bytes };
  };
  const sources = PICTURE_FORMATS.map((format) => ({ type: MIME_TYPES[format], candidates: widths.map((w) => published(format, w)) }));
  const widest = published('jpeg', Math.max(...widths));
  return { sizes, sources, fallback: published('jpeg', fallbackWidth), width: widest.width, height: widest.height };
}

/** The lead, thumbnail and share pictures of an encoded source, with URLs under `urlPath` ("/images/"). */
export function leadPictureFrom(encoded: EncodedPicture, urlPath: string): LeadPicture {
  const lead = responsive(encoded, urlPath, LEAD_WIDTHS, LEAD_SIZES, SHARE_WIDTH);
  const thumbnail = responsive(encoded, urlPath, THUMBNAIL_WIDTHS, THUMBNAIL_SIZES, Math.max(...THUMBNAIL_WIDTHS));
  return { lead, thumbnail, share: lead.fallback };
}

// The sizes and formats the site publishes pictures in, and why: one place for the widths, `sizes` and encoders.

export const PICTURE_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

export const MIME_TYPES: Record<PictureFormat | 'png', string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/**
 * The lead picture spans the article's column: 64rem (1,024 CSS px) from a 66.5rem window (the column and
 * main's 1.25rem padding each side), the window less that padding below it. 1,600 px covers the full column
 * at 1.5× and a 375 px phone at 3× (1,005 px); 400 and 800 keep small screens from loading more than they show.
 */
export const LEAD_WIDTHS = [400, 800, 1200, 1600] as const;
export const LEAD_SIZES = '(min-width: 66.5rem) 64rem, calc(100vw - 2.5rem)';

/** Listings show a thumbnail at most 12rem (192 CSS px) wide beside the teaser, a third of the window on phones. */
export const THUMBNAIL_WIDTHS = [200, 400] as const;
export const THUMBNAIL_SIZES = '(min-width: 40rem) 12rem, 33vw';

/**
 * One JPEG 1,200 px wide serves og:image, JSON-LD `image` (Google asks for at least 1,200 px), the feeds
 * and the email (sharp on 2× screens there). It is also the lead's 1,200 px JPEG.
 */
export const SHARE_WIDTH = 1200;
/**
 * The email shows it at the email's width, 600 px, which max-width:100% narrows to the card's text column
 * (the card pads 24 px each side, templates/email/inline.css) and to a phone's. Outlook for Windows ignores
 * max-width, so a 600 px picture would push the card wider than the email there: Outlook gets its own <img>
 * at the column's width, OUTLOOK_EMAIL_WIDTH.
 */
export const EMAIL_WIDTH = 600;
export const OUTLOOK_EMAIL_WIDTH = 552;

/** Every width encoded, in every format: the lead's, the thumbnail's and the share JPEG's (a lead width too). */
export const ENCODED_WIDTHS: readonly number[] = [...new Set<number>([...THUMBNAIL_WIDTHS, ...LEAD_WIDTHS, SHARE_WIDTH])].sort(
  (a, b) => a - b,
);

/** A source must be at least as wide as the widest picture published from it: nothing is ever enlarged. */
export const MIN_SOURCE_WIDTH = Math.max(...ENCODED_WIDTHS);

/** Larger files are refused before they are read: a camera's full-size JPEG is 5–15 MB. */
export const MAX_SOURCE_BYTES = 20_000_000;

/**
 * Encoder settings (sharp). AVIF at effort 2 rather than sharp's 4: a tenth of the time (0.3 s against 3 s
 * for a 1,600 px photo on the benchmark machine) for files about a third larger, which still undercut WebP.
 * JPEG through mozjpeg, progressive, so the email's and feeds' single JPEG is as small as it can be.
 */
export const ENCODER_OPTIONS = {
  avif: { quality: 55, effort: 2 },
  webp: { quality: 80 },
  jpeg: { quality: 80, mozjpeg: true, progressive: true },
} as const;

/** Transparent sources are laid on the page's light background: JPEG has no transparency, and all formats match. */
export const FLATTEN_BACKGROUND = '#fdfcf9';

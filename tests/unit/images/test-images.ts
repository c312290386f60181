// Test pictures made with sharp: a scene with shapes in known places, so tests can tell which way up a picture is.
import sharp from 'sharp';

export interface TestImageOptions {
  format?: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff';
  /** Draw with a transparent background (PNG, WebP, AVIF). */
  transparent?: boolean;
  /** EXIF orientation to store (JPEG); the pixels are stored as drawn. */
  orientation?: number;
  /** Changes the scene, so two pictures of one size differ. */
  variant?: number;
}

/**
 * A width×height picture whose left half is red and right half blue, with a gradient and circles over them
 * (some texture for the encoders). `transparent` leaves the right half empty instead of blue.
 */
export async function testImage(width: number, height: number, options: TestImageOptions = {}): Promise<Buffer> {
  const { format = 'jpeg', transparent = false, orientation, variant = 0 } = options;
  const half = Math.round(width / 2);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.25"/><stop offset="1" stop-color="#000" stop-opacity="0.25"/></linearGradient></defs>` +
    `<rect width="${half}" height="${height}" fill="#d01010"/>` +
    (transparent ? '' : `<rect x="${half}" width="${width - half}" height="${height}" fill="#1020d0"/>`) +
    `<rect width="${half}" height="${height}" fill="url(#g)"/>` +
    `<circle cx="${Math.round(width * 0.25)}" cy="${Math.round(height * 0.5)}" r="${Math.round(height * (0.1 + variant * 0.05))}" fill="#f0c020"/>` +
    `</svg>`;
  let image = sharp(Buffer.from(svg)).toFormat(format);
  if (orientation !== undefined) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

// The site's stylesheet as one fingerprinted file: its name carries a hash of its bytes, so every page
// links the same URL, browsers and CDNs may cache it for a year, and a changed stylesheet gets a new name.
import { createHash } from 'node:crypto';

export interface Stylesheet {
  /** Root-relative URL the pages link, e.g. /assets/site.3f9a1c0b2e.css. */
  href: string;
  /** Path of the file under the output folder, with forward slashes. */
  outputPath: string;
  css: string;
}

export function stylesheet(css: string, name = 'site'): Stylesheet {
  const hash = createHash('sha256').update(css).digest('hex').slice(0, 10);
  const outputPath = `assets/${name}.${hash}.css`;
  return { href: `/${outputPath}`, outputPath, css };
}

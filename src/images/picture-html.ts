// HTML for a picture: <picture> for the site, a plain <img> for the email and the feeds; every text escaped.
import { escapeHtml } from '../shared/html.ts';
import type { PublishedImage, ResponsivePicture } from './picture.ts';
import { EMAIL_WIDTH, OUTLOOK_EMAIL_WIDTH } from './recipes.ts';

export interface PictureHtmlOptions {
  /** What the picture shows; may be "" only for a picture that adds nothing to the text beside it. */
  alt: string;
  /**
   * "high" for the article's lead picture, which is at the top of the page and is the page's largest content
   * (fetched first, not lazily); "lazy" for every other picture, fetched only when it nears the screen.
   */
  priority: 'high' | 'lazy';
  /** Class of the <img>, which the stylesheet sizes. */
  className?: string;
}

const srcset = (candidates: readonly PublishedImage[]) => candidates.map((c) => `${escapeHtml(c.url)} ${c.width}w`).join(', ');

/** A <picture> with an AVIF, a WebP and a JPEG srcset, and width and height so the page does not shift as it loads. */
export function pictureHtml(picture: ResponsivePicture, options: PictureHtmlOptions): string {
  const sizes = escapeHtml(picture.sizes);
  const jpeg = picture.sources.find((s) => s.type === picture.fallback.type);
  const sources = picture.sources
    .filter((s) => s !== jpeg)
    .map((s) => `<source type="${escapeHtml(s.type)}" srcset="${srcset(s.candidates)}" sizes="${sizes}">`)
    .join('');
  const loading = options.priority === 'high' ? ' fetchpriority="high"' : ' loading="lazy" decoding="async"';
  const className = options.className ? ` class="${escapeHtml(options.className)}"` : '';
  const img =
    `<img${className} src="${escapeHtml(picture.fallback.url)}"` +
    (jpeg ? ` srcset="${srcset(jpeg.candidates)}" sizes="${sizes}"` : '') +
    ` width="${picture.width}" height="${picture.height}" alt="${escapeHtml(options.alt)}"${loading}>`;
  return `<picture>${sources}${img}</picture>`;
}

/** The site's address joined to a root-relative URL, the way the templates build canonical URLs. */
export function absoluteUrl(siteUrl: string, url: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${url.startsWith('/') ? url : `/${url}`}`;
}

/**
 * The share JPEG in an email: 1,200 px shown at EMAIL_WIDTH (the email's width, narrowed to the card's column
 * by max-width), with its height, an absolute URL, and the styles mail clients that drop <style> still obey
 * (Gmail), so it never overflows a phone's screen; Outlook for Windows gets it at OUTLOOK_EMAIL_WIDTH.
 */
export function emailImageHtml(image: PublishedImage, options: { alt: string; siteUrl: string }): string {
  const img = (width: number) =>
    `<img src="${escapeHtml(absoluteUrl(options.siteUrl, image.url))}" width="${width}" height="${Math.round((width * image.height) / image.width)}" ` +
    `alt="${escapeHtml(options.alt)}" border="0" style="display:block;max-width:100%;height:auto">`;
  // Outlook for Windows reads only what is inside `[if mso]` and skips what `[if !mso]` reveals to every other client.
  return `<!--[if mso]>${img(OUTLOOK_EMAIL_WIDTH)}<![endif]--><!--[if !mso]><!-->${img(EMAIL_WIDTH)}<!--<![endif]-->`;
}

/** A plain <img> with an absolute URL, for feed entries, which readers show outside the site. */
export function feedImageHtml(image: PublishedImage, options: { alt: string; siteUrl: string }): string {
  return (
    `<img src="${escapeHtml(absoluteUrl(options.siteUrl, image.url))}" width="${image.width}" height="${image.height}" ` +
    `alt="${escapeHtml(options.alt)}">`
  );
}

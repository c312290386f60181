// An article's picture as its pages, feeds and email show it: one object for the templates, built from the model.
import { escapeHtml } from '../shared/html.ts';
import type { LeadImage } from './lead-image.ts';
import type { LeadPicture, PublishedImage } from './picture.ts';
import { absoluteUrl, emailImageHtml, feedImageHtml, pictureHtml } from './picture-html.ts';

/** The picture a shared link shows: the lead picture's 1,200 px JPEG, or the social card. */
export interface ShareImage {
  /** Absolute. */
  url: string;
  type: string;
  width: number;
  height: number;
  alt: string;
  /** Who took or owns a lead picture; a card has none. */
  credit?: string;
}

/** schema.org ImageObject, as NewsArticle's `image`. */
export interface ImageObject {
  '@type': 'ImageObject';
  url: string;
  width: number;
  height: number;
  creditText?: string;
}

export interface PictureView {
  alt: string;
  credit: string;
  caption?: string;
  /** The article page's <picture>: fetched first, never lazily. */
  leadHtml: string;
  /** A listing's <picture>: lazy. */
  thumbnailHtml: string;
  /** og:image, twitter:image, JSON-LD `image`, the feeds' image fields. */
  share: ShareImage;
  /** An <img> with an absolute URL for the feeds' entry content. */
  feedHtml: string;
  /** The email's <img>: 600 px wide (EMAIL_WIDTH), narrowed to the card's column; Outlook's own at the column's width. */
  emailHtml: string;
}

/** Everything the templates show of a lead picture, its texts from the front matter (checked by checkLeadImage). */
export function pictureView(picture: LeadPicture, image: Pick<LeadImage, 'alt' | 'credit' | 'caption'>, siteUrl: string): PictureView {
  const { alt, credit, caption } = image;
  return {
    alt,
    credit,
    ...(caption === undefined ? {} : { caption }),
    leadHtml: pictureHtml(picture.lead, { alt, priority: 'high', className: 'lead-picture__image' }),
    thumbnailHtml: pictureHtml(picture.thumbnail, { alt, priority: 'lazy', className: 'teaser__image' }),
    share: { ...shareImage(picture.share, alt, siteUrl), credit },
    feedHtml: feedImageHtml(picture.share, { alt, siteUrl }),
    emailHtml: emailImageHtml(picture.share, { alt, siteUrl }),
  };
}

/** A published picture (a lead's share JPEG or a social card) as a shared link shows it; `alt` says what it shows. */
export function shareImage(image: PublishedImage, alt: string, siteUrl: string): ShareImage {
  return { url: absoluteUrl(siteUrl, image.url), type: image.type, width: image.width, height: image.height, alt };
}

/** OpenGraph and Twitter tags for the shared image, every value escaped. */
export function shareImageMetaHtml(image: ShareImage): string {
  const meta = (attribute: 'property' | 'name', key: string, value: string | number) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}">`;
  return [
    meta('property', 'og:image', image.url),
    meta('property', 'og:image:type', image.type),
    meta('property', 'og:image:width', image.width),
    meta('property', 'og:image:height', image.height),
    meta('property', 'og:image:alt', image.alt),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:image', image.url),
    meta('name', 'twitter:image:alt', image.alt),
  ].join('\n');
}

/** schema.org ImageObject for NewsArticle's `image` (Google wants at least 1,200 px wide; both kinds are 1,200). */
export function imageObject(image: ShareImage): ImageObject {
  return {
    '@type': 'ImageObject',
    url: image.url,
    width: image.width,
    height: image.height,
    ...(image.credit === undefined ? {} : { creditText: image.credit }),
  };
}

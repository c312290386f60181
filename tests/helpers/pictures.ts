// A content tree with lead pictures, for the build and browser tests: the real content, two articles with
// pictures made by sharp (a landscape JPEG beside the articles, a portrait PNG in a folder of its own) and a
// digest carrying both and the seed article, which keeps its social card.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { copyContent, writeArticle } from './site.ts';

export const LANDSCAPE = {
  slug: 'troops-board-train',
  title: 'North Korean Troops Board Trains for the Russian Border',
  file: 'articles/troops-train.jpg',
  src: 'troops-train.jpg',
  width: 2400,
  height: 1600,
  alt: 'Soldiers in winter uniform board a green train at a station under a pale sky',
  credit: 'Kim Hong-ji/Reuters & KCNA',
  caption: 'The first contingent left in October 2024, according to South Korean intelligence.',
};

export const PORTRAIT = {
  slug: 'border-watchtower',
  title: 'A Watchtower on the Border, Seen From the South',
  file: 'pictures/watchtower.png',
  src: '/pictures/watchtower.png',
  width: 1600,
  height: 2000,
  alt: 'A concrete watchtower on a hill above a river, with a flag on its roof',
  credit: 'Dispatch staff',
};

export const PICTURE_DIGEST = '2025-06-29';

/** A landscape, drawn: sky, sun, hills and a train, with some texture so the encoders have work to do. */
export async function scene(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const y = (f: number) => Math.round(height * f);
  const x = (f: number) => Math.round(width * f);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="sky" x2="0" y2="1"><stop offset="0" stop-color="#8fb3d9"/><stop offset="1" stop-color="#e8dcc4"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#sky)"/>` +
    `<circle cx="${x(0.78)}" cy="${y(0.22)}" r="${Math.round(Math.min(width, height) * 0.08)}" fill="#f6e7a8"/>` +
    `<polygon points="0,${y(0.62)} ${x(0.2)},${y(0.42)} ${x(0.42)},${y(0.58)} ${x(0.63)},${y(0.38)} ${width},${y(0.6)} ${width},${height} 0,${height}" fill="#5b6f4e"/>` +
    `<rect x="0" y="${y(0.7)}" width="${width}" height="${y(0.3)}" fill="#7a7468"/>` +
    `<rect x="${x(0.08)}" y="${y(0.6)}" width="${x(0.7)}" height="${y(0.12)}" rx="${y(0.02)}" fill="#2f5d3a"/>` +
    Array.from(
      { length: 8 },
      (_, i) => `<rect x="${x(0.1 + i * 0.085)}" y="${y(0.625)}" width="${x(0.05)}" height="${y(0.04)}" fill="#d9e4ea"/>`,
    ).join('') +
    `<rect x="0" y="${y(0.73)}" width="${width}" height="${y(0.01)}" fill="#3b3733"/>` +
    `</svg>`;
  const image = sharp(Buffer.from(svg));
  return (format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png()).toBuffer();
}

const yamlBlock = (fields: Record<string, string | undefined>) =>
  `\n${Object.entries(fields)
    .flatMap(([key, value]) => (value === undefined ? [] : [`  ${key}: ${JSON.stringify(value)}`]))
    .join('\n')}`;

/** An edit of a content tree that adds the two pictured articles, their pictures and a digest of them. */
export async function addPictures(): Promise<(dir: string) => void> {
  const [landscape, portrait] = await Promise.all([
    scene(LANDSCAPE.width, LANDSCAPE.height, 'jpeg'),
    scene(PORTRAIT.width, PORTRAIT.height, 'png'),
  ]);
  return (dir) => {
    fs.writeFileSync(path.join(dir, LANDSCAPE.file), landscape);
    fs.mkdirSync(path.join(dir, path.dirname(PORTRAIT.file)), { recursive: true });
    fs.writeFileSync(path.join(dir, PORTRAIT.file), portrait);
    for (const [article, date] of [
      [LANDSCAPE, '2025-06-26T09:00:00+09:00'],
      [PORTRAIT, '2025-06-25T09:00:00+09:00'],
    ] as const) {
      writeArticle(dir, article.slug, {
        title: JSON.stringify(article.title),
        summary: JSON.stringify(`Summary of “${article.title}”.`),
        date: JSON.stringify(date),
        tags: '["Russia"]',
        image: yamlBlock({
          src: article.src,
          alt: article.alt,
          credit: article.credit,
          caption: 'caption' in article ? article.caption : undefined,
        }),
      });
    }
    fs.writeFileSync(
      path.join(dir, 'digests', `${PICTURE_DIGEST}.md`),
      [
        '---',
        'subject: Troops, trains and a watchtower',
        'preheader: Three stories from the border this week.',
        `date: "${PICTURE_DIGEST}T07:00:00+09:00"`,
        'intro: Two of this week’s stories come with pictures.',
        `articles: [${LANDSCAPE.slug}, ${PORTRAIT.slug}, north-korea-more-troops-russia]`,
        '---',
        '',
      ].join('\n'),
    );
  };
}

/** The real content with the two pictured articles and a digest of them; `edit` changes the copy after. */
export async function picturedContent(edit?: (dir: string) => void): Promise<string> {
  const add = await addPictures();
  return copyContent((dir) => {
    add(dir);
    edit?.(dir);
  });
}

// Raw HTML for the raw-HTML policy's build tests: what to add to the seed article, and where to read it back.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { read, seedSlug } from './site.ts';

export const articleFile = (dir: string) => path.join(dir, 'articles', `${seedSlug}.md`);
export const articlePage = `articles/${seedSlug}/index.html`;

/** Appends `lines` to the seed article's body; returns the file line of each. */
export function appendToArticle(dir: string, lines: string[]): number[] {
  const file = articleFile(dir);
  const before = fs.readFileSync(file, 'utf8').replace(/\n*$/, '\n');
  fs.writeFileSync(file, `${before}\n${lines.join('\n\n')}\n`);
  const first = before.split('\n').length + 1;
  return lines.map((_, index) => first + index * 2);
}

/** The seed article's content in the Atom feed (unescaped) and in the JSON Feed. */
export function feedContents(out: string): string[] {
  const atom = cheerio.load(read(out, 'feed.xml'), { xml: true });
  const json = JSON.parse(read(out, 'feed.json')) as { items: Array<{ url: string; content_html: string }> };
  return [
    atom('entry')
      .filter((_, entry) => atom(entry).find('id').text().includes(seedSlug))
      .find('content')
      .text(),
    json.items.find((item) => item.url.includes(seedSlug))?.content_html ?? '',
  ];
}

export const ALLOWED = [
  'Water is H<sub>2</sub>O and 10<sup>6</sup> is a million; <abbr title="Democratic People’s Republic of Korea">DPRK</abbr> and <mark>marked</mark>.',
  '<figure>\n<img src="https://images.example.org/kursk.jpg" alt="Kursk, March 2025">\n<figcaption>Kursk in March</figcaption>\n</figure>',
  '<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Briefing" width="560" height="315" allowfullscreen></iframe>',
];

export const DISALLOWED = [
  'A script <script>alert(document.cookie)</script> inline.',
  'An image <img src="https://images.example.org/x.jpg" alt="x" onerror="alert(1)"> with a handler.',
  'A [link](javascript:alert(1)) in Markdown and <a href="javascript:alert(2)">one in HTML</a>.',
  '<!-- do not publish: the second source is the minister -->',
];

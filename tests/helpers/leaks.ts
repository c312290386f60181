// Finding words of the wrong language in a build: every output's text, less what the editor wrote, searched for the
// fixed words (the text between placeholders) of every other language's catalogue.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { simpleParser } from 'mailparser';
import {
  isLiteralElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import type { Catalogue } from '../../src/i18n/catalogue.ts';
import type { Publication } from '../../src/site/publication.ts';
import type { ArticleFacts } from '../../src/facts/parse.ts';
import { readSourceFile } from '../../src/content/front-matter.ts';
import { listFiles } from './site.ts';

/** One piece of text a reader sees, and where. */
export interface Segment {
  file: string;
  text: string;
}

/** A catalogue's fixed words: each run of text between placeholders, with the key it is from. */
export interface Fragment {
  language: string;
  key: string;
  text: string;
}

export interface Leak {
  file: string;
  language: string;
  key: string;
  fragment: string;
  /** The words around it. */
  context: string;
}

/** Spaces as a reader sees them: runs of white space (no-break ones too) as one space. */
const normalise = (text: string) => text.replace(/(?:\s|\u00a0|\u202f|\u034f|\u200c)+/g, ' ').trim();

function literalsOf(elements: readonly MessageFormatElement[], into: string[] = []): string[] {
  for (const element of elements) {
    if (isLiteralElement(element)) into.push(element.value);
    else if (isTagElement(element)) literalsOf(element.children, into);
    else if (isPluralElement(element) || isSelectElement(element))
      for (const option of Object.values(element.options)) literalsOf(option.value, into);
  }
  return into;
}

/** The fixed words of every message of `catalogue`: trimmed of spaces and punctuation at their ends, each with a letter. */
export function fragmentsOf(catalogue: Catalogue): Fragment[] {
  const found: Fragment[] = [];
  for (const key of catalogue.keys()) {
    for (const literal of literalsOf(parse(catalogue.source(key), { requiresOtherClause: true }))) {
      const text = normalise(literal).replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
      if (/\p{L}/u.test(text)) found.push({ language: catalogue.language, key, text });
    }
  }
  return found;
}

const wordBounded = (text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The fragments of `others` found in `segments`, once `editorial` (what the editor wrote, longest first) is taken out
 * of them. A fragment the build's own catalogue also has ("Digest", "Name") is no leak.
 */
export function findLeaks(segments: readonly Segment[], own: Catalogue, others: readonly Catalogue[], editorial: Iterable<string>): Leak[] {
  const ownText = own
    .keys()
    .flatMap((key) => literalsOf(parse(own.source(key), { requiresOtherClause: true })))
    .map(normalise)
    .join('\n');
  const fragments = others
    .flatMap(fragmentsOf)
    .filter((fragment) => !wordBounded(fragment.text).test(ownText))
    .map((fragment) => ({ ...fragment, pattern: wordBounded(fragment.text) }));
  const editor = [...new Set([...editorial].map(normalise).filter((text) => text.length > 0))].sort((a, b) => b.length - a.length);
  const leaks: Leak[] = [];
  for (const segment of segments) {
    // Addresses are not words: a URL's path (/articles/), an email address, UTM values from site.json.
    let text = normalise(segment.text).replace(/\S+:\/\/\S+|\S+@\S+/g, ' ¶ ');
    for (const written of editor) if (text.includes(written)) text = text.split(written).join(' ¶ ');
    for (const fragment of fragments) {
      if (!text.includes(fragment.text)) continue;
      const match = fragment.pattern.exec(text);
      if (!match) continue;
      const context = text.slice(Math.max(0, match.index - 40), match.index + fragment.text.length + 40);
      leaks.push({ file: segment.file, language: fragment.language, key: fragment.key, fragment: fragment.text, context });
    }
  }
  return leaks;
}

/** The text of an HTML document or fragment a reader sees or hears: text nodes, and the attributes read aloud or shown. */
export function htmlSegments(file: string, html: string): Segment[] {
  const $ = cheerio.load(html);
  $('script, style').remove();
  const segments: Segment[] = [];
  const walk = (nodes: ReturnType<typeof $>) => {
    nodes.contents().each((_, node) => {
      // nodeType 3 is a text node, 1 an element.
      if (node.nodeType === 3) segments.push({ file, text: node.data });
      // A chart's label is one SVG <text>, wrapped into lines (<tspan>): the label is read whole.
      else if (node.nodeType === 1 && node.name === 'text')
        segments.push({
          file,
          text:
            $(node)
              .children()
              .toArray()
              .map((line) => $(line).text())
              .join(' ') || $(node).text(),
        });
      else if (node.nodeType === 1) walk($(node));
    });
  };
  walk($.root());
  $('[aria-label], [aria-roledescription], [title], [alt], [placeholder]').each((_, element) => {
    for (const name of ['aria-label', 'aria-roledescription', 'title', 'alt', 'placeholder']) {
      const value = $(element).attr(name);
      if (value) segments.push({ file: `${file} (${name})`, text: value });
    }
  });
  const shownMeta = 'meta[name="description"], meta[property="og:title"], meta[property="og:description"], meta[name^="twitter:"]';
  $(shownMeta).each((_, element) => void segments.push({ file: `${file} (meta)`, text: $(element).attr('content') ?? '' }));
  return segments.filter((segment) => segment.text.trim() !== '');
}

/** Every string of a JSON document, HTML ones (a feed item's content_html) read as HTML. */
function jsonSegments(file: string, json: string): Segment[] {
  const segments: Segment[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') segments.push(...(key === 'content_html' ? htmlSegments(file, value) : [{ file, text: value }]));
    else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  walk(JSON.parse(json), '');
  return segments;
}

/** An Atom feed's text: its titles, summaries and names, and each entry's HTML content. */
function atomSegments(file: string, xml: string): Segment[] {
  const $ = cheerio.load(xml, { xml: true });
  const segments: Segment[] = [];
  $('title, subtitle, summary, name').each((_, element) => void segments.push({ file, text: $(element).text() }));
  $('content').each((_, element) => void segments.push(...htmlSegments(file, $(element).text())));
  return segments;
}

/**
 * What a reader gets from a build: the web pages, both feeds, and each digest's email HTML, text part, .eml
 * (decoded) and digest.json.
 */
export async function outputSegments(outputDir: string): Promise<Segment[]> {
  const segments: Segment[] = [];
  for (const file of listFiles(outputDir)) {
    const source = fs.readFileSync(path.join(outputDir, file), 'utf8');
    if (file.endsWith('.html')) segments.push(...htmlSegments(file, source));
    else if (file === 'feed.xml') segments.push(...atomSegments(file, source));
    else if (file.endsWith('.json')) segments.push(...jsonSegments(file, source));
    else if (file.endsWith('email.txt')) segments.push({ file, text: source });
    else if (file.endsWith('.eml')) {
      const message = await simpleParser(source);
      segments.push({ file: `${file} (subject)`, text: message.subject ?? '' });
      segments.push({ file: `${file} (text)`, text: message.text ?? '' });
      if (typeof message.html === 'string') segments.push(...htmlSegments(`${file} (html)`, message.html));
    }
  }
  return segments;
}

/** The text fields of a facts file the editor writes: labels, names, kinds of source, roles, claims, relative dates, qualifiers, unit words. */
function factsText(facts: ArticleFacts): string[] {
  const texts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (['label', 'name', 'type', 'role', 'text', 'relative', 'qualifier', 'one', 'other'].includes(key)) texts.push(value);
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  walk(facts, '');
  return texts;
}

/**
 * Everything the editor wrote that a build prints: site.json's names and sentences, each article's fields, body,
 * tags and facts (a name also as it runs on mid-sentence: "a South Korean legislator"), each digest's fields, the
 * titles and descriptions of the site's other pages, and the text of its Markdown pages (about.md).
 */
export function editorialText(publication: Publication, outputDir: string): string[] {
  const { site, model } = publication;
  const texts: string[] = [
    site.title,
    site.description,
    site.author.name,
    site.publisher.name,
    site.email.postalAddress ?? '',
    site.email.from.name ?? '',
    site.subscribe?.privacy ?? '',
  ];
  for (const article of publication.articles) {
    texts.push(article.title, article.summary, article.dateNote ?? '', article.section, ...article.tags);
    texts.push(...htmlSegments('', article.html).map((segment) => segment.text));
    if (article.entry.facts) texts.push(...factsText(article.entry.facts));
  }
  for (const digest of publication.digests) texts.push(digest.subject, digest.preheader, ...digest.intro);
  for (const page of model.pages) texts.push(page.title ?? '', page.description ?? '');
  for (const page of model.pages.filter((p) => p.inputPath.endsWith('.md'))) {
    const permalink = readSourceFile(fs.readFileSync(page.inputPath, 'utf8'), page.file).data.permalink;
    if (typeof permalink !== 'string') continue;
    const built = path.join(outputDir, permalink.endsWith('/') ? `${permalink}index.html` : permalink);
    const $ = cheerio.load(fs.readFileSync(built, 'utf8'));
    texts.push(...htmlSegments('', $('main').html() ?? '').map((segment) => segment.text));
  }
  // A leading article is lowercased where a name runs on in a sentence ("Reported: a South Korean legislator").
  return texts.flatMap((text) => [text, text.charAt(0).toLowerCase() + text.slice(1)]);
}

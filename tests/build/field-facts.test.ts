// A fact tag in every text field an editor writes (an article's title, summary and date note; a digest's
// subject, preheader and intro; a page's title and description), built in English and German: every output file
// is searched for a raw tag, and each output prints the fact's words, capitalised where they start a title or a
// sentence, with the field's own characters (&, quotes, angle brackets) escaped for that output.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../helpers/economy.ts';
import { buildInto, copyContent, listFiles, load, read, replaceIn, seedSlug } from '../helpers/site.ts';

const DIGEST = 'digests/2025-06-27';
const PAGE = `articles/${seedSlug}/index.html`;

/** Each field as written: the fact is first in some, after a full stop in others, mid-sentence in the rest. */
const written = {
  title: `'{% fact "killed" %} "Lost" in Kursk {# desk: confirm the count #}'`,
  summary: `'Seoul gave a count. {% fact "killed" %} died & more <b>were</b> hurt.'`,
  dateNote: `'Dated from the report of {% fact "killed" %} deaths.'`,
  subject: `'{% fact "killed" %} "lost" & counted'`,
  preheader: `'Kursk: {% fact "killed" %} <i>lost</i>.'`,
  intro: `'The figures. {% fact "killed" %} & more, in <Kursk>.'`,
  pageTitle: `'{% fact "${seedSlug}/killed" %} & About'`,
  pageDescription: `'Where "{% fact "${seedSlug}/killed" %}" <comes> from.'`,
};

const languages = [
  { locale: 'en-US', lower: 'at least 1,000', upper: 'At least 1,000' },
  { locale: 'de-DE', lower: 'mindestens 1.000', upper: 'Mindestens 1.000' },
];

/** Fact text keeps together with no-break spaces; the assertions read them as plain spaces. */
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** No-break spaces read as plain spaces, and nothing else changed: a field's ends and inner spacing as printed. */
const unbreak = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function fieldsContent(locale: string): string {
  return copyContent((dir) => {
    setLocale(dir, locale);
    replaceIn(
      path.join(dir, 'facts', `${seedSlug}.yaml`),
      '\nderived:',
      '  - id: killed\n    label: North Korean soldiers killed in Kursk\n    value: { atLeast: 1000 }\n    status: reported\n    source: south-korean-intelligence\n\nderived:',
    );
    const article = path.join(dir, 'articles', `${seedSlug}.md`);
    replaceIn(article, /^title: .*$/m, `title: ${written.title}`);
    replaceIn(article, /^summary: .*$/m, `summary: ${written.summary}`);
    replaceIn(article, /^dateNote: >-\n(?: {2}.*\n)+/m, `dateNote: ${written.dateNote}\n`);
    const digest = path.join(dir, 'digests', '2025-06-27.md');
    replaceIn(digest, /^subject: .*$/m, `subject: ${written.subject}`);
    replaceIn(digest, /^preheader: .*$/m, `preheader: ${written.preheader}`);
    replaceIn(digest, /^intro: >-\n(?: {2}.*\n)+/m, `intro: ${written.intro}\n`);
    const about = path.join(dir, 'about.md');
    replaceIn(about, /^title: .*$/m, `title: ${written.pageTitle}`);
    replaceIn(about, /^description: .*$/m, `description: ${written.pageDescription}`);
  });
}

describe.each(languages)('fact tags in every text field, in $locale', ({ locale, lower, upper }) => {
  const title = `${upper} "Lost" in Kursk`;
  const summary = `Seoul gave a count. ${upper} died & more <b>were</b> hurt.`;
  const dateNote = `Dated from the report of ${lower} deaths.`;
  const subject = `${upper} "lost" & counted`;
  const preheader = `Kursk: ${lower} <i>lost</i>.`;
  const intro = `The figures. ${upper} & more, in <Kursk>.`;
  const pageTitle = `${upper} & About`;
  const pageDescription = `Where "${lower}" <comes> from.`;

  let out: string;
  let files: string[];
  let mail: ParsedMail;
  beforeAll(async () => {
    out = await buildInto(fieldsContent(locale));
    files = listFiles(out);
    mail = await simpleParser(fs.readFileSync(path.join(out, DIGEST, 'message.eml')));
  });

  it('leaves no tag or note to the desk in any output file', () => {
    const textFiles = files.filter((file) => /\.(html|xml|json|txt|eml|css|js|webmanifest)$/.test(file));
    expect(textFiles).toEqual(expect.arrayContaining([PAGE, 'feed.xml', 'feed.json', 'sitemap.xml', `${DIGEST}/message.eml`]));
    for (const file of textFiles) {
      const text = read(out, file);
      expect(text, file).not.toMatch(/\{%|%\}|\{#|#\}/);
      expect(text, file).not.toContain('desk: confirm');
    }
    // The .eml's parts are encoded: read them decoded too.
    for (const part of [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : '']) {
      expect(part).not.toMatch(/\{%|%\}|\{#|#\}/);
      expect(part).not.toContain('desk: confirm');
    }
  });

  it('never lets markup an editor typed into a field through into an HTML or XML file', () => {
    for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
      const text = read(out, file);
      for (const markup of ['<b>were</b>', '<i>lost</i>', '<Kursk>', '<comes>']) expect(text, file).not.toContain(markup);
    }
  });

  it("prints the article's fields on its page, in its head and in its JSON-LD", () => {
    const $ = load(out, PAGE);
    expect(plain($('h1').text())).toBe(title);
    expect(unbreak($('head > title').text())).toBe(`${title} | The Korea Dispatch`);
    expect(unbreak($('meta[property="og:title"]').attr('content') ?? '')).toBe(title);
    expect(plain($('meta[name="twitter:title"]').attr('content') ?? '')).toBe(title);
    expect(plain($('meta[name="description"]').attr('content') ?? '')).toBe(summary);
    expect(plain($('meta[property="og:description"]').attr('content') ?? '')).toBe(summary);
    expect(plain($('.date-note').text())).toContain(dateNote);
    // A figure and a date hold together on a phone: no-break spaces inside them.
    expect($('h1').text()).toContain(upper.replaceAll(' ', '\u00a0'));
    const dates = $('time')
      .map((_, t) => $(t).text())
      .get();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).not.toMatch(/ /);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { headline: string; description: string };
    expect(unbreak(jsonLd.headline)).toBe(title);
    expect(plain(jsonLd.description)).toBe(summary);
  });

  it("prints the article's title and summary in the listings and both feeds", () => {
    for (const listing of ['index.html', 'archive/index.html', 'tags/north-korea/index.html']) {
      const text = plain(load(out, listing)('main').text());
      expect(text, listing).toContain(title);
      expect(text, listing).toContain(summary);
    }
    const atom = cheerio.load(read(out, 'feed.xml'), { xml: true });
    const entry = atom('entry').filter((_, e) => atom(e).find('id').text().includes(seedSlug));
    expect(unbreak(entry.find('title').text())).toBe(title);
    expect(plain(entry.find('summary').text())).toBe(summary);
    const feed = JSON.parse(read(out, 'feed.json')) as { items: Array<{ url: string; title: string; summary: string }> };
    const item = feed.items.find((i) => i.url.includes(seedSlug));
    expect(unbreak(item?.title ?? '')).toBe(title);
    expect(plain(item?.summary ?? '')).toBe(summary);
  });

  it("prints the digest's fields on its web page, in its email, text part, .eml and digest.json", () => {
    const web = load(out, `${DIGEST}/index.html`);
    expect(unbreak(web('head > title').text())).toBe(`${subject} | The Korea Dispatch`);
    expect(plain(web('meta[name="description"]').attr('content') ?? '')).toBe(preheader);
    expect(plain(web('main').text())).toContain(intro);
    expect(plain(load(out, 'digests/index.html')('main').text())).toContain(subject);

    const $email = cheerio.load(read(out, `${DIGEST}/email.html`));
    expect(unbreak($email('head > title').text())).toBe(subject);
    expect($email('body').text()).toContain(`The figures. ${upper.replaceAll(' ', '\u00a0')} & more`);
    const emailText = plain($email('body').text());
    for (const expected of [preheader, intro, title]) expect(emailText).toContain(expected);

    const text = plain(read(out, `${DIGEST}/email.txt`));
    for (const expected of [subject, intro, title]) expect(text).toContain(expected);

    // The Subject header is encoded (RFC 2047) as it holds no-break spaces and quotes; mailparser decodes it.
    expect(read(out, `${DIGEST}/message.eml`)).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
    expect(unbreak(mail.subject ?? '')).toBe(subject);
    expect(plain(mail.text ?? '')).toContain(intro);
    expect(
      plain(
        cheerio
          .load(typeof mail.html === 'string' ? mail.html : '')('body')
          .text(),
      ),
    ).toContain(intro);

    const json = JSON.parse(read(out, `${DIGEST}/digest.json`)) as { subject: string; preheader: string };
    expect(unbreak(json.subject)).toBe(subject);
    expect(plain(json.preheader)).toBe(preheader);
  });

  it("prints a page's title and description in its head", () => {
    const $ = load(out, 'about/index.html');
    expect(unbreak($('head > title').text())).toBe(`${pageTitle} | The Korea Dispatch`);
    expect(plain($('meta[property="og:title"]').attr('content') ?? '')).toBe(pageTitle);
    expect(plain($('meta[name="description"]').attr('content') ?? '')).toBe(pageDescription);
    expect(plain($('meta[name="twitter:description"]').attr('content') ?? '')).toBe(pageDescription);
  });
});

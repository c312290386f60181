// An article of economic reporting (tests/fixtures/economy), built in English and in German: money in two
// currencies, a conversion, percentages, points, changes, a share and bounds, every figure printed from a fact
// and the same string on the page, in the key figures, the chart, the digest's email and text, and the feeds.
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { economyContent, economyDigest, economySlug } from '../helpers/economy.ts';
import { buildInto, load, read } from '../helpers/site.ts';

const page = `articles/${economySlug}/index.html`;
const digest = `digests/${economyDigest}`;
// Figures hold together with no-break spaces; the assertions read them as plain spaces.
const plain = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const languages = [
  {
    locale: 'en-US',
    title: "South Korea's Chip Exports Rise to $14.2 billion as the Central Bank Cuts Rates",
    subject: 'Chip exports up 15% on the year; more troops for Russia',
    prose: [
      'rose to $14.2 billion in June, up $1.8 billion from June last year',
      'chip exports were up 15%.',
      'All exports came to $57.2 billion, so semiconductors made up 25% of the total, or about one in four dollars',
      "At the end-of-June rate of 1,365.3 won per dollar, June's chip exports were worth about 19.4 trillion won.",
      'estimates that at least $2 billion of chip exports',
      'and more than 120 suppliers',
      'a support package of 33 trillion won',
      'cut its base rate to 2.5% from 2.75%, down 0.25 percentage points, and lowered its growth forecast for this year by 0.3 percentage points.',
    ],
    box: [
      ['Semiconductor exports in June', '$14.2 billion'],
      ['Semiconductor exports in June last year', '$12.4 billion'],
      ['All exports in June', '$57.2 billion'],
      ['Government support package for chipmakers', '33 trillion won'],
      ['Bank of Korea base rate before the July meeting', '2.75%'],
      ['Bank of Korea base rate after the July meeting', '2.5%'],
      ['Change in semiconductor exports from June last year', 'up $1.8 billion (15%)'],
      ['Change in the base rate at the July meeting', 'down 0.25 percentage points'],
      ["Semiconductors' share of June exports", '25% (about one in four)'],
      ['June semiconductor exports in won, at the end-of-June rate', 'about 19.4 trillion won'],
    ],
    groups: ['In dollars', 'In won', 'In percent'],
  },
  {
    locale: 'de-DE',
    title: "South Korea's Chip Exports Rise to 14,2 Milliarden US-Dollar as the Central Bank Cuts Rates",
    subject: 'Chip exports plus 15 % on the year; more troops for Russia',
    prose: [
      'rose to 14,2 Milliarden US-Dollar in June, plus 1,8 Milliarden US-Dollar from June last year',
      'chip exports were plus 15 %.',
      'All exports came to 57,2 Milliarden US-Dollar, so semiconductors made up 25 % of the total, or etwa ein Viertel dollars',
      "At the end-of-June rate of 1.365,3 Won je US-Dollar, June's chip exports were worth etwa 19,4 Billionen Won.",
      'estimates that mindestens 2 Milliarden US-Dollar of chip exports',
      'and mehr als 120 suppliers',
      'a support package of 33 Billionen Won',
      'cut its base rate to 2,5 % from 2,75 %, minus 0,25 Prozentpunkte, and lowered its growth forecast for this year by 0,3 Prozentpunkte.',
    ],
    box: [
      ['Semiconductor exports in June', '14,2 Milliarden US-Dollar'],
      ['Semiconductor exports in June last year', '12,4 Milliarden US-Dollar'],
      ['All exports in June', '57,2 Milliarden US-Dollar'],
      ['Government support package for chipmakers', '33 Billionen Won'],
      ['Bank of Korea base rate before the July meeting', '2,75 %'],
      ['Bank of Korea base rate after the July meeting', '2,5 %'],
      ['Change in semiconductor exports from June last year', 'plus 1,8 Milliarden US-Dollar (15 %)'],
      ['Change in the base rate at the July meeting', 'minus 0,25 Prozentpunkte'],
      ["Semiconductors' share of June exports", '25 % (etwa ein Viertel)'],
      ['June semiconductor exports in won, at the end-of-June rate', 'etwa 19,4 Billionen Won'],
    ],
    groups: ['In US-Dollar', 'In Won', 'In Prozent'],
  },
];

describe.each(languages)('the economy article in $locale', (language) => {
  let content: string;
  let out: string;
  beforeAll(async () => {
    content = economyContent(language.locale);
    out = await buildInto(content);
  });

  it('passes npm run check -- --strict: every figure comes from a fact', () => {
    const result = runCli('check.ts', ['--strict'], { CONTENT_DIR: content });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`articles/${economySlug}.md: 18 figures from facts, 0 numerals not from a fact`);
    expect(result.stdout).toContain(`digests/${economyDigest}.md: 3 figures from facts, 0 numerals not from a fact`);
  });

  it('prints money with its currency, percentages, points, changes, shares, a conversion and bounds in the prose', () => {
    const $ = load(out, page);
    expect(plain($('h1').text())).toBe(language.title);
    const prose = plain($('.article__body').text());
    for (const phrase of language.prose) expect(prose).toContain(plain(phrase));
    // Nothing an editor typed is a figure: every digit on the page's prose came from a fact tag.
    expect(fs.readFileSync(path.join(content, 'articles', `${economySlug}.md`), 'utf8').split('---')[2]).not.toMatch(/\d/);
  });

  it('shows the same strings in the key-figures box, with computed figures saying how', () => {
    const $ = load(out, page);
    const rows = $('.key-figure')
      .map((_, el) => [[plain($(el).find('dt').text()), plain($(el).find('.key-figure__value').text())]])
      .get();
    expect(rows).toEqual(language.box);
    // The change names its computation in the box's own strings: this June's exports less last June's.
    const change = $('.key-figure').filter((_, el) => plain($(el).find('dt').text()).startsWith('Change in semiconductor'));
    expect(plain(change.find('.key-figure__meta').text())).toContain(`${language.box[0]![1]} − ${language.box[1]![1]}`);
  });

  it('charts dollars, won and percentages on separate scales, labelled with the box strings, and leaves the changes out', () => {
    const $ = load(out, page);
    const svg = $('svg.bar-chart');
    expect(
      svg
        .find('.bar-chart__group')
        .map((_, t) => plain($(t).text()))
        .get(),
    ).toEqual(language.groups);
    const labels = svg
      .find('.bar-chart__value')
      .map((_, t) => plain($(t).text()))
      .get();
    const drawn = language.box.filter(([label]) => !label!.startsWith('Change')).map(([, value]) => value);
    expect([...labels].sort()).toEqual([...drawn].sort());
  });

  it('prints the same strings in the digest: subject, web, email HTML, text part and .eml', async () => {
    const json = JSON.parse(read(out, `${digest}/digest.json`)) as { subject: string };
    expect(plain(json.subject)).toBe(language.subject);
    const mail = await simpleParser(fs.readFileSync(path.join(out, digest, 'message.eml')));
    expect(plain(mail.subject ?? '')).toBe(language.subject);
    const html = plain(cheerio.load(read(out, `${digest}/email.html`)).text());
    const text = plain(read(out, `${digest}/email.txt`));
    const web = plain(load(out, `${digest}/index.html`).text());
    // The email carries each article's first key figures.
    for (const [, value] of language.box.slice(0, 2)) {
      expect(html).toContain(value);
      expect(text).toContain(value);
      expect(web).toContain(value);
    }
    expect(html).toContain(language.title);
    expect(text).toContain(language.title);
    // The intro's figure holds together on a phone, as the key figures do.
    const $email = cheerio.load(read(out, `${digest}/email.html`));
    const intro = $email('p')
      .filter((_, p) => $email(p).text().includes('Chipmakers earned'))
      .text();
    expect(intro).toContain(language.box[0]![1]!.replaceAll(' ', '\u00a0'));
  });

  it('prints the same strings in the feeds', () => {
    const atom = plain(cheerio.load(read(out, 'feed.xml'), { xml: true }).text());
    const feed = JSON.parse(read(out, 'feed.json')) as { items: Array<{ title: string; content_html: string }> };
    const item = feed.items.find((i) => i.title.includes('Chip Exports'));
    expect(plain(item?.title ?? '')).toBe(language.title);
    const itemText = plain(cheerio.load(item?.content_html ?? '').text());
    for (const [, value] of language.box) {
      expect(itemText).toContain(value);
      expect(atom).toContain(value);
    }
  });
});

// The seed article's facts on its page, and bad facts stopping both `build` and `check`.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { buildInto, copyContent, load, realContentDir, replaceIn, seedSlug, tempDir } from '../helpers/site.ts';

const page = `articles/${seedSlug}/index.html`;
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('facts on the seed article page', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir);
  });

  it('shows a key-figures box with value, label, attribution and date', () => {
    const $ = load(out, page);
    const rows = $('.key-figure')
      .map((_, el) => ({
        label: normalise($(el).find('dt').text()),
        value: normalise($(el).find('.key-figure__value').text()),
        meta: normalise($(el).find('.key-figure__meta').text()),
      }))
      .get();
    expect(rows).toEqual([
      {
        label: 'North Korean personnel in the initial dispatch',
        value: '11,000',
        meta: 'Reported: a South Korean legislator · October 2024 (“October last year” in the text)',
      },
      {
        label: 'Troops in the second deployment announced by Russia',
        value: '4,000',
        meta: "Officially announced: Russia's official announcement, via a South Korean legislator",
      },
      {
        label: 'Construction soldiers to rebuild infrastructure in Kursk',
        value: '6,000',
        meta: "Officially announced: Russia's official announcement, via a South Korean legislator",
      },
      { label: 'North Korean soldiers who died in Ukraine', value: 'around 600', meta: 'Estimated: South Korean intelligence' },
      {
        label: 'North Korean personnel in the initial dispatch and the announced troops and construction soldiers',
        value: '21,000',
        meta: 'Computed: 11,000 + 4,000 + 6,000 (North Korean personnel in the initial dispatch; Troops in the second deployment announced by Russia; Construction soldiers to rebuild infrastructure in Kursk)',
      },
    ]);
  });

  it('prints the same figure strings in the prose as in the box', () => {
    const $ = load(out, page);
    const prose = normalise($('.article__body').text());
    for (const value of [
      '11,000',
      '4,000',
      '6,000',
      'around 600',
      'several million',
      'thousands',
      'more than three-year',
      'roughly one-month',
    ]) {
      expect(prose).toContain(value);
    }
  });

  it('shows a timeline of the dated events in order, with the words of the text kept', () => {
    const $ = load(out, page);
    const events = $('.timeline li')
      .map((_, li) => ({
        date: normalise($(li).find('.timeline__date').text()),
        datetime: $(li).find('time').attr('datetime'),
        meta: normalise($(li).find('.timeline__meta').text()),
      }))
      .get();
    expect(events.map((e) => e.date)).toEqual([
      'June 2024–June 2025',
      'October 2024',
      'April 2025',
      'May–June 2025',
      'July or August 2025 (expected)',
    ]);
    expect(events.map((e) => e.datetime)).toEqual([undefined, '2024-10', '2025-04', undefined, undefined]);
    expect(events[1]?.meta).toContain('“October last year” in the text');
    expect(events[1]?.meta).toContain('eight months earlier');
    expect(events[2]?.meta).toContain('two months earlier');
    expect($('.timeline li.is-uncertain').length).toBe(3);
  });

  it('lists every source with what rests on it', () => {
    const $ = load(out, page);
    const sources = $('.sources li')
      .map((_, li) => normalise($(li).text()))
      .get();
    expect(sources).toHaveLength(6);
    expect(sources[0]).toMatch(/^South Korean intelligence \(intelligence service\): North Korean soldiers who died in Ukraine/);
    expect(sources.find((s) => s.startsWith('North Korean state media'))).toContain(
      'Leader Kim Jong Un has approved continued cooperation with Russia',
    );
  });
});

describe('bad facts', () => {
  let out: string;
  let before: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir, path.join(tempDir(), '_site'));
    before = fs.readFileSync(path.join(out, page), 'utf8');
  });

  const factsFile = (dir: string) => path.join(dir, 'facts', `${seedSlug}.yaml`);
  const articleFile = (dir: string) => path.join(dir, 'articles', `${seedSlug}.md`);

  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    [
      'a missing value',
      (dir) => replaceIn(factsFile(dir), '    value: 11000\n', ''),
      /facts\/north-korea-more-troops-russia\.yaml: line \d+: fact "initial-dispatch": value: value is missing/,
    ],
    [
      'text where a number belongs',
      (dir) => replaceIn(factsFile(dir), 'value: 4000', 'value: four thousand'),
      /fact "second-deployment": value: value must be a number, got "four thousand"/,
    ],
    [
      'a month 13',
      (dir) => replaceIn(factsFile(dir), 'date: 2025-04', 'date: 2025-13'),
      /event "acknowledgement": date: expected a date such as 2024, 2024-10 or 2024-10-05, got "2025-13"/,
    ],
    [
      'an unknown source',
      (dir) => replaceIn(factsFile(dir), /source: south-korean-intelligence\n {4}key: true/, 'source: nis\n    key: true'),
      /fact "deaths": source: "nis" is not a known source \(expected one of: south-korean-intelligence/,
    ],
    [
      'a shortcode naming a fact that does not exist',
      (dir) => replaceIn(articleFile(dir), '{% fact "deaths" %}', '{% fact "death-toll" %}'),
      /articles\/north-korea-more-troops-russia\.md: line 37: \{% fact "death-toll" %\}: fact "death-toll" does not exist/,
    ],
    [
      'template syntax an article cannot use',
      (dir) => replaceIn(articleFile(dir), '{% fact "deaths" %}', '{{ site.title }}'),
      /articles\/north-korea-more-troops-russia\.md: line 37: \{\{ site\.title \}\}: content is not a template/,
    ],
    [
      'a tag other than fact',
      (dir) => replaceIn(articleFile(dir), '{% fact "deaths" %}', '{% include "header.njk" %}'),
      /north-korea-more-troops-russia\.md: line 37: \{% include "header\.njk" %\}: only \{% fact "id" %\}/,
    ],
    [
      'a fact in an unknown form',
      (dir) => replaceIn(articleFile(dir), '{% fact "deaths" %}', '{% fact "deaths", "bold" %}'),
      /north-korea-more-troops-russia\.md: line 37: \{% fact "deaths", "bold" %\}: unknown form "bold" \(expected one of: prose, compound, table, percent, fraction\)/,
    ],
    [
      'a source link that is not a web address',
      (dir) => replaceIn(factsFile(dir), 'type: intelligence service\n', 'type: intelligence service\n    url: javascript:alert(6)\n'),
      /facts\/north-korea-more-troops-russia\.yaml: line \d+: source "south-korean-intelligence": url: expected a web address starting https:\/\/ or http:\/\/, such as "https:\/\/example\.org\/report", got "javascript:alert\(6\)"/,
    ],
    [
      'duplicate fact ids',
      (dir) => replaceIn(factsFile(dir), '- id: wounded', '- id: deaths'),
      /fact "deaths": id: duplicate id \(already used by a fact\)/,
    ],
    [
      'a date that contradicts its relative phrase',
      (dir) =>
        replaceIn(
          factsFile(dir),
          /date: 2024-10\n {4}relative: October last year\n {4}key: true/,
          'date: 2023-10\n    relative: October last year\n    key: true',
        ),
      /fact "initial-dispatch": date: 2023-10 does not match "October last year".*expected 2024-10/,
    ],
  ];

  for (const [name, edit, message] of cases) {
    it(`stops the build and check on ${name}, keeping the earlier site`, async () => {
      const content = copyContent(edit);
      await expect(buildInto(content, out)).rejects.toThrow(message);
      expect(fs.readFileSync(path.join(out, page), 'utf8')).toBe(before);
      const check = runCli('check.ts', [], { CONTENT_DIR: content });
      expect(check.status).toBe(1);
      expect(check.stderr).toMatch(message);
    });
  }
});

describe('npm run check', () => {
  it('passes the real content and counts the figures printed from facts', () => {
    const result = runCli('check.ts', [], { CONTENT_DIR: realContentDir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`content/articles/${seedSlug}.md: 9 figures from facts, 0 numerals not from a fact`);
  });

  it('reports numerals typed into prose, with line numbers; --strict fails on them', () => {
    const content = copyContent((dir) => {
      const file = path.join(dir, 'articles', `${seedSlug}.md`);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('{% fact "initial-dispatch" %}', '11,000'));
    });
    const lenient = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(
      /8 figures from facts, 1 numeral not from a fact\n {2}line 24: "11,000" in "…[^"]*initial dispatch of 11,000 North Korean personnel/,
    );
    const strict = runCli('check.ts', ['--strict'], { CONTENT_DIR: content });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('1 stray numeral(s)');
  });
});

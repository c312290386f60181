// The content check on one broken file at a time: each problem is reported once, naming the file, the
// field (or entry) and what was expected, with no follow-on errors about files that are there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check.ts';
import { GERMAN_SLUG, bilingualContent } from '../../helpers/bilingual-site.ts';
import { copyContent, replaceIn, seedSlug, writeArticle } from '../../helpers/site.ts';

const factsFile = (dir: string) => path.join(dir, 'facts', `${seedSlug}.yaml`);
const articleFile = (dir: string) => path.join(dir, 'articles', `${seedSlug}.md`);
const digestFile = (dir: string) => path.join(dir, 'digests', '2025-06-27.md');
const SOURCES =
  'south-korean-intelligence, south-korean-legislator, russia-official-announcement, north-korean-state-media, north-korea-official, unattributed-reports';

function errorsAfter(edit: (dir: string) => void): { dir: string; errors: string[] } {
  const dir = copyContent(edit);
  return { dir, errors: checkContent(dir, { numerals: false }).errors };
}

describe('one broken facts file', () => {
  it('reports a missing source once, with the ids the file offers, and no missing facts or reporting', () => {
    const { dir, errors } = errorsAfter((d) =>
      replaceIn(factsFile(d), /(label: North Korean personnel in the initial dispatch\n[^]*?) {4}source: south-korean-legislator\n/, '$1'),
    );
    expect(errors).toEqual([
      `${factsFile(dir)}: line 39: fact "initial-dispatch": source: missing (expected one of this file's sources: ${SOURCES}; or one for the whole file, defaults: { source: south-korean-intelligence })`,
    ]);
  });

  it('reports a source id the schema refuses once, with the ids the file offers', () => {
    const { dir, errors } = errorsAfter((d) =>
      replaceIn(factsFile(d), /source: south-korean-intelligence\n {4}key: true/, 'source: NIS\n    key: true'),
    );
    expect(errors).toEqual([
      `${factsFile(dir)}: line 65: fact "deaths": source: "NIS" is not a known source (expected one of this file's sources: ${SOURCES})`,
    ]);
  });

  it('reports an unknown source once', () => {
    const { errors } = errorsAfter((d) =>
      replaceIn(factsFile(d), /source: south-korean-intelligence\n {4}key: true/, 'source: nis\n    key: true'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/line 65: fact "deaths": source: "nis" is not a known source/);
  });

  it('reports only its own problems when a digest and a page print its facts: their tags follow from it', () => {
    const { dir, errors } = errorsAfter((d) => {
      replaceIn(factsFile(d), 'value: 4000', 'valu: 4000');
      replaceIn(
        digestFile(d),
        /^subject: .*$/m,
        `subject: '{% fact "initial-dispatch" %} troops, then {% fact "second-deployment" %} more'`,
      );
      replaceIn(digestFile(d), /^preheader: .*$/m, `preheader: 'Also {% fact "${seedSlug}/construction-soldiers" %} builders'`);
      replaceIn(path.join(d, 'about.md'), /^title: .*$/m, `title: 'About {% fact "${seedSlug}/initial-dispatch" %}'`);
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      new RegExp(`^${factsFile(dir)}: line \\d+: fact "second-deployment": valu: not a field figures have; did you mean value\\?`),
    );
    expect(errors[1]).toMatch(new RegExp(`^${factsFile(dir)}: line \\d+: fact "second-deployment": value: value is missing`));
  });

  it('reports facts YAML that does not parse once, with its line', () => {
    const { dir, errors } = errorsAfter((d) => replaceIn(factsFile(d), 'value: 4000', 'value: [4000'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${factsFile(dir)}: line \\d+: not valid YAML: .+$`));
  });

  it('names the file and entry for dates of a bad shape', () => {
    const cases: Array<[string, string, RegExp]> = [
      [
        'date: { from: 2025-05, to: 2025-06 }',
        'date: { from: 2025-08, to: 2025-05 }',
        /event "shoigu-visit": date: range starts \(2025-08\) after it ends \(2025-05\)$/,
      ],
      [
        'date: { oneOf: [2025-07, 2025-08] }',
        'date: { oneOf: [2025-08, 2025-07] }',
        /event "next-movement": date: choice options must be distinct and ascending: 2025-08, 2025-07$/,
      ],
      [
        'date: { from: 2024-06, to: 2025-06 }',
        'date: { from: 2024, to: 2025-06 }',
        /event "putin-visit-agreement": date: range 2024, 2025-06: all dates need the same precision$/,
      ],
    ];
    for (const [from, to, message] of cases) {
      const { dir, errors } = errorsAfter((d) => replaceIn(factsFile(d), from, to));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.startsWith(`${factsFile(dir)}: `)).toBe(true);
      expect(errors[0]).toMatch(message);
    }
  });
});

describe('articles', () => {
  it('still counts an article with a bad field as an article for the digests that list it', () => {
    const { dir, errors } = errorsAfter((d) => replaceIn(articleFile(d), /^section: .*$/m, 'section: ""'));
    expect(errors).toEqual([`${articleFile(dir)}: line 9: section: expected a section name such as "World", got ""`]);
  });

  it('says once that an article has no facts file, naming the real path and what needs it', () => {
    const { dir, errors } = errorsAfter((d) => fs.rmSync(factsFile(d)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `^${articleFile(dir)}: this article has no facts file \\(expected ${factsFile(dir)}\\), which its \\{% fact %\\} tags \\(war-duration, .*\\) and its reporting: list \\(.*\\) need$`,
      ),
    );
  });

  it('names the real content folder for a facts file without an article and a digest article that does not exist', () => {
    const { dir, errors } = errorsAfter((d) => {
      fs.renameSync(factsFile(d), path.join(d, 'facts', 'orphan.yaml'));
      replaceIn(digestFile(d), `  - ${seedSlug}`, '  - no-such-article');
      fs.rmSync(articleFile(d));
    });
    expect(errors).toEqual([
      `${digestFile(dir)}: articles: "no-such-article" is not an article (expected a file ${path.join(dir, 'articles')}/no-such-article.md)`,
      `${path.join(dir, 'facts', 'orphan.yaml')}: no article ${path.join(dir, 'articles', 'orphan.md')} uses this facts file (facts files are named after their article)`,
    ]);
  });

  it('says a digest names a draft, rather than that the article does not exist', () => {
    const { dir, errors } = errorsAfter((d) => replaceIn(articleFile(d), /^date: /m, 'draft: true\ndate: '));
    expect(errors).toEqual([
      `${digestFile(dir)}: articles: "${seedSlug}" is a draft (draft: true in ${path.join(dir, 'articles')}/${seedSlug}.md); publish it or take it out of the digest`,
    ]);
  });

  it('refuses a reporting id that is not a source in the facts file, which the byline would print raw', () => {
    const { dir, errors } = errorsAfter((d) => replaceIn(articleFile(d), '  - south-korean-legislator\n---', '  - nis\n---'));
    expect(errors).toEqual([
      `${articleFile(dir)}: line 16: reporting: "nis" is not a source in ${factsFile(dir)} (expected one of: ${SOURCES})`,
    ]);
  });

  it('refuses a misspelt front-matter field, which would otherwise be ignored (drafts: true would publish the draft)', () => {
    const { dir, errors } = errorsAfter((d) => {
      replaceIn(articleFile(d), /^date: /m, 'drafts: true\ndate: ');
      replaceIn(digestFile(d), /^subject: /m, 'Subject: Another\nsubject: ');
    });
    expect(errors).toEqual([
      `${articleFile(dir)}: line 4: drafts: not a field articles have; did you mean draft? (expected one of title, summary, date, updated, dateNote, section, tags, reporting, draft, lang, translationOf, image)`,
      `${digestFile(dir)}: line 2: Subject: not a field digests have; did you mean subject? (expected one of subject, preheader, date, intro, from, articles, select, draft)`,
    ]);
  });

  it('refuses a file name that starts with a date, which Eleventy would drop from the URL', () => {
    const { dir, errors } = errorsAfter((d) => {
      fs.renameSync(articleFile(d), path.join(d, 'articles', `2025-06-24-${seedSlug}.md`));
      fs.renameSync(factsFile(d), path.join(d, 'facts', `2025-06-24-${seedSlug}.yaml`));
      replaceIn(digestFile(d), `  - ${seedSlug}`, `  - 2025-06-24-${seedSlug}`);
    });
    expect(errors).toEqual([
      `${path.join(dir, 'articles', `2025-06-24-${seedSlug}.md`)}: the file name starts with a date, which would be dropped from the article's URL; ` +
        `name it ${seedSlug}.md (the date belongs in the front matter)`,
    ]);
  });

  it('refuses two articles with the same slug, naming both files, the URL and the facts file', () => {
    const { dir, errors } = errorsAfter((d) => {
      fs.mkdirSync(path.join(d, 'articles', 'world'));
      fs.copyFileSync(articleFile(d), path.join(d, 'articles', 'world', `${seedSlug}.md`));
    });
    expect(errors).toEqual([
      `${path.join(dir, 'articles', 'world', `${seedSlug}.md`)}: has the same slug "${seedSlug}" as ${articleFile(dir)}; an article's slug (its file name) ` +
        `must be unique, as it makes the article's URL /articles/${seedSlug}/ and names its facts file ${factsFile(dir)}`,
    ]);
  });

  it('refuses tags that make the same topic URL, naming both spellings and the URL', () => {
    const { dir, errors } = errorsAfter((d) => {
      writeArticle(d, 'spelled-twice', { tags: '["Ukraine war", "ukraine-WAR"]' });
      writeArticle(d, 'listed-twice', { tags: '[Russia, Russia]' });
    });
    expect(errors).toEqual([
      `${path.join(dir, 'articles', 'listed-twice.md')}: line 6: tags: "Russia" and "Russia" make the same topic URL /tags/russia/; keep one of them`,
      `${path.join(dir, 'articles', 'spelled-twice.md')}: line 6: tags: "Ukraine war" and "ukraine-WAR" make the same topic URL /tags/ukraine-war/; keep one of them`,
    ]);
  });

  it('refuses the compound form of a fact without a unit, naming the line, the fact and what it needs', () => {
    const { dir, errors } = errorsAfter((d) => replaceIn(factsFile(d), '    unit: month\n', ''));
    expect(errors).toEqual([
      `${articleFile(dir)}: line 28: {% fact "shoigu-lead-time", "compound" %}: fact "shoigu-lead-time" has no unit in ${factsFile(dir)}, ` +
        'and the compound form ("a three-year war") needs one: give the fact a unit such as year, or { one: soldier, other: soldiers }, or print it in the prose form',
    ]);
  });
});

describe('fact tags in the site language', () => {
  const siteFile = (dir: string) => path.join(dir, '_data', 'site.json');
  const inGerman = (dir: string) => replaceIn(siteFile(dir), '"locale": "en-US"', '"locale": "de-DE"');

  it('passes the seed in German, whose compound forms are of known units', () => {
    expect(errorsAfter(inGerman).errors).toEqual([]);
  });

  it("refuses what the build could not print: a German compound of a unit of the editor's own", () => {
    const { dir, errors } = errorsAfter((d) => {
      inGerman(d);
      replaceIn(factsFile(d), '    unit: month\n', '    unit: { one: Monat, other: Monate }\n');
    });
    expect(errors).toEqual([
      `${articleFile(dir)}: line 28: {% fact "shoigu-lead-time", "compound" %}: "de" forms compound adjectives only from the known units ` +
        `(year, month, week, day, hour, minute, person), not from a unit of the editor's own ("Monat"): use a known unit, or the prose form`,
    ]);
  });
});

describe("a page's fields in the site language", () => {
  it("refuses what the page's <head> could not print: a German compound of a unit of the editor's own", () => {
    const { dir, errors } = errorsAfter((d) => {
      replaceIn(path.join(d, '_data', 'site.json'), '"locale": "en-US"', '"locale": "de-DE"');
      replaceIn(
        factsFile(d),
        '\nderived:',
        '  - { id: lead, label: Lead, value: 3, unit: { one: Monat, other: Monate }, source: south-korean-intelligence }\n\nderived:',
      );
      replaceIn(path.join(d, 'about.md'), /^description: .*$/m, `description: 'Eine {% fact "${seedSlug}/lead", "compound" %} Frist'`);
    });
    expect(errors).toEqual([
      `${path.join(dir, 'about.md')}: line 4: description: {% fact "${seedSlug}/lead", "compound" %}: "de" forms compound adjectives only from the known units ` +
        `(year, month, week, day, hour, minute, person), not from a unit of the editor's own ("Monat"): use a known unit, or the prose form`,
    ]);
  });
});

describe("site.json's language", () => {
  it('refuses what is not a language code, which Intl would refuse in the middle of the build', () => {
    for (const language of ['America/New_York', 'http://x', 'e']) {
      const { dir, errors } = errorsAfter((d) =>
        replaceIn(path.join(d, '_data', 'site.json'), '"language": "en"', `"language": ${JSON.stringify(language)}`),
      );
      expect(errors).toEqual([
        `${path.join(dir, '_data', 'site.json')}: line 5: language: expected a language code such as "en" or "de", got ${JSON.stringify(language)}`,
      ]);
    }
  });
});

describe("a digest's fields", () => {
  it('names the line, field and tag of a figure printed in a form it cannot take', () => {
    const { dir, errors } = errorsAfter((d) =>
      replaceIn(digestFile(d), /^subject: .*$/m, `subject: 'Losses: {% fact "deaths", "percent" %}'`),
    );
    expect(errors).toEqual([
      `${digestFile(dir)}: line 2: subject: {% fact "deaths", "percent" %}: the percent form is for a change (change: { from, to }): "up 16%"`,
    ]);
  });
});

describe("a page's layout and permalink", () => {
  const about = (dir: string) => path.join(dir, 'about.md');

  it('refuses a layout that is not in templates/layouts, with the one likely meant', () => {
    const { dir, errors } = errorsAfter((d) => replaceIn(about(d), 'layout: page.njk', 'layout: pages.njk'));
    expect(errors).toEqual([
      `${about(dir)}: line 2: layout: "pages.njk" is not a layout in templates/layouts; did you mean page.njk? (expected one of base.njk, page.njk)`,
    ]);
    expect(errorsAfter((d) => replaceIn(about(d), 'layout: page.njk', 'layout: page')).errors).toEqual([]);
  });

  it('refuses a permalink Eleventy could not write, or one that climbs out of the site', () => {
    const cases: Array<[string, string]> = [
      [
        'permalink: /about',
        '"/about" is neither a folder (ending in /, as in /corrections/) nor a file name with its extension (/notes.html)',
      ],
      [
        'permalink: ../package.json',
        '"../package.json" climbs out of the output folder; a permalink must stay inside the site (no ".." that leaves it)',
      ],
      ['permalink: 42', 'expected a path inside the site, such as /corrections/, or false for no page'],
    ];
    for (const [line, problem] of cases) {
      const { dir, errors } = errorsAfter((d) => replaceIn(about(d), 'permalink: /about/', line));
      expect(errors).toEqual([`${about(dir)}: line 5: permalink: ${problem}`]);
    }
    for (const line of ['permalink: /about.html', 'permalink: false', 'permalink: "/{{ page.fileSlug }}/"'])
      expect(errorsAfter((d) => replaceIn(about(d), 'permalink: /about/', line)).errors).toEqual([]);
  });
});

describe('front matter that is not valid YAML', () => {
  it('names the file and the line, for articles, digests and the other pages', () => {
    const { dir, errors } = errorsAfter((d) => {
      replaceIn(digestFile(d), /^subject: .*$/m, 'subject: [North Korea');
      replaceIn(path.join(d, 'about.md'), /^title: .*$/m, 'title: [About');
      fs.mkdirSync(path.join(d, 'policies'));
      fs.writeFileSync(path.join(d, 'policies', 'corrections.njk'), '---\ntitle: [Corrections\n---\n<p>Corrections.</p>\n');
      writeArticle(d, 'bad-yaml', { title: '[A title' });
    });
    expect(errors).toEqual([
      `${path.join(dir, 'articles', 'bad-yaml.md')}: line 3: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${digestFile(dir)}: line 3: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${path.join(dir, 'about.md')}: line 4: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${path.join(dir, 'policies', 'corrections.njk')}: line 2: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);
  });
});

describe('versions of a story in other languages', () => {
  const germanFile = (dir: string) => path.join(dir, 'articles', `${GERMAN_SLUG}.md`);
  const checked = (edit: (dir: string) => void) => {
    const dir = bilingualContent(edit);
    return { dir, errors: checkContent(dir, { numerals: false }).errors };
  };

  it('passes a German version of the English seed, its figures printed in German', () => {
    const dir = bilingualContent();
    const report = checkContent(dir, { numerals: false });
    expect(report.errors).toEqual([]);
    expect(report.publication?.article(GERMAN_SLUG)?.keyFigures[0]?.value).toBe('11.000');
  });

  it('names the article a misspelt translationOf most likely meant', () => {
    const { dir, errors } = checked((d) =>
      replaceIn(germanFile(d), `translationOf: ${seedSlug}`, 'translationOf: north-korea-more-troop-russia'),
    );
    expect(errors).toEqual([
      `${germanFile(dir)}: line 9: translationOf: "north-korea-more-troop-russia" is not an article; did you mean ${seedSlug}? (expected the slug of an article in content/articles)`,
    ]);
  });

  it('refuses two versions in one language, and an article naming itself', () => {
    const same = checked((d) => replaceIn(germanFile(d), 'lang: de\n', 'lang: en\n'));
    expect(same.errors).toEqual([
      `${germanFile(same.dir)}: line 9: translationOf: this article and ${articleFile(same.dir)} are versions of one story in the same language ("en"); ` +
        'each version is in a language of its own: set lang: on the one written in another language, or remove translationOf',
    ]);
    const itself = checked((d) => replaceIn(germanFile(d), `translationOf: ${seedSlug}`, `translationOf: ${GERMAN_SLUG}`));
    expect(itself.errors).toEqual([
      `${germanFile(itself.dir)}: line 9: translationOf: "${GERMAN_SLUG}" is this article; name the article this one translates, by its slug`,
    ]);
  });

  it('refuses a language without a message catalogue, saying how to add one', () => {
    const { dir, errors } = checked((d) => replaceIn(germanFile(d), 'lang: de\n', 'lang: fr\n'));
    expect(errors).toEqual([
      `${germanFile(dir)}: line 8: lang: no message catalogue for locale "fr": the languages are de, en, ko; a language is added with one file, src/i18n/messages/fr.yaml (see docs/formatting.md)`,
    ]);
  });

  it('links every version of a story to every other, both ways, through any of them', () => {
    const dir = bilingualContent((d) =>
      writeArticle(d, 'korean-version', { lang: 'ko', translationOf: GERMAN_SLUG, date: '"2025-06-24T11:00:00+09:00"' }),
    );
    const { model, errors } = checkContent(dir, { numerals: false });
    expect(errors).toEqual([]);
    const versions = (slug: string) => [...(model.bySlug.get(slug)?.translations ?? [])].sort();
    expect(versions(seedSlug)).toEqual(['korean-version', GERMAN_SLUG]);
    expect(versions(GERMAN_SLUG)).toEqual(['korean-version', seedSlug]);
    expect(versions('korean-version')).toEqual([GERMAN_SLUG, seedSlug]);
  });
});

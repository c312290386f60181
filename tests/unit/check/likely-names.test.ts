// What an editor most likely meant, named in the check's message: a field a facts file does not know (in every
// section), a misspelt fact id (in a body, an article's field, a digest's field, a page's field), article slug,
// source, actor or status; and a digest dated before the newest article it carries, naming both dates.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/check/check.ts';
import { copyContent, replaceIn, seedSlug } from '../../helpers/site.ts';

const FACTS = `facts/${seedSlug}.yaml`;
const ARTICLE = `articles/${seedSlug}.md`;
const DIGEST = 'digests/2025-06-27.md';

/** The check's problems after `edit` changes `file` of a copy of the content, with the copy's folder shown as `content/`. */
function problemsAfter(file: string, from: string | RegExp, to: string): string[] {
  const dir = copyContent((d) => replaceIn(path.join(d, file), from, to));
  return checkContent(dir, { numerals: false }).errors.map((problem) => problem.replaceAll(`${dir}/`, 'content/'));
}

describe('a field a facts file does not know', () => {
  it.each([
    [
      'a figure',
      'source: south-korean-intelligence\n    key: true',
      'source: south-korean-intelligence\n    kye: true',
      `content/${FACTS}: line 66: fact "deaths": kye: not a field figures have; did you mean key? (expected one of id, status, source, via, label, value, unit, currency, per, date, relative, key)`,
    ],
    [
      'a derived figure',
      'construction-soldiers]\n    key: true',
      'construction-soldiers]\n    kye: true',
      `content/${FACTS}: line 99: fact "personnel-committed": kye: not a field derived figures have; did you mean key? (expected one of id, label, sum, change, share, convert, key)`,
    ],
    [
      'an event',
      '    figure: initial-dispatch',
      '    figur: initial-dispatch',
      `content/${FACTS}: line 115: event "dispatch-begins": figur: not a field events have; did you mean figure? (expected one of id, status, source, via, label, date, relative, actors, figure)`,
    ],
    [
      'a source',
      '    type: intelligence service',
      '    tpye: intelligence service',
      `content/${FACTS}: line 10: source "south-korean-intelligence": tpye: not a field sources have; did you mean type? (expected one of name, type, url)`,
    ],
    [
      'an actor',
      '    role: Leader of North Korea',
      '    rol: Leader of North Korea',
      `content/${FACTS}: line 30: actor "kim-jong-un": rol: not a field actors have; did you mean role? (expected one of name, role)`,
    ],
    [
      'a claim',
      '    actors: [kim-jong-un]',
      '    actor: [kim-jong-un]',
      `content/${FACTS}: line 141: claim "kim-approval": actor: not a field claims have; did you mean actors? (expected one of id, status, source, via, text, actors)`,
    ],
    [
      'the defaults',
      '\nsources:',
      '\ndefaults:\n  sorce: south-korean-intelligence\nsources:',
      `content/${FACTS}: line 8: defaults.sorce: not a field defaults has; did you mean source? (expected one of source, status)`,
    ],
    [
      'the top level',
      '\nclaims:',
      '\nclams:',
      `content/${FACTS}: line 136: clams: not a field facts files have; did you mean claims? (expected one of sources, defaults, actors, figures, derived, events, claims)`,
    ],
  ])('is named with its line and the likely field, in %s', (_, from, to, problem) => {
    expect(problemsAfter(FACTS, from, to)).toEqual([problem]);
  });

  it('names a misspelt required field as the field meant, beside the field found missing', () => {
    expect(problemsAfter(FACTS, '    label: North Korean soldiers wounded', '    lable: North Korean soldiers wounded')).toEqual([
      `content/${FACTS}: line 68: fact "wounded": lable: not a field figures have; did you mean label? (expected one of id, status, source, via, label, value, unit, currency, per, date, relative, key)`,
      `content/${FACTS}: line 67: fact "wounded": label: expected a label for the figure`,
    ]);
  });
});

describe('a misspelt name', () => {
  const KNOWN =
    'initial-dispatch, second-deployment, construction-soldiers, deaths, wounded, troops-deployed, artillery-shells, war-duration, shoigu-lead-time, personnel-committed';

  it("suggests the fact id meant, in an article's body and fields", () => {
    expect(problemsAfter(ARTICLE, '{% fact "deaths" %}', '{% fact "death" %}')).toEqual([
      `content/${ARTICLE}: line 37: {% fact "death" %}: fact "death" does not exist in content/${FACTS}; did you mean "deaths"? (known: ${KNOWN})`,
    ]);
    expect(problemsAfter(ARTICLE, /^title: .*$/m, `title: '{% fact "initial-dispach" %} sent'`)).toEqual([
      `content/${ARTICLE}: line 2: title: {% fact "initial-dispach" %}: fact "initial-dispach" does not exist in content/${FACTS}; did you mean "initial-dispatch"? (known: ${KNOWN})`,
    ]);
  });

  it("suggests the fact id meant among a digest's articles, and the article and fact meant on a page", () => {
    expect(problemsAfter(DIGEST, /^subject: .*$/m, `subject: '{% fact "deths" %} dead'`)).toEqual([
      `content/${DIGEST}: line 2: subject: {% fact "deths" %}: fact "deths" is not in the facts of the digest's articles (${seedSlug}); did you mean "deaths"? Or name the article as {% fact "<slug>/deths" %}`,
    ]);
    expect(problemsAfter('about.md', /^title: .*$/m, `title: '{% fact "north-korea-more-troop-russia/deaths" %}'`)).toEqual([
      `content/about.md: line 3: title: {% fact "north-korea-more-troop-russia/deaths" %}: "north-korea-more-troop-russia" in fact "north-korea-more-troop-russia/deaths" is not an article with a facts file; did you mean ${seedSlug}?`,
    ]);
    expect(problemsAfter('about.md', /^title: .*$/m, `title: '{% fact "${seedSlug}/deths" %}'`)).toEqual([
      `content/about.md: line 3: title: {% fact "${seedSlug}/deths" %}: fact "deths" does not exist in content/${FACTS}; did you mean "deaths"? (known: ${KNOWN})`,
    ]);
  });

  it("suggests the article meant by a digest's slug", () => {
    expect(problemsAfter(DIGEST, `  - ${seedSlug}`, '  - north-korea-more-troop-russia')).toEqual([
      `content/${DIGEST}: articles: "north-korea-more-troop-russia" is not an article (expected a file content/articles/north-korea-more-troop-russia.md); did you mean ${seedSlug}?`,
    ]);
  });

  it('suggests the source, figure, actor and status meant', () => {
    const SOURCES =
      'south-korean-intelligence, south-korean-legislator, russia-official-announcement, north-korean-state-media, north-korea-official, unattributed-reports';
    expect(problemsAfter(ARTICLE, '  - south-korean-legislator\n---', '  - south-korean-legislater\n---')).toEqual([
      `content/${ARTICLE}: line 16: reporting: "south-korean-legislater" is not a source in content/${FACTS}; did you mean south-korean-legislator? (expected one of: ${SOURCES})`,
    ]);
    expect(problemsAfter(FACTS, 'via: south-korean-legislator', 'via: south-korean-legislatr')).toEqual([
      `content/${FACTS}: line 52: fact "second-deployment": via: "south-korean-legislatr" is not a known source; did you mean south-korean-legislator? (expected one of: ${SOURCES})`,
    ]);
    expect(problemsAfter(FACTS, 'sum: [initial-dispatch,', 'sum: [initial-dispach,')).toEqual([
      `content/${FACTS}: line 98: fact "personnel-committed": sum: "initial-dispach" is not a figure in this file; did you mean initial-dispatch?`,
    ]);
    expect(problemsAfter(FACTS, 'actors: [sergei-shoigu]', 'actors: [sergei-shoygu]')).toEqual([
      `content/${FACTS}: line 128: event "shoigu-visit": actors: "sergei-shoygu" is not listed under actors; did you mean sergei-shoigu? (expected one of: kim-jong-un, vladimir-putin, sergei-shoigu)`,
    ]);
    expect(problemsAfter(FACTS, 'status: estimated', 'status: estimatd')).toEqual([
      `content/${FACTS}: line 64: fact "deaths": status: status must be one of reported, estimated, announced, acknowledged, expected; did you mean estimated?`,
    ]);
  });
});

describe('a digest dated before an article it carries', () => {
  it('is refused, naming the digest date, the article and its date', () => {
    expect(problemsAfter(DIGEST, '"2025-06-27T07:00:00+09:00"', '"2025-06-24T08:59:00+09:00"')).toEqual([
      `content/${DIGEST}: line 4: date: the digest is dated 2025-06-24T08:59:00.000+09:00, before the article it carries content/${ARTICLE} (2025-06-24T09:00:00.000+09:00); date the digest at or after its newest article`,
    ]);
  });

  it('is refused for an article chosen by tag, and passes when dated at the article', () => {
    const edit = (d: string) =>
      replaceIn(path.join(d, DIGEST), `articles:\n  - ${seedSlug}`, 'select: { tag: North Korea, from: "2025-06-01", to: "2025-06-30" }');
    const late = copyContent(edit);
    expect(checkContent(late, { numerals: false }).errors).toEqual([]);
    const early = copyContent((d) => {
      edit(d);
      replaceIn(path.join(d, DIGEST), '"2025-06-27T07:00:00+09:00"', '"2025-06-20T07:00:00+09:00"');
    });
    expect(checkContent(early, { numerals: false }).errors).toEqual([
      expect.stringMatching(
        /line 4: date: the digest is dated 2025-06-20T07:00:00.000\+09:00, before the article it carries .* \(2025-06-24T09:00:00.000\+09:00\)/,
      ),
    ]);
    const same = copyContent((d) => replaceIn(path.join(d, DIGEST), '"2025-06-27T07:00:00+09:00"', '"2025-06-24T09:00:00+09:00"'));
    expect(checkContent(same, { numerals: false }).errors).toEqual([]);
  });
});

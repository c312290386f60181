// The grammar of tags in an article's Markdown, shared by `npm run check` and the build.
import { describe, expect, it } from 'vitest';
import { BodyTagError, lineAt, printFacts, readBodyTags } from '../../../src/content/fact-tags.ts';

const kinds = (text: string) => readBodyTags(text).map((tag) => (tag.kind === 'fact' ? `fact:${tag.id}:${tag.form}` : tag.kind));

describe('readBodyTags', () => {
  it('reads fact tags in both quote styles, with and without a form, and with any spacing', () => {
    expect(kinds(`of {% fact "initial-dispatch" %} troops, the {% fact 'war-duration', 'compound' %} war, {%fact "x"%} and {%  fact\n  "y" ,  "table"  %}`)).toEqual([
      'fact:initial-dispatch:prose',
      'fact:war-duration:compound',
      'fact:x:prose',
      'fact:y:table',
    ]);
  });

  it('gives each tag its place in the text', () => {
    const text = 'About {% fact "deaths" %} soldiers.';
    const [tag] = readBodyTags(text);
    expect(text.slice(tag?.start, tag?.end)).toBe('{% fact "deaths" %}');
  });

  it('leaves lone braces and plain prose alone', () => {
    expect(readBodyTags('A set {a, b} and a brace { here, and 50% of } that.')).toEqual([]);
  });

  it('reads {# … #} as a note that is never published', () => {
    expect(kinds('Text {# check this figure with the desk #} more')).toEqual(['comment']);
  });

  it.each([
    ['{{ site.title }}', '{{ site.title }}: content is not a template, so nothing in {{ }} is printed'],
    ['{% include "header.njk" %}', '{% include "header.njk" %}: only {% fact "id" %} and {% fact "id", "form" %} can be written'],
    ['{% fact deaths %}', '{% fact deaths %}: only {% fact "id" %} and'],
    ['{% fact "" %}', '{% fact "" %}: the fact id is empty'],
    ['{% fact "deaths", "bold" %}', 'unknown form "bold" (expected one of: prose, compound, table, percent, fraction)'],
    ['{% fact "deaths" ', '"{%" is never closed with "%}"'],
    ['{% if\n  x %}spread over lines{% endif %}', '{% if x %}: only {% fact "id" %} and'],
  ])('names what is wrong with %j', (text, problem) => {
    const [tag] = readBodyTags(text);
    expect(tag?.kind).toBe('bad');
    expect(tag && 'problem' in tag ? tag.problem : '').toContain(problem);
  });
});

describe('printFacts', () => {
  it('replaces each fact tag with what print returns and drops notes, keeping the text around them', () => {
    const printed = printFacts('of {% fact "a" %} and {% fact "b", "table" %}{# note #}.', (tag) => `<${tag.id}/${tag.form}>`);
    expect(printed).toBe('of <a/prose> and <b/table>.');
  });

  it('returns text without tags unchanged', () => {
    expect(printFacts('No figures { here }.', () => 'x')).toBe('No figures { here }.');
  });

  it('throws on a tag it cannot print, with its line', () => {
    const text = 'one\ntwo\nthree {{ oops }}';
    expect(() => printFacts(text, () => '')).toThrow(BodyTagError);
    expect(() => printFacts(text, () => '')).toThrow(/^line 3: \{\{ oops \}\}: content is not a template/);
  });

  it('tells the printer which tags start a sentence, which print with a capital', () => {
    const starts: string[] = [];
    const text = '{% fact "a" %} first. Then {% fact "b" %}; and. {% fact "c" %}\n\n{% fact "d" %} para\n- {% fact "e" %} item\nwrapped\n{% fact "f" %} line\n## {% fact "g" %} heading';
    printFacts(text, (tag, sentenceStart) => {
      if (sentenceStart) starts.push(tag.id);
      return '';
    });
    expect(starts).toEqual(['a', 'c', 'd', 'e', 'g']);
  });
});

describe('lineAt', () => {
  it('counts lines from 1', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});

// Figures printed where editors write fact tags: in an article's Markdown (escaped for Markdown, so a figure
// never turns into emphasis) and in text fields (as plain text), with a capital where a tag starts a sentence.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FactScope } from '../../../src/content/link.ts';
import type { ArticleEntry } from '../../../src/content/model.ts';
import { readContent } from '../../../src/content/model.ts';
import { renderArticleBody } from '../../../src/present/body.ts';
import { capitalise, fieldText } from '../../../src/present/fact-text.ts';
import { copyContent, replaceIn, seedSlug } from '../../helpers/site.ts';

let seed: ArticleEntry;
let scope: FactScope;
const options = { locale: 'en-US', zone: 'Asia/Seoul' };

beforeAll(() => {
  const model = readContent(copyContent());
  seed = model.bySlug.get(seedSlug)!;
  scope = { own: seed.facts, withoutOwn: 'skip', all: model.facts };
});

const body = (markdown: string) => renderArticleBody({ ...seed, body: markdown }, { ...options, scope });

describe('fact tags in an article', () => {
  it('prints the figure in the form asked for, then renders the Markdown around it', () => {
    expect(body('About **{% fact "deaths" %}** soldiers; a {% fact "war-duration", "compound" %} war.')).toBe(
      '<p>About <strong>around\u00a0600</strong> soldiers; a more\u00a0than\u00a0three-year war.</p>\n',
    );
  });

  it('drops {# notes #}', () => {
    expect(body('Text{# ask the desk #} here.')).toBe('<p>Text here.</p>\n');
  });

  it('prints a tag that starts a sentence, a paragraph or a list item with a capital', () => {
    expect(body('{% fact "deaths" %} soldiers died. {% fact "wounded" %} were wounded.\n\n- {% fact "artillery-shells" %} shells')).toBe(
      '<p>Around\u00a0600 soldiers died. Thousands were wounded.</p>\n<ul>\n<li>Several\u00a0million shells</li>\n</ul>\n',
    );
  });

  it('marks a tag it cannot print where the figure would be, when asked to (the dev server)', () => {
    const marked = renderArticleBody({ ...seed, body: 'A {% fact "nope" %} figure.' }, { ...options, scope }, (written) => `[${written}]`);
    expect(marked).toBe('<p>A [{% fact &quot;nope&quot; %}] figure.</p>\n');
    expect(() => body('A {% fact "nope" %} figure.')).toThrow(/fact "nope" does not exist/);
  });
});

describe('a figure whose words contain Markdown syntax', () => {
  it('prints the words as they are, not as emphasis, code or a link', () => {
    const dir = copyContent((root) => {
      const factsFile = path.join(root, 'facts', `${seedSlug}.yaml`);
      replaceIn(factsFile, 'unit: year', 'unit: { one: "*year*", other: "`years`" }');
    });
    const model = readContent(dir);
    const entry = model.bySlug.get(seedSlug)!;
    const html = renderArticleBody(
      { ...entry, body: 'A {% fact "war-duration", "compound" %} war.' },
      { ...options, scope: { own: entry.facts, all: model.facts } },
    );
    expect(html).toBe('<p>A more\u00a0than\u00a0three-*year* war.</p>\n');
  });
});

describe('fact tags in a text field', () => {
  it('prints plain text, with a capital at the start of the field or a sentence', () => {
    expect(fieldText('{% fact "deaths" %} North Korean soldiers killed', { ...options, scope })).toBe(
      'Around\u00a0600 North Korean soldiers killed',
    );
    expect(fieldText('Dispatch of {% fact "initial-dispatch" %}. {% fact "wounded" %} wounded', { ...options, scope })).toBe(
      'Dispatch of 11,000. Thousands wounded',
    );
    expect(fieldText('Words <b>as</b> written', { ...options, scope })).toBe('Words <b>as</b> written');
  });

  it('drops a note with the spaces it leaves, so a title never ends in a space', () => {
    expect(fieldText('{% fact "deaths" %} killed {# desk: check #}', { ...options, scope })).toBe('Around\u00a0600 killed');
    expect(fieldText('{# desk #} {% fact "deaths" %} killed', { ...options, scope })).toBe('Around\u00a0600 killed');
    expect(fieldText('Troops {# desk #} sent', { ...options, scope })).toBe('Troops sent');
    expect(fieldText('Spaces  as  written', { ...options, scope })).toBe('Spaces  as  written');
  });

  it('prints a fact of another article named by its slug', () => {
    expect(fieldText(`{% fact "${seedSlug}/deaths" %} dead`, { ...options, scope: { withoutOwn: 'no facts here', all: scope.all } })).toBe(
      'Around\u00a0600 dead',
    );
    expect(() => fieldText('{% fact "deaths" %} dead', { ...options, scope: { withoutOwn: 'no facts here', all: scope.all } })).toThrow(
      'no facts here',
    );
  });

  it('capitalises in the reader’s language, and leaves a script without capitals alone', () => {
    expect(capitalise('etwa 600', 'de-DE')).toBe('Etwa 600');
    expect(capitalise('약 600', 'ko-KR')).toBe('약 600');
    expect(capitalise('ıstanbul', 'tr-TR')).toBe('Istanbul');
  });
});

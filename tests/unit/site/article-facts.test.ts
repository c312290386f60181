// The build's own reading of fact tags (what the dev server reports): figures printed escaped, notes dropped,
// non-article Markdown left alone, errors naming file, line and tag as `npm run check` does.
import fs from 'node:fs';
import path from 'node:path';
import markdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerArticleFacts } from '../../../src/eleventy/article-facts.ts';
import { loadBuildState, type BuildState } from '../../../src/eleventy/state.ts';
import type { EleventyConfig } from '../../../src/eleventy/types.ts';
import { copyContent, seedSlug } from '../../helpers/site.ts';

let contentDir: string;
let articleFile: string;
let md: markdownIt;

beforeAll(() => {
  contentDir = copyContent();
  articleFile = path.join(contentDir, 'articles', `${seedSlug}.md`);
  let state: BuildState | undefined;
  md = markdownIt({ html: true });
  const config = { amendLibrary: (_name: string, amend: (lib: unknown) => void) => amend(md) } as unknown as EleventyConfig;
  registerArticleFacts(config, () => (state ??= loadBuildState(contentDir, false)));
});

const article = (body: string) => md.render(body, { page: { inputPath: articleFile, fileSlug: seedSlug } });

describe('fact tags in an article', () => {
  it('prints the figure in the form asked for, then renders the Markdown around it', () => {
    expect(article('About **{% fact "deaths" %}** soldiers; a {% fact "war-duration", "compound" %} war.')).toBe(
      '<p>About <strong>around\u00a0600</strong> soldiers; a more\u00a0than\u00a0three-year war.</p>\n',
    );
  });

  it('drops {# notes #}', () => {
    expect(article('Text{# ask the desk #} here.')).toBe('<p>Text here.</p>\n');
  });

  it('leaves Markdown that is not an article alone', () => {
    const about = path.join(contentDir, 'about.md');
    expect(md.render('Braces {{ kept }}', { page: { inputPath: about, fileSlug: 'about' } })).toBe('<p>Braces {{ kept }}</p>\n');
  });

  it('names the file, the line (counting the front matter) and the tag as written when the fact does not exist, as the check does', () => {
    const source = fs.readFileSync(articleFile, 'utf8');
    const body = source.slice(source.indexOf('\n---', 3) + 5);
    const line = source.split('\n').findIndex((text) => text.includes('{% fact "war-duration", "compound" %}')) + 1;
    expect(line).toBeGreaterThan(10);
    expect(() => article(body.replace('{% fact "war-duration", "compound" %}', '{% fact "war-length", "compound" %}'))).toThrow(
      `${seedSlug}.md: line ${line}: {% fact "war-length", "compound" %}: fact "war-length" does not exist in`,
    );
  });

  it('names the file and its line (counting the front matter) for a tag articles cannot use', () => {
    const source = fs.readFileSync(articleFile, 'utf8');
    const body = source.slice(source.indexOf('\n---', 3) + 5);
    const withTag = body.replace('{% fact "deaths" %}', '{{ site.title }}');
    const line = source.split('\n').findIndex((text) => text.includes('{% fact "deaths" %}')) + 1;
    expect(line).toBeGreaterThan(10);
    expect(() => article(withTag)).toThrow(`${seedSlug}.md: line ${line}: {{ site.title }}: articles are not templates`);
  });
});

describe('a figure whose words contain Markdown syntax', () => {
  it('prints the words as they are, not as emphasis, code or a link', () => {
    const dir = copyContent((root) => {
      const factsFile = path.join(root, 'facts', `${seedSlug}.yaml`);
      const facts = fs.readFileSync(factsFile, 'utf8').replace('unit: year', 'unit: { one: "*year*", other: "`years`" }');
      fs.writeFileSync(factsFile, facts);
    });
    const own = markdownIt({ html: true });
    let state: BuildState | undefined;
    const config = { amendLibrary: (_name: string, amend: (lib: unknown) => void) => amend(own) } as unknown as EleventyConfig;
    registerArticleFacts(config, () => (state ??= loadBuildState(dir, false)));
    const html = own.render('A {% fact "war-duration", "compound" %} war.', {
      page: { inputPath: path.join(dir, 'articles', `${seedSlug}.md`), fileSlug: seedSlug },
    });
    expect(html).toBe('<p>A more\u00a0than\u00a0three-*year* war.</p>\n');
  });
});

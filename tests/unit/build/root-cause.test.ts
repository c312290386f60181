// What a failed build reports from the error Eleventy throws: the innermost message, and for front matter
// that is not valid YAML, the file it was in.
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { rootCause } from '../../../src/build/site.ts';

/** The error js-yaml throws for front matter, as gray-matter hands it over (starting with the line break after `---`). */
function yamlError(frontMatter: string): unknown {
  try {
    yaml.load(frontMatter);
  } catch (error) {
    return error;
  }
  throw new Error('test setup: the YAML parsed');
}

describe('rootCause', () => {
  it('names the template and the line when its front matter is not valid YAML', () => {
    const wrapped = Object.assign(new Error('Having trouble reading front matter from template ./content/about.md'), {
      name: 'TemplateContentFrontMatterError',
      originalError: yamlError('\nlayout: page.njk\ntitle: [About\ndescription: x\n'),
    });
    expect(rootCause(wrapped).message).toBe(
      `${path.join('content', 'about.md')}: front matter is not valid YAML: missed comma between flow collection entries at line 4, column 1`,
    );
  });

  it('gives the innermost message of other errors as it is', () => {
    const inner = new Error('content/articles/x.md: title: expected a non-empty title, got nothing');
    const wrapped = Object.assign(new Error('Having trouble rendering md template'), {
      originalError: Object.assign(new Error('outer'), { cause: inner }),
    });
    expect(rootCause(wrapped)).toBe(inner);
  });
});

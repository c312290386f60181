// Problems an editor makes in one file, as `npm run check` and `npm run build` report them: once, naming
// the file and the field, with no follow-on errors and nothing of the build's staging folder.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { buildInto, copyContent, realContentDir, replaceIn, seedSlug, tempDir } from '../helpers/site.ts';

/** The problems a command printed on stderr, one per line. */
const problems = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('error: ') || line.startsWith('- '));

describe('front matter that is not valid YAML in a digest and a page', () => {
  let content: string;
  beforeAll(() => {
    content = copyContent((dir) => {
      replaceIn(path.join(dir, 'digests', '2025-06-27.md'), /^subject: .*$/m, 'subject: [North Korea');
      replaceIn(path.join(dir, 'about.md'), /^title: .*$/m, 'title: [About');
    });
  });
  const digestMessage =
    /digests\/2025-06-27\.md: line 3: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]/;
  const pageMessage =
    /content\/about\.md: line 4: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]/;

  it('fails npm run check, naming each file and the line', () => {
    const check = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(digestMessage);
    expect(check.stderr).toMatch(pageMessage);
    expect(check.stderr).toContain('check failed: 2 error(s)');
  });

  it('fails npm run build with the same messages, leaving no output', () => {
    const out = path.join(tempDir(), '_site');
    const build = runCli('build.ts', [], { CONTENT_DIR: content, OUTPUT_DIR: out });
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(digestMessage);
    expect(build.stderr).toMatch(pageMessage);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('one broken file in a tree', () => {
  let out: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir, path.join(tempDir(), '_site'));
  });

  it("reports two articles with one slug, naming both files, instead of Eleventy's output conflict", async () => {
    const content = copyContent((dir) => {
      fs.mkdirSync(path.join(dir, 'articles', 'world'));
      fs.copyFileSync(path.join(dir, 'articles', `${seedSlug}.md`), path.join(dir, 'articles', 'world', `${seedSlug}.md`));
    });
    const message = new RegExp(
      `articles/world/${seedSlug}\\.md: has the same slug "${seedSlug}" as .*articles/${seedSlug}\\.md; .*must be unique, ` +
        `as it makes the article's URL /articles/${seedSlug}/ and names its facts file .*facts/${seedSlug}\\.yaml`,
    );
    const failure = await buildInto(content, out).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).toMatch(message);
    expect(failure?.message).not.toMatch(/staging|Output conflict/);
    const check = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(check.status).toBe(1);
    expect(problems(check.stderr)).toEqual([expect.stringMatching(message)]);
  });

  it("reports a fact without a source once, listing the file's sources, in the check and the build", async () => {
    const content = copyContent((dir) =>
      replaceIn(path.join(dir, 'facts', `${seedSlug}.yaml`), /(id: initial-dispatch\n[^]*?) {4}source: south-korean-legislator\n/, '$1'),
    );
    const message = `facts/${seedSlug}.yaml: line 39: fact "initial-dispatch": source: missing (expected one of this file's sources: south-korean-intelligence, south-korean-legislator,`;
    await expect(buildInto(content, out)).rejects.toThrow(message);
    const check = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(check.status).toBe(1);
    expect(problems(check.stderr)).toEqual([expect.stringContaining(message)]);
    expect(check.stderr).toContain('check failed: 1 error(s)');
  });

  it('refuses {% fact "id", "compound" %} on a fact without a unit in the check and the build', async () => {
    const content = copyContent((dir) => replaceIn(path.join(dir, 'facts', `${seedSlug}.yaml`), '    unit: month\n', ''));
    const message = new RegExp(
      `articles/${seedSlug}\\.md: line 28: \\{% fact "shoigu-lead-time", "compound" %\\}: fact "shoigu-lead-time" has no unit in .*needs one`,
    );
    await expect(buildInto(content, out)).rejects.toThrow(message);
    const check = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(check.status).toBe(1);
    expect(problems(check.stderr)).toEqual([expect.stringMatching(message)]);
  });
});

// Bad content stops the build with a message naming the file and field; the earlier output survives.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { buildInto, copyContent, realContentDir, seedSlug, setFrontMatter, tempDir } from '../helpers/site.ts';

describe('bad article front matter', () => {
  let out: string;
  let before: string;
  beforeAll(async () => {
    out = await buildInto(realContentDir, path.join(tempDir(), '_site'));
    fs.writeFileSync(path.join(out, 'marker.txt'), 'from the last good build');
    before = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  });

  const article = (dir: string) => path.join(dir, 'articles', `${seedSlug}.md`);

  async function expectFailure(edit: (dir: string) => void, pattern: RegExp) {
    const content = copyContent(edit);
    await expect(buildInto(content, out)).rejects.toThrow(pattern);
    expect(fs.readFileSync(path.join(out, 'marker.txt'), 'utf8')).toBe('from the last good build');
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(out)).filter((n) => n.includes('staging'))).toEqual([]);
  }

  it('refuses an article without a title, naming the file and field', async () => {
    await expectFailure(
      (dir) => setFrontMatter(article(dir), 'title', undefined),
      new RegExp(`articles/${seedSlug}\\.md: line \\d+: title: expected a non-empty title, got nothing`),
    );
  });

  it('refuses an empty title', async () => {
    await expectFailure((dir) => setFrontMatter(article(dir), 'title', '""'), /\.md: line \d+: title: expected a non-empty title, got ""/);
  });

  it('refuses an unparseable date, naming the file and field', async () => {
    await expectFailure(
      (dir) => setFrontMatter(article(dir), 'date', '"next Tuesday"'),
      new RegExp(`articles/${seedSlug}\\.md: line \\d+: date: expected a date and time with a UTC offset.*got "next Tuesday"`),
    );
  });

  it('refuses a date without a time zone', async () => {
    await expectFailure(
      (dir) => setFrontMatter(article(dir), 'date', '"2025-06-24T09:00"'),
      /\.md: line \d+: date: expected a date and time with a UTC offset/,
    );
  });

  it('refuses an unquoted day that does not exist instead of publishing the day it rolls over to', async () => {
    await expectFailure(
      (dir) => setFrontMatter(article(dir), 'date', '2025-02-30'),
      new RegExp(`articles/${seedSlug}\\.md: line \\d+: date: 2025-02-30 is not a real calendar date`),
    );
  });

  it('refuses an unquoted date without a UTC offset instead of reading it as UTC', async () => {
    await expectFailure(
      (dir) => setFrontMatter(article(dir), 'date', '2025-06-24 23:30:00'),
      /\.md: line \d+: date: expected a date and time with a UTC offset, such as "2025-06-24T09:00:00\+09:00", got "2025-06-24 23:30:00"/,
    );
  });

  it('refuses an updated earlier than the date, naming updated', async () => {
    await expectFailure(
      (dir) => setFrontMatter(article(dir), 'updated', '"2025-06-23T09:00:00+09:00"'),
      new RegExp(
        `articles/${seedSlug}\\.md: line \\d+: updated: 2025-06-23T09:00:00\\.000\\+09:00 is earlier than date 2025-06-24T09:00:00\\.000\\+09:00`,
      ),
    );
  });
});

describe('npm run build on bad content', () => {
  it("exits non-zero and prints every problem once, by file and field, without Eleventy's stack traces", () => {
    const content = copyContent((dir) => {
      setFrontMatter(path.join(dir, 'articles', `${seedSlug}.md`), 'title', undefined);
      setFrontMatter(path.join(dir, 'articles', `${seedSlug}.md`), 'date', '"next Tuesday"');
      fs.writeFileSync(
        path.join(dir, 'digests', '2025-06-27.md'),
        fs.readFileSync(path.join(dir, 'digests', '2025-06-27.md'), 'utf8').replace(/^subject:.*$/m, 'subject: ""'),
      );
    });
    const out = path.join(tempDir(), '_site');
    const result = runCli('build.ts', [], { CONTENT_DIR: content, OUTPUT_DIR: out });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Build failed; `);
    expect(result.stderr).toMatch(new RegExp(`articles/${seedSlug}\\.md: line \\d+: title: expected a non-empty title`));
    expect(result.stderr).toMatch(new RegExp(`articles/${seedSlug}\\.md: line \\d+: date: expected a date and time with a UTC offset`));
    expect(result.stderr).toMatch(/digests\/2025-06-27\.md: line \d+: subject/);
    expect(result.stderr).not.toContain('[11ty]');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('site.json that is not JSON', () => {
  it('names the file, the line and the column, in the check and the build', async () => {
    const content = copyContent((dir) => {
      const file = path.join(dir, '_data', 'site.json');
      // A trailing comma after the last field, the mistake JSON editors make most.
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n}\s*$/, ',\n}\n'));
    });
    const lines = fs.readFileSync(path.join(content, '_data', 'site.json'), 'utf8').split('\n');
    const where = `(line ${lines.length - 1}, column 1)`;
    await expect(buildInto(content)).rejects.toThrow(
      `site.json: cannot read site metadata (Expected double-quoted property name in JSON at position`,
    );
    await expect(buildInto(content)).rejects.toThrow(where);
    const check = runCli('check.ts', [], { CONTENT_DIR: content });
    expect(check.stderr + check.stdout).toContain(where);
    expect(check.status).not.toBe(0);
  });
});

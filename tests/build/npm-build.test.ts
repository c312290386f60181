// `npm run build`, exactly as the README gives it: package.json's command (with its preload and tsx),
// run by npm in a child process, builds the real content into the output folder it is pointed at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/paths.ts';
import { realContentDir, seedSlug, tempDir } from '../helpers/site.ts';

describe('npm run build', () => {
  it('builds the site and digests from content/ into OUTPUT_DIR and says so', () => {
    const out = path.join(tempDir(), '_site');
    const result = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: projectRoot,
      env: { ...process.env, CONTENT_DIR: realContentDir, OUTPUT_DIR: out },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stderr).toBe(0);
    // Nothing on stderr but npm's own notices.
    expect(result.stderr.split('\n').filter((line) => line && !line.startsWith('npm warn'))).toEqual([]);
    expect(result.stdout).toMatch(
      /^Built \d+ files from .*content\/ into .*_site\/ in [\d.]+ s\nPictures: 0 encoded, 0 from the cache; social cards: (\d+) drawn, (\d+) from the cache\n$/,
    );
    // The seed has no lead picture; its article and its digest each have a card, drawn or from the cache.
    const [, drawn, cached] = /cards: (\d+) drawn, (\d+) from the cache/.exec(result.stdout)!;
    expect(Number(drawn) + Number(cached)).toBe(2);
    expect(fs.readFileSync(path.join(out, 'articles', seedSlug, 'index.html'), 'utf8')).toContain(
      '<h1>North Korea to Deploy More Troops to Support Russia in Ukraine War</h1>',
    );
    expect(fs.existsSync(path.join(out, 'digests', '2025-06-27', 'email.html'))).toBe(true);
  });
});

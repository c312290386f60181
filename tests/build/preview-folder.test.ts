// `npm start` previews drafts into an output folder: that folder is marked as a preview, so `send` refuses to
// send from it, a build refuses to replace it while the dev server still writes there (it would go on writing
// drafts into the built site), and once the dev server is stopped a build replaces it with no draft left.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREVIEW_MARKER } from '../../src/shared/output-folder.ts';
import { buildSite } from '../../src/build/site.ts';
import { loadDigest } from '../../src/send/digest.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { copyContent, listFiles, tempDir, writeArticle } from '../helpers/site.ts';

const DRAFT = 'unannounced-story';

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 1200) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm start's preview folder", () => {
  it('is refused by send and, while npm start runs, by the build; once it stops, a build leaves no draft', async () => {
    const content = copyContent((dir) => writeArticle(dir, DRAFT, { draft: 'true' }));
    const out = path.join(tempDir(), '_site');
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      cwd: projectRoot,
      env: { ...process.env, CONTENT_DIR: content, OUTPUT_DIR: out, PORT: '0', HOST: '' },
      stdio: 'ignore',
    });
    const stopped = new Promise<void>((resolve) => server.on('exit', () => resolve()));
    try {
      const written = (file: string) => fs.existsSync(path.join(out, file));
      await until(
        () => server.exitCode !== null || (written('digests/2025-06-27/digest.json') && written(`articles/${DRAFT}/index.html`)),
        'the first preview',
      );
      expect(server.exitCode).toBeNull();

      expect(() => loadDigest(out, '2025-06-27', projectRoot)).toThrow(
        `${out}: is a preview written by npm start (drafts included, content problems not stopping it), not a build; run npm run build, then send`,
      );
      await expect(buildSite({ contentDir: content, outputDir: out })).rejects.toThrow(
        `${out} can not be the build's output folder: npm start (process ${server.pid}) is previewing into it, drafts and all`,
      );
      expect(listFiles(out)).toContain(`articles/${DRAFT}/index.html`);
    } finally {
      server.kill('SIGINT');
      await stopped;
    }

    await buildSite({ contentDir: content, outputDir: out });
    const files = listFiles(out);
    expect(files.filter((file) => file.includes(DRAFT))).toEqual([]);
    expect(fs.existsSync(path.join(out, PREVIEW_MARKER))).toBe(false);
    expect(loadDigest(out, '2025-06-27', projectRoot).slug).toBe('2025-06-27');
  });
});

// What a build of the real content says about itself: the files it wrote, and the archive's count.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/site.ts';
import { listFiles, load, realContentDir, tempDir } from '../helpers/site.ts';

describe('a build of the real content (one article)', () => {
  let out: string;
  let files: number;
  beforeAll(async () => {
    out = path.join(tempDir(), '_site');
    ({ files } = await buildSite({ contentDir: realContentDir, outputDir: out }));
  });

  it("counts every file in the output, the stylesheet and the digest's message.eml included", () => {
    const written = listFiles(out);
    expect(written).toContain('digests/2025-06-27/message.eml');
    expect(written.some((f) => f.endsWith('.css'))).toBe(true);
    expect(files).toBe(written.length);
  });

  it('says "1 article" on the archive, as the topic pages do', () => {
    expect(load(out, 'archive/index.html')('.listing-meta').text()).toBe('1 article, newest first');
    expect(load(out, 'tags/north-korea/index.html')('.listing-meta').text()).toBe('1 article, newest first');
  });
});

// Eleventy reads front matter as the content check does (src/content/front-matter.ts), so what the check
// validated is what the pages are built from, and the dev server's validation sees the same values.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto, copyContent, read } from '../helpers/site.ts';

describe('front matter in the build', () => {
  it('keeps an unquoted YAML timestamp as the text the editor typed, not a rolled-over Date', async () => {
    const content = copyContent((dir) =>
      fs.writeFileSync(path.join(dir, 'stamp.njk'), '---\npermalink: /stamp.txt\nstamp: 2025-02-30\n---\n{{ stamp }}\n'),
    );
    const out = await buildInto(content);
    expect(read(out, 'stamp.txt').trim()).toBe('2025-02-30');
  });
});

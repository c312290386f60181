// The content that is built is the content that is checked: a link out of the content folder stops the build,
// and Eleventy, which finds the site's other pages by itself, renders none the check did not read (a page under
// a dot folder, a linked file while the dev server previews a tree with problems).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewOnce } from '../../src/build/dev-server.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { buildInto, copyContent, listFiles, tempDir } from '../helpers/site.ts';

const SECRET = 'CI_DEPLOY_TOKEN=s3cr3t-from-the-environment';

/** Every file of an output folder whose text holds `needle`. */
function filesHolding(outputDir: string, needle: string): string[] {
  return listFiles(outputDir).filter((file) => fs.readFileSync(path.join(outputDir, file), 'utf8').includes(needle));
}

/** A content copy with a page that is a link to a file outside it (as /proc/self/environ would be). */
function contentWithLinkOut(): { content: string; link: string; target: string } {
  const outside = tempDir('dispatch-outside-');
  const target = path.join(fs.realpathSync(outside), 'environ.md');
  fs.writeFileSync(target, `${SECRET}\n`);
  const content = copyContent((dir) => fs.symlinkSync(target, path.join(dir, 'environment.md')));
  return { content, link: path.join(content, 'environment.md'), target };
}

describe('a page that is a link out of the content folder', () => {
  it('stops npm run build, naming the link, and nothing is written', async () => {
    const { content, link, target } = contentWithLinkOut();
    const out = path.join(tempDir(), '_site');
    await expect(buildInto(content, out)).rejects.toThrow(`${link}: is a link to ${target}, outside the content folder ${content}/`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('is listed by the dev server and never rendered by it', async () => {
    const { content, link } = contentWithLinkOut();
    const out = path.join(tempDir(), '_site');
    const session = await previewOnce({
      contentDir: content,
      templatesDir: path.join(projectRoot, 'templates'),
      outputDir: out,
      warn: () => {},
    });
    expect(session.problems().join('\n')).toContain(`${link}: is a link to`);
    expect(listFiles(out)).toContain('about/index.html');
    expect(listFiles(out).filter((file) => file.startsWith('environment'))).toEqual([]);
    expect(filesHolding(out, 'CI_DEPLOY_TOKEN')).toEqual([]);
  });
});

describe('files the check does not read as content', () => {
  it('are not published: a page in a dot folder', async () => {
    const content = copyContent((dir) => {
      fs.mkdirSync(path.join(dir, '.drafts'));
      fs.writeFileSync(path.join(dir, '.drafts', 'plans.md'), '---\ntitle: Plans\n---\nUNPUBLISHED-PLANS {{ site.title }}\n');
    });
    const out = await buildInto(content);
    expect(listFiles(out).filter((file) => file.includes('drafts') || file.includes('plans'))).toEqual([]);
    expect(filesHolding(out, 'UNPUBLISHED-PLANS')).toEqual([]);
  });
});

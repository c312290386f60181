// The dev server (`npm start`) checks the content before each rebuild: it prints what the check finds, puts it
// at the top of every page it serves, and previews what it can instead of stopping on one colleague's broken
// file. A build with the same problems stops (tests/build/content-errors.test.ts).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previewOnce, startDevServer } from '../../src/build/dev-server.ts';
import { projectRoot } from '../../src/shared/paths.ts';
import { withProblemsBanner } from '../../src/site/problems-banner.ts';
import { webPages } from '../helpers/news-site.ts';
import { copyContent, load, read, replaceIn, seedSlug, tempDir } from '../helpers/site.ts';

const articleFile = (dir: string) => path.join(dir, 'articles', `${seedSlug}.md`);
const factsFile = (dir: string) => path.join(dir, 'facts', `${seedSlug}.yaml`);
const articlePage = `articles/${seedSlug}/index.html`;
const templatesDir = path.join(projectRoot, 'templates');

/** The line of `file` that holds `text`, counted from 1. */
function lineOf(file: string, text: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

/** A preview build of a copy of content/ after `edit`: its output, the problems it lists and what it printed. */
async function preview(edit: (dir: string) => void): Promise<{ dir: string; out: string; problems: readonly string[]; printed: string }> {
  const dir = copyContent(edit);
  const out = path.join(tempDir(), '_site');
  const printed: string[] = [];
  const session = await previewOnce({ contentDir: dir, templatesDir, outputDir: out, warn: (message) => printed.push(message) });
  return { dir, out, problems: session.problems(), printed: printed.join('\n') };
}

/** The problems listed at the top of a page as the server sends it. */
function banner(html: string): string[] {
  const $ = cheerio.load(html);
  return $('.dev-problems[role="alert"] li')
    .map((_, li) => $(li).text())
    .get();
}

afterEach(() => vi.restoreAllMocks());

describe('the dev server with clean content', () => {
  it('lists no problems and prints none', async () => {
    const { out, problems, printed } = await preview(() => undefined);
    expect(problems).toEqual([]);
    expect(banner(withProblemsBanner(read(out, 'index.html'), problems))).toEqual([]);
    expect(printed).toBe('');
  });
});

describe('the dev server with a problem in the content', () => {
  it('renders the article with an unknown fact marked where the figure would be, and names the file and line', async () => {
    const { dir, out, problems, printed } = await preview((d) =>
      replaceIn(articleFile(d), '{% fact "deaths" %}', '{% fact "death-toll" %}'),
    );
    const problem = `${articleFile(dir)}: line ${lineOf(articleFile(dir), 'fact "death-toll"')}: {% fact "death-toll" %}: fact "death-toll" does not exist`;
    expect(printed).toContain('[dispatch] 1 problem in the content');
    expect(printed).toContain(problem);
    expect(problems).toEqual([expect.stringContaining(problem)]);
    const $ = load(out, articlePage);
    expect($('mark.dev-problem').text()).toBe('⚠ {% fact "death-toll" %}');
    // The rest of the article is there: its other figures, its key figures box.
    expect($('main').text()).toContain('11,000');
  });

  it('still previews the site when a facts file is not valid YAML, and says where', async () => {
    const { dir, out, problems } = await preview((d) => replaceIn(factsFile(d), /^sources:/m, 'sources: [unclosed\nsources:'));
    expect(problems.join('\n')).toContain(`${factsFile(dir)}: line 8: not valid YAML`);
    // Without its facts the article's tags cannot print: each is marked, nothing is invented.
    expect(load(out, articlePage)('mark.dev-problem').length).toBeGreaterThan(3);
    expect(read(out, 'index.html')).toContain(`/articles/${seedSlug}/`);
  });

  it('previews the other pages when a digest lists an article that does not exist', async () => {
    const { dir, out, problems } = await preview((d) =>
      replaceIn(path.join(d, 'digests', '2025-06-27.md'), `  - ${seedSlug}`, '  - no-such-article'),
    );
    expect(problems).toEqual([
      `${path.join(dir, 'digests', '2025-06-27.md')}: articles: "no-such-article" is not an article (expected a file ${path.join(dir, 'articles')}/no-such-article.md)`,
    ]);
    expect(fs.existsSync(path.join(out, articlePage))).toBe(true);
    expect(fs.existsSync(path.join(out, 'digests', '2025-06-27', 'index.html'))).toBe(false);
  });

  it('shows a misspelt front-matter field, which would otherwise be ignored', async () => {
    const { dir, problems } = await preview((d) => replaceIn(articleFile(d), /^date: /m, 'drafts: true\ndate: '));
    expect(problems).toEqual([
      `${articleFile(dir)}: line 4: drafts: not a field articles have; did you mean draft? (expected one of title, summary, date, updated, dateNote, section, tags, reporting, draft, lang, translationOf, image)`,
    ]);
  });

  it('escapes what the problems quote from the content', async () => {
    const { out, problems } = await preview((d) =>
      replaceIn(articleFile(d), '{% fact "deaths" %}', '{{ "<img src=x onerror=alert(1)>" }}'),
    );
    for (const page of webPages(out)) expect(read(out, page), page).not.toContain('<img src=x');
    const served = withProblemsBanner(read(out, 'index.html'), problems);
    expect(served).not.toContain('<img src=x');
    expect(banner(served).join('\n')).toContain('{{ "<img src=x onerror=alert(1)>" }}: content is not a template');
    expect(load(out, articlePage)('mark.dev-problem').text()).toBe('⚠ {{ "<img src=x onerror=alert(1)>" }}');
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('the dev server over HTTP', () => {
  it('lists the current problems at the top of every page it sends, and drops them once they are fixed', async () => {
    const dir = copyContent((d) => replaceIn(articleFile(d), '{% fact "deaths" %}', '{% fact "death-toll" %}'));
    const port = await freePort();
    const printed: string[] = [];
    const server = await startDevServer({
      contentDir: dir,
      templatesDir,
      outputDir: path.join(tempDir(), '_site'),
      address: { host: '127.0.0.1', port },
      warn: (m) => printed.push(m),
    });
    try {
      const page = async (url: string) => (await fetch(`http://127.0.0.1:${port}${url}`)).text();
      for (const url of ['/', `/articles/${seedSlug}/`, '/about/', '/digests/2025-06-27/']) {
        expect(banner(await page(url)).join('\n'), url).toContain('fact "death-toll" does not exist');
      }
      // The fix reaches every page at once, including those the rebuild did not rewrite.
      replaceIn(articleFile(dir), '{% fact "death-toll" %}', '{% fact "deaths" %}');
      await vi.waitFor(() => expect(printed.join('\n')).toContain('the content has no problems now'), { timeout: 20_000, interval: 100 });
      expect(banner(await page('/about/'))).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('rewrites what a save changes: a facts file reaches its page, a title reaches home, archive, topics and feeds, site.json every page', async () => {
    const dir = copyContent(() => undefined);
    const out = path.join(tempDir(), '_site');
    const port = await freePort();
    const printed: string[] = [];
    const server = await startDevServer({
      contentDir: dir,
      templatesDir,
      outputDir: out,
      address: { host: '127.0.0.1', port },
      warn: (m) => printed.push(m),
    });
    const shows = async (files: string[], text: string) =>
      vi.waitFor(
        () => {
          for (const file of files) expect(read(out, file), file).toContain(text);
        },
        { timeout: 30_000, interval: 50 },
      );
    try {
      // The watcher starts after the first build: save until it notices.
      await vi.waitFor(
        () => {
          replaceIn(
            factsFile(dir),
            /label: (?:Watched \d+ )?North Korean personnel/,
            `label: Watched ${Date.now()} North Korean personnel`,
          );
          expect(read(out, articlePage)).toContain('Watched');
        },
        { timeout: 30_000, interval: 1000 },
      );
      replaceIn(factsFile(dir), /label: Watched \d+ North Korean personnel/, 'label: Relabelled North Korean personnel');
      await shows([articlePage], 'Relabelled North Korean personnel');

      replaceIn(articleFile(dir), /^title: /m, 'title: Retitled ');
      const topics = fs.readdirSync(path.join(out, 'tags'), { withFileTypes: true }).filter((e) => e.isDirectory());
      expect(topics.length).toBeGreaterThan(0);
      await shows(
        [articlePage, 'index.html', 'archive/index.html', 'feed.xml', 'feed.json', ...topics.map((t) => `tags/${t.name}/index.html`)],
        'Retitled North Korea',
      );

      const siteFile = path.join(dir, '_data', 'site.json');
      const site = JSON.parse(fs.readFileSync(siteFile, 'utf8')) as { title: string };
      fs.writeFileSync(siteFile, JSON.stringify({ ...site, title: 'The Renamed Dispatch' }, null, 2));
      await shows(['index.html', articlePage, 'about/index.html'], 'The Renamed Dispatch');
    } finally {
      await server.stop();
    }
  });

  it('starts and watches when its first build fails, and builds once the file is fixed', async () => {
    const dir = copyContent();
    const siteFile = path.join(dir, '_data', 'site.json');
    const site = fs.readFileSync(siteFile, 'utf8');
    fs.writeFileSync(siteFile, '{ "title": ');
    const out = path.join(tempDir(), '_site');
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = await startDevServer({
      contentDir: dir,
      templatesDir,
      outputDir: out,
      address: { host: '127.0.0.1', port: await freePort() },
      warn: (m) => printed.push(m),
    });
    try {
      expect(printed.join('\n')).toContain('The first build failed');
      expect(fs.existsSync(path.join(out, 'index.html'))).toBe(false);
      // The watcher starts after the first build: save until it notices.
      await vi.waitFor(
        () => {
          fs.writeFileSync(siteFile, site);
          expect(fs.existsSync(path.join(out, articlePage))).toBe(true);
        },
        { timeout: 30_000, interval: 1000 },
      );
    } finally {
      await server.stop();
    }
  });
});

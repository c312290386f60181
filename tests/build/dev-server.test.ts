// The dev server (`npm start`) runs the content check before each rebuild: it prints what the check
// finds, shows it at the top of every page, and previews what it can instead of stopping on one
// colleague's broken file. A build with the same problems stops (tests/build/content-errors.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyContent, load, read, replaceIn, seedSlug, serveModeBuild } from '../helpers/site.ts';
import { webPages } from '../helpers/news-site.ts';

const articleFile = (dir: string) => path.join(dir, 'articles', `${seedSlug}.md`);
const factsFile = (dir: string) => path.join(dir, 'facts', `${seedSlug}.yaml`);
const articlePage = `articles/${seedSlug}/index.html`;

/** The line of `file` that holds `text`, counted from 1. */
function lineOf(file: string, text: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

/** A serve-mode build of a copy of content/ after `edit`: its output and what it printed. */
async function preview(edit: (dir: string) => void): Promise<{ dir: string; out: string; printed: string }> {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const dir = copyContent(edit);
  const out = await serveModeBuild(dir);
  const printed = warn.mock.calls.map((call) => call.join(' ')).join('\n');
  return { dir, out, printed };
}

/** The problems listed at the top of a page. */
function banner(out: string, file: string): string[] {
  const $ = load(out, file);
  return $('.dev-problems[role="alert"] li')
    .map((_, li) => $(li).text())
    .get();
}

afterEach(() => vi.restoreAllMocks());

describe('the dev server with clean content', () => {
  it('shows no problems and prints none', async () => {
    const { out, printed } = await preview(() => undefined);
    expect(load(out, 'index.html')('.dev-problems')).toHaveLength(0);
    expect(printed).toBe('');
  });
});

describe('the dev server with a problem in the content', () => {
  it('renders the article with an unknown fact marked where the figure would be, and names the file and line', async () => {
    const { dir, out, printed } = await preview((d) => replaceIn(articleFile(d), '{% fact "deaths" %}', '{% fact "death-toll" %}'));
    const problem = `${articleFile(dir)}: line ${lineOf(articleFile(dir), 'fact "death-toll"')}: {% fact "death-toll" %}: fact "death-toll" does not exist`;
    expect(printed).toContain('[dispatch] 1 problem in the content');
    expect(printed).toContain(problem);
    const $ = load(out, articlePage);
    expect($('mark.dev-problem').text()).toBe('⚠ {% fact "death-toll" %}');
    // The rest of the article is there: its other figures, its key figures box.
    expect($('main').text()).toContain('11,000');
    for (const page of ['index.html', articlePage, 'about/index.html', 'digests/2025-06-27/index.html']) {
      expect(banner(out, page).join('\n'), page).toContain(problem);
    }
  });

  it('still previews the site when a facts file is not valid YAML, and says where', async () => {
    const { dir, out, printed } = await preview((d) => replaceIn(factsFile(d), /^sources:/m, 'sources: [unclosed\nsources:'));
    expect(printed).toContain(`${factsFile(dir)}: not valid YAML`);
    expect(banner(out, 'index.html').join('\n')).toContain(`${factsFile(dir)}: not valid YAML`);
    // Without its facts the article's tags cannot print: each is marked, nothing is invented.
    expect(load(out, articlePage)('mark.dev-problem').length).toBeGreaterThan(3);
    expect(read(out, 'index.html')).toContain(`/articles/${seedSlug}/`);
  });

  it('previews the other pages when a digest lists an article that does not exist', async () => {
    const { dir, out } = await preview((d) =>
      replaceIn(path.join(d, 'digests', '2025-06-27.md'), `  - ${seedSlug}`, '  - no-such-article'),
    );
    expect(banner(out, articlePage)).toEqual([
      `${path.join(dir, 'digests', '2025-06-27.md')}: articles: "no-such-article" is not an article (expected a file ${path.join(dir, 'articles')}/no-such-article.md)`,
    ]);
    expect(fs.existsSync(path.join(out, 'digests', '2025-06-27', 'index.html'))).toBe(false);
  });

  it('shows a misspelt front-matter field, which would otherwise be ignored', async () => {
    const { dir, out } = await preview((d) => replaceIn(articleFile(d), /^date: /m, 'drafts: true\ndate: '));
    expect(banner(out, articlePage)).toEqual([
      `${articleFile(dir)}: drafts: not a field articles have; did you mean draft? (the fields are title, summary, date, updated, dateNote, section, tags, reporting, draft)`,
    ]);
  });

  it('escapes what the problems quote from the content', async () => {
    const { out } = await preview((d) => replaceIn(articleFile(d), '{% fact "deaths" %}', '{{ "<img src=x onerror=alert(1)>" }}'));
    for (const page of webPages(out)) {
      const html = read(out, page);
      expect(html, page).not.toContain('<img src=x');
    }
    expect(banner(out, 'index.html').join('\n')).toContain('{{ "<img src=x onerror=alert(1)>" }}: articles are not templates');
    expect(load(out, articlePage)('mark.dev-problem').text()).toBe('⚠ {{ "<img src=x onerror=alert(1)>" }}');
  });
});

// The content check: the model's problems, then everything the site will print tried once (each field, figure,
// timeline and chart, in the site's locale), so what the check passes the build prints; and the numerals an
// editor typed where a fact should print them. `npm run check`, `npm run build` and `npm start` all use it.
import { lineAt, readBodyTags } from '../content/fact-tags.ts';
import { ARTICLE_TEXT_FIELDS, DIGEST_TEXT_FIELDS, PAGE_TEXT_FIELDS, resolveFactId, type FactScope } from '../content/link.ts';
import { readContent, type ContentModel } from '../content/model.ts';
import { findStrayNumerals } from '../content/numerals.ts';
import { factText, type PresentOptions } from '../present/figures.ts';
import { disallowedHtmlProblems } from '../render/markdown.ts';
import { Publication, type PublicationOptions } from '../site/publication.ts';

export interface StrayNumeral {
  /** The file line. */
  line: number;
  /** The front-matter field it is in; none for the body. */
  field?: string;
  numeral: string;
  /** The words around it, to find it in the file. */
  context: string;
}

export interface FileReport {
  file: string;
  /** Fact tags the file prints. */
  factsUsed: number;
  strayNumerals: StrayNumeral[];
}

/** The raw-HTML problems of each article's body, by its front matter's data. */
type HtmlChecks = WeakMap<object, { body: string; problems: string[] }>;

export interface CheckReport {
  model: ContentModel;
  /** What the site would publish, when site.json is valid (for a preview, with drafts and marks). */
  publication: Publication | undefined;
  errors: string[];
  /** Articles, digests and pages, each with the numerals typed into it. */
  files: FileReport[];
  /** What this check found file by file, for the next check of the same tree to reuse while files are unchanged. */
  memo: { printing: Tried; html: HtmlChecks; build: Publication | undefined };
}

export interface CheckOptions {
  /** List numerals typed instead of printed from a fact. Default true. */
  numerals?: boolean;
  /** The last check of the same tree: files unchanged since are not read again, nor their printing tried again. */
  previous?: CheckReport;
  /** The publication to hand back: a preview for the dev server. Problems are found the same way either way. */
  publication?: PublicationOptions;
}

/** Problems found when printing a file's figures, remembered while nothing it prints from has changed. */
type Tried = WeakMap<object, { against: readonly unknown[]; problems: string[] }>;

/** Problems found printing a file's fact tags one by one, each already naming its line. */
class PrintingProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** Each fact tag of `text` printed as the build prints it: the problems of those that cannot be, by line and tag. */
function tagProblems(text: string, scope: FactScope, options: PresentOptions, where: (offset: number) => string): string[] {
  const problems: string[] = [];
  for (const tag of readBodyTags(text)) {
    if (tag.kind !== 'fact') continue;
    try {
      const { facts, id } = resolveFactId(tag.id, scope);
      factText(facts, id, tag.form, options);
    } catch (error) {
      problems.push(`${where(tag.start)}: ${text.slice(tag.start, tag.end).replace(/\s+/g, ' ')}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** What a file's printing depends on, compared item by item (each is kept while its file is unchanged). */
const sameAs = (...items: unknown[]): readonly unknown[] => items;

function tryPrinting(publication: Publication, previous: Tried | undefined, tried: Tried): string[] {
  const problems: string[] = [];
  const attempt = (file: string, key: object, against: readonly unknown[], print: () => void) => {
    const known = previous?.get(key);
    if (known && known.against.length === against.length && known.against.every((item, i) => item === against[i])) {
      tried.set(key, known);
      problems.push(...known.problems);
      return;
    }
    const found: string[] = [];
    try {
      print();
    } catch (error) {
      if (error instanceof PrintingProblems) found.push(...error.problems);
      else found.push(`${file}: ${(error as Error).message}`);
    }
    tried.set(key, { against, problems: found });
    problems.push(...found);
  };
  const { model, site } = publication;
  // What the model already found wrong is not tried: its problems say what to fix first.
  for (const article of publication.articles) {
    // Each article is printed in its own language (its `lang`, else the site's), as its page prints it.
    const { entry, options } = article;
    if (model.troubled.has(entry.inputPath)) continue;
    const scope: FactScope = { own: entry.facts, withoutOwn: 'skip', all: model.facts };
    const against = sameAs(
      entry.body,
      entry.facts,
      site,
      ...namedFacts(model, entry.body, ...ARTICLE_TEXT_FIELDS.map((f) => entry.data[f])),
    );
    attempt(entry.file, entry.data, against, () => {
      // Each tag on its own first, so a problem names its line and tag; then everything else the pages print.
      const tags = [
        ...tagProblems(entry.body, scope, options, (offset) => `${entry.file}: line ${entry.bodyLine + lineAt(entry.body, offset) - 1}`),
        ...ARTICLE_TEXT_FIELDS.flatMap((field) => {
          const text = entry.data[field];
          return text === undefined
            ? []
            : tagProblems(text, scope, options, () => `${entry.file}: line ${entry.lineOf([field]) ?? 1}: ${field}`);
        }),
      ];
      if (tags.length) throw new PrintingProblems(tags);
      void [article.title, article.summary, article.dateNote, article.date, article.updated, article.reporting];
      void [article.keyFigures, article.chart, article.timeline, article.sources];
    });
  }
  for (const digest of model.digests) {
    if (digest.data.draft || model.troubled.has(digest.inputPath)) continue;
    const against = sameAs(
      site,
      ...digest.articles.flatMap((a) => [a.data, a.facts]),
      ...namedFacts(model, ...DIGEST_TEXT_FIELDS.map((f) => digest.data[f])),
    );
    attempt(digest.file, digest.data, against, () => {
      // Each field's tags on their own first, so a problem names its line, field and tag; then the whole issue.
      const scope: FactScope = { candidates: digest.articles.flatMap((a) => (a.facts ? [a.facts] : [])), all: model.facts };
      const tags = DIGEST_TEXT_FIELDS.flatMap((field) =>
        tagProblems(digest.data[field], scope, publication.options, () => `${digest.file}: line ${digest.lineOf([field]) ?? 1}: ${field}`),
      );
      if (tags.length) throw new PrintingProblems(tags);
      void publication.digestView(digest);
    });
  }
  // A page's title and description print in the site's language, in its <head>.
  for (const page of model.pages) {
    if (model.troubled.has(page.inputPath)) continue;
    const texts = PAGE_TEXT_FIELDS.map((field) => page[field]);
    if (!texts.some((text) => text?.includes('{%'))) continue;
    const scope: FactScope = { withoutOwn: 'skip', all: model.facts };
    attempt(page.file, page, sameAs(site, ...namedFacts(model, ...texts)), () => {
      const tags = PAGE_TEXT_FIELDS.flatMap((field) => {
        const text = page[field];
        return text === undefined
          ? []
          : tagProblems(text, scope, publication.options, () => `${page.file}: line ${page.lineOf([field]) ?? 1}: ${field}`);
      });
      if (tags.length) throw new PrintingProblems(tags);
    });
  }
  return problems;
}

/** The facts files that tags of the form `slug/id` in `texts` name. */
function namedFacts(model: ContentModel, ...texts: Array<string | undefined>): unknown[] {
  return texts.flatMap((text) =>
    text && text.includes('/')
      ? readBodyTags(text).flatMap((tag) => (tag.kind === 'fact' && tag.id.includes('/') ? [model.facts.get(tag.id.split('/')[0]!)] : []))
      : [],
  );
}

/** Numerals typed into a text, as the file's lines: `firstLine` is where the text starts. */
function numeralsIn(text: string, firstLine: number, field?: string): StrayNumeral[] {
  // A field's numerals are all on its line (a folded field is one value).
  return findStrayNumerals(field ? text.replace(/\n/g, ' ') : text, firstLine).map((n) => ({ ...n, ...(field ? { field } : {}) }));
}

function factTagCount(...texts: Array<string | undefined>): number {
  return texts.reduce((n, text) => n + (text ? readBodyTags(text).filter((t) => t.kind === 'fact').length : 0), 0);
}

export function checkContent(
  contentDir: string,
  { numerals = true, previous, publication: publicationOptions }: CheckOptions = {},
): CheckReport {
  const model = readContent(contentDir, previous ? { previous: previous.model } : {});
  const errors = [...model.problems];
  // HTML the raw-HTML policy would leave out of a page is named, never dropped without a word. Each article's
  // answer is kept while its body and front matter are unchanged (the front matter's data is then the same object).
  const htmlChecked: HtmlChecks = new WeakMap();
  const tried: Tried = new WeakMap();
  const earlier = previous?.memo.html;
  for (const article of model.articles) {
    const known = earlier?.get(article.data);
    const found = known?.body === article.body ? known.problems : disallowedHtmlProblems(article.file, article.body, article.bodyLine);
    htmlChecked.set(article.data, { body: article.body, problems: found });
    errors.push(...found);
  }

  for (const page of model.pages)
    if (page.inputPath.endsWith('.md')) errors.push(...disallowedHtmlProblems(page.file, page.body, page.bodyLine));
  let publication: Publication | undefined;
  let memoBuild: Publication | undefined;
  if (model.site) {
    // Problems are found as a build would meet them; a preview is made beside it only when one is asked for.
    // Views of unchanged articles are carried over from the last check of the same tree.
    const build = new Publication(model, model.site, { preview: false, previous: previous?.memo.build });
    const printing = tryPrinting(build, previous?.memo.printing, tried);
    const known = new Set(errors);
    errors.push(...printing.filter((problem) => !known.has(problem)));
    publication = publicationOptions?.preview
      ? new Publication(model, model.site, { ...publicationOptions, previous: previous?.publication })
      : build;
    memoBuild = build;
  }

  const files: FileReport[] = [];
  if (numerals) {
    for (const article of model.articles) {
      const fields = ARTICLE_TEXT_FIELDS.flatMap((field) => {
        const text = article.data[field];
        return text === undefined ? [] : numeralsIn(text, article.lineOf([field]) ?? 1, field);
      });
      files.push({
        file: article.file,
        factsUsed: factTagCount(article.body, ...ARTICLE_TEXT_FIELDS.map((f) => article.data[f])),
        strayNumerals: [...fields, ...numeralsIn(article.body, article.bodyLine)],
      });
    }
    for (const digest of model.digests) {
      files.push({
        file: digest.file,
        factsUsed: factTagCount(...DIGEST_TEXT_FIELDS.map((f) => digest.data[f])),
        strayNumerals: DIGEST_TEXT_FIELDS.flatMap((field) => numeralsIn(digest.data[field], digest.lineOf([field]) ?? 1, field)),
      });
    }
    for (const page of model.pages) {
      const stray = PAGE_TEXT_FIELDS.flatMap((field) => {
        const text = page[field];
        return text === undefined ? [] : numeralsIn(text, page.lineOf([field]) ?? 1, field);
      });
      if (stray.length) files.push({ file: page.file, factsUsed: factTagCount(page.title, page.description), strayNumerals: stray });
    }
  }
  return { model, publication, errors, files, memo: { printing: tried, html: htmlChecked, build: memoBuild } };
}

// A digest's front matter (one issue of the newsletter) and how it selects its articles.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ContentError, describeValue } from '../shared/errors.ts';
import { articleSchema, text } from './article.ts';
import { likelyName } from '../shared/suggest.ts';
import { validate } from '../shared/validate.ts';

/** Header-bound text: one line, no control characters, so nothing from content can add a mail header. */
const headerText = (what: string, max: number) =>
  z.unknown().transform((value, ctx) => {
    if (typeof value !== 'string' || value.trim() === '') {
      ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${describeValue(value)}` });
      return z.NEVER;
    }
    if (/[\r\n]/.test(value)) {
      ctx.addIssue({ code: 'custom', message: `must be a single line (found a line break); line breaks could add mail headers` });
      return z.NEVER;
    }
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
    if (/[\u0000-\u001f\u007f]/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'must not contain control characters' });
      return z.NEVER;
    }
    if (value.trim().length > max) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters, got ${value.trim().length}` });
      return z.NEVER;
    }
    return value.trim();
  });

const sender = z.object({
  name: headerText('a sender name', 100).optional(),
  address: headerText('a sender address', 254).pipe(z.email('expected an email address such as "digest@example.org"')),
});

const dayBoundary = z.unknown().transform((value, ctx) => {
  // Front matter is read with YAML's core schema (front-matter.ts), so the day arrives as the text written.
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text).isValid) return text;
  ctx.addIssue({ code: 'custom', message: `expected a day such as 2025-06-20, got ${describeValue(value)}` });
  return z.NEVER;
});

export const digestSchema = z
  .object({
    subject: headerText('a subject line', 150),
    preheader: headerText('preheader text for the inbox preview', 200),
    date: articleSchema.shape.date,
    intro: text('a short intro').pipe(z.string().max(1200, 'the intro must be short: at most 1,200 characters')),
    from: sender.optional(),
    articles: z.array(z.string('expected article slugs').min(1), 'expected a list of article slugs').optional(),
    select: z
      .object({ tag: z.string().min(1).optional(), from: dayBoundary.optional(), to: dayBoundary.optional() })
      .refine((s) => s.tag !== undefined || s.from !== undefined || s.to !== undefined, 'select needs a tag, a from day or a to day')
      .optional(),
    draft: z.boolean('expected true or false').default(false),
  })
  .refine((d) => (d.articles === undefined) !== (d.select === undefined), {
    message: 'give either articles (a list of slugs) or select ({ tag, from, to }), exactly one of them',
    path: ['articles'],
  });

export type DigestFrontMatter = z.output<typeof digestSchema>;

/** Validates front matter given as data; throws a ContentError naming the file and every bad field. */
export function parseDigest(data: Record<string, unknown>, file: string): DigestFrontMatter {
  const result = validate(digestSchema, data, { shown: file, lineOf: () => undefined, what: 'digests' });
  if (!result.ok) throw new ContentError(result.problems);
  return result.value;
}

/** What selecting articles reads of each: its slug, its publication instant (milliseconds) and its tags. */
export interface SelectableArticle {
  slug: string;
  date: number;
  tags: readonly string[];
}

export interface SelectOptions {
  /** The digest's file, as messages show it. */
  file: string;
  /** The site's time zone: a selection's days are the site's calendar days. */
  zone: string;
  /** The articles folder as messages show it. */
  articlesDir?: string;
  /** Slugs of articles that exist but whose front matter is not valid: their problems are reported already. */
  unreadable?: ReadonlySet<string>;
  /** Slugs of draft articles: they exist, but no digest may carry them until they are published. */
  drafts?: ReadonlySet<string>;
}

/** The first index of `items` where `test` holds, for a test that, once it holds, holds for every later item. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Resolves a digest's articles, newest first for selections and in the editor's order for lists.
 * `candidates` are the published articles, newest first.
 */
export function selectArticles<T>(
  digest: DigestFrontMatter,
  candidates: ReadonlyArray<SelectableArticle & { article: T }>,
  { file, zone, articlesDir = 'articles', unreadable = new Set(), drafts = new Set() }: SelectOptions,
): T[] {
  if (digest.articles) {
    const bySlug = new Map(candidates.map((a) => [a.slug, a.article]));
    const missing = digest.articles.filter((slug) => !bySlug.has(slug) && !unreadable.has(slug));
    const known = [...bySlug.keys(), ...drafts];
    const meant = (slug: string) => {
      const likely = likelyName(slug, known);
      return likely ? `; did you mean ${likely}?` : '';
    };
    if (missing.length) {
      throw new ContentError(
        missing.map((slug) =>
          drafts.has(slug)
            ? `${file}: articles: "${slug}" is a draft (draft: true in ${articlesDir}/${slug}.md); publish it or take it out of the digest`
            : `${file}: articles: "${slug}" is not an article (expected a file ${articlesDir}/${slug}.md)${meant(slug)}`,
        ),
      );
    }
    if (digest.articles.length === 0) throw new ContentError([`${file}: articles: the list is empty; a digest needs at least one article`]);
    return digest.articles.flatMap((slug) => bySlug.get(slug) ?? []);
  }
  const select = digest.select ?? {};
  // The days as instants in the site zone, found once per digest rather than once per article.
  const from = select.from === undefined ? -Infinity : DateTime.fromISO(select.from, { zone }).startOf('day').toMillis();
  const to = select.to === undefined ? Infinity : DateTime.fromISO(select.to, { zone }).endOf('day').toMillis();
  // Candidates come newest first, so the days' articles are one run of them, found by bisection.
  const first = firstIndex(candidates, (a) => a.date <= to);
  const end = firstIndex(candidates, (a) => a.date < from);
  const chosen = candidates.slice(first, end).filter((a) => select.tag === undefined || a.tags.includes(select.tag));
  // An article that could not be read might have matched; its own problems are what to fix first.
  if (chosen.length === 0 && unreadable.size === 0) {
    throw new ContentError([`${file}: select: no article matches ${JSON.stringify(select)}; a digest needs at least one article`]);
  }
  return chosen.map((a) => a.article);
}

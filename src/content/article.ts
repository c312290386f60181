// An article's front matter: the schema editors write against, and its validation.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { resolveLocale } from '../format/locale.ts';
import { shippedCatalogue } from '../i18n/shipped-catalogues.ts';
import { ContentError, describeValue } from '../shared/errors.ts';
import { validate } from '../shared/validate.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LEADING_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A publication instant: an ISO 8601 string that carries its UTC offset. Front matter is read with YAML's
 * core schema (src/content/front-matter.ts), so an unquoted timestamp arrives as the text the editor typed.
 */
export const instant = z.unknown().transform((value, ctx) => {
  const written = typeof value === 'string' ? value.trim() : undefined;
  const day = written === undefined ? null : LEADING_DAY.exec(written);
  // A day that does not exist is named as such, before anything else is said about the value's shape.
  if (day && !DateTime.fromObject({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }).isValid) {
    ctx.addIssue({ code: 'custom', message: `${day[0]} is not a real calendar date` });
    return z.NEVER;
  }
  if (written !== undefined && ISO_WITH_OFFSET.test(written)) {
    const parsed = DateTime.fromISO(written, { setZone: true });
    if (parsed.isValid) return parsed;
    ctx.addIssue({ code: 'custom', message: `${written} is not a real time of day` });
    return z.NEVER;
  }
  ctx.addIssue({
    code: 'custom',
    message: `expected a date and time with a UTC offset, such as "2025-06-24T09:00:00+09:00", got ${describeValue(value)}`,
  });
  return z.NEVER;
});

export const text = (what: string) =>
  z.unknown().transform((value, ctx) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    ctx.addIssue({ code: 'custom', message: `expected ${what}, got ${describeValue(value)}` });
    return z.NEVER;
  });

export const articleSchema = z.object({
  title: text('a non-empty title'),
  summary: text('a one-sentence summary for listings'),
  date: instant,
  updated: instant.optional(),
  dateNote: z.string().optional(),
  section: text('a section name such as "World"'),
  tags: z.array(z.string().min(1), 'expected a list of tags').default([]),
  reporting: z.array(z.string().min(1), 'expected a list of source ids from the facts file').default([]),
  draft: z.boolean('expected true or false').default(false),
  // The language the article is written in, when not the site's: its page, feed entry and digest section follow it.
  lang: z
    .string('expected a language tag such as "de" or "ko-KR"')
    .superRefine((value, ctx) => {
      try {
        shippedCatalogue(resolveLocale(value));
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional(),
  // The slug of the article this one is a version of in another language (checked when the tree is linked).
  translationOf: z.string('expected the slug of an article, such as "north-korea-more-troops-russia"').min(1).optional(),
  // The lead picture's fields and file are checked once the article's place in the tree is known (src/content/link.ts).
  image: z.unknown().optional(),
}).superRefine((article, ctx) => {
  if (article.updated && article.updated < article.date) {
    ctx.addIssue({
      code: 'custom',
      path: ['updated'],
      message: `${article.updated.toISO()} is earlier than date ${article.date.toISO()}; updated is when the article last changed, so it cannot come before publication`,
    });
  }
});

export type ArticleFrontMatter = z.output<typeof articleSchema>;

/** Validates front matter given as data; throws a ContentError naming the file and every bad field. */
export function parseArticle(data: Record<string, unknown>, file: string): ArticleFrontMatter {
  const result = validate(articleSchema, data, { shown: file, lineOf: () => undefined, what: 'articles' });
  if (!result.ok) throw new ContentError(result.problems);
  return result.value;
}

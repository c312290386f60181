// The next issue of the newsletter: a digest dated now, carrying the articles published since the last issue and
// in the seven days before, newest first, with the lead article's headline and summary as subject and preheader.
// It is written as a draft, for the editor to read over before it is published and sent.
import path from 'node:path';
import type { DateTime } from 'luxon';
import { readBodyTags } from '../content/fact-tags.ts';
import type { ArticleEntry, ContentModel } from '../content/model.ts';
import { displayPath } from '../shared/paths.ts';
import { NewContentError, frontMatterTime, quoted, type NewFile } from './files.ts';

export interface NewDigestInput {
  /** The issue's date and time; its day in the site's zone names the file. */
  now: DateTime;
  model: ContentModel;
}

/** How far back an issue looks for articles when the last issue is older. */
const WEEK = { days: 7 };
// The digest schema's limits on the header fields.
const SUBJECT_MAX = 150;
const PREHEADER_MAX = 200;

/**
 * The lead article's text for the digest, with its fact tags naming the article (`{% fact "slug/id" %}`), so that
 * they print the same figure whatever else the issue carries.
 */
function qualifiedTags(text: string, slug: string): string {
  let result = '';
  let at = 0;
  for (const tag of readBodyTags(text)) {
    if (tag.kind !== 'fact' || tag.id.includes('/')) continue;
    const form = tag.form === 'prose' ? '' : `, ${quoted(tag.form)}`;
    result += `${text.slice(at, tag.start)}{% fact ${quoted(`${slug}/${tag.id}`)}${form} %}`;
    at = tag.end;
  }
  return result + text.slice(at);
}

/** The lead's field when it fits the digest's field on one line, else `fallback`. */
function fitted(text: string, max: number, fallback: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : fallback;
}

/** The digest file of the next issue: content/digests/<yyyy-mm-dd>.md. */
export function newDigestFile({ now, model }: NewDigestInput): NewFile {
  const site = model.site;
  if (!site)
    throw new NewContentError(
      `${displayPath(path.join(model.contentDir, '_data', 'site.json'))} must be valid first: its time zone dates the issue`,
    );
  const date = frontMatterTime(now, site.timeZone);
  const issued = now.setZone(site.timeZone).startOf('minute');
  const slug = issued.toISODate() ?? '';
  const file = path.join(model.contentDir, 'digests', `${slug}.md`);

  const previous = model.digests.find((digest) => digest.data.date < issued);
  const weekBefore = issued.minus(WEEK);
  const sinceLastIssue = previous !== undefined && previous.data.date > weekBefore;
  const since = sinceLastIssue ? previous.data.date : weekBefore;
  const articles: ArticleEntry[] = model.articles.filter(
    (article) => !article.data.draft && article.data.date > since && article.data.date <= issued,
  );
  if (articles.length === 0) {
    const from = since.setZone(site.timeZone).toISODate();
    throw new NewContentError(
      `no published article from ${from}${sinceLastIssue ? ` (the last issue, ${previous.file})` : ''} to ${slug}: ` +
        'an issue needs at least one (drafts are not carried; publish one, or give another day with --date)',
    );
  }
  const [lead] = articles as [ArticleEntry, ...ArticleEntry[]];
  const subject = fitted(qualifiedTags(lead.data.title, lead.slug), SUBJECT_MAX, site.title);
  const preheader = fitted(
    qualifiedTags(lead.data.summary, lead.slug),
    PREHEADER_MAX,
    'The week’s reporting, and the sourced figures behind it.',
  );
  const text = `---
# The subject and the inbox preview line: one line each, here the lead article's headline and summary.
subject: ${quoted(subject)}
preheader: ${quoted(preheader)}
date: ${quoted(date)}
intro: |-
  This issue carries the week's reporting and the figures behind it. Each figure is shown with who
  reported it and how firm it is.
articles:                     # newest first: the email shows as many as fit, in this order
${articles.map((article) => `  - ${article.slug}    # ${article.data.title.replace(/\s+/g, ' ')}`).join('\n')}
draft: true                   # delete this line to publish the issue: until then the build leaves it out
---
`;
  return { file, text };
}

// A new article to start from: its Markdown file, dated now in the site's zone and kept a draft, and its facts
// file with one source and a commented example of every kind of value and derived figure.
import path from 'node:path';
import type { DateTime } from 'luxon';
import type { ContentModel } from '../content/model.ts';
import { slugify } from '../content/slug.ts';
import { FACTS_EXTENSIONS, listContentFiles } from '../content/files.ts';
import { displayPath } from '../shared/paths.ts';
import { NewContentError, frontMatterTime, quoted, type NewFile } from './files.ts';

/** Where an article's file and facts go, and what they hold. */
export interface NewArticleInput {
  headline: string;
  /** The publication time; written in the site's zone. */
  now: DateTime;
  model: ContentModel;
}

/** The section of the newest article, which a new one most likely shares; "News" in a tree without one. */
function likelySection(model: ContentModel): string {
  return model.articles[0]?.data.section ?? 'News';
}

/** The facts file: one source, file-wide defaults, and every kind of figure as a commented example to uncomment. */
export function factsTemplate(slug: string): string {
  return `# Facts behind content/articles/${slug}.md: every figure the article prints comes from here, with
# {% fact "id" %} in its text. Each field is described in docs/facts.md.

sources:
  source-id:                      # an id of your own: lowercase words joined by hyphens
    name: Name of the source      # as readers see it: "South Korean intelligence"
    type: government              # optional: news agency, intelligence service, lawmaker, …
    # url: https://example.org/report   # optional: the link in the Sources panel

# An entry that names no source has this one. Its status is "reported" unless it gives another.
defaults: { source: source-id }

# Examples of every kind of value: uncomment one (delete the "# " before each of its lines), then give it
# its own id, label, value and source. Each prints as the comment beside it says, in the site's language.
# figures:
#   - id: exact-figure
#     label: What the figure counts, as the key-figures box shows it
#     value: 11000                                      # exact: "11,000"
#     date: 2024-10                                     # optional: 2024, 2024-10 or 2024-10-05
#     key: true                                         # in the key-figures box, the chart and the digest
#   - id: approximate-figure
#     label: An approximate figure
#     value: { approximately: 600, qualifier: around }  # "around 600"; without a qualifier "about 600"
#     status: estimated                                 # reported, estimated, announced, acknowledged, expected
#   - id: range-figure
#     label: A range
#     value: { from: 4000, to: 6000 }                   # "4,000 to 6,000"
#   - id: more-than-figure
#     label: More than a number
#     value: { moreThan: 3 }                            # "more than three"; the number itself excluded
#     unit: year                                        # year, month, week, day, hour, minute, person, percent,
#                                                       # percentage-points, or { one: soldier, other: soldiers }
#   - id: less-than-figure
#     label: Less than a number
#     value: { lessThan: 50 }                           # "fewer than 50"
#   - id: at-least-figure
#     label: At least a number
#     value: { atLeast: 100 }                           # "at least 100"; the number itself included
#     unit: person
#   - id: at-most-figure
#     label: At most a number
#     value: { atMost: 20 }                             # "at most 20"
#   - id: qualitative-figure
#     label: A magnitude without a number
#     value: { qualitative: thousands }                 # "thousands"; also dozens, several hundred, millions, …
#   - id: money-figure
#     label: An amount of money
#     value: 1200000000
#     currency: USD                                     # ISO 4217: "$1.2 billion"; KRW "2 trillion won"
#     status: announced
#   - id: exchange-rate
#     label: The exchange rate on the day
#     value: 1380.5
#     currency: KRW
#     per: USD                                          # "1,380.5 won per dollar"
#     date: 2025-06-20                                  # a conversion needs a dated rate
#   - id: rate-before
#     label: A percentage
#     value: 3.1
#     unit: percent                                     # "3.1%"
#   - id: rate-after
#     label: The same percentage later
#     value: 3.5
#     unit: percent
# derived:                                              # computed from the figures above, never typed in
#   - id: sum-figure
#     label: A total
#     sum: [exact-figure, range-figure]                 # "15,000 to 17,000"
#   - id: change-figure
#     label: A change
#     change: { from: rate-before, to: rate-after }     # "up 0.4 percentage points"; "up 16%" between counts
#   - id: share-figure
#     label: A share
#     share: { part: approximate-figure, whole: exact-figure }   # "about 5%"; {% fact "id", "fraction" %}
#   - id: converted-figure
#     label: Money in another currency
#     convert: { amount: money-figure, rate: exchange-rate }     # "about 1.7 trillion won"
# events:
#   - id: an-event
#     label: What happened, for the timeline
#     date: { oneOf: [2025-07, 2025-08] }               # or 2025-07, or { from: 2025-05, to: 2025-06 }
#     status: expected                                  # add relative: "by July or August" when the text says so
# claims:
#   - id: a-claim
#     text: A statement the article attributes to its source.
`;
}

/** An article's front matter and body: a draft, so nothing is published until the editor says so. */
function articleTemplate(headline: string, date: string, section: string, slug: string): string {
  return `---
title: ${quoted(headline)}
summary: "One sentence for listings and link previews: what happened, according to whom."
date: ${quoted(date)}
section: ${quoted(section)}
tags: []                        # topics, each with its page: [North Korea, Russia]
reporting: [source-id]          # the sources the article reports from, by their ids in the facts file
draft: true                     # delete this line to publish
---
{# Write the article in Markdown below. Print every figure from content/facts/${slug}.yaml with
   {% fact "id" %}, never by typing it: npm run check lists typed numerals. A value with a colon needs
   quotes in the front matter above. See docs/articles.md. #}
`;
}

/** The files of a new article: content/articles/<slug>.md and content/facts/<slug>.yaml. */
export function newArticleFiles({ headline, now, model }: NewArticleInput): NewFile[] {
  const title = headline.trim();
  if (title === '') throw new NewContentError('the headline is empty: npm run new -- article "North Korea to Deploy More Troops"');
  if (/[\r\n]/.test(title)) throw new NewContentError('the headline must be one line');
  const slug = slugify(title);
  if (slug === '') throw new NewContentError(`"${title}" has no letters or digits to make the article's file name from`);
  const site = model.site;
  if (!site)
    throw new NewContentError(
      `${displayPath(path.join(model.contentDir, '_data', 'site.json'))} must be valid first: its time zone dates the article`,
    );

  // A slug names one article anywhere under articles/ (subfolders too) and one facts file, whatever its extension.
  const files = listContentFiles(model.contentDir);
  const taken = [...files.articles, ...files.facts].find(
    (file) => path.basename(file, path.extname(file)) === slug && (file.endsWith('.md') || FACTS_EXTENSIONS.includes(path.extname(file))),
  );
  if (taken)
    throw new NewContentError(`${displayPath(taken)} already exists, and the slug "${slug}" names one article; choose another headline`);

  const date = frontMatterTime(now, site.timeZone);
  return [
    { file: path.join(model.contentDir, 'articles', `${slug}.md`), text: articleTemplate(title, date, likelySection(model), slug) },
    { file: path.join(model.contentDir, 'facts', `${slug}.yaml`), text: factsTemplate(slug) },
  ];
}

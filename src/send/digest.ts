// Reads what the build wrote for one digest (digest.json, email.html, email.txt) and checks it is sendable.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { previewOf } from '../shared/output-folder.ts';
import { displayPath } from '../shared/paths.ts';
import { formatIssues } from '../shared/validate.ts';
import { SendRefusedError } from './errors.ts';
import { mergeTagFormsInHtml } from './personalise.ts';

/** Slugs end up in file names and Message-IDs, so only a conservative alphabet is accepted. */
const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const address = z.object({ name: z.string().optional(), address: z.string().min(1) });

const digestSchema = z.object({
  slug: z.string().regex(SLUG_PATTERN, 'expected letters, digits, ".", "_" or "-"'),
  subject: z.string().min(1),
  preheader: z.string().optional(),
  date: z.iso.datetime({ offset: true }).transform((date) => new Date(date)),
  from: address,
  replyTo: address.optional(),
  listId: z.string().min(1),
  webUrl: z.url({ protocol: /^https?$/ }),
  unsubscribe: z.object({ url: z.url({ protocol: /^https$/ }), mailto: z.string().optional() }),
  mergeTags: z.object({ unsubscribe: z.string().min(3), viewInBrowser: z.string().min(3) }),
  postalAddress: z.string().min(1).optional(),
  feedbackId: z.string().min(1).optional(),
});

export type DigestMeta = z.output<typeof digestSchema>;

export interface Digest extends DigestMeta {
  html: string;
  text: string;
}

function readDigestFile(file: string, cwd: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found (has the site been built?)' : (error as Error).message;
    throw new SendRefusedError([`${displayPath(file, cwd)}: ${reason}`]);
  }
}

/**
 * Loads `<siteDir>/digests/<slug>/` and refuses a digest that could not carry a working unsubscribe link,
 * was built without the publisher's postal address, or comes from a dev server's preview rather than a build.
 */
export function loadDigest(siteDir: string, slug: string, cwd: string): Digest {
  if (!SLUG_PATTERN.test(slug)) {
    throw new SendRefusedError([`--digest ${JSON.stringify(slug)} is not a digest slug (letters, digits, ".", "_" or "-")`]);
  }
  // A dev server's preview holds drafts and digests whose content has problems: only a build's output is sent.
  if (previewOf(siteDir)) {
    throw new SendRefusedError([
      `${displayPath(siteDir, cwd)}: is a preview written by npm start (drafts included, content problems not stopping it), not a build; run npm run build, then send`,
    ]);
  }
  const dir = path.join(siteDir, 'digests', slug);
  const metaFile = path.join(dir, 'digest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readDigestFile(metaFile, cwd));
  } catch (error) {
    if (error instanceof SendRefusedError) throw error;
    throw new SendRefusedError([`${displayPath(metaFile, cwd)}: not valid JSON (${(error as Error).message})`]);
  }
  const parsed = digestSchema.safeParse(raw);
  if (!parsed.success) throw new SendRefusedError(formatIssues(displayPath(metaFile, cwd), parsed.error.issues));
  const meta = parsed.data;
  if (meta.slug !== slug) {
    throw new SendRefusedError([`${displayPath(metaFile, cwd)}: slug is "${meta.slug}" but --digest asked for "${slug}"`]);
  }

  if (meta.postalAddress === undefined) {
    throw new SendRefusedError([
      `${displayPath(metaFile, cwd)}: has no postal address: set email.postalAddress in site.json and build again (CAN-SPAM requires the sender's postal address in every commercial email)`,
    ]);
  }
  const htmlFile = path.join(dir, 'email.html');
  const html = readDigestFile(htmlFile, cwd);
  const text = readDigestFile(path.join(dir, 'email.txt'), cwd);
  if (!mergeTagFormsInHtml(meta.mergeTags.unsubscribe).some((form) => html.includes(form))) {
    throw new SendRefusedError([
      `${displayPath(htmlFile, cwd)}: has no ${meta.mergeTags.unsubscribe} merge tag, so recipients would get no unsubscribe link`,
    ]);
  }
  return { ...meta, html, text };
}

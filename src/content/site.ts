// The site's metadata (content/_data/site.json): validated once, shared by the build, check and send.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { headerUrlProblem, headerValueProblem, isValidEmailAddress } from '../email/header-value.ts';
import { emailSendingFields, MERGE_TAG_STYLES } from '../email/settings.ts';
import { resolveLocale, wordsLanguage } from '../format/locale.ts';
import { ContentError } from '../shared/errors.ts';
import { displayPath } from '../shared/paths.ts';
import { validate, type Validated } from '../shared/validate.ts';
import { readYaml } from '../shared/yaml.ts';
import { normaliseText } from '../shared/text.ts';

// Names, addresses and the unsubscribe URL end up in mail headers (From, Reply-To, List-Unsubscribe), so they are
// held to what src/email/mime.ts accepts: a problem is then reported against site.json, by check and build alike.
const headerName = z
  .string()
  .min(1)
  .superRefine((value, ctx) => {
    const problem = headerValueProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

const emailAddress = z.string().superRefine((value, ctx) => {
  if (!isValidEmailAddress(value)) {
    ctx.addIssue({ code: 'custom', message: `expected one plain email address such as "digest@example.org", got ${JSON.stringify(value)}` });
  }
});

const httpsUrl = z.string().superRefine((value, ctx) => {
  const problem = headerUrlProblem(value);
  if (problem !== undefined) {
    ctx.addIssue({ code: 'custom', message: problem });
  } else if (!URL.canParse(value) || new URL(value).protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: `expected an https URL (one-click unsubscribe requires https), got ${JSON.stringify(value)}` });
  }
});

const address = z.object({ name: headerName.optional(), address: emailAddress });

const zoneName = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as "Asia/Seoul"');

const siteUrl = z.url({ protocol: /^https?$/, error: 'expected the site\'s address such as "https://dispatch.example.org"' }).superRefine((value, ctx) => {
  // Templates join it with root-relative paths ({{ site.url }}{{ page.url }}): a trailing slash would double.
  if (value.endsWith('/')) ctx.addIssue({ code: 'custom', message: `remove the trailing slash: ${JSON.stringify(value.replace(/\/+$/, ''))}, not ${JSON.stringify(value)}` });
});

// The language of pages and emails (`<html lang>`, feeds, JSON-LD), which Intl reads too: a BCP 47 tag.
const languageTag = z.string('expected a language code such as "en" or "de"').superRefine((value, ctx) => {
  let valid = value.length >= 2;
  try {
    Intl.getCanonicalLocales(value);
  } catch {
    valid = false;
  }
  if (!valid) ctx.addIssue({ code: 'custom', message: `expected a language code such as "en" or "de", got ${JSON.stringify(value)}` });
});

// The locale decides figures, dates and our own words ("about", "more than"), which exist in three languages.
const siteLocale = z.string().superRefine((value, ctx) => {
  try {
    wordsLanguage(resolveLocale(value), 'the site');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

// Readers' subscriptions (docs/subscriptions.md): where the site's form posts, and what `npm run subscriptions` needs.
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;
const subscribeUrl = z.url({ protocol: /^https?$/, error: 'expected an https URL' }).superRefine((value, ctx) => {
  const url = new URL(value);
  // Addresses travel in the form's body: plain http only to this machine, for trying things out.
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.host.replace(/:\d+$/, ''))) ctx.addIssue({ code: 'custom', message: `expected an https URL, got ${JSON.stringify(value)}` });
  if (value.endsWith('/')) ctx.addIssue({ code: 'custom', message: `remove the trailing slash: ${JSON.stringify(value.replace(/\/+$/, ''))}` });
});
const sitePagePath = z.string().regex(/^\/(?:[a-z0-9-]+\/)+$/, 'expected a path on the site such as "/subscribe/subscribed/"');
const subscribeSettings = z
  .object({
    provider: z.enum(['service', 'listmonk', 'buttondown']),
    action: subscribeUrl,
    serviceUrl: subscribeUrl.optional(),
    listmonkLists: z.array(z.uuid()).min(1).optional(),
    pages: z.object({ checkInbox: sitePagePath, subscribed: sitePagePath, unsubscribed: sitePagePath }),
    // Without it the form says the catalogue's sentence (subscribe.privacy), in the page's language.
    privacy: z.string().min(1).optional(),
    privacyUrl: z.string().regex(/^(?:\/|https:\/\/)\S*$/, 'expected a path on the site or an https URL').optional(),
    softBounceLimit: z.int().min(1).default(3),
  })
  .superRefine((value, ctx) => {
    if (value.provider === 'service' && value.serviceUrl === undefined) {
      ctx.addIssue({ code: 'custom', path: ['serviceUrl'], message: 'required when provider is "service": the public address of npm run subscriptions' });
    }
    if (value.provider === 'listmonk' && value.listmonkLists === undefined) {
      ctx.addIssue({ code: 'custom', path: ['listmonkLists'], message: 'required when provider is "listmonk": the UUIDs of the lists the form subscribes to' });
    }
  });

export const siteSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  url: siteUrl,
  language: languageTag,
  locale: siteLocale,
  timeZone: zoneName,
  author: z.object({ name: z.string().min(1), email: z.email().optional() }),
  publisher: z.object({ name: z.string().min(1), url: z.url({ protocol: /^https?$/, error: 'expected a web address starting https:// or http://' }) }),
  email: z.object({
    from: address,
    replyTo: address.optional(),
    listId: z.string().regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'expected a dotted list id such as "digest.example.org" (RFC 2919)'),
    unsubscribeUrl: httpsUrl,
    unsubscribeMailto: emailAddress,
    mergeTags: z.enum(MERGE_TAG_STYLES),
    utm: z.union([z.literal(false), z.object({ source: z.string().min(1), medium: z.string().min(1) })]),
    suppressionFile: z.string().min(1).optional(),
    ...emailSendingFields,
  }),
  subscribe: subscribeSettings.optional(),
});

export type Site = z.output<typeof siteSchema>;

export function siteFile(contentDir: string): string {
  return path.join(contentDir, '_data', 'site.json');
}

/** site.json read and validated: every problem named by line and field, unknown fields included. */
export function readSite(source: string, file: string): Validated<Site> {
  const shown = displayPath(file);
  const text = normaliseText(source);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`${shown}: cannot read site metadata (${withLine((error as Error).message, text)})`] };
  }
  // JSON is YAML, so the YAML reader finds each field's line.
  const { lineOf } = readYaml(text, shown);
  return validate(siteSchema, raw, { shown, lineOf, what: 'site.json files' });
}

/** Validates site metadata given as data; throws a ContentError naming every problem. */
export function parseSite(raw: unknown, file: string): Site {
  const result = validate(siteSchema, raw, { shown: displayPath(file), lineOf: () => undefined, what: 'site.json files' });
  if (!result.ok) throw new ContentError(result.problems);
  return result.value;
}

/** The site's metadata, for commands that need only it (send); throws a ContentError naming every problem. */
export function loadSite(contentDir: string): Site {
  const file = siteFile(contentDir);
  const result = readSite(fs.readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new ContentError(result.problems);
  return result.value;
}

/** V8 says where JSON broke as a character offset ("at position 36"); an editor needs the line and column. */
function withLine(message: string, source: string): string {
  return message.replace(/at position (\d+)(?! \(line)/, (found, offset: string) => {
    const before = source.slice(0, Number(offset)).split('\n');
    return `${found} (line ${before.length}, column ${before[before.length - 1]!.length + 1})`;
  });
}

/** The email pipeline: rendered digest HTML → inbox-ready HTML, as an ordered list of named steps, then checks. */
import { checkClientSupport } from './checks/client-support.ts';
import { checkForbidden } from './checks/forbidden.ts';
import { checkLineLength } from './checks/line-length.ts';
import { checkSize, type SizeLimits } from './checks/size.ts';
import type { CheckResult, Issue } from './checks/types.ts';
import { absoluteUrls, type UtmParameters } from './steps/absolute-urls.ts';
import { inlineCss } from './steps/inline-css.ts';
import { minify } from './steps/minify.ts';
import { purgeCss } from './steps/purge-css.ts';
import { sixDigitHex } from './steps/six-digit-hex.ts';

export type { Issue, CheckName, CheckResult } from './checks/types.ts';
export type { UtmParameters } from './steps/absolute-urls.ts';
export type { SizeLimits } from './checks/size.ts';

export interface EmailPipelineOptions {
  /** The site's URL; relative URLs resolve against it and its host's links get UTM parameters. */
  baseUrl: string;
  /** UTM parameters for links to the site; omitted or false for none. */
  utm?: UtmParameters | false;
  /** The sending service's placeholders, e.g. `['*|UNSUB|*', '*|ARCHIVE|*']`; every step leaves them as written. */
  mergeTags: readonly string[];
  /** Where the size check warns and errs; by default at 80 KB and at Gmail's 102 KB. */
  sizeLimits?: SizeLimits;
  /** Steps to switch off, e.g. `{ minify: false }` to read the output; all run by default. */
  steps?: Partial<Record<StepName, boolean>>;
}

export interface EmailPipelineResult {
  html: string;
  errors: Issue[];
  warnings: Issue[];
  /** Size of `html` in UTF-8 bytes. */
  bytes: number;
}

type Step = (html: string, options: EmailPipelineOptions) => string | Promise<string>;

/** The steps, in the order they run. The order matters: dead rules go before inlining (while data-embed blocks are still marked), URLs are rewritten in the inlined markup, colours before minify. */
export const emailSteps = {
  purgeCss: (html) => purgeCss(html),
  inlineCss: (html) => inlineCss(html),
  absoluteUrls: (html, options) =>
    absoluteUrls(html, { baseUrl: options.baseUrl, utm: options.utm ?? false, mergeTags: options.mergeTags }),
  sixDigitHex: (html) => sixDigitHex(html),
  minify: (html) => minify(html),
} satisfies Record<string, Step>;

export type StepName = keyof typeof emailSteps;

/** The checks run on the final HTML, whichever steps ran. */
const emailChecks: ReadonlyArray<(html: string, options: EmailPipelineOptions) => CheckResult> = [
  (html, options) => checkSize(html, options.sizeLimits),
  (html) => checkLineLength(html),
  (html, options) => checkForbidden(html, { mergeTags: options.mergeTags }),
  (html) => checkClientSupport(html),
];

export async function runEmailPipeline(html: string, options: EmailPipelineOptions): Promise<EmailPipelineResult> {
  let output = html;
  for (const [name, step] of Object.entries(emailSteps) as Array<[StepName, Step]>) {
    if (options.steps?.[name] === false) continue;
    output = await step(output, options);
  }
  const results = emailChecks.map((check) => check(output, options));
  return {
    html: output,
    errors: results.flatMap((result) => result.errors),
    warnings: results.flatMap((result) => result.warnings),
    bytes: Buffer.byteLength(output, 'utf8'),
  };
}

/** Thrown when a digest's email fails a check; the message lists every error, one a line. */
export class EmailCheckError extends Error {
  readonly fileLabel: string;
  readonly issues: readonly Issue[];

  constructor(fileLabel: string, issues: readonly Issue[]) {
    super(issues.map((issue) => `${fileLabel}: ${issue.message}`).join('\n'));
    this.name = 'EmailCheckError';
    this.fileLabel = fileLabel;
    this.issues = issues;
  }
}

/** Throws an EmailCheckError naming the file (e.g. `content/digests/2025-06-27.md`) if the result has errors. */
export function assertEmailOk(result: EmailPipelineResult, fileLabel: string): void {
  if (result.errors.length > 0) throw new EmailCheckError(fileLabel, result.errors);
}

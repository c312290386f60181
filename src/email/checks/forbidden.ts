/** Check: markup that email clients strip, block or flag as suspicious, and URLs that cannot work in an inbox. */
import { decodeAttribute, startTags, withoutPlainComments } from '../html.ts';
import { containsMergeTagSyntax, startsWithMergeTag } from '../merge-tags.ts';
import type { CheckResult, Issue } from './types.ts';

export interface ForbiddenOptions {
  /** Placeholders the sending service replaces; a URL that is one of them is not relative. */
  mergeTags: readonly string[];
}

const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: 'scripts never run in email and mark the message as suspicious',
  form: 'forms are disabled or stripped by most email clients; link to a page on the site instead',
  input: 'form controls are disabled or stripped by most email clients; link to a page on the site instead',
  select: 'form controls are disabled or stripped by most email clients; link to a page on the site instead',
  textarea: 'form controls are disabled or stripped by most email clients; link to a page on the site instead',
  button: 'form controls are disabled or stripped by most email clients; use a link styled as a button',
  svg: 'Gmail and Outlook do not show inline SVG; use a PNG or an HTML table',
  iframe: 'email clients do not load frames',
  object: 'email clients do not load embedded objects',
  embed: 'email clients do not load embedded objects',
};

const URL_ATTRIBUTES = new Set(['href', 'src', 'background']);

export function checkForbidden(html: string, options: ForbiddenOptions): CheckResult {
  const errors: Issue[] = [];
  const error = (message: string): void => {
    errors.push({ check: 'forbidden', message });
  };
  for (const tag of startTags(withoutPlainComments(html))) {
    const reason = FORBIDDEN_ELEMENTS[tag.name];
    if (reason !== undefined) error(`<${tag.name}> found: ${reason}`);
    const attribute = (name: string): string | undefined => tag.attributes.find((candidate) => candidate.name === name)?.raw;

    if (tag.name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attribute('rel') ?? '')) {
      error(
        `<link rel="stylesheet" href="${attribute('href') ?? ''}"> found: email clients do not load external stylesheets; put the CSS in a <style> block`,
      );
    }
    if (tag.name === 'img' && attribute('alt') === undefined) {
      error(
        `<img src="${attribute('src') ?? ''}"> has no alt attribute: many clients block images, so the alt text is what readers see (use alt="" for decoration)`,
      );
    }
    for (const { name, raw } of tag.attributes) {
      if (/^on[a-z]+$/.test(name)) error(`<${tag.name} ${name}="…"> found: event handlers are scripts, which never run in email`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const problem = urlProblem(decodeAttribute(raw).trim(), options.mergeTags);
      if (problem !== undefined) error(`<${tag.name} ${name}="${raw}">: ${problem}`);
    }
  }
  return { errors, warnings: [] };
}

function urlProblem(url: string, mergeTags: readonly string[]): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what browsers strip from a scheme.
  if (/^javascript:/i.test(url.replace(/[\s\u0000-\u001f]/g, ''))) return 'javascript: URLs never run in email';
  if (url === '' || url.startsWith('#') || startsWithMergeTag(url, mergeTags)) return undefined;
  if (/^[a-zA-Z][a-zA-Z\d+.-]*:/.test(url)) return undefined;
  if (containsMergeTagSyntax(url)) {
    return "looks like a merge tag that is not declared in the pipeline's mergeTags, so it was not treated as one";
  }
  if (url.startsWith('//')) return 'protocol-relative URL: a mail client has no page protocol to use; write https:';
  return 'relative URL: a mail client has no page to resolve it against; it must be absolute';
}

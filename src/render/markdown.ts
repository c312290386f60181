// The Markdown policy: one markdown-it for rendering and for checking, the HTML an article or page may carry
// (an allowlist enforced by sanitize-html on the rendered page, which the feeds reuse), and the list of what a
// body holds beyond it, by line, so the check and the build refuse it instead of anything vanishing silently.
import { Parser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import sanitizeHtml from 'sanitize-html';
import { readBodyTags } from '../content/fact-tags.ts';
import { escapeHtml } from '../shared/html.ts';

/** Hosts a body may embed a video from, in a sandboxed <iframe>. */
export const EMBED_HOSTS = ['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com'] as const;
/** What every embed is limited to, whatever the editor wrote: it may run its player, never navigate the page. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TEXT_ALIGN = { 'text-align': [/^(left|right|center)$/] };

/**
 * Everything markdown-it writes itself, and what editors may add as raw HTML: inline emphasis and
 * annotations, figures, definition lists, tables, details, and video embeds from EMBED_HOSTS.
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'hr', 'br', 'a', 'img', 'em', 'strong', 's', ...HEADINGS],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ...[
      'b',
      'i',
      'u',
      'del',
      'ins',
      'sup',
      'sub',
      'abbr',
      'mark',
      'small',
      'cite',
      'q',
      'kbd',
      'samp',
      'var',
      'dfn',
      'time',
      'span',
      'bdi',
      'wbr',
    ],
    ...['figure', 'figcaption', 'dl', 'dt', 'dd', 'details', 'summary', 'iframe'],
  ],
  allowedAttributes: {
    '*': ['lang', 'dir', 'title'],
    ...Object.fromEntries(HEADINGS.map((heading) => [heading, ['id']])),
    a: ['href'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start', 'reversed'],
    th: ['scope', 'colspan', 'rowspan', 'style'],
    td: ['colspan', 'rowspan', 'style'],
    code: ['class'],
    q: ['cite'],
    blockquote: ['cite'],
    time: ['datetime'],
    abbr: ['title'],
    iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'sandbox'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedStyles: { th: TEXT_ALIGN, td: TEXT_ALIGN },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  // An empty attribute stays as written (sanitize-html would drop some), so only the policy removes anything.
  nonBooleanAttributes: [],
  transformTags: {
    iframe: (tagName, attribs) => ({ tagName, attribs: { ...attribs, sandbox: EMBED_SANDBOX } }),
  },
};

/** The dev server's preview also keeps its own mark on a fact tag it could not print (src/eleventy/article-facts.ts). */
const PREVIEW_POLICY: sanitizeHtml.IOptions = {
  ...POLICY,
  allowedAttributes: { ...(POLICY.allowedAttributes as Record<string, string[]>), mark: ['class', 'style'] },
  allowedClasses: { ...POLICY.allowedClasses, mark: ['dev-problem'] },
  allowedStyles: {
    ...POLICY.allowedStyles,
    mark: Object.fromEntries(['background', 'color', 'outline'].map((p) => [p, [/^[#\w\s.%-]+$/]])),
  },
};

/** `html` with everything outside the policy removed. */
export function sanitise(html: string, { preview = false }: { preview?: boolean } = {}): string {
  return sanitizeHtml(html, preview ? PREVIEW_POLICY : POLICY);
}

function hasRawHtml(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token) => token.type === 'html_block' || token.type === 'html_inline' || (token.children !== null && hasRawHtml(token.children)),
  );
}

function newMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, typographer: false });
  // Indented code blocks are off, as Eleventy turns them off for every Markdown library (its issue #2438).
  md.disable('code');
  return md;
}

/**
 * The markdown-it every Markdown page is rendered with. Links and images whose URL the policy refuses stay
 * text, and a page that holds raw HTML is sanitised as a whole (one without any is markdown-it's own
 * escaped output, which needs no second pass). `preview`: the dev server's, which keeps its own marks.
 */
export function createMarkdown({ preview = false }: { preview?: boolean } = {}): MarkdownIt {
  const md = newMarkdown();
  md.validateLink = (url) => urlAllowed('a', 'href', url) || urlAllowed('img', 'src', url);
  md.render = (src, env: unknown = {}) => {
    const tokens = md.parse(src, env);
    const html = md.renderer.render(tokens, md.options, env);
    return hasRawHtml(tokens) ? sanitise(html, { preview }) : html;
  };
  return md;
}

// --- What a body holds beyond the policy -------------------------------------------------------------

export interface DisallowedHtml {
  /** 1-based line in the Markdown given */
  line: number;
  /** what is not allowed and why: `<script> is not allowed: …` */
  message: string;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The attributes of `<name …>` that the sanitiser keeps (as it keeps them), or undefined when it drops the element. */
function keptAttributes(name: string, attributes: Record<string, string>): Record<string, string> | undefined {
  const written = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeHtml(value)}"`)
    .join('');
  const html = VOID_ELEMENTS.has(name) ? `<${name}${written}>` : `<${name}${written}>x</${name}>`;
  let kept: Record<string, string> | undefined;
  const parser = new Parser({ onopentag: (tag, attribs) => (kept ??= tag === name ? attribs : undefined) });
  parser.end(sanitise(html));
  return kept;
}

/** An http(s) address or a path from this site's root: what nearly every link is, and every policy allows. */
const PLAIN_URL = /^(https?:\/\/[a-z0-9.-]+(?:[:/?#]|$)|\/(?![/\\])|#)/i;

/** Whether the sanitiser keeps `url` as `<element attribute="url">`; the plain URLs of PLAIN_URL without asking it. */
function urlAllowed(element: 'a' | 'img', attribute: 'href' | 'src', url: string): boolean {
  if (PLAIN_URL.test(url)) return true;
  return keptAttributes(element, { [attribute]: url })?.[attribute] === url;
}

/** `text` as a message quotes it: control characters made visible, and cut short when long. */
function shorten(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is made visible.
  const visible = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}
const schemesAllowed = `${LINK_SCHEMES.map((s) => `${s}:`).join(', ')} or a path on this site`;

const ELEMENT_REASONS: Record<string, string> = {
  script: 'the site runs no scripts',
  noscript: 'the site runs no scripts',
  style: "a page's look comes from the site's stylesheet",
  link: "a page's look comes from the site's stylesheet",
  object: 'the site embeds no plug-in content',
  embed: 'the site embeds no plug-in content',
};

/** Why the sanitiser drops `attribute="value"` from `<element>`. */
function attributeReason(element: string, attribute: string, value: string): string {
  if (/^on/i.test(attribute)) return 'event handlers are scripts, and the site runs none';
  const allowed = (POLICY.allowedAttributes as Record<string, string[]>)[element] ?? [];
  const global = (POLICY.allowedAttributes as Record<string, string[]>)['*'] ?? [];
  if (!allowed.includes(attribute) && !global.includes(attribute)) return `${element} may not carry ${attribute}`;
  if (element === 'iframe' && attribute === 'src') return `embeds may only come from ${EMBED_HOSTS.join(', ')}, over https`;
  if (element === 'iframe' && attribute === 'sandbox') return `the site sets every embed's sandbox itself (${EMBED_SANDBOX})`;
  if (element === 'img' && attribute === 'src') return 'images may use https:, http: or a path on this site';
  if (['href', 'cite'].includes(attribute)) return `links may use ${schemesAllowed}`;
  if (attribute === 'style') return 'only text-align (left, right, center) may be set, on table cells';
  if (attribute === 'class') return 'only a language-… class, on code';
  return `this value of ${attribute} is not allowed (${shorten(value, 30)})`;
}

/** What is wrong with one start tag written in raw HTML, or undefined when the sanitiser keeps it whole. */
function tagProblem(name: string, attributes: Record<string, string>): string | undefined {
  const kept = keptAttributes(name, attributes);
  const shown = (extra = '') => `<${name}${extra}>`;
  if (kept === undefined) {
    const src = attributes.src === undefined ? '' : ` src="${shorten(attributes.src)}"`;
    return `${shown(src)} is not allowed: ${ELEMENT_REASONS[name] ?? 'it is not an element the body may use (see docs/articles.md#html-in-the-body)'}`;
  }
  const dropped = Object.entries(attributes).filter(([key, value]) => kept[key] !== value);
  if (dropped.length === 0) return undefined;
  return dropped
    .map(([key, value]) => `${shown(` ${key}="${shorten(value)}"`)} is not allowed: ${attributeReason(name, key, value)}`)
    .join('; ');
}

/** Problems in one piece of raw HTML that starts on `firstLine`. */
function rawHtmlProblems(html: string, firstLine: number): DisallowedHtml[] {
  const found: DisallowedHtml[] = [];
  const lineOf = (offset: number) => firstLine + (html.slice(0, offset).match(/\n/g)?.length ?? 0);
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const problem = tagProblem(name, attributes);
        if (problem) found.push({ line: lineOf(parser.startIndex), message: problem });
      },
      oncomment() {
        found.push({
          line: lineOf(parser.startIndex),
          message: "<!-- … --> is not allowed: an HTML comment is published in the page's source; write a note to the desk as {# … #}",
        });
      },
      onprocessinginstruction(name) {
        found.push({
          line: lineOf(parser.startIndex),
          message: `<${shorten(name, 20)}…> is not allowed: it is not an element the body may use`,
        });
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

/** The line (1-based) on which each child of an inline token starts. */
function childLines(inline: Token, firstLine: number): number[] {
  let line = firstLine;
  return (inline.children ?? []).map((child) => {
    const at = line;
    if (child.type === 'softbreak' || child.type === 'hardbreak') line += 1;
    else line += child.content.match(/\n/g)?.length ?? 0;
    return at;
  });
}

const checkingMarkdown = newMarkdown();
// Every link is made a token here, so that each one the policy refuses can be named.
checkingMarkdown.validateLink = () => true;

/**
 * Everything in `markdown` that the rendered page would lose: raw HTML outside the policy (elements,
 * attributes, URLs, comments) and Markdown links or images with a URL the policy refuses. Lines count from
 * the first line of `markdown`.
 */
export function findDisallowedHtml(markdown: string): DisallowedHtml[] {
  const found: DisallowedHtml[] = [];
  let blockLine = 1;
  for (const token of checkingMarkdown.parse(markdown, {})) {
    if (token.map) blockLine = token.map[0] + 1;
    if (token.type === 'html_block') found.push(...rawHtmlProblems(token.content, blockLine));
    if (token.type !== 'inline' || !token.children) continue;
    const lines = childLines(token, blockLine);
    token.children.forEach((child, index) => {
      const line = lines[index] ?? blockLine;
      if (child.type === 'html_inline') found.push(...rawHtmlProblems(child.content, line));
      const href = child.type === 'link_open' ? child.attrGet('href') : null;
      if (href !== null && !urlAllowed('a', 'href', href)) {
        found.push({ line, message: `the link to ${shorten(href)} is not allowed: links may use ${schemesAllowed}` });
      }
      const src = child.type === 'image' ? child.attrGet('src') : null;
      if (src !== null && !urlAllowed('img', 'src', src)) {
        found.push({ line, message: `the image ${shorten(src)} is not allowed: images may use https:, http: or a path on this site` });
      }
    });
  }
  return found;
}

/**
 * findDisallowedHtml for a body that may hold `{% … %}`, `{{ … }}` and `{# … #}` tags: notes are left out as
 * the build leaves them out, other tags read as a plain word, and lines still count in the body as written.
 */
export function findDisallowedHtmlInBody(body: string): DisallowedHtml[] {
  let text = '';
  let from = 0;
  for (const tag of readBodyTags(body)) {
    const newlines = body.slice(tag.start, tag.end).replace(/[^\n]/g, '');
    text += body.slice(from, tag.start) + (tag.kind === 'comment' ? '' : 'x') + newlines;
    from = tag.end;
  }
  return findDisallowedHtml(text + body.slice(from));
}

/** The check's problems for one Markdown body starting on line `bodyLine` of its file: `<shown>: line <n>: <what> is not allowed: <why>`. */
export function disallowedHtmlProblems(shown: string, body: string, bodyLine: number): string[] {
  return findDisallowedHtmlInBody(body).map(({ line, message }) => `${shown}: line ${bodyLine + line - 1}: ${message}`);
}

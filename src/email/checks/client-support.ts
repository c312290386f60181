/** Check: HTML and CSS features the target email clients lack, per Can I email, against the policy in client-support-policy.ts. */
import { DoIUseEmail } from '@jsx-email/doiuse-email';
import { decodeAttribute, encodeAttribute, startTags } from '../html.ts';
import { clientSupportPolicy, targetClients, type ClientSupportException } from './client-support-policy.ts';
import type { CheckResult, Issue } from './types.ts';

export interface ClientSupportOptions {
  /** Client ids or globs such as `gmail.*`; defaults to the policy's target clients. */
  clients?: readonly string[];
  /** Accepted gaps; defaults to the policy's allowlist. */
  policy?: readonly ClientSupportException[];
}

export interface ClientSupportFinding {
  /** The feature's title in Can I email, e.g. `border-radius`, `@media`, `<body> element`. */
  feature: string;
  client: string;
  support: 'none' | 'partial';
}

// The package's own list, plus Outlook.com, which its Can I email data covers for every feature.
const KNOWN_CLIENTS = [
  'apple-mail.macos',
  'apple-mail.ios',
  'gmail.desktop-webmail',
  'gmail.ios',
  'gmail.android',
  'gmail.mobile-webmail',
  'orange.desktop-webmail',
  'orange.ios',
  'orange.android',
  'outlook.windows',
  'outlook.windows-mail',
  'outlook.macos',
  'outlook.outlook-com',
  'outlook.ios',
  'outlook.android',
  'yahoo.desktop-webmail',
  'yahoo.ios',
  'yahoo.android',
  'aol.desktop-webmail',
  'aol.ios',
  'aol.android',
  'samsung-email.android',
  'sfr.desktop-webmail',
  'sfr.ios',
  'sfr.android',
  'thunderbird.macos',
  'protonmail.desktop-webmail',
  'protonmail.ios',
  'protonmail.android',
  'hey.desktop-webmail',
  'mail-ru.desktop-webmail',
  'fastmail.desktop-webmail',
  'laposte.desktop-webmail',
] as const;

const CLIENT_NAMES: Record<string, string> = {
  'apple-mail.macos': 'Apple Mail on macOS',
  'apple-mail.ios': 'Apple Mail on iOS',
  'gmail.desktop-webmail': 'Gmail on the web',
  'gmail.ios': 'the Gmail iOS app',
  'gmail.android': 'the Gmail Android app',
  'gmail.mobile-webmail': "Gmail's mobile webmail",
  'outlook.windows': 'Outlook for Windows',
  'outlook.outlook-com': 'Outlook.com',
};

const NOT_SUPPORTED = /^`(.+)` is not supported by `([^`]+)`$/;
const PARTIALLY_SUPPORTED = /^`(.+)` is only partially supported by `([^`]+)`$/;

export function checkClientSupport(html: string, options: ClientSupportOptions = {}): CheckResult {
  const policy = options.policy ?? clientSupportPolicy;
  let findings: ClientSupportFinding[];
  try {
    findings = findUnsupportedFeatures(html, options.clients);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { errors: [{ check: 'client-support', message: `could not check client support: ${reason}` }], warnings: [] };
  }
  const open = findings.filter((finding) => !isAccepted(finding, policy));
  return {
    errors: describe(
      open.filter((finding) => finding.support === 'none'),
      'none',
    ),
    warnings: describe(
      open.filter((finding) => finding.support === 'partial'),
      'partial',
    ),
  };
}

// Findings depend on which elements, attributes, inline styles and style blocks occur, not on how many
// times or in which words: every issue of a digest built from one template has the same structure.
// Checking costs ~70 ms an email, so findings are kept per structure (a small, bounded memo).
const findingsByStructure = new Map<string, ClientSupportFinding[]>();
const MEMO_LIMIT = 32;
const URL_ATTRIBUTES = new Set(['href', 'src', 'background', 'action', 'poster']);
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'aria-label', 'content']);

/** What the checker looks at, without the words and addresses that differ between issues. */
export function structureOf(html: string, clients: readonly string[]): string {
  const tags = new Set<string>();
  for (const tag of startTags(html)) {
    const attributes = tag.attributes.map(({ name, raw }) => {
      if (URL_ATTRIBUTES.has(name)) return `${name}=${/^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0] ?? raw.slice(0, 2)}`;
      return TEXT_ATTRIBUTES.has(name) ? name : `${name}=${raw}`;
    });
    tags.add(`${tag.name} ${attributes.join(' ')}`);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi)].map((match) => match[0]);
  return [clients.join(','), ...styles, ...[...tags].sort()].join('\n');
}

/** Every feature of the HTML that a client lacks or only partly supports, one finding per feature and client. */
export function findUnsupportedFeatures(html: string, clients: readonly string[] = targetClients): ClientSupportFinding[] {
  const key = structureOf(html, clients);
  const known = findingsByStructure.get(key);
  if (known) return known;
  const findings = checkWithDoIUse(html, clients);
  if (findingsByStructure.size >= MEMO_LIMIT) findingsByStructure.delete(findingsByStructure.keys().next().value as string);
  findingsByStructure.set(key, findings);
  return findings;
}

function checkWithDoIUse(html: string, clients: readonly string[]): ClientSupportFinding[] {
  const checker = new DoIUseEmail({ emailClients: ['gmail.*'] });
  // The constructor only accepts the package's own client list; its checks read any id in the data.
  Object.assign(checker, { emailClients: resolveClients(clients) });
  checker.check(html + mediaQueryDeclarationsAsElements(html));
  checker.checkFeaturesSupport(cssFunctionFeatures(html));
  const messages: Array<[string, 'none' | 'partial']> = [
    ...checker.errors.map((message): [string, 'none'] => [message, 'none']),
    ...checker.warnings.map((message): [string, 'partial'] => [message, 'partial']),
  ];
  const findings = new Map<string, ClientSupportFinding>();
  for (const [message, support] of messages) {
    const match = (support === 'none' ? NOT_SUPPORTED : PARTIALLY_SUPPORTED).exec(message);
    if (match === null) throw new Error(`unexpected message from @jsx-email/doiuse-email: ${message}`);
    const finding: ClientSupportFinding = { feature: match[1] ?? '', client: match[2] ?? '', support };
    findings.set(`${finding.feature}\n${finding.client}`, finding);
  }
  return [...findings.values()];
}

export function isAccepted(finding: ClientSupportFinding, policy: readonly ClientSupportException[]): boolean {
  return policy.some(
    (exception) => exception.feature === finding.feature && exception.clients.some((glob) => clientMatches(glob, finding.client)),
  );
}

function resolveClients(globs: readonly string[]): string[] {
  const clients = KNOWN_CLIENTS.filter((client) => globs.some((glob) => clientMatches(glob, client)));
  if (clients.length === 0) throw new Error(`no known email client matches ${globs.join(', ')}`);
  return clients;
}

function clientMatches(glob: string, client: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(client);
}

/**
 * The package checks only top-level rules of a stylesheet, so declarations inside `@media` (dark mode,
 * phone layout) would go unchecked. Each rule's declarations are appended as a style attribute, which
 * the package does check, without adding selector findings. Conditional comments hold Outlook-only
 * CSS and are skipped, as the package skips them.
 */
function mediaQueryDeclarationsAsElements(html: string): string {
  const styles = html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi);
  return [...styles]
    .flatMap((style) => declarationsInsideMedia(style[1] ?? ''))
    .map((declarations) => `<div style="${encodeAttribute(declarations.trim())}"></div>`)
    .join('');
}

// Can I email's titles for CSS functions. The package has them but never matches them (1.0.4 looks
// its title-to-name map up the wrong way round), so `calc()`, `var()` and gradients would pass unseen.
const CSS_FUNCTION_FEATURES: Record<string, string> = {
  calc: 'CSS calc() function',
  var: 'CSS Variables (Custom Properties)',
  'linear-gradient': 'linear-gradient()',
  'radial-gradient': 'radial-gradient()',
  'conic-gradient': 'conic-gradient()',
  clamp: 'clamp()',
  min: 'min()',
  max: 'max()',
  'light-dark': 'light-dark()',
  rgb: 'rgb()',
  rgba: 'rgba()',
  lch: 'lch(), oklch(), lab(), oklab()',
  oklch: 'lch(), oklch(), lab(), oklab()',
  lab: 'lch(), oklch(), lab(), oklab()',
  oklab: 'lch(), oklch(), lab(), oklab()',
};

/** The Can I email titles of the CSS functions used in style attributes and <style> blocks. */
function cssFunctionFeatures(html: string): string[] {
  const visible = html.replace(/<!--[\s\S]*?-->/g, '');
  const css = [
    ...[...visible.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((match) => match[1] ?? ''),
    ...[...startTags(visible)].flatMap((tag) =>
      tag.attributes.filter((attribute) => attribute.name === 'style').map((attribute) => decodeAttribute(attribute.raw)),
    ),
  ].join('\n');
  const titles = new Set<string>();
  for (const match of css.matchAll(/(?<![\w-])([a-z-]+)\(/gi)) {
    const title = CSS_FUNCTION_FEATURES[(match[1] ?? '').toLowerCase()];
    if (title !== undefined) titles.add(title);
  }
  return [...titles];
}

function declarationsInsideMedia(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  const open: Array<'media' | 'other'> = [];
  let segmentStart = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '{') {
      open.push(/^@media\b/i.test(text.slice(segmentStart, index).trim()) ? 'media' : 'other');
      segmentStart = index + 1;
    } else if (char === '}') {
      if (open.pop() === 'other' && open.includes('media')) found.push(text.slice(segmentStart, index));
      segmentStart = index + 1;
    }
  }
  return found;
}

function describe(findings: ClientSupportFinding[], support: 'none' | 'partial'): Issue[] {
  const byFeature = new Map<string, string[]>();
  for (const { feature, client } of findings) byFeature.set(feature, [...(byFeature.get(feature) ?? []), client]);
  const verb = support === 'none' ? 'is not supported by' : 'is only partly supported by';
  return [...byFeature].map(([feature, clients]) => ({
    check: 'client-support',
    message:
      `\`${feature}\` ${verb} ${clients.map((client) => `${CLIENT_NAMES[client] ?? client} (${client})`).join(', ')}; ` +
      `see https://www.caniemail.com/search/?s=${encodeURIComponent(feature)} — avoid it, or accept it with a reason in src/email/checks/client-support-policy.ts`,
  }));
}

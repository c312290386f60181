/**
 * The client-support policy, in one place: which email clients the digest must work in, and which
 * features we use knowingly although some of them lack or limit support. Anything else a target
 * client does not support is an error; anything else it supports only partly is a warning.
 */

/**
 * Client ids as Can I email names them. `outlook.outlook-com` (Outlook on the web, and the new
 * Outlook for Windows) is in the package's data but missing from its list of clients; the check adds it.
 */
export const targetClients: readonly string[] = ['gmail.*', 'outlook.windows', 'outlook.outlook-com', 'apple-mail.*'];

export interface ClientSupportException {
  /** The feature's title in Can I email, exactly as the check reports it, e.g. `@media`, `display:none`. */
  feature: string;
  /** Client ids or globs (`gmail.*`) whose missing or partial support of the feature is accepted. */
  clients: readonly string[];
  /** Why that is acceptable: the fallback these clients get, or how the template avoids the limitation. */
  reason: string;
}

export const clientSupportPolicy: readonly ClientSupportException[] = [
  // Layout: fluid-hybrid divs for everyone, fixed-width ghost tables for Outlook on Windows.
  {
    feature: '@media',
    clients: ['outlook.windows', 'gmail.*', 'outlook.outlook-com'],
    reason:
      'Phone tweaks and dark mode are enhancements: the layout is already fluid, and Outlook for Windows gets its fixed 600px from the MSO ghost tables. Queries are width- or prefers-color-scheme-based and never nested, the parts Gmail and Outlook.com do support.',
  },
  {
    feature: 'max-width',
    clients: ['outlook.windows', 'apple-mail.ios'],
    reason:
      'max-width is set on divs (the fluid-hybrid columns), never on tables; Outlook for Windows ignores it there and takes its widths from the ghost tables instead.',
  },
  {
    feature: 'display',
    clients: ['outlook.windows', 'gmail.ios', 'gmail.android'],
    reason:
      'Only block, inline-block and none are used, never flex or grid; Outlook for Windows ignores inline-block and gets its columns from the ghost tables.',
  },
  {
    feature: 'margin',
    clients: ['outlook.windows', 'outlook.outlook-com', 'gmail.*'],
    reason:
      'No negative margins; `margin: 0 auto` centres the container elsewhere, while Outlook for Windows is centred by the ghost table\'s align="center".',
  },
  {
    feature: 'padding',
    clients: ['outlook.windows'],
    reason:
      "Spacing is padding on table cells, which Outlook for Windows honours; the button's padding on <a> is backed by mso-padding-alt on its cell.",
  },
  {
    feature: 'width attribute',
    clients: ['outlook.windows'],
    reason:
      'Images carry pixel widths (not percentages) for Outlook, and the MSO head block fixes PixelsPerInch at 96 so they do not scale wrongly at 120 dpi.',
  },
  {
    feature: 'height attribute',
    clients: ['outlook.windows'],
    reason: 'As for width: pixel heights on images, with PixelsPerInch fixed at 96.',
  },
  {
    feature: '<body> element',
    clients: ['gmail.*', 'outlook.outlook-com'],
    reason:
      'These clients replace <body> with a <div>, so the background colour, lang and role="article" are repeated on the wrapper div inside it.',
  },
  {
    feature: 'dir attribute',
    clients: ['outlook.windows', 'gmail.mobile-webmail'],
    reason:
      "dir (ltr or rtl, from the site's language) is only on <html> and the wrapper div, not on links, and the shipped languages are left to right, so neither bug applies to them.",
  },

  // Head CSS: client fixes and enhancements only; everything the layout needs is inline.
  {
    feature: 'Type selector',
    clients: ['gmail.mobile-webmail', 'gmail.ios', 'gmail.android'],
    reason:
      "Gmail's mobile webmail (and its apps with non-Google accounts) ignore <style> blocks; the rules there are client fixes such as `#MessageViewBody a`, and everything the layout needs is inline.",
  },
  {
    feature: 'ID selector',
    clients: ['gmail.mobile-webmail', 'gmail.ios', 'gmail.android'],
    reason: 'As for type selectors: `#MessageViewBody a` is a fix for one client, harmless where ignored.',
  },
  {
    feature: 'Class selector',
    clients: ['gmail.mobile-webmail', 'gmail.ios', 'gmail.android'],
    reason:
      "As for type selectors: the head's top-level class rules are Outlook.com's dark-mode palette (`[data-ogsc] .card`), harmless where ignored; layout and light colours are inline.",
  },
  {
    feature: 'Attribute selector',
    clients: ['gmail.*', 'outlook.windows', 'outlook.outlook-com'],
    reason:
      "Only in client fixes, each in a <style> block of its own: `a[x-apple-data-detectors]` undoes Apple Mail's blue date links, and `[data-ogsc]`/`[data-ogsb]` match the marks Outlook.com's dark mode adds. A client that ignores them does not add those attributes either, so nothing changes there.",
  },
  {
    feature: 'Descendant combinator',
    clients: ['gmail.mobile-webmail', 'gmail.ios', 'gmail.android'],
    reason: 'As for type selectors: head rules are enhancements, harmless where ignored.',
  },
  {
    feature: '!important keyword',
    clients: ['gmail.*', 'outlook.windows'],
    reason:
      'Used only in the head media queries, where it must beat the inline styles; always lowercase with a space before it (minify keeps the space), which is what Gmail and Outlook need.',
  },

  // The hidden preheader: several ways of hiding it, so each client finds one it honours.
  {
    feature: 'display:none',
    clients: ['gmail.mobile-webmail', 'outlook.windows'],
    reason:
      'Hides the preheader; Outlook for Windows hides it with mso-hide:all, and where display:none is ignored, max-height:0, max-width:0 and overflow:hidden keep it out of sight. No 1px font: SpamAssassin scores tiny text before the body as hidden text.',
  },
  {
    feature: 'opacity',
    clients: ['gmail.mobile-webmail', 'outlook.windows'],
    reason: "One of the preheader's redundant hiding styles; display:none and mso-hide:all do the work in these clients.",
  },
  {
    feature: 'overflow',
    clients: ['outlook.windows', 'apple-mail.macos'],
    reason:
      "One of the preheader's redundant hiding styles (mso-hide:all covers Outlook); nothing needs to scroll, so Apple Mail's scrolling bug does not matter.",
  },

  // Typography and decoration: values chosen from the supported subset.
  {
    feature: 'border-radius',
    clients: ['outlook.windows'],
    reason: 'Rounded corners on the button are decoration; Outlook for Windows shows a square button of the same colour.',
  },
  {
    feature: 'border',
    clients: ['outlook.windows'],
    reason: 'Borders are 1–2px rules; on table cells Outlook draws them, and a missing separator line above a teaser div is acceptable.',
  },
  {
    feature: 'font-size',
    clients: ['outlook.windows'],
    reason: 'Sizes are in px, never rem.',
  },
  {
    feature: 'font-weight',
    clients: ['outlook.windows'],
    reason: 'Only `bold` and `normal` are used, which Outlook maps exactly.',
  },
  {
    feature: 'line-height',
    clients: ['outlook.windows'],
    reason: 'Line heights are in px, and the MSO head block sets mso-line-height-rule: exactly so Outlook uses them as given.',
  },
  {
    feature: 'letter-spacing',
    clients: ['outlook.windows'],
    reason: "Only a small positive px value on the kicker line; Outlook's bugs concern em and large negative values.",
  },
  {
    feature: 'text-align',
    clients: ['outlook.windows', 'gmail.ios', 'gmail.android'],
    reason: 'Only left, right and center, never the flow-relative start and end.',
  },
  {
    feature: 'text-decoration',
    clients: ['outlook.windows', 'gmail.ios', 'gmail.android'],
    reason: 'Single values only (underline or none); links stay distinguishable by colour where the declaration is dropped.',
  },
  {
    feature: 'text-transform',
    clients: ['outlook.windows'],
    reason: 'Only uppercase is used; Outlook lacks lowercase.',
  },
];

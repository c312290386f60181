/** Step: move the template's <style> CSS into style attributes; `<style data-embed>` blocks stay in <head>. */
import { inline } from '@css-inline/css-inline';

const EMBED_STYLE = /<style\b[^>]*?\sdata-embed\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const EMBED_MARKER = /\sdata-embed(?:\s*=\s*(?:""|''|"data-embed"|data-embed))?(?=[\s>/])/i;
const PLACEHOLDER = /<meta name="email-embed" content="(\d+)">/g;

/**
 * Inlines every `<style>` block except those marked `data-embed` (the Maizzle and juice convention),
 * which are kept as written, minus the marker. Rules that cannot be inlined (media queries,
 * pseudo-classes, selectors for client wrappers such as `#MessageViewBody`) are kept in <head>
 * rather than silently dropped; put them in a `data-embed` block to keep their order and grouping.
 */
export function inlineCss(html: string): string {
  // Set aside rather than marked `data-css-inline="ignore"`: css-inline 0.20.1 drops ignored blocks
  // whenever the other blocks were inlined completely. A <meta> placeholder stays where it is put.
  const embedded: string[] = [];
  const withPlaceholders = html.replace(EMBED_STYLE, (block) => {
    embedded.push(block.replace(EMBED_MARKER, ''));
    return `<meta name="email-embed" content="${embedded.length - 1}">`;
  });
  const inlined = inline(withPlaceholders, {
    keepAtRules: true,
    removeInlinedSelectors: true,
    loadRemoteStylesheets: false,
  });
  return inlined.replace(PLACEHOLDER, (placeholder, index: string) => embedded[Number(index)] ?? placeholder);
}

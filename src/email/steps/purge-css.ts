/** Step: drop CSS rules whose selectors match nothing in the email, before they are inlined. */
import { startTags } from '../html.ts';

// A leftover block is any <style> without data-embed (data-embed blocks are kept as the author wrote them).
const STYLE_BLOCK = /<style\b(?![^>]*\sdata-embed\b)([^>]*)>([\s\S]*?)<\/style\s*>/gi;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
// Pseudo-classes and pseudo-elements cannot be matched statically; match what they decorate.
const PSEUDO = /::?[a-z-]+(\([^)]*\))?/gi;
// Compound selectors this step can judge: tags and classes joined by descendant, child or sibling combinators.
const SIMPLE_SELECTOR = /^[a-z0-9*.\s>+~_-]+$/i;
const CSS_COMMENT = /\/\*[\s\S]*?\*\//g;
// Outlook's conditional comments hold CSS for Outlook alone, written for it on purpose: left as they are.
const CONDITIONAL_COMMENT = /<!--\[if[\s\S]*?<!\[endif\]-->/gi;
// What a <style> block holds is CSS, not markup: a `<small>` in a CSS comment is no element.
const STYLE_CONTENT = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

/**
 * A rule in a plain <style> block that styles nothing in this issue (a template class unused today, such
 * as the figures table in an issue without figures) would be left in <head> by the inliner, where it
 * only costs bytes and trips client-support checks, so it goes. `data-embed` blocks (client fixes such
 * as `#MessageViewBody a`, media queries) are the author's and stay whole. A selector is
 * dead when one of its tags or classes appears nowhere in the email; anything this cannot judge (attribute
 * selectors, :not(), ids) is kept. Blocks left empty are removed. At-rules belong in data-embed blocks.
 */
export function purgeCss(html: string): string {
  if (!/<style\b/i.test(html)) return html;
  const tags = new Set<string>();
  const classes = new Set<string>();
  for (const tag of startTags(html.replace(STYLE_CONTENT, '$1$2'))) {
    tags.add(tag.name);
    for (const attribute of tag.attributes) {
      if (attribute.name === 'class') for (const name of attribute.raw.split(/\s+/)) if (name) classes.add(name);
    }
  }
  const mayMatch = (selector: string): boolean => {
    const plain = selector.replace(PSEUDO, '').trim();
    if (!plain || !SIMPLE_SELECTOR.test(plain)) return true;
    return plain
      .split(/[\s>+~]+/)
      .filter(Boolean)
      .every((compound) => {
        const [tag = '', ...classNames] = compound.split('.');
        return (tag === '' || tag === '*' || tags.has(tag.toLowerCase())) && classNames.every((name) => classes.has(name));
      });
  };
  const conditionals: string[] = [];
  const outsideComments = html.replace(CONDITIONAL_COMMENT, (comment) => `<!--conditional-${conditionals.push(comment) - 1}-->`);
  const purged = outsideComments.replace(STYLE_BLOCK, (block, attributes: string, css: string) => {
    if (/@/.test(css)) return block; // at-rules are not purged here
    const kept = [...css.replace(CSS_COMMENT, '').matchAll(RULE)]
      .map(([, selectors = '', body = '']) => {
        const live = selectors
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && mayMatch(s));
        return live.length ? `${live.join(', ')} {${body}}` : '';
      })
      .filter(Boolean);
    return kept.length ? `<style${attributes}>${kept.join('\n')}</style>` : '';
  });
  return purged.replace(/<!--conditional-(\d+)-->/g, (marker, index: string) => conditionals[Number(index)] ?? marker);
}

/** Step: drop CSS rules left in <head> after inlining whose selectors match nothing in the email. */
import * as cheerio from 'cheerio';

// A leftover block is any <style> without data-embed (data-embed blocks are kept as the author wrote them).
const STYLE_BLOCK = /<style\b(?![^>]*\sdata-embed\b)([^>]*)>([\s\S]*?)<\/style\s*>/gi;
const RULE = /([^{}]+)\{([^{}]*)\}/g;
// Pseudo-classes and pseudo-elements cannot be matched statically; match what they decorate.
const PSEUDO = /::?[a-z-]+(\([^)]*\))?/gi;

/**
 * After inlining, a rule still in a plain <style> block either styles nothing in this issue (a template
 * class unused today, such as the figures table in an issue without figures) or cannot be inlined
 * (a pseudo-class). Dead rules only cost bytes and trip client-support checks, so they go; rules whose
 * element exists stay. Blocks left empty are removed. At-rules belong in data-embed blocks.
 */
export function purgeCss(html: string): string {
  if (!/<style\b/i.test(html)) return html;
  const $ = cheerio.load(html);
  const matches = (selector: string): boolean => {
    const plain = selector.replace(PSEUDO, '').trim() || '*';
    try {
      return $(plain).length > 0;
    } catch {
      return true; // a selector cheerio cannot parse is kept rather than guessed about
    }
  };
  return html.replace(STYLE_BLOCK, (block, attributes: string, css: string) => {
    if (/@/.test(css)) return block; // at-rules are not purged here
    const kept = [...css.matchAll(RULE)]
      .map(([, selectors = '', body = '']) => {
        const live = selectors.split(',').map((s) => s.trim()).filter((s) => s && matches(s));
        return live.length ? `${live.join(', ')} {${body}}` : '';
      })
      .filter(Boolean);
    return kept.length ? `<style${attributes}>${kept.join('\n')}</style>` : '';
  });
}

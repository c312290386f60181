// Shortcodes: `{% fact "id" %}` prints a figure from the article's facts file, escaped.
import { escapeHtml } from '../content/html.ts';
import { displayPath } from '../content/paths.ts';
import { factText, type FactForm } from '../facts/present.ts';
import type { BuildState } from './state.ts';
import type { EleventyConfig } from './types.ts';

export function registerShortcodes(config: EleventyConfig, state: () => BuildState): void {
  config.addShortcode('fact', function (id: unknown, form: unknown = 'prose') {
    // The file is named only in errors; working out its display path for each of thousands of figures is waste.
    const file = () => displayPath(this.page.inputPath);
    if (typeof id !== 'string') throw new Error(`${file()}: {% fact %} needs a fact id in quotes, such as {% fact "initial-dispatch" %}`);
    const { site, facts } = state();
    try {
      return escapeHtml(factText(facts[this.page.fileSlug], id, form as FactForm, { locale: site.locale, zone: site.timeZone }));
    } catch (error) {
      throw new Error(`${file()}: {% fact "${id}" %}: ${(error as Error).message}`);
    }
  });
}

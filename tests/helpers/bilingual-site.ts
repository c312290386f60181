// A site in two languages: the English seed, and a German version of its article (`lang: de`, `translationOf`)
// with the same facts, carried by the digest beside the English one.
import fs from 'node:fs';
import path from 'node:path';
import { copyContent, replaceIn, seedSlug, writeArticle } from './site.ts';

export const GERMAN_SLUG = 'nordkorea-mehr-truppen-russland';

export function bilingualContent(edit?: (dir: string) => void): string {
  return copyContent((dir) => {
    fs.copyFileSync(path.join(dir, 'facts', `${seedSlug}.yaml`), path.join(dir, 'facts', `${GERMAN_SLUG}.yaml`));
    writeArticle(
      dir,
      GERMAN_SLUG,
      {
        title: '"Nordkorea will weitere Truppen nach Russland schicken"',
        summary: '"Nordkorea bereitet laut Berichten die Entsendung weiterer Soldaten vor."',
        date: '"2025-06-24T10:00:00+09:00"',
        section: 'Welt',
        tags: '["Nordkorea", "Russland"]',
        reporting: '[south-korean-intelligence]',
        lang: 'de',
        translationOf: seedSlug,
      },
      'Nach einer ersten Entsendung von {% fact "initial-dispatch" %} Soldaten kündigte Russland {% fact "second-deployment" %} weitere an.',
    );
    replaceIn(path.join(dir, 'digests', '2025-06-27.md'), `  - ${seedSlug}\n`, `  - ${seedSlug}\n  - ${GERMAN_SLUG}\n`);
    edit?.(dir);
  });
}

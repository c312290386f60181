// The catalogues shipped in src/i18n/messages, read and checked once, on first use, and kept for the process:
// they are part of the program, like Intl's own locale data.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCatalogue, loadCatalogues, type Catalogue, type Catalogues } from './catalogue.ts';

export const MESSAGES_DIR = fileURLToPath(new URL('./messages/', import.meta.url));

let shipped: Catalogues | undefined;

export function shippedCatalogues(): Catalogues {
  shipped ??= loadCatalogues(MESSAGES_DIR, path.relative(process.cwd(), MESSAGES_DIR) || '.');
  return shipped;
}

/** The shipped catalogue for a resolved locale; throws, naming the file to add, when there is none. */
export function shippedCatalogue(locale: { tag: string; language: string; region: string | undefined }): Catalogue {
  return findCatalogue(shippedCatalogues(), locale);
}

// Message catalogues: discovered from their folder, checked against English when loaded, used by the formatters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogueError, findCatalogue, loadCatalogues, type Catalogues } from '../../../src/i18n/catalogue.ts';
import { MESSAGES_DIR, shippedCatalogues } from '../../../src/i18n/shipped-catalogues.ts';
import { projectRoot } from '../../../src/shared/paths.ts';
import { formatDistance, formatFuzzyDate } from '../../../src/format/dates.ts';
import { formatQuantity } from '../../../src/format/numbers.ts';
import { resolveLocale } from '../../../src/format/locale.ts';

const FRENCH = path.join(projectRoot, 'tests/fixtures/i18n/fr.yaml');
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A catalogue folder with the shipped English and the given files. */
function catalogueFolder(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogues-'));
  folders.push(folder);
  fs.copyFileSync(path.join(MESSAGES_DIR, 'en.yaml'), path.join(folder, 'en.yaml'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  return folder;
}

const german = () => fs.readFileSync(path.join(MESSAGES_DIR, 'de.yaml'), 'utf8');
const problemsOf = (folder: string): readonly string[] => {
  try {
    loadCatalogues(folder, 'messages');
  } catch (error) {
    if (error instanceof CatalogueError) return error.problems;
    throw error;
  }
  return [];
};

describe('the shipped catalogues', () => {
  it('load: every language has every English key, with the same placeholders', () => {
    expect([...shippedCatalogues().byLanguage.keys()].sort()).toEqual(['de', 'en', 'ko']);
  });

  it('are the files in src/i18n/messages, one per language, found without a list in code', () => {
    const files = fs.readdirSync(MESSAGES_DIR).filter((name) => name.endsWith('.yaml'));
    expect(files.map((name) => name.replace('.yaml', '')).sort()).toEqual([...shippedCatalogues().byLanguage.keys()].sort());
  });

  it('follow each language’s plural rules', () => {
    const english = findCatalogue(shippedCatalogues(), resolveLocale('en-US'));
    expect(english.format('format.unit.year', { n: 1 })).toBe('year');
    expect(english.format('format.unit.year', { n: 2 })).toBe('years');
    expect(english.format('format.unit.year', { n: 1.5 })).toBe('years');
  });
});

describe('loadCatalogues', () => {
  it('refuses a catalogue with a key missing, rather than fall back to English', () => {
    const withoutKey = german().replace(/^ {2}atLeast: .*\n/m, '');
    expect(problemsOf(catalogueFolder({ 'de.yaml': withoutKey }))).toEqual([
      'messages/de.yaml: format.atLeast: missing (messages/en.yaml has it)',
    ]);
  });

  it('refuses a key English does not have', () => {
    const typo = german().replace(/^ {2}atLeast:/m, '  atLaest:');
    expect(problemsOf(catalogueFolder({ 'de.yaml': typo }))).toEqual([
      'messages/de.yaml: format.atLeast: missing (messages/en.yaml has it)',
      'messages/de.yaml: format.atLaest: not a key of messages/en.yaml',
    ]);
  });

  it('refuses a placeholder English does not have, and one English prints that is never printed', () => {
    const wrongName = german().replace("atLeast: 'mindestens {count}'", "atLeast: 'mindestens {cuont}'");
    expect(problemsOf(catalogueFolder({ 'de.yaml': wrongName }))).toEqual([
      'messages/de.yaml: format.atLeast: uses {cuont}, which the English message does not have and never prints {count} ' +
        '(English prints {count} and chooses by none)',
    ]);
  });

  it('lets a language leave out a count English only chooses by', () => {
    expect(problemsOf(catalogueFolder({ 'ko.yaml': fs.readFileSync(path.join(MESSAGES_DIR, 'ko.yaml'), 'utf8') }))).toEqual([]);
  });

  it('refuses plural forms the language does not have, and messages that are not ICU', () => {
    const wrongPlural = german().replace(
      "year: '{n, plural, one {Jahr} other {Jahre}}'",
      "year: '{n, plural, one {Jahr} few {Jahre} other {Jahre}}'",
    );
    const broken = wrongPlural.replace("moreThan: 'mehr als {count}'", "moreThan: 'mehr als {count'");
    const problems = problemsOf(catalogueFolder({ 'de.yaml': broken }));
    expect(problems).toContain(
      'messages/de.yaml: format.unit.year: plural forms few do not exist in "de" (Intl.PluralRules has one, other)',
    );
    expect(problems.some((p) => p.startsWith('messages/de.yaml: format.moreThan: not a valid ICU message'))).toBe(true);
  });

  it('refuses a translation that drops a tag or names it otherwise, which would lose a link', () => {
    const dropped = german().replace("plainText: 'Auch als <text>Textversion</text>.'", "plainText: 'Auch als Textversion.'");
    const renamed = german().replace("plainText: 'Auch als <text>Textversion</text>.'", "plainText: 'Auch als <txt>Textversion</txt>.'");
    expect(problemsOf(catalogueFolder({ 'de.yaml': dropped }))).toEqual([
      'messages/de.yaml: digest.plainText: has the tags none, English <text>; keep each tag around the words it marks',
    ]);
    expect(problemsOf(catalogueFolder({ 'de.yaml': renamed }))).toEqual([
      'messages/de.yaml: digest.plainText: has the tags <txt>, English <text>; keep each tag around the words it marks',
    ]);
  });

  it('names a file whose name is not a language, and needs English', () => {
    const folder = catalogueFolder({ 'de_DE.yaml': german() });
    expect(problemsOf(folder)).toEqual(['messages/de_DE.yaml: the file name must be a language tag such as "fr.yaml" or "pt-BR.yaml"']);
    fs.rmSync(path.join(folder, 'en.yaml'));
    expect(problemsOf(folder)).toContain('messages/en.yaml: missing; every catalogue is checked against it');
  });

  it('asks for quotes around a value that is not a message', () => {
    const number = german().replace('unchanged: unverändert', 'unchanged: 0');
    expect(problemsOf(catalogueFolder({ 'de.yaml': number }))).toEqual([
      'messages/de.yaml: format.change.unchanged: must be a message in quotes, got 0',
    ]);
  });
});

describe('a language added as one file', () => {
  let catalogues: Catalogues;
  const french = () => {
    catalogues ??= loadCatalogues(catalogueFolder({ 'fr.yaml': fs.readFileSync(FRENCH, 'utf8') }));
    return findCatalogue(catalogues, resolveLocale('fr-FR'));
  };
  const fr = (text: string) => text.replaceAll('\u00a0', ' ').replaceAll('\u202f', ' ');

  it('is found by its language and checked like the others', () => {
    expect(french().language).toBe('fr');
    expect(findCatalogue(catalogues, resolveLocale('fr-CA')).language).toBe('fr');
    expect(() => findCatalogue(catalogues, resolveLocale('ja-JP'))).toThrow(
      /no message catalogue for locale "ja-JP": the languages are en, fr/,
    );
  });

  it('prints figures from its words and Intl, with no rules written for it', () => {
    const catalogue = french();
    const format = (quantity: Parameters<typeof formatQuantity>[0]) => fr(formatQuantity(quantity, { locale: 'fr-FR', catalogue }));
    expect(format({ amount: { kind: 'exact', value: 1.2e9 }, currency: 'USD' })).toBe('1,2 milliard de dollars');
    expect(format({ amount: { kind: 'exact', value: 1_049_999 }, currency: 'EUR' })).toBe('1 049 999 euros');
    expect(format({ amount: { kind: 'atLeast', value: 100 }, unit: 'person' })).toBe('au moins 100 personnes');
    expect(format({ amount: { kind: 'exact', value: 3e6 }, unit: 'person' })).toBe('3 millions de personnes');
    expect(format({ amount: { kind: 'approximate', value: 3.5 }, unit: 'percent' })).toBe('environ 3,5 %');
    expect(format({ amount: { kind: 'range', low: 4_000, high: 6_000 }, unit: 'year' })).toBe('4 000 à 6 000 ans');
    expect(fr(formatDistance('2025-10', '2026-06-24', { locale: 'fr-FR', zone: 'Europe/Paris', catalogue }))).toBe('8 mois plus tôt');
    expect(fr(formatFuzzyDate({ kind: 'on', date: { year: 2024, month: 10, day: 5 } }, { locale: 'fr-FR' }))).toBe('5 octobre 2024');
  });

  it('says so when the language has no compound form', () => {
    expect(() =>
      formatQuantity({ amount: { kind: 'exact', value: 3 }, unit: 'year' }, { locale: 'fr-FR', catalogue: french(), form: 'compound' }),
    ).toThrow('"fr" forms no compound adjective from "year"');
  });
});

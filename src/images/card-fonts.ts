// The fonts the social cards are drawn in, from npm packages: Pretendard, with Noto Sans KR for what it lacks.
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFontMetrics, textWidth, type FontMetrics } from './font-metrics.ts';

const packageDir = (name: string) => path.dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));

/**
 * Pretendard (SIL Open Font License 1.1) covers every Hangul syllable, Latin with its extended letters
 * (German, Polish, Turkish, Vietnamese), Greek and Cyrillic, but no Chinese characters. Noto Sans KR
 * (Adobe's and Google's, SIL Open Font License 1.1, from @embedpdf/fonts-kr) adds the Hanja Korean
 * headlines use (北, 美, 中, 與野) and Japanese kanji. Both packages also ship files resvg does not read.
 */
const PRETENDARD = path.join(packageDir('pretendard'), 'dist/public/static');
// @embedpdf/fonts-kr's exports name no package.json: its entry point is in dist/, the fonts beside it.
const NOTO_SANS_KR = path.join(path.dirname(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-kr'))), 'fonts');

export const CARD_FONT_FILES = [
  path.join(PRETENDARD, 'Pretendard-Regular.otf'),
  path.join(PRETENDARD, 'Pretendard-Bold.otf'),
  path.join(NOTO_SANS_KR, 'NotoSansKR-Regular.otf'),
  path.join(NOTO_SANS_KR, 'NotoSansKR-Bold.otf'),
] as const;

export type CardWeight = 400 | 700;

/** One weight of a family. */
export type CardFace = Record<CardWeight, FontMetrics>;

export interface CardFonts {
  /** Each character is drawn in the first of these that has it: the family the card is set in, then its fallback. */
  families: [CardFace, ...CardFace[]];
  /** Every file resvg loads. */
  files: readonly string[];
}

let loaded: CardFonts | undefined;

/**
 * The card fonts' metrics, read on first use. Kept for the life of the process because they are the
 * fixed contents of files in node_modules (30 ms to read), the same for every card of every build.
 */
export function cardFonts(): CardFonts {
  if (!loaded) {
    const [regular, bold, fallbackRegular, fallbackBold] = CARD_FONT_FILES.map(readFontMetrics) as [
      FontMetrics,
      FontMetrics,
      FontMetrics,
      FontMetrics,
    ];
    loaded = {
      families: [
        { 400: regular, 700: bold },
        { 400: fallbackRegular, 700: fallbackBold },
      ],
      files: CARD_FONT_FILES,
    };
  }
  return loaded;
}

/** A stretch of text drawn in one font. */
export interface FontRun {
  text: string;
  font: FontMetrics;
}

/** `text` in runs of one font each: every character in the first family that has it (the first family's when none does). */
export function fontRuns(text: string, weight: CardWeight, fonts: CardFonts): FontRun[] {
  const faces = fonts.families.map((family) => family[weight]);
  const runs: FontRun[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) as number;
    // A space joins the run it is in, so runs break only where a font must change.
    const font =
      /\s/u.test(character) && runs.length
        ? (runs.at(-1) as FontRun).font
        : (faces.find((f) => f.covers(codePoint)) ?? fonts.families[0][weight]);
    const last = runs.at(-1);
    if (last?.font === font) last.text += character;
    else runs.push({ text: character, font });
  }
  return runs;
}

/** The width of `text` at `size` pixels as the card draws it: each run's advances in its own font, without kerning. */
export function cardTextWidth(text: string, weight: CardWeight, size: number, fonts: CardFonts): number {
  return fontRuns(text, weight, fonts).reduce((sum, run) => sum + textWidth(run.font, run.text, size), 0);
}

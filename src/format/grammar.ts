// Grammar that cannot be data: the few per-language rules the formatters apply around the catalogues' words.
// A language without an entry here gets the neutral behaviour, which with its catalogue and Intl is correct
// for most languages; adding one is for rules a message cannot express.
import { numberFormat, type ResolvedLocale } from '../shared/intl-memo.ts';

export interface Grammar {
  /** The spelled number before a unit word, where the standalone word would be wrong (German "eins"). */
  countBeforeUnit?(n: number, word: string): string;
  /** The spelled number where it joins the next word: a range's start, a compound adjective, a fraction. */
  countInComposition?(n: number, word: string): string;
  /** A compound adjective with an inflection ending the sentence needs (German "dreijährige" → "dreijährigen"). */
  withEnding?(adjective: string, ending: string): string;
  /** A whole number of a million or more in the language's own words, or undefined to keep figures. */
  largeNumber?(n: number, locale: ResolvedLocale): string | undefined;
}

// German adjective endings all begin with e (-e, -en, -er, -es, -em); the catalogue's compound ends in -e.
const GERMAN_ENDINGS = ['e', 'en', 'er', 'es', 'em'];

const german: Grammar = {
  // "eins" does not decline, and "ein Jahr" / "eine Woche" / "einen Monat" depend on the noun's gender and case,
  // which a figure does not know; Duden allows figures beside units, so one stays "1 Jahr".
  countBeforeUnit: (n, word) => (n === 1 ? '1' : word),
  // "ein bis zwei Jahre", "einjährige", "ein Fünftel": the uninflected "ein" German uses where it joins a word.
  countInComposition: (n, word) => (n === 1 ? 'ein' : word),
  withEnding(adjective, ending) {
    if (!GERMAN_ENDINGS.includes(ending)) {
      throw new RangeError(`a German adjective ending is one of ${GERMAN_ENDINGS.join(', ')}; got "${ending}"`);
    }
    return `${adjective.replace(/e$/, '')}${ending}`;
  },
};

// Korean counts in myriads (만 10⁴, 억 10⁸, 조 10¹²) and, by 한글 맞춤법 제44항, spaces between them:
// 1,250,000,000 is "12억 5000만". Only numbers that end on a myriad take words; 1,049,999 keeps its figures,
// because a sourced number must not silently lose precision, and "104만 9999" is not how papers print it.
const MYRIADS: ReadonlyArray<[number, string]> = [
  [1e12, '조'],
  [1e8, '억'],
  [1e4, '만'],
];

const korean: Grammar = {
  largeNumber(n, locale) {
    if (!Number.isSafeInteger(n) || Math.abs(n) < 1e6 || Math.abs(n) >= 1e16 || n % 1e4 !== 0) return undefined;
    const digits = numberFormat(locale.tag, { useGrouping: false });
    const groups: string[] = [];
    let rest = Math.abs(n);
    for (const [size, word] of MYRIADS) {
      const count = Math.floor(rest / size);
      rest -= count * size;
      if (count > 0) groups.push(`${digits.format(count)}${word}`);
    }
    return `${n < 0 ? '-' : ''}${groups.join(' ')}`;
  },
};

const GRAMMAR: Readonly<Record<string, Grammar>> = { de: german, ko: korean };

export function grammarOf(locale: ResolvedLocale): Grammar {
  return GRAMMAR[locale.language] ?? {};
}

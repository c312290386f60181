import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, fitLines, fitOneLine, withEllipsis } from '../../../src/images/text-fit.ts';

// Ten units a character: widths are easy to reason about.
const mono = (text: string) => [...text].length * 10;
const options = { maxWidth: 100, maxLines: 3, breakWords: true, locale: 'en' };

describe('fitLines', () => {
  it('wraps at spaces, each line as full as it can be', () => {
    expect(fitLines('North Korea to Deploy More Troops', mono, { ...options, maxLines: 5 })).toEqual({
      lines: ['North', 'Korea to', 'Deploy', 'More', 'Troops'],
      fits: true,
      truncated: false,
    });
    expect(fitLines('one two three four', mono, { ...options, maxLines: 5 })).toEqual({
      lines: ['one two', 'three four'],
      fits: true,
      truncated: false,
    });
  });

  it('says a word wider than a line does not fit, unless it may be broken between characters', () => {
    expect(fitLines('Bundesverfassungsgericht rules', mono, { ...options, breakWords: false }).fits).toBe(false);
    expect(fitLines('Bundesverfassungsgericht rules', mono, options)).toEqual({
      lines: ['Bundesverf', 'assungsger', 'icht rules'],
      fits: true,
      truncated: false,
    });
  });

  it('never splits a character made of several code points', () => {
    const flag = '🇰🇷';
    const { lines } = fitLines(flag.repeat(12), (t) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(t)].length * 10, {
      ...options,
      maxLines: 5,
    });
    expect(lines).toEqual([flag.repeat(10), flag.repeat(2)]);
  });

  it('ends the last line with an ellipsis when the text needs more lines than it may have', () => {
    const { lines, truncated } = fitLines('a bb ccc dddd eeeee ffffff ggggggg', mono, { ...options, maxLines: 2 });
    expect(truncated).toBe(true);
    expect(lines).toEqual(['a bb ccc', 'dddd…']);
  });

  it('keeps every line within the width, and the text whole and in order when nothing is cut (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '한', 'ß', ','), minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 10, max: 300 }),
        (words, maxLines, maxWidth) => {
          const text = words.join(' ');
          const fitted = fitLines(text, mono, { maxWidth, maxLines, breakWords: true, locale: 'en' });
          expect(fitted.lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of fitted.lines) expect(mono(line)).toBeLessThanOrEqual(maxWidth);
          if (!fitted.truncated) expect(fitted.lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
          else expect(fitted.lines.at(-1)?.endsWith(ELLIPSIS)).toBe(true);
        },
      ),
    );
  });
});

describe('withEllipsis and fitOneLine', () => {
  it('drops whole words first, and the punctuation before the ellipsis', () => {
    expect(withEllipsis('Troops, tanks and more', 100, mono, 'en')).toBe('Troops…');
    expect(withEllipsis('Troops, tanks and more', 140, mono, 'en')).toBe('Troops, tanks…');
  });

  it('cuts inside a single word when even that is too wide', () => {
    expect(withEllipsis('Bundesverfassungsgericht', 100, mono, 'de')).toBe('Bundesver…');
    // Not even one letter and the ellipsis fit: the ellipsis alone.
    expect(withEllipsis('Bundesverfassungsgericht', 15, mono, 'de')).toBe('…');
  });

  it('leaves text that fits alone, and collapses its white space', () => {
    expect(fitOneLine('  Reported:\n a   legislator ', 220, mono, 'en')).toEqual({ line: 'Reported: a legislator', truncated: false });
    expect(fitOneLine('Reported: a South Korean legislator', 200, mono, 'en')).toEqual({ line: 'Reported: a South…', truncated: true });
  });
});

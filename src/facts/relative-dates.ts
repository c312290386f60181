// Resolves the relative dates editors quote from the text ("October last year", "in April",
// "July or August") against the publication date, so a stored absolute date can be checked.
import type { CalendarDate, FuzzyDate } from '../format/dates.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;
const YEAR_WORD = '(last|this|next) year';
// Words that frame a date without changing it: "in April", "by July or August", "as early as July".
const LEAD_IN = /^(?:(?:possibly|as early as|as late as|in|by|since|from|until|during|around|about|early|late|mid-?)\s+)+/;

const yearOffset = (word: string | undefined): number => (word === 'last' ? -1 : word === 'next' ? 1 : 0);
const monthNumber = (name: string): number => MONTHS.indexOf(name.toLowerCase()) + 1;

/**
 * The year of the `month` nearest to publication, counted in whole months; six months either way is a tie,
 * and the earlier one wins. A bare "In December" in an article of January 10 is the December just past.
 */
function nearestYear(month: number, published: CalendarDate): number {
  if (published.month === undefined) return published.year;
  const from = published.year * 12 + published.month;
  let best = published.year - 1;
  for (const year of [published.year, published.year + 1]) {
    if (Math.abs(year * 12 + month - from) < Math.abs(best * 12 + month - from)) best = year;
  }
  return best;
}

/** The months of a phrase: with a year word, both in that year; bare, the first nearest to publication and the second after it. */
function monthsOf(first: string, second: string, yearWord: string | undefined, published: CalendarDate): [CalendarDate, CalendarDate] {
  const [a, b] = [monthNumber(first), monthNumber(second)];
  if (yearWord !== undefined) {
    const year = published.year + yearOffset(yearWord);
    return [
      { year, month: a },
      { year, month: b },
    ];
  }
  const year = nearestYear(a, published);
  return [
    { year, month: a },
    { year: b < a ? year + 1 : year, month: b },
  ];
}

/** The absolute date a phrase means when published on `published`, or undefined when the phrase is too vague to check. */
export function resolveRelativePhrase(phrase: string, published: CalendarDate): FuzzyDate | undefined {
  const text = phrase.trim().toLowerCase().replace(/\s+/g, ' ').replace(LEAD_IN, '');
  let m: RegExpExecArray | null;

  if ((m = new RegExp(`^${YEAR_WORD}$`).exec(text))) return { kind: 'on', date: { year: published.year + yearOffset(m[1]) } };
  if ((m = /^(last|this|next) month$/.exec(text)) && published.month !== undefined) {
    const index = published.year * 12 + (published.month - 1) + yearOffset(m[1]);
    return { kind: 'on', date: { year: Math.floor(index / 12), month: (index % 12) + 1 } };
  }
  if ((m = new RegExp(`^${MONTH}(?: (?:of )?${YEAR_WORD})?$`).exec(text))) {
    const month = monthNumber(m[1] ?? '');
    return { kind: 'on', date: { year: m[2] === undefined ? nearestYear(month, published) : published.year + yearOffset(m[2]), month } };
  }
  if ((m = new RegExp(`^${MONTH} or ${MONTH}(?: ${YEAR_WORD})?$`).exec(text))) {
    return { kind: 'choice', options: monthsOf(m[1] ?? '', m[2] ?? '', m[3], published) };
  }
  if ((m = new RegExp(`^${MONTH}(?: ?[–-] ?| to )${MONTH}(?: ${YEAR_WORD})?$`).exec(text))) {
    const [from, to] = monthsOf(m[1] ?? '', m[2] ?? '', m[3], published);
    return { kind: 'range', from, to };
  }
  return undefined;
}

function key(date: CalendarDate): string {
  return [date.year, date.month ?? '', date.day ?? ''].join('-');
}

export function sameFuzzyDate(a: FuzzyDate, b: FuzzyDate): boolean {
  if (a.kind === 'on' && b.kind === 'on') return key(a.date) === key(b.date);
  if (a.kind === 'range' && b.kind === 'range') return key(a.from) === key(b.from) && key(a.to) === key(b.to);
  if (a.kind === 'choice' && b.kind === 'choice') {
    return a.options.length === b.options.length && a.options.every((o, i) => key(o) === key(b.options[i] as CalendarDate));
  }
  return false;
}

// The facts file schema: what an editor may write, and the messages for what they may not.
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/shared/errors.ts';
import { factsFrom as parseFactsFile } from '../../helpers/model.ts';

const FILE = 'content/facts/test.yaml';

const base = `
sources:
  agency: { name: An agency }
  ministry: { name: A ministry }
actors:
  kim: { name: Kim }
`;

function parse(yaml: string) {
  return parseFactsFile(base + yaml, FILE);
}

/** The problems of a facts file, with their line numbers. */
function parseProblems(yaml: string): string[] {
  try {
    parse(yaml);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error('expected the facts file to be refused');
}

/** The problems of a facts file, without their line numbers (the line-numbers tests look at those). */
function problems(yaml: string): string[] {
  return parseProblems(yaml).map((problem) => problem.replace(/: line \d+:/, ':'));
}

describe('facts values', () => {
  it('accepts every kind of value an article needs', () => {
    const facts = parse(`
figures:
  - { id: exact, label: Exact, value: 11000, status: reported, source: agency }
  - { id: about, label: About, value: { approximately: 600, qualifier: around }, status: estimated, source: agency }
  - { id: span, label: Span, value: { from: 4000, to: 6000 }, status: reported, source: agency }
  - { id: over, label: Over, value: { moreThan: 3 }, unit: { one: year, other: years }, status: reported, source: agency }
  - { id: under, label: Under, value: { lessThan: 3 }, status: reported, source: agency }
  - { id: least, label: Least, value: { atLeast: 100 }, status: reported, source: agency }
  - { id: most, label: Most, value: { atMost: 100 }, status: reported, source: agency }
  - { id: many, label: Many, value: { qualitative: several million }, status: reported, source: agency }
`);
    expect(facts.figures.map((f) => f.value)).toEqual([
      { kind: 'exact', value: 11000 },
      { kind: 'approximate', value: 600, qualifier: 'around' },
      { kind: 'range', low: 4000, high: 6000 },
      { kind: 'moreThan', value: 3 },
      { kind: 'lessThan', value: 3 },
      { kind: 'atLeast', value: 100 },
      { kind: 'atMost', value: 100 },
      { kind: 'qualitative', magnitude: 'several million' },
    ]);
  });

  it('reads known units by name and your own units as words', () => {
    const facts = parse(`
figures:
  - { id: war, label: War, value: 3, unit: year, status: reported, source: agency }
  - { id: rate, label: Rate, value: 3.5, unit: percent, status: reported, source: agency }
  - { id: ships, label: Ships, value: 3, unit: { one: ship, other: ships }, status: reported, source: agency }
`);
    expect(facts.figures.map((f) => f.unit)).toEqual(['year', 'percent', { one: 'ship', other: 'ships' }]);
  });

  it('names the known units for a unit it does not know', () => {
    expect(
      problems(`
figures:
  - { id: war, label: War, value: 3, unit: years, status: reported, source: agency }
`),
    ).toEqual([
      `${FILE}: fact "war": unit: expected one of year, month, week, day, hour, minute, person, percent, percentage-points, ` +
        'or your own words such as { one: soldier, other: soldiers }; got "years"; did you mean year?',
    ]);
  });

  it('names the file, the fact and what was expected for a missing value', () => {
    expect(
      problems(`
figures:
  - { id: deaths, label: Deaths, status: estimated, source: agency }
`),
    ).toEqual([
      `${FILE}: fact "deaths": value: value is missing: expected a number or { approximately | from/to | moreThan | lessThan | atLeast | atMost | qualitative }`,
    ]);
  });

  it('refuses text where a number belongs', () => {
    expect(
      problems(`
figures:
  - { id: deaths, label: Deaths, value: six hundred, status: estimated, source: agency }
`),
    ).toEqual([`${FILE}: fact "deaths": value: value must be a number, got "six hundred"`]);
    expect(
      problems(`
figures:
  - { id: deaths, label: Deaths, value: { approximately: "600" }, status: estimated, source: agency }
`)[0],
    ).toContain('fact "deaths": value: value.approximately must be a number, got "600"');
  });

  it('refuses an inverted range and an unknown magnitude', () => {
    expect(
      problems(`
figures:
  - { id: span, label: Span, value: { from: 6000, to: 4000 }, status: reported, source: agency }
`)[0],
    ).toContain('fact "span": value: value.from (6000) must not be greater than value.to (4000)');
    expect(
      problems(`
figures:
  - { id: many, label: Many, value: { qualitative: zillions }, status: reported, source: agency }
`)[0],
    ).toMatch(/fact "many": value: value.qualitative must be one of .*"thousands".*got "zillions"/);
  });

  it('refuses a status outside the five it knows', () => {
    expect(
      problems(`
figures:
  - { id: x, label: X, value: 1, status: rumoured, source: agency }
`)[0],
    ).toBe(`${FILE}: fact "x": status: status must be one of reported, estimated, announced, acknowledged, expected`);
  });
});

describe('facts dates', () => {
  it('accepts a day, a month, a year, a range and a choice', () => {
    const facts = parse(`
events:
  - { id: a, label: A, date: 2024-10-05, status: reported, source: agency }
  - { id: b, label: B, date: 2024-10, status: reported, source: agency }
  - { id: c, label: C, date: 2024, status: reported, source: agency }
  - { id: d, label: D, date: { from: 2025-07, to: 2025-08 }, status: expected, source: agency }
  - { id: e, label: E, date: { oneOf: [2025-07, 2025-08] }, status: expected, source: agency }
`);
    expect(facts.events.map((e) => e.date)).toEqual([
      { kind: 'on', date: { year: 2024 } },
      { kind: 'on', date: { year: 2024, month: 10 } },
      { kind: 'on', date: { year: 2024, month: 10, day: 5 } },
      { kind: 'range', from: { year: 2025, month: 7 }, to: { year: 2025, month: 8 } },
      {
        kind: 'choice',
        options: [
          { year: 2025, month: 7 },
          { year: 2025, month: 8 },
        ],
      },
    ]);
  });

  it('refuses a month 13, naming the event', () => {
    const [message] = problems(`
events:
  - { id: next-movement, label: Next, date: 2025-13, status: expected, source: agency }
`);
    expect(message).toMatch(
      /^content\/facts\/test\.yaml: event "next-movement": date: expected a date such as 2024, 2024-10 or 2024-10-05, got "2025-13"/,
    );
  });

  it('refuses a choice of one', () => {
    expect(
      problems(`
events:
  - { id: x, label: X, date: { oneOf: [2025-07] }, status: expected, source: agency }
`)[0],
    ).toContain('event "x": date: oneOf must list two or more dates');
  });
});

describe('source links', () => {
  const withUrl = (url: string) => parseFactsFile(`sources:\n  agency: { name: An agency, url: ${JSON.stringify(url)} }\n`, FILE);

  it('keeps an http or https address as written', () => {
    expect(withUrl('https://example.org/report?id=6').sources.agency?.url).toBe('https://example.org/report?id=6');
    expect(withUrl('http://example.org/').sources.agency?.url).toBe('http://example.org/');
  });

  it('refuses any other scheme, or no address at all, showing the value', () => {
    for (const url of [
      'javascript:alert(6)',
      'JavaScript:alert(6)',
      'data:text/html,<b>6</b>',
      'ftp://example.org/report',
      '/reports/6',
      'example.org/report',
    ]) {
      expect(() => withUrl(url)).toThrow(
        `${FILE}: line 2: source "agency": url: expected a web address starting https:// or http://, such as "https://example.org/report", got "${url}"`,
      );
    }
  });
});

describe('references between facts', () => {
  it('refuses an unknown source and lists the known ones', () => {
    expect(
      problems(`
figures:
  - { id: deaths, label: Deaths, value: 600, status: estimated, source: nis }
`),
    ).toEqual([`${FILE}: fact "deaths": source: "nis" is not a known source (expected one of: agency, ministry)`]);
  });

  it('refuses an unknown via, which would otherwise drop out of the attribution', () => {
    expect(
      problems(`
figures:
  - { id: deaths, label: Deaths, value: 600, status: estimated, source: agency, via: nis }
events:
  - { id: visit, date: 2025-06, label: A visit, status: reported, source: nis-report }
`),
    ).toEqual([
      `${FILE}: fact "deaths": via: "nis" is not a known source (expected one of: agency, ministry)`,
      `${FILE}: event "visit": source: "nis-report" is not a known source (expected one of: agency, ministry)`,
    ]);
  });

  it('refuses an unknown actor', () => {
    expect(
      problems(`
events:
  - { id: visit, label: Visit, date: 2025-06, status: reported, source: agency, actors: [putin] }
`)[0],
    ).toContain('event "visit": actors: "putin" is not listed under actors (expected one of: kim)');
  });

  it('refuses duplicate ids, across figures and events', () => {
    expect(
      problems(`
figures:
  - { id: dispatch, label: A, value: 1, status: reported, source: agency }
  - { id: dispatch, label: B, value: 2, status: reported, source: agency }
events:
  - { id: dispatch, label: C, date: 2025, status: reported, source: agency }
`),
    ).toEqual([
      `${FILE}: fact "dispatch": id: duplicate id (already used by a fact); ids must be unique within the file`,
      `${FILE}: event "dispatch": id: duplicate id (already used by a fact); ids must be unique within the file`,
    ]);
  });

  it('computes derived sums from the figures they name, approximate when any part is', () => {
    const facts = parse(`
figures:
  - { id: a, label: A, value: 11000, status: reported, source: agency }
  - { id: b, label: B, value: 4000, status: reported, source: agency }
  - { id: c, label: C, value: { approximately: 600 }, status: estimated, source: agency }
derived:
  - { id: exact-total, label: Total, sum: [a, b] }
  - { id: rough-total, label: Rough, sum: [a, c] }
`);
    expect(facts.derived.map((d) => [d.id, d.value, d.from.map((f) => f.id)])).toEqual([
      ['exact-total', { kind: 'exact', value: 15000 }, ['a', 'b']],
      ['rough-total', { kind: 'approximate', value: 11600 }, ['a', 'c']],
    ]);
  });

  it('refuses a derived sum over a missing or qualitative figure', () => {
    expect(
      problems(`
figures:
  - { id: a, label: A, value: 1, status: reported, source: agency }
  - { id: q, label: Q, value: { qualitative: thousands }, status: reported, source: agency }
derived:
  - { id: t1, label: T1, sum: [a, nope] }
  - { id: t2, label: T2, sum: [a, q] }
`),
    ).toEqual([
      `${FILE}: fact "t1": sum: "nope" is not a figure in this file`,
      `${FILE}: fact "t2": sum: cannot add up "q" (thousands): a magnitude has no number to add`,
    ]);
  });

  it('sorts events chronologically whatever order the file lists them in', () => {
    const facts = parse(`
events:
  - { id: later, label: L, date: { oneOf: [2025-07, 2025-08] }, status: expected, source: agency }
  - { id: first, label: F, date: 2024-10, status: reported, source: agency }
  - { id: middle, label: M, date: 2025-04, status: reported, source: agency }
`);
    expect(facts.events.map((e) => e.id)).toEqual(['first', 'middle', 'later']);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseFactsFile('figures: [', FILE)).toThrow(/^content\/facts\/test\.yaml: line 1: not valid YAML/);
  });
});

describe('what the schema does not know', () => {
  it('names a misspelt field of a figure, its line and the field most likely meant, instead of dropping it', () => {
    const source = `${base}
figures:
  - id: deaths
    label: Deaths
    value: 600
    status: estimated
    source: agency
    kye: true
`;
    expect(() => parseFactsFile(source, FILE)).toThrow(
      `${FILE}: line 14: fact "deaths": kye: not a field figures have; did you mean key? (expected one of id, status, source, via, label, value, unit, currency, per, date, relative, key)`,
    );
  });

  it('names a misspelt section of the file, which would otherwise lose every entry in it', () => {
    expect(problems(`\nevnets:\n  - { id: a, label: A, date: 2025, status: reported, source: agency }\n`)).toEqual([
      `${FILE}: evnets: not a field facts files have; did you mean events? (expected one of sources, defaults, actors, figures, derived, events, claims)`,
    ]);
  });

  it('names a misspelt key inside a value and inside a date', () => {
    expect(
      problems(`\nfigures:\n  - { id: a, label: A, value: { approximately: 6, qualifer: around }, status: reported, source: agency }\n`),
    ).toEqual([
      `${FILE}: fact "a": value.qualifer: not a field of "approximately" values; did you mean qualifier? (expected approximately, qualifier)`,
    ]);
    expect(
      problems(`\nevents:\n  - { id: a, label: A, date: { from: 2025-01, too: 2025-02 }, status: reported, source: agency }\n`),
    ).toEqual([`${FILE}: event "a": date.too: not a field of dates; did you mean to? (expected from and to, or oneOf)`]);
  });

  it('names the likely kind of a value whose kind is misspelt, listing each possible key once', () => {
    expect(problems(`\nfigures:\n  - { id: a, label: A, value: { atleast: 100 }, status: reported, source: agency }\n`)).toEqual([
      `${FILE}: fact "a": value.atleast: not a field of values; did you mean atLeast? (expected approximately, qualifier, from, to, moreThan, lessThan, atLeast, atMost, qualitative)`,
    ]);
  });

  it('suggests the source meant by a misspelt source id', () => {
    expect(problems(`\nfigures:\n  - { id: a, label: A, value: 1, status: reported, source: agnecy }\n`)).toEqual([
      `${FILE}: fact "a": source: "agnecy" is not a known source; did you mean agency? (expected one of: agency, ministry)`,
    ]);
  });
});

describe('money, rates and percentages', () => {
  it('reads a currency by its ISO 4217 code, and an exchange rate as a currency per another', () => {
    const facts = parse(`
figures:
  - { id: aid, label: Aid, value: 1200000000, currency: USD, status: announced, source: agency }
  - { id: won-per-dollar, label: Rate, value: 1380.5, currency: KRW, per: USD, date: 2025-06-20, source: agency }
  - { id: jobless, label: Jobless rate, value: 3.5, unit: percent, source: agency }
`);
    expect(facts.figures.map((f) => [f.id, f.currency, f.per, f.unit])).toEqual([
      ['aid', 'USD', undefined, undefined],
      ['won-per-dollar', 'KRW', 'USD', undefined],
      ['jobless', undefined, undefined, 'percent'],
    ]);
  });

  it('names the code most likely meant for a currency it does not know', () => {
    expect(problems(`\nfigures:\n  - { id: aid, label: Aid, value: 1, currency: KWR, source: agency }\n`)).toEqual([
      `${FILE}: fact "aid": currency: expected an ISO 4217 currency code such as USD, EUR or KRW, got "KWR"; did you mean KRW?`,
    ]);
    expect(problems(`\nfigures:\n  - { id: aid, label: Aid, value: 1, currency: usd, source: agency }\n`)[0]).toMatch(
      /got "usd"; did you mean USD\?$/,
    );
    expect(problems(`\nfigures:\n  - { id: aid, label: Aid, value: 1, currency: dollars, source: agency }\n`)[0]).toMatch(/got "dollars"$/);
    // The currency's name, where it names few: a Korea desk writing WON means one of the two won.
    expect(problems(`\nfigures:\n  - { id: aid, label: Aid, value: 1, currency: WON, source: agency }\n`)[0]).toMatch(
      /got "WON"; did you mean KPW \(North Korean Won\) or KRW \(South Korean Won\)\?$/,
    );
    expect(problems(`\nfigures:\n  - { id: aid, label: Aid, value: 1, currency: yen, source: agency }\n`)[0]).toMatch(
      /got "yen"; did you mean JPY \(Japanese Yen\)\?$/,
    );
  });

  it('refuses a unit and a currency together, a rate without its currency, and a rate of a currency in itself', () => {
    expect(
      problems(`
figures:
  - { id: a, label: A, value: 1, unit: year, currency: USD, source: agency }
  - { id: b, label: B, value: 1380, per: USD, source: agency }
  - { id: c, label: C, value: 1, currency: USD, per: USD, source: agency }
`),
    ).toEqual([
      `${FILE}: fact "a": currency: a figure counts either a unit or a currency, not both: keep unit for counts and durations, currency for money`,
      `${FILE}: fact "b": per: per makes the figure an exchange rate, which needs the currency it is quoted in: 1,380.5 won per dollar is currency: KRW, per: USD`,
      `${FILE}: fact "c": per: an exchange rate is between two currencies, got USD per USD`,
    ]);
  });
});

describe('derived figures', () => {
  const figures = `
figures:
  - { id: may, label: May, value: 3.1, unit: percent, source: agency }
  - { id: june, label: June, value: 3.5, unit: percent, source: agency }
  - { id: exports-2024, label: Exports 2024, value: 9500, source: agency }
  - { id: exports-2025, label: Exports 2025, value: 11000, source: agency }
  - { id: killed, label: Killed, value: { atLeast: 100 }, unit: person, source: agency }
  - { id: unit-strength, label: Unit, value: 500, unit: person, source: agency }
  - { id: aid, label: Aid, value: 1200000000, currency: USD, source: agency }
  - { id: won-per-dollar, label: Rate, value: 1380.5, currency: KRW, per: USD, date: 2025-06-20, source: agency }
  - { id: zero, label: Zero, value: 0, source: agency }
`;

  it('computes changes, shares and conversions beside sums, and derived figures from earlier ones', () => {
    const facts = parse(`${figures}
derived:
  - { id: jobless-rise, label: Rise, change: { from: may, to: june } }
  - { id: exports-rise, label: Exports rise, change: { from: exports-2024, to: exports-2025 } }
  - { id: aid-in-won, label: Aid in won, convert: { amount: aid, rate: won-per-dollar } }
  - { id: exports-total, label: Both years, sum: [exports-2024, exports-2025] }
  - { id: share-2025, label: Share of 2025, share: { part: exports-2025, whole: exports-total } }
`);
    expect(facts.derived.map((d) => [d.id, d.value, d.unit ?? d.currency, d.derivation.kind])).toEqual([
      ['jobless-rise', { kind: 'exact', value: 0.4 }, 'percentage-points', 'change'],
      ['exports-rise', { kind: 'exact', value: 1500 }, undefined, 'change'],
      ['aid-in-won', { kind: 'approximate', value: 1.7e12 }, 'KRW', 'convert'],
      ['exports-total', { kind: 'exact', value: 20500 }, undefined, 'sum'],
      ['share-2025', { kind: 'exact', value: 54 }, 'percent', 'share'],
    ]);
  });

  it('names the file, the line, the derived figure and both facts for arithmetic with no honest answer', () => {
    expect(
      parseProblems(`${figures}
derived:
  - id: across-units
    label: A
    change: { from: may, to: exports-2025 }
  - id: from-zero
    label: B
    change: { from: zero, to: exports-2025 }
  - id: too-many
    label: C
    share: { part: unit-strength, whole: killed }
  - id: above-whole
    label: D
    share: { part: exports-2025, whole: exports-2024 }
  - id: mixed
    label: E
    sum: [aid, exports-2025]
`),
    ).toEqual([
      `${FILE}: line 22: fact "across-units": change: cannot compute a change between "may" (3.1%) and "exports-2025" (11,000): they count different things (percent; no unit)`,
      `${FILE}: line 25: fact "from-zero": change: cannot give a percentage change from "zero" (zero) to "exports-2025" (11,000): a change from zero has no percentage`,
      `${FILE}: line 28: fact "too-many": share: cannot take a share of "killed" (at least 100 people): it is a bound; this needs an exact or approximate number`,
      `${FILE}: line 31: fact "above-whole": share: "exports-2025" (11,000) is more than "exports-2024" (9,500): a share cannot be above 100%`,
      `${FILE}: line 34: fact "mixed": sum: cannot add up "aid" ($1.2 billion) and "exports-2025" (11,000): they count different things (USD; no unit)`,
    ]);
  });

  it('names what a derived figure refers to that it cannot compute from', () => {
    expect(
      problems(`${figures}
events:
  - { id: visit, label: Visit, date: 2025-06, source: agency }
derived:
  - { id: a, label: A, change: { from: mya, to: june } }
  - { id: b, label: B, share: { part: later, whole: june } }
  - { id: c, label: C, sum: [may, visit] }
  - { id: later, label: L, sum: [may, june] }
  - { id: d, label: D, convert: { amount: aid } }
`),
    ).toEqual([`${FILE}: fact "d": convert.rate: expected the id of the exchange rate figure`]);
    expect(
      problems(`${figures}
events:
  - { id: visit, label: Visit, date: 2025-06, source: agency }
derived:
  - { id: a, label: A, change: { from: mya, to: june } }
  - { id: b, label: B, share: { part: later, whole: june } }
  - { id: c, label: C, sum: [may, visit] }
  - { id: later, label: L, sum: [may, june] }
`),
    ).toEqual([
      `${FILE}: fact "a": change.from: "mya" is not a figure in this file; did you mean may?`,
      `${FILE}: fact "b": share.part: "later" is a derived figure listed after this one; list it first, so that it is computed first`,
      `${FILE}: fact "c": sum: "visit" is an event, not a figure`,
    ]);
  });

  it('converts only at a rate that is a sourced, dated figure', () => {
    expect(
      problems(`
figures:
  - { id: aid, label: Aid, value: 1200000000, currency: USD, source: agency }
  - { id: rate, label: Rate, value: 1380.5, currency: KRW, per: USD, source: agency }
derived:
  - { id: aid-in-won, label: Aid in won, convert: { amount: aid, rate: rate } }
`),
    ).toEqual([
      `${FILE}: fact "aid-in-won": convert.rate: "rate" has no date: rates move, so a conversion uses a rate quoted for a given day; give it one (date: 2025-06-20)`,
    ]);
  });

  it('asks for one computation, and names a misspelt one', () => {
    expect(
      problems(`
figures:
  - { id: a, label: A, value: 1, source: agency }
  - { id: b, label: B, value: 2, source: agency }
derived:
  - { id: none, label: None }
  - { id: two, label: Two, sum: [a, b], change: { from: a, to: b } }
  - { id: typo, label: Typo, chnage: { from: a, to: b } }
  - { id: inner, label: Inner, share: { prat: a, whole: b } }
`),
    ).toEqual([
      `${FILE}: fact "typo": chnage: not a field derived figures have; did you mean change? (expected one of id, label, sum, change, share, convert, key)`,
      `${FILE}: fact "inner": share.prat: not a field share has; did you mean part? (expected one of part, whole)`,
      `${FILE}: fact "none": expected how the figure is computed: sum: [a, b], change: { from, to }, share: { part, whole } or convert: { amount, rate }`,
      `${FILE}: fact "two": change: a derived figure is computed one way, got sum and change: make one derived figure of each`,
      `${FILE}: fact "typo": expected how the figure is computed: sum: [a, b], change: { from, to }, share: { part, whole } or convert: { amount, rate }`,
      `${FILE}: fact "inner": share.part: expected the id of the part`,
    ]);
  });
});

describe('defaults', () => {
  it('takes status reported, and the file-wide source, for entries that leave them out', () => {
    const facts = parse(`
defaults: { source: ministry }
figures:
  - { id: a, label: A, value: 1 }
  - { id: b, label: B, value: 2, status: estimated, source: agency }
events:
  - { id: e, label: E, date: 2025 }
claims:
  - { id: c, text: Said so. }
`);
    expect(facts.figures.map((f) => [f.id, f.status, f.source])).toEqual([
      ['a', 'reported', 'ministry'],
      ['b', 'estimated', 'agency'],
    ]);
    expect([facts.events[0]?.source, facts.claims[0]?.status]).toEqual(['ministry', 'reported']);
  });

  it('takes a file-wide status', () => {
    const facts = parse(`\ndefaults: { source: agency, status: announced }\nfigures:\n  - { id: a, label: A, value: 1 }\n`);
    expect(facts.figures[0]?.status).toBe('announced');
  });

  it('names a missing source, with the default that would supply it, and an unknown default source once', () => {
    expect(problems(`\nfigures:\n  - { id: a, label: A, value: 1 }\n`)).toEqual([
      `${FILE}: fact "a": source: missing (expected one of this file's sources: agency, ministry; or one for the whole file, defaults: { source: agency })`,
    ]);
    expect(
      problems(`\ndefaults: { source: agnecy }\nfigures:\n  - { id: a, label: A, value: 1 }\n  - { id: b, label: B, value: 1 }\n`),
    ).toEqual([`${FILE}: defaults.source: "agnecy" is not a known source; did you mean agency? (expected one of: agency, ministry)`]);
  });
});

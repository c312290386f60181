// The facts file schema: what an editor may write, and the TypeScript types derived from it.
import { z } from 'zod';
import { parseCalendarDate, type CalendarDate, type FuzzyDate } from '../format/dates.ts';
import { BOUND_KINDS, MAGNITUDES, UNIT_KEYWORDS, type Amount, type CurrencyCode, type Magnitude, type Unit } from '../format/quantity.ts';
import { describeValue } from '../shared/errors.ts';
import { likelyField } from '../shared/suggest.ts';

export const STATUSES = ['reported', 'estimated', 'announced', 'acknowledged', 'expected'] as const;
export type Status = (typeof STATUSES)[number];

const DATE_HINT = 'a date such as 2024, 2024-10 or 2024-10-05';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const id = z
  .string('expected an id such as "initial-dispatch"')
  .regex(ID, 'expected a lowercase id with hyphens, such as "initial-dispatch"');

/** The id of another figure of the file, which a derived figure is computed from: `what` says which one. */
const figureRef = (what: string) =>
  z.string(`expected the id of ${what}`).regex(ID, `expected the id of ${what}, in lowercase with hyphens`);

const finite = (field: string) =>
  z.unknown().transform((value, ctx) => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    ctx.addIssue({ code: 'custom', message: `${field} must be a number, got ${describeValue(value)}` });
    return z.NEVER;
  });

const calendarDate = z.unknown().transform((value, ctx): CalendarDate => {
  if (typeof value === 'string' || typeof value === 'number') {
    try {
      return parseCalendarDate(String(value));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `expected ${DATE_HINT}, got ${describeValue(value)} (${(error as Error).message})` });
      return z.NEVER;
    }
  }
  ctx.addIssue({ code: 'custom', message: `expected ${DATE_HINT}, got ${describeValue(value)}` });
  return z.NEVER;
});

/** `2024-10`, `{ from: 2025-07, to: 2025-08 }` or `{ oneOf: [2025-07, 2025-08] }`. */
const fuzzyDate = z.unknown().transform((value, ctx): FuzzyDate => {
  const parse = (raw: unknown): CalendarDate | undefined => {
    const result = calendarDate.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return undefined;
  };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const allowed = 'oneOf' in record ? ['oneOf'] : ['from', 'to'];
    const unknown = Object.keys(record).find((key) => !allowed.includes(key));
    if (unknown !== undefined) {
      const meant = likelyField(unknown, ['from', 'to', 'oneOf']);
      ctx.addIssue({
        code: 'custom',
        path: [unknown],
        message: `not a field of dates${meant ? `; did you mean ${meant}?` : ''} (expected from and to, or oneOf)`,
      });
      return z.NEVER;
    }
    if ('from' in record || 'to' in record) {
      const from = parse(record.from);
      const to = parse(record.to);
      return from && to ? { kind: 'range', from, to } : z.NEVER;
    }
    if ('oneOf' in record) {
      if (!Array.isArray(record.oneOf) || record.oneOf.length < 2) {
        ctx.addIssue({ code: 'custom', message: `oneOf must list two or more dates, got ${describeValue(record.oneOf)}` });
        return z.NEVER;
      }
      const options = record.oneOf.map(parse);
      return options.every((o): o is CalendarDate => o !== undefined) ? { kind: 'choice', options } : z.NEVER;
    }
    ctx.addIssue({ code: 'custom', message: `expected ${DATE_HINT}, { from, to } or { oneOf: [...] }, got ${describeValue(value)}` });
    return z.NEVER;
  }
  const date = parse(value);
  return date ? { kind: 'on', date } : z.NEVER;
});

/** The keys of each kind of value written as a map, by the key that names the kind. */
const AMOUNT_KEYS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['approximately', ['approximately', 'qualifier']],
  ['from', ['from', 'to']],
  ['to', ['from', 'to']],
  ...BOUND_KINDS.map((kind) => [kind, [kind]] as const),
  ['qualitative', ['qualitative']],
];

/**
 * `11000` (exact), `{ approximately: 600, qualifier: around }`, `{ from: 4000, to: 6000 }`,
 * a bound (`{ moreThan: 3 }`, `{ lessThan: 3 }`, `{ atLeast: 100 }`, `{ atMost: 100 }`) or `{ qualitative: thousands }`.
 */
const amount = z.unknown().transform((value, ctx): Amount => {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  const number = (field: string, raw: unknown): number | undefined => {
    const result = finite(field).safeParse(raw);
    if (result.success) return result.data;
    fail(result.error.issues[0]?.message ?? `${field} must be a number`);
    return undefined;
  };
  if (value === undefined || value === null)
    return fail(
      'value is missing: expected a number or { approximately | from/to | moreThan | lessThan | atLeast | atMost | qualitative }',
    );
  if (typeof value !== 'object' || Array.isArray(value)) {
    const exact = number('value', value);
    return exact === undefined ? z.NEVER : { kind: 'exact', value: exact };
  }
  const record = value as Record<string, unknown>;
  const kind = AMOUNT_KEYS.find(([key]) => key in record);
  // A misspelt qualifier would otherwise vanish: every key of a value is one its kind has.
  for (const key of Object.keys(record)) {
    const allowed = kind ? kind[1] : [...new Set(AMOUNT_KEYS.flatMap(([, keys]) => keys))];
    if (!allowed.includes(key)) {
      const meant = likelyField(key, allowed);
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `not a field of ${kind ? `"${kind[0]}" values` : 'values'}${meant ? `; did you mean ${meant}?` : ''} (expected ${allowed.join(', ')})`,
      });
      return z.NEVER;
    }
  }
  if ('approximately' in record) {
    const approx = number('value.approximately', record.approximately);
    const qualifier = record.qualifier;
    if (qualifier !== undefined && (typeof qualifier !== 'string' || qualifier.trim() === '')) {
      return fail(`value.qualifier must be a word such as "around", got ${describeValue(qualifier)}`);
    }
    if (approx === undefined) return z.NEVER;
    return qualifier ? { kind: 'approximate', value: approx, qualifier } : { kind: 'approximate', value: approx };
  }
  if ('from' in record || 'to' in record) {
    const low = number('value.from', record.from);
    const high = number('value.to', record.to);
    if (low === undefined || high === undefined) return z.NEVER;
    if (low > high) return fail(`value.from (${low}) must not be greater than value.to (${high})`);
    return { kind: 'range', low, high };
  }
  const bound = BOUND_KINDS.find((kind) => kind in record);
  if (bound !== undefined) {
    const limit = number(`value.${bound}`, record[bound]);
    return limit === undefined ? z.NEVER : { kind: bound, value: limit };
  }
  if ('qualitative' in record) {
    const magnitude = record.qualitative;
    if (typeof magnitude === 'string' && (MAGNITUDES as readonly string[]).includes(magnitude)) {
      return { kind: 'qualitative', magnitude: magnitude as Magnitude };
    }
    return fail(`value.qualitative must be one of ${MAGNITUDES.map((m) => `"${m}"`).join(', ')}, got ${describeValue(magnitude)}`);
  }
  return fail(
    `expected a number or { approximately | from/to | moreThan | lessThan | atLeast | atMost | qualitative }, got ${describeValue(value)}`,
  );
});

const status = z.enum(STATUSES, {
  error: (issue) => {
    const meant = typeof issue.input === 'string' ? likelyField(issue.input, STATUSES) : undefined;
    return `status must be one of ${STATUSES.join(', ')}${meant ? `; did you mean ${meant}?` : ''}`;
  },
});
const nonEmpty = (what: string) => z.string(`expected ${what}`).trim().min(1, `expected ${what}`);

const unitLabel = z.strictObject({
  one: nonEmpty('the singular unit, e.g. "soldier"'),
  other: nonEmpty('the plural unit, e.g. "soldiers"'),
});

/** A known unit (`year`, `person`, `percent`…), whose words every language has, or the editor's own `{ one, other }`. */
const unit = z.unknown().transform((value, ctx): Unit => {
  const known = UNIT_KEYWORDS.find((keyword) => keyword === value);
  if (known !== undefined) return known;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const label = unitLabel.safeParse(value);
    if (label.success) return label.data;
    for (const issue of label.error.issues) {
      const extra = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const message = extra.length
        ? `${extra.join(', ')}: not a field of units${likelyField(extra[0] ?? '', ['one', 'other']) ? `; did you mean ${likelyField(extra[0] ?? '', ['one', 'other'])}?` : ''} (expected one and other)`
        : issue.message;
      ctx.addIssue({ code: 'custom', message, path: issue.path });
    }
    return z.NEVER;
  }
  const meant = typeof value === 'string' ? likelyField(value, UNIT_KEYWORDS) : undefined;
  ctx.addIssue({
    code: 'custom',
    message: `expected one of ${UNIT_KEYWORDS.join(', ')}, or your own words such as { one: soldier, other: soldiers }; got ${describeValue(value)}${meant ? `; did you mean ${meant}?` : ''}`,
  });
  return z.NEVER;
});

/** ISO 4217 codes as this Node's Intl knows them: the currencies it can name and format in every language. */
const CURRENCY_CODES: readonly CurrencyCode[] = Intl.supportedValuesOf('currency');

const CURRENCY_NAMES = new Intl.DisplayNames(['en'], { type: 'currency' });
/** A currency's name written for its code names no more codes than this ("won": KPW or KRW), or it is no hint. */
const NAMED_CODES = 3;

/**
 * What a mistyped code was meant to be: its letters swapped first ("KWR" is KRW, not KHR), then the currency's
 * name written for its code ("WON" is KPW or KRW, "yen" JPY; Intl's English names), then the nearest code.
 */
function likelyCurrency(written: string): string | undefined {
  const letters = (code: string) => [...code.toUpperCase()].sort().join('');
  const swapped = CURRENCY_CODES.find((code) => letters(code) === letters(written));
  if (swapped) return swapped;
  const word = written.toLowerCase().replace(/s$/, '');
  const named = CURRENCY_CODES.filter((code) => (CURRENCY_NAMES.of(code) ?? '').toLowerCase().split(/\s+/).includes(word));
  if (named.length > 0 && named.length <= NAMED_CODES) return named.map((code) => `${code} (${CURRENCY_NAMES.of(code)})`).join(' or ');
  return likelyField(written, CURRENCY_CODES);
}

/** `USD`, `KRW`, `EUR`: an ISO 4217 code in capitals; a typo is named with the code most likely meant. */
const currency = z.unknown().transform((value, ctx): CurrencyCode => {
  if (typeof value === 'string' && CURRENCY_CODES.includes(value)) return value;
  const meant = typeof value === 'string' ? likelyCurrency(value.trim()) : undefined;
  ctx.addIssue({
    code: 'custom',
    message: `expected an ISO 4217 currency code such as USD, EUR or KRW, got ${describeValue(value)}${meant ? `; did you mean ${meant}?` : ''}`,
  });
  return z.NEVER;
});

// `status` and `source` may be left out: `status` is then `reported`, `source` the file's `defaults.source`.
const attributed = {
  id,
  status: status.optional(),
  source: id.optional(),
  via: id.optional(),
};

export const figureSchema = z
  .object({
    ...attributed,
    label: nonEmpty('a label for the figure'),
    value: amount,
    unit: unit.optional(),
    currency: currency.optional(),
    per: currency.optional(),
    date: fuzzyDate.optional(),
    relative: z.string().optional(),
    key: z.boolean().default(false),
  })
  .superRefine((figure, ctx) => {
    if (figure.unit !== undefined && figure.currency !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'a figure counts either a unit or a currency, not both: keep unit for counts and durations, currency for money',
      });
    }
    if (figure.per !== undefined && figure.currency === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['per'],
        message: `per makes the figure an exchange rate, which needs the currency it is quoted in: 1,380.5 won per dollar is currency: KRW, per: USD`,
      });
    }
    if (figure.per !== undefined && figure.per === figure.currency) {
      ctx.addIssue({
        code: 'custom',
        path: ['per'],
        message: `an exchange rate is between two currencies, got ${figure.per} per ${figure.per}`,
      });
    }
  });

/** How a derived figure is computed: the keys of each kind, in the order messages list them. */
export const COMPUTATIONS = ['sum', 'change', 'share', 'convert'] as const;
export type ComputationKind = (typeof COMPUTATIONS)[number];

export const derivedSchema = z
  .object({
    id,
    label: nonEmpty('a label for the derived figure'),
    sum: z.array(id, 'sum must list the ids of the figures to add up').min(2, 'sum must list at least two figures').optional(),
    change: z
      .object(
        { from: figureRef('the figure the change starts from'), to: figureRef('the figure the change ends at') },
        'change needs { from: <id>, to: <id> }',
      )
      .optional(),
    share: z.object({ part: figureRef('the part'), whole: figureRef('the whole') }, 'share needs { part: <id>, whole: <id> }').optional(),
    convert: z
      .object(
        { amount: figureRef('the amount of money to convert'), rate: figureRef('the exchange rate figure') },
        'convert needs { amount: <id>, rate: <id> }',
      )
      .optional(),
    key: z.boolean().default(false),
  })
  .superRefine((spec, ctx) => {
    const given = COMPUTATIONS.filter((kind) => spec[kind] !== undefined);
    if (given.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected how the figure is computed: sum: [a, b], change: { from, to }, share: { part, whole } or convert: { amount, rate }',
      });
    } else if (given.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1]!],
        message: `a derived figure is computed one way, got ${given.join(' and ')}: make one derived figure of each`,
      });
    }
  });

export const eventSchema = z.object({
  ...attributed,
  label: nonEmpty('a label for the event'),
  date: fuzzyDate,
  relative: z.string().optional(),
  actors: z.array(id).default([]),
  figure: id.optional(),
});

export const claimSchema = z.object({
  ...attributed,
  text: nonEmpty("the claim, in the article's words"),
  actors: z.array(id).default([]),
});

/** A link readers follow from the Sources panel: http or https only, since it is printed in an href. */
const webUrl = z.unknown().transform((value, ctx) => {
  const written = typeof value === 'string' ? value.trim() : '';
  if (URL.canParse(written) && ['http:', 'https:'].includes(new URL(written).protocol)) return written;
  ctx.addIssue({
    code: 'custom',
    message: `expected a web address starting https:// or http://, such as "https://example.org/report", got ${describeValue(value)}`,
  });
  return z.NEVER;
});

export const sourceSchema = z.object({ name: nonEmpty("the source's name"), type: z.string().optional(), url: webUrl.optional() });
export const actorSchema = z.object({ name: nonEmpty("the person's name"), role: z.string().optional() });

/** What entries that leave out `status` or `source` take: `status: reported` unless the file says otherwise. */
export const defaultsSchema = z.object({ source: id.optional(), status: status.optional() });

export const factsFileSchema = z.object({
  sources: z.record(id, sourceSchema, 'expected a map of source ids to { name, type }'),
  defaults: defaultsSchema.default({}),
  actors: z.record(id, actorSchema).default({}),
  figures: z.array(figureSchema).default([]),
  derived: z.array(derivedSchema).default([]),
  events: z.array(eventSchema).default([]),
  claims: z.array(claimSchema).default([]),
});

/** An entry as written, and as the rest of the code reads it: its defaults filled in. */
type WithDefaults<T> = Omit<T, 'status' | 'source'> & { status: Status; source: string };

/** A facts file as written: `status` and `source` may be left to the defaults. */
export type FactsFileInput = z.output<typeof factsFileSchema>;
export type Figure = WithDefaults<z.output<typeof figureSchema>>;
export type DerivedSpec = z.output<typeof derivedSchema>;
export type FactEvent = WithDefaults<z.output<typeof eventSchema>>;
export type Claim = WithDefaults<z.output<typeof claimSchema>>;
export type Source = z.output<typeof sourceSchema>;

/** A facts file with every entry's status and source filled in. */
export interface FactsFile extends Omit<FactsFileInput, 'figures' | 'events' | 'claims'> {
  figures: Figure[];
  events: FactEvent[];
  claims: Claim[];
}

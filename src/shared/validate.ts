// Validating what an editor wrote against a zod schema, in words an editor can act on: each problem names the
// file, the line, the entry and the field, and a field the schema does not know is named with the one most
// likely meant, never dropped without a word.
import { z } from 'zod';
import { likelyField } from './suggest.ts';

export interface Whereabouts {
  /** The file as messages show it. */
  shown: string;
  /** The line of the entry at a path, when known. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** What the top level's fields belong to, in the plural: "articles", "digests", "facts files". */
  what: string;
  /** A clearer message for a schema issue at `path` than the schema's own, when there is one. */
  explain?: (path: readonly PropertyKey[], message: string) => string | undefined;
  /** What a field's entries are called where its key does not say, in the plural: `{ derived: 'derived figures' }`. */
  nouns?: Readonly<Record<string, string>>;
  /** How an entry is named in messages: `fact "deaths"` for ['figures', 3, …]; the dotted path by default. */
  label?: (path: readonly PropertyKey[]) => { name: string; rest: readonly PropertyKey[] } | undefined;
}

export type Validated<T> = { ok: true; value: T; problems: string[] } | { ok: false; problems: string[] };

/** `file: line 12: fact "deaths": value: message`, leaving out what is unknown. */
export function locate(where: Whereabouts, path: readonly PropertyKey[], message: string): string {
  const line = where.lineOf(path);
  const labelled = where.label?.(path);
  const parts = labelled
    ? [labelled.name, ...(labelled.rest.length ? [labelled.rest.map(String).join('.')] : [])]
    : path.length
      ? [path.map(String).join('.')]
      : [];
  return [where.shown, ...(line === undefined ? [] : [`line ${line}`]), ...parts, message].join(': ');
}

/** Peels the wrappers (optional, default, pipes into a schema) off a schema to reach the object, array or record inside. */
function inner(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}

/** The fields of `data` (and of the objects inside it) that `schema` does not have, each with the likely one meant. */
export function unknownFieldProblems(schema: z.ZodType, data: unknown, where: Whereabouts): string[] {
  const problems: string[] = [];
  // `noun` names what the fields belong to: "figures have" for a list's entries, "email has" for one object.
  const visit = (node: z.ZodType, value: unknown, path: PropertyKey[], noun: string) => {
    const shape = inner(node);
    if (shape instanceof z.ZodObject && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const known = Object.keys(shape.shape);
      // An object that takes any other field (a page's front matter, which Eleventy reads too) has no unknown ones.
      const open = shape.def.catchall !== undefined && !(shape.def.catchall instanceof z.ZodNever);
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const field = shape.shape[key] as z.ZodType | undefined;
        if (field) {
          const noun = where.nouns?.[key];
          visit(field, child, [...path, key], noun ? `${noun} have` : `${key} has`);
          continue;
        }
        if (open) continue;
        const meant = likelyField(key, known);
        problems.push(
          locate(where, [...path, key], `not a field ${noun}${meant ? `; did you mean ${meant}?` : ''} (expected ${listOf(known)})`),
        );
      }
    } else if (shape instanceof z.ZodArray && Array.isArray(value)) {
      value.forEach((item, index) => visit(shape.element as z.ZodType, item, [...path, index], noun.replace(/ has$/, ' have')));
    } else if (shape instanceof z.ZodRecord && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value as Record<string, unknown>))
        visit(shape.valueType as z.ZodType, child, [...path, key], noun.replace(/ has$/, ' have'));
    }
  };
  visit(schema, data, [], `${where.what} have`);
  return problems;
}

function listOf(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `one of ${names.join(', ')}`;
}

/** Every problem of `data` against `schema`, unknown fields first; the parsed value when there are none. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, where: Whereabouts): Validated<z.output<S>> {
  const problems = unknownFieldProblems(schema, data, where);
  const result = schema.safeParse(data);
  if (!result.success)
    problems.push(
      ...result.error.issues.map((issue) => locate(where, issue.path, where.explain?.(issue.path, issue.message) ?? issue.message)),
    );
  return problems.length || !result.success ? { ok: false, problems } : { ok: true, value: result.data, problems };
}

/** Schema issues as lines `label: field: message`, for inputs that are not an editor's files (a request body, digest.json). */
export function formatIssues(label: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => [label, ...(issue.path.length ? [issue.path.map(String).join('.')] : []), issue.message].join(': '));
}

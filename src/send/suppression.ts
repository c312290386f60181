// The suppression list: addresses that must never be sent to (unsubscribes, hard bounces, complaints).
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { addressKey, emailColumnIndex } from './recipients.ts';

/** A list that can not be read as addresses: each problem is `file: line N: …`. Nothing may be sent. */
export class SuppressionListError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SuppressionListError';
    this.problems = problems;
  }
}

// Loose on purpose: an entry that can never match a recipient is harmless, but one that holds a delimiter,
// a space or a quote means the file was misread (a whole CSV row taken as an address), which must not pass.
const LOOKS_LIKE_ADDRESS = /^[^\s,;"'<>@]+@[^\s,;"'<>@]+$/;
const MAX_PROBLEMS = 10;

const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');

/** The delimiter an export's header row uses: comma, semicolon (European Excel) or tab, whichever occurs most. */
function headerDelimiter(header: string): string {
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * Accepts either a CSV export whose header row names an email column (`email`, `Email Address`, `E-mail`…;
 * comma, semicolon or tab separated), or one address per line, with blank lines and `#` comments ignored.
 * Returns the address keys. `file` labels the problems; an entry that is not an address is a problem, so a
 * misread file never passes as a list that suppresses nobody.
 */
export function parseSuppressionList(text: string, file: string): Set<string> {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const firstLine = lines.find(isContent);
  if (firstLine === undefined) return new Set();

  const entries: Array<{ line: number; value: string }> = [];
  const problems: string[] = [];
  if (firstLine.includes('@')) {
    lines.forEach((line, index) => {
      if (isContent(line)) entries.push({ line: index + 1, value: line.trim() });
    });
  } else {
    let records: Array<{ record: string[]; info: { lines: number } }>;
    try {
      const options = {
        bom: true,
        delimiter: headerDelimiter(firstLine),
        comment: '#',
        info: true,
        skip_empty_lines: true,
        relax_column_count: true,
        trim: true,
      };
      // csv-parse's types do not model `info: true`, which wraps each record as { record, info }.
      records = parse(text, options) as unknown as typeof records;
    } catch (error) {
      throw new SuppressionListError([`${file}: not readable as CSV (${(error as Error).message})`]);
    }
    const [header, ...rows] = records;
    const column = emailColumnIndex(header?.record ?? []);
    if (header === undefined || column === -1) {
      const found = (header?.record ?? []).map((name) => JSON.stringify(name)).join(', ');
      throw new SuppressionListError([
        `${file}: line ${header?.info.lines ?? 1}: expected one address per line, or a header row with an email column ("email" or "Email Address"); found ${found}`,
      ]);
    }
    for (const { record, info } of rows) {
      const value = record[column] ?? '';
      // An export row without an address (a deleted contact) suppresses nobody and is not an error.
      if (value !== '') entries.push({ line: info.lines, value });
    }
  }

  const addresses = new Set<string>();
  for (const { line, value } of entries) {
    if (LOOKS_LIKE_ADDRESS.test(value)) addresses.add(addressKey(value));
    else
      problems.push(
        `${file}: line ${line}: expected an email address, got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`,
      );
  }
  if (problems.length > MAX_PROBLEMS) {
    throw new SuppressionListError([
      ...problems.slice(0, MAX_PROBLEMS),
      `${file}: and ${problems.length - MAX_PROBLEMS} more entries that are not addresses`,
    ]);
  }
  if (problems.length > 0) throw new SuppressionListError(problems);
  return addresses;
}

export interface SuppressionList {
  addresses: Set<string>;
  /** false when the configured file does not exist, which counts as an empty list */
  found: boolean;
}

/** Reads the list at `file`; `label` (default: the path) names it in problems. */
export function loadSuppressionList(file: string, label = file): SuppressionList {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { addresses: new Set(), found: false };
    throw error;
  }
  return { addresses: parseSuppressionList(text, label), found: true };
}

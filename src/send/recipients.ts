// Reads the recipients CSV (header row; `email` required, `name` optional) and reports every bad row at once.
import { parse } from 'csv-parse/sync';
import { assertHeaderValue, HeaderValueError, isValidEmailAddress } from '../email/header-value.ts';

export interface Recipient {
  email: string;
  name?: string;
  /** 1-based line of the CSV where the row starts */
  line: number;
}

export interface RecipientList {
  recipients: Recipient[];
  /** `file: line N: …` for every row that can not be sent to; non-empty means nothing may be sent */
  problems: string[];
  /** rows dropped because an earlier row had the same address (compared case-insensitively) */
  duplicatesMerged: number;
}

/**
 * The column holding addresses in a header row: `email`, or what ESP exports call it (`Email Address`,
 * `E-mail`, `email_address`), compared without case, spaces or punctuation. -1 when there is none.
 */
export function emailColumnIndex(header: readonly string[]): number {
  return header.findIndex((column) => ['email', 'emailaddress'].includes(column.toLowerCase().replace(/[^a-z]/g, '')));
}

/** The key under which addresses are compared: suppression, duplicates and the journal all use it. */
export function addressKey(email: string): string {
  return email.toLowerCase();
}

interface CsvRow {
  record: string[];
  raw: string;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count += 1;
  return count;
}

function rowProblem(file: string, line: number, problem: string): string {
  return `${file}: line ${line}: ${problem}`;
}

/** Parses recipients; `file` only labels the messages. */
export function parseRecipients(csv: string, file: string): RecipientList {
  // csv-parse counts a lone CR inside a quoted field as a line, so line numbers are worked out from the raw
  // rows instead; CRLF is folded to LF first so each line ends in exactly one '\n'.
  let rows: CsvRow[];
  try {
    const options = { bom: true, raw: true, skip_empty_lines: true, relax_column_count: true, trim: true };
    // csv-parse's types do not model `raw: true`, which wraps each record as { record, raw }.
    rows = parse(csv.replace(/\r\n/g, '\n'), options) as unknown as CsvRow[];
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    return {
      recipients: [],
      problems: [`${file}: ${where ? `line ${where}: ` : ''}not readable as CSV (${(error as Error).message})`],
      duplicatesMerged: 0,
    };
  }

  const [header, ...body] = rows;
  if (!header)
    return { recipients: [], problems: [`${file}: is empty (expected a header row with an "email" column)`], duplicatesMerged: 0 };
  const columns = header.record.map((column) => column.toLowerCase());
  const emailColumn = emailColumnIndex(columns);
  const nameColumn = columns.indexOf('name');
  if (emailColumn === -1) {
    return {
      recipients: [],
      problems: [
        `${file}: line 1: header has no email column ("email" or "Email Address"; found ${columns.map((c) => JSON.stringify(c)).join(', ')})`,
      ],
      duplicatesMerged: 0,
    };
  }

  const recipients: Recipient[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let duplicatesMerged = 0;
  let linesBefore = countLineBreaks(header.raw);

  for (const row of body) {
    // skip_empty_lines folds blank lines into the next row's raw text; they sit before the row starts.
    const blankLinesBefore = countLineBreaks(/^(?:[ \t]*\n)*/.exec(row.raw)?.[0] ?? '');
    const line = linesBefore + blankLinesBefore + 1;
    linesBefore += countLineBreaks(row.raw);

    if (row.record.length > columns.length) {
      problems.push(
        rowProblem(file, line, `has ${row.record.length} fields but the header has ${columns.length} (quote a name that contains a comma)`),
      );
      continue;
    }
    const email = row.record[emailColumn] ?? '';
    const name = nameColumn === -1 ? '' : (row.record[nameColumn] ?? '');
    const rowProblems: string[] = [];
    if (email === '') {
      rowProblems.push('email is missing');
    } else if (!isValidEmailAddress(email)) {
      rowProblems.push(`${JSON.stringify(email)} is not a valid email address`);
    }
    try {
      assertHeaderValue('name', name);
    } catch (error) {
      if (!(error instanceof HeaderValueError)) throw error;
      rowProblems.push(`${error.message}: ${JSON.stringify(name)}`);
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems.map((problem) => rowProblem(file, line, problem)));
      continue;
    }

    const key = addressKey(email);
    if (seen.has(key)) {
      duplicatesMerged += 1;
      continue;
    }
    seen.add(key);
    recipients.push(name === '' ? { email, line } : { email, name, line });
  }
  return { recipients, problems, duplicatesMerged };
}

// The suppression list: addresses that must never be sent to (unsubscribes, hard bounces, complaints).
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { addressKey } from './recipients.ts';

/**
 * Accepts either a CSV whose header row has an `email` column (what an ESP export looks like) or one address
 * per line, with blank lines and `#` comments ignored. Returns the address keys.
 */
export function parseSuppressionList(text: string): Set<string> {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const firstLine = lines.find((line) => line.trim() !== '' && !line.trim().startsWith('#')) ?? '';
  const isCsv = firstLine.split(',').some((column) => column.trim().replace(/^"|"$/g, '').toLowerCase() === 'email');
  if (!isCsv) {
    return new Set(
      lines.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')).map(addressKey),
    );
  }
  const records: Record<string, string>[] = parse(text, {
    bom: true,
    columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
    comment: '#',
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  return new Set(records.map((record) => record.email ?? '').filter((email) => email !== '').map(addressKey));
}

export interface SuppressionList {
  addresses: Set<string>;
  /** false when the configured file does not exist, which counts as an empty list */
  found: boolean;
}

export function loadSuppressionList(file: string): SuppressionList {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { addresses: new Set(), found: false };
    throw error;
  }
  return { addresses: parseSuppressionList(text), found: true };
}

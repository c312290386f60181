// Suppression lists: an ESP's CSV export or a plain list, compared case-insensitively; a file that can not be
// read as addresses is refused rather than taken as a list that suppresses nobody.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuppressionList, parseSuppressionList, SuppressionListError } from '../../src/send/suppression.ts';

const problems = (text: string): string[] => {
  try {
    parseSuppressionList(text, 's.csv');
  } catch (error) {
    if (error instanceof SuppressionListError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseSuppressionList', () => {
  it('reads the email column of a CSV with a header row', () => {
    const csv =
      'reason,Email,at\nunsubscribe,Kim@Example.org,2025-06-01\n# a comment\nbounce,"lee@example.org",2025-06-02\nmanual,,2025-06-03\n';
    expect([...parseSuppressionList(csv, 's.csv')]).toEqual(['kim@example.org', 'lee@example.org']);
  });

  it('reads a Mailchimp export ("Email Address"), a semicolon-separated one and a tab-separated one', () => {
    expect([...parseSuppressionList('"Email Address","First Name"\n"kim@example.org","Min-ji"\n', 's.csv')]).toEqual(['kim@example.org']);
    expect([...parseSuppressionList('E-Mail;Name\r\nkim@example.org;Kim\r\nlee@example.org;"Lee; Jr."\r\n', 's.csv')]).toEqual([
      'kim@example.org',
      'lee@example.org',
    ]);
    expect([...parseSuppressionList('email_address\treason\nKIM@example.org\tbounce\n', 's.csv')]).toEqual(['kim@example.org']);
  });

  it('reads one address per line, skipping blank lines and comments', () => {
    expect([...parseSuppressionList('# from the help desk\r\nKim@Example.org\r\n\r\n  lee@example.org  \n', 's.csv')]).toEqual([
      'kim@example.org',
      'lee@example.org',
    ]);
    expect([...parseSuppressionList('# nothing yet\n\n', 's.csv')]).toEqual([]);
  });

  it('refuses a header row without an email column, naming the file, the line and the columns found', () => {
    expect(problems('# export\nContact,Reason\nkim@example.org,bounce\n')).toEqual([
      's.csv: line 2: expected one address per line, or a header row with an email column ("email" or "Email Address"); found "Contact", "Reason"',
    ]);
  });

  it('refuses entries that are not addresses, so a misread file never suppresses nobody', () => {
    // A headerless export: each whole row would otherwise be taken as one "address" that matches no one.
    expect(problems('kim@example.org,Min-ji\nlee@example.org,Lee\n')).toEqual([
      's.csv: line 1: expected an email address, got "kim@example.org,Min-ji"',
      's.csv: line 2: expected an email address, got "lee@example.org,Lee"',
    ]);
    expect(problems('email\nkim@example.org\nnot an address\n')).toEqual([
      's.csv: line 3: expected an email address, got "not an address"',
    ]);
  });

  it('lists at most ten bad entries, then how many more', () => {
    const list = Array.from({ length: 13 }, (_, i) => `kim${i}@example.org;x`).join('\n');
    const found = problems(list);
    expect(found).toHaveLength(11);
    expect(found[10]).toBe('s.csv: and 3 more entries that are not addresses');
  });
});

describe('loadSuppressionList', () => {
  it('treats a missing file as an empty list, and says it was not found', () => {
    const missing = path.join(os.tmpdir(), 'dispatch-no-such-suppressions.csv');
    expect(loadSuppressionList(missing)).toEqual({ addresses: new Set(), found: false });
  });

  it('reads an existing file, and names it by its label in problems', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-suppress-'));
    try {
      fs.writeFileSync(path.join(dir, 's.txt'), 'kim@example.org\n');
      expect(loadSuppressionList(path.join(dir, 's.txt'))).toEqual({ addresses: new Set(['kim@example.org']), found: true });
      fs.writeFileSync(path.join(dir, 'bad.csv'), 'Name\nKim\n');
      expect(() => loadSuppressionList(path.join(dir, 'bad.csv'), 'lists/bad.csv')).toThrow(
        /^lists\/bad\.csv: line 1: expected one address per line/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

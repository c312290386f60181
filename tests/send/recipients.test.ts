// The recipients CSV: line numbers people can find, every problem at once, duplicates merged.
import { describe, expect, it } from 'vitest';
import { parseRecipients } from '../../src/send/recipients.ts';

describe('parseRecipients', () => {
  it('reads email and optional name, in file order, with the line each row starts on', () => {
    const csv = '\ufeffEmail,Name\r\nkim@example.org,Kim\r\n\r\n  \r\nlee@example.org,"Lee, ""Min"" 이"\r\npark@example.org\r\n';
    expect(parseRecipients(csv, 'r.csv')).toEqual({
      recipients: [
        { email: 'kim@example.org', name: 'Kim', line: 2 },
        { email: 'lee@example.org', name: 'Lee, "Min" 이', line: 5 },
        { email: 'park@example.org', line: 6 },
      ],
      problems: [],
      duplicatesMerged: 0,
    });
  });

  it('accepts the columns in any order and ignores extra ones', () => {
    const list = parseRecipients('name,source,email\nKim,web,kim@example.org\n', 'r.csv');
    expect(list.recipients).toEqual([{ email: 'kim@example.org', name: 'Kim', line: 2 }]);
  });

  it('reports every problem with its line, counting lines inside quoted fields', () => {
    const csv = [
      'email,name',
      'ok@example.org,Ok',
      'not-an-email,Bad',
      ',Nobody',
      'eve@example.org,"Eve',
      'Bcc: x@y"',
      'cr@example.org,"Lone\rCR"',
      'last@example.org,"Kim, Jong"',
      'fields@example.org,Kim, Jong',
    ].join('\n');
    expect(parseRecipients(csv, 'r.csv').problems).toEqual([
      'r.csv: line 3: "not-an-email" is not a valid email address',
      'r.csv: line 4: email is missing',
      'r.csv: line 5: name must be a single line (found a line break): "Eve\\nBcc: x@y"',
      'r.csv: line 7: name must be a single line (found a line break): "Lone\\rCR"',
      'r.csv: line 9: has 3 fields but the header has 2 (quote a name that contains a comma)',
    ]);
  });

  it('reports an invalid address and a bad name on the same row separately', () => {
    expect(parseRecipients('email,name\nbad,"a\u0007b"\n', 'r.csv').problems).toEqual([
      'r.csv: line 2: "bad" is not a valid email address',
      'r.csv: line 2: name must not contain control characters (found U+0007): "a\\u0007b"',
    ]);
  });

  it('merges duplicates case-insensitively, keeping the first row', () => {
    const list = parseRecipients('email,name\nKim@Example.org,First\nkim@example.org,Second\nKIM@EXAMPLE.ORG,Third\n', 'r.csv');
    expect(list.recipients).toEqual([{ email: 'Kim@Example.org', name: 'First', line: 2 }]);
    expect(list.duplicatesMerged).toBe(2);
  });

  it('reads an ESP export whose address column is called "Email Address"', () => {
    const list = parseRecipients('"Email Address","First Name"\nkim@example.org,Min-ji\n', 'r.csv');
    expect(list.problems).toEqual([]);
    expect(list.recipients).toEqual([{ email: 'kim@example.org', line: 2 }]);
  });

  it('refuses a file without an email column, an empty file and unreadable CSV', () => {
    expect(parseRecipients('address,name\nkim@example.org,Kim\n', 'r.csv').problems).toEqual([
      'r.csv: line 1: header has no email column ("email" or "Email Address"; found "address", "name")',
    ]);
    expect(parseRecipients('', 'r.csv').problems).toEqual(['r.csv: is empty (expected a header row with an "email" column)']);
    expect(parseRecipients('email,name\nkim@example.org,"unterminated\n', 'r.csv').problems[0]).toMatch(
      /^r\.csv: line \d+: not readable as CSV/,
    );
  });
});

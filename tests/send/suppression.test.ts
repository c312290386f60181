// Suppression lists: an ESP's CSV export or a plain list, compared case-insensitively.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuppressionList, parseSuppressionList } from '../../src/send/suppression.ts';

describe('parseSuppressionList', () => {
  it('reads the email column of a CSV with a header row', () => {
    const csv = 'reason,Email,at\nunsubscribe,Kim@Example.org,2025-06-01\n# a comment\nbounce,"lee@example.org",2025-06-02\nmanual,,2025-06-03\n';
    expect([...parseSuppressionList(csv)]).toEqual(['kim@example.org', 'lee@example.org']);
  });

  it('reads one address per line, skipping blank lines and comments', () => {
    expect([...parseSuppressionList('# from the help desk\r\nKim@Example.org\r\n\r\n  lee@example.org  \n')]).toEqual(['kim@example.org', 'lee@example.org']);
  });
});

describe('loadSuppressionList', () => {
  it('treats a missing file as an empty list, and says it was not found', () => {
    const missing = path.join(os.tmpdir(), 'dispatch-no-such-suppressions.csv');
    expect(loadSuppressionList(missing)).toEqual({ addresses: new Set(), found: false });
  });

  it('reads an existing file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-suppress-'));
    try {
      fs.writeFileSync(path.join(dir, 's.txt'), 'kim@example.org\n');
      expect(loadSuppressionList(path.join(dir, 's.txt'))).toEqual({ addresses: new Set(['kim@example.org']), found: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

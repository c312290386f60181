// The journal: what a rerun learns from it, and the journals it refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendRefusedError } from '../../src/send/errors.ts';
import { Journal, parseJournal, summariseJournal, type JournalRecord } from '../../src/send/journal.ts';

const header = { journal: 'dispatch-send', version: 1, slug: '2025-06-27', delivery: 'smtp', at: '2025-06-27T00:00:00.000Z' };
const at = '2025-06-27T00:00:01.000Z';
const record = (email: string, status: JournalRecord['status'], extra: Partial<JournalRecord> = {}): JournalRecord => ({
  email,
  status,
  messageId: `<2025-06-27.${email}>`,
  at,
  ...extra,
});
const lines = (...values: object[]) => values.map((value) => `${JSON.stringify(value)}\n`).join('');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-journal-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('summariseJournal', () => {
  it('tells sent, in-doubt and not-delivered apart, per address in any case', () => {
    const history = summariseJournal([
      record('sent@example.org', 'attempt'),
      record('Sent@Example.org', 'sent'),
      record('doubt@example.org', 'attempt'),
      record('retried@example.org', 'attempt'),
      record('retried@example.org', 'retry', { code: 451 }),
      record('failed@example.org', 'attempt'),
      record('failed@example.org', 'failed', { code: 550 }),
      record('resent@example.org', 'attempt'),
      record('resent@example.org', 'retry', { code: 'ECONNECTION' }),
      record('resent@example.org', 'attempt'),
    ]);
    expect(Object.fromEntries([...history].map(([email, h]) => [email, h.state]))).toEqual({
      'sent@example.org': 'sent',
      'doubt@example.org': 'in-doubt',
      'retried@example.org': 'not-delivered',
      'failed@example.org': 'not-delivered',
      'resent@example.org': 'in-doubt',
    });
    expect(history.get('doubt@example.org')?.messageId).toBe('<2025-06-27.doubt@example.org>');
  });

  it('keeps an address sent even if a later record follows', () => {
    const history = summariseJournal([record('a@example.org', 'sent'), record('a@example.org', 'attempt')]);
    expect(history.get('a@example.org')?.state).toBe('sent');
  });
});

describe('parseJournal', () => {
  it('ignores a last line cut off by a crash', () => {
    const parsed = parseJournal(`${lines(header, record('a@example.org', 'attempt'))}{"email":"b@exa`, 'j');
    expect(parsed.truncatedTail).toBe(true);
    expect(parsed.records).toHaveLength(1);
  });

  it('refuses damage anywhere else, and files that are not journals', () => {
    expect(() => parseJournal(`${lines(header)}not json\n${lines(record('a@example.org', 'sent'))}`, 'j')).toThrow(
      'j: line 2 is not valid JSON',
    );
    // A last line that was finished (it ends in a newline) was not cut off: it is damage, not a crash.
    expect(() => parseJournal(`${lines(header, record('a@example.org', 'sent'))}not json\n`, 'j')).toThrow('j: line 3 is not valid JSON');
    expect(() => parseJournal(lines({ email: 'a@example.org' }), 'j')).toThrow('j: is not a send journal');
    expect(() => parseJournal(lines(header, { email: 'a@example.org', status: 'delivered', messageId: 'x' }), 'j')).toThrow(
      'j: line 2 is not a journal record',
    );
  });
});

describe('Journal.open', () => {
  const expected = { slug: '2025-06-27', delivery: 'smtp' as const, now: new Date('2025-06-27T00:00:00Z') };

  it('starts a new journal with a header and appends one synced line per record', () => {
    const file = path.join(dir, 'sub', 'j.journal');
    const journal = Journal.open(file, expected, 'j');
    expect(fs.existsSync(`${file}.lock`)).toBe(true);
    journal.append(record('a@example.org', 'attempt'));
    journal.append(record('a@example.org', 'sent'));
    journal.close();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    const parsed = parseJournal(fs.readFileSync(file, 'utf8'), 'j');
    expect(parsed.header).toEqual({ ...header, at: '2025-06-27T00:00:00.000Z' });
    expect(parsed.records.map((r) => r.status)).toEqual(['attempt', 'sent']);
  });

  it('reads the history of an existing journal and repairs a cut-off last line', () => {
    const file = path.join(dir, 'j.journal');
    fs.writeFileSync(
      file,
      `${lines(header, record('a@example.org', 'attempt'), record('a@example.org', 'sent'), record('b@example.org', 'attempt'))}{"ema`,
    );
    const journal = Journal.open(file, expected, 'j');
    expect(journal.truncatedTail).toBe(true);
    expect(journal.history.get('a@example.org')?.state).toBe('sent');
    expect(journal.history.get('b@example.org')?.state).toBe('in-doubt');
    journal.append(record('b@example.org', 'sent'));
    journal.close();
    const reread = parseJournal(fs.readFileSync(file, 'utf8'), 'j');
    expect(reread.records.at(-1)).toEqual(record('b@example.org', 'sent'));
  });

  it('refuses a journal of another digest or another kind of delivery', () => {
    const file = path.join(dir, 'j.journal');
    fs.writeFileSync(file, lines({ ...header, slug: '2025-06-20' }));
    expect(() => Journal.open(file, expected, 'j')).toThrow('j: belongs to digest "2025-06-20", not "2025-06-27"; pass another --journal');
    fs.writeFileSync(file, lines({ ...header, delivery: 'outbox' }));
    expect(() => Journal.open(file, expected, 'j')).toThrow('j: records outbox delivery, but this run uses smtp; pass another --journal');
    // A refused journal leaves no lock behind.
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over the lock of a process that no longer exists, but not of a live one', () => {
    const file = path.join(dir, 'j.journal');
    fs.writeFileSync(`${file}.lock`, `${process.pid}\n`);
    expect(() => Journal.open(file, expected, 'j')).toThrow(SendRefusedError);
    // Not a pid of a live process: pids are below 2^22 on Linux.
    fs.writeFileSync(`${file}.lock`, '99999999\n');
    const journal = Journal.open(file, expected, 'j');
    expect(journal.staleLockRemoved).toBe(true);
    journal.close();
  });
});

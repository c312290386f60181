// The send journal: append-only JSON lines, synced to disk per line, that make a rerun skip what was delivered.
import fs from 'node:fs';
import path from 'node:path';
import { SendRefusedError } from './errors.ts';
import { addressKey } from './recipients.ts';
import { processIsAlive } from '../shared/process.ts';

export type DeliveryKind = 'smtp' | 'outbox';
export type JournalStatus = 'attempt' | 'sent' | 'failed' | 'retry';

export interface JournalRecord {
  email: string;
  status: JournalStatus;
  /** SMTP reply code (451, 550…) or error code (ECONNECTION…) of a failure or retry */
  code?: number | string;
  /** the server's reply or the error message, credentials masked */
  response?: string;
  messageId: string;
  at: string;
}

/** First line of every journal: which digest and which kind of delivery it records. */
export interface JournalHeader {
  journal: 'dispatch-send';
  version: 1;
  slug: string;
  delivery: DeliveryKind;
  at: string;
}

/**
 * What the journal says about one address. `in-doubt`: an attempt was written but no outcome, so the process
 * stopped while the message was with the server, which may or may not have accepted it.
 */
export interface AddressHistory {
  state: 'sent' | 'in-doubt' | 'not-delivered';
  messageId: string;
}

export interface ParsedJournal {
  header?: JournalHeader;
  records: JournalRecord[];
  /** the last line was cut off mid-write (the process was killed); it is ignored */
  truncatedTail: boolean;
}

const STATUSES = new Set<string>(['attempt', 'sent', 'failed', 'retry']);

function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.email === 'string' &&
    typeof record.status === 'string' &&
    STATUSES.has(record.status) &&
    typeof record.messageId === 'string'
  );
}

function isHeader(value: unknown): value is JournalHeader {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    header.journal === 'dispatch-send' &&
    header.version === 1 &&
    typeof header.slug === 'string' &&
    (header.delivery === 'smtp' || header.delivery === 'outbox')
  );
}

/** Parses journal text; `file` only labels the messages. A damaged journal is refused rather than guessed at. */
export function parseJournal(text: string, file: string): ParsedJournal {
  if (text === '') return { records: [], truncatedTail: false };
  const lines = text.split('\n');
  const endsCleanly = lines[lines.length - 1] === '';
  if (endsCleanly) lines.pop();

  const values: unknown[] = [];
  let truncatedTail = false;
  lines.forEach((line, index) => {
    try {
      values.push(JSON.parse(line));
    } catch {
      if (index === lines.length - 1 && !endsCleanly) {
        truncatedTail = true;
        return;
      }
      throw new SendRefusedError([`${file}: line ${index + 1} is not valid JSON; the journal is damaged, fix or move it before sending`]);
    }
  });

  const [header, ...rest] = values;
  if (header === undefined) return { records: [], truncatedTail };
  if (!isHeader(header)) throw new SendRefusedError([`${file}: is not a send journal (its first line is not a journal header)`]);
  const records = rest.map((value, index) => {
    if (!isRecord(value)) throw new SendRefusedError([`${file}: line ${index + 2} is not a journal record`]);
    return value;
  });
  return { header, records, truncatedTail };
}

/** Folds the records into one history per address key: the last record decides, except that sent stays sent. */
export function summariseJournal(records: readonly JournalRecord[]): Map<string, AddressHistory> {
  const histories = new Map<string, AddressHistory>();
  for (const record of records) {
    const key = addressKey(record.email);
    if (histories.get(key)?.state === 'sent') continue;
    const state = record.status === 'sent' ? 'sent' : record.status === 'attempt' ? 'in-doubt' : 'not-delivered';
    histories.set(key, { state, messageId: record.messageId });
  }
  return histories;
}

/** An open journal: holds the lock file that keeps a second send from using it at the same time. */
export class Journal {
  readonly history: Map<string, AddressHistory>;
  readonly truncatedTail: boolean;
  readonly staleLockRemoved: boolean;
  private readonly fd: number;
  private readonly lockFile: string;

  private constructor(fd: number, lockFile: string, parsed: ParsedJournal, staleLockRemoved: boolean) {
    this.fd = fd;
    this.lockFile = lockFile;
    this.history = summariseJournal(parsed.records);
    this.truncatedTail = parsed.truncatedTail;
    this.staleLockRemoved = staleLockRemoved;
  }

  /** Opens (or starts) the journal for this digest and delivery kind; `label` names it in messages. */
  static open(file: string, expected: { slug: string; delivery: DeliveryKind; now: Date }, label: string): Journal {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lockFile = `${file}.lock`;
    const staleLockRemoved = Journal.lock(lockFile, label);
    try {
      const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const parsed = parseJournal(text, label);
      if (parsed.header && parsed.header.slug !== expected.slug) {
        throw new SendRefusedError([`${label}: belongs to digest "${parsed.header.slug}", not "${expected.slug}"; pass another --journal`]);
      }
      if (parsed.header && parsed.header.delivery !== expected.delivery) {
        throw new SendRefusedError([
          `${label}: records ${parsed.header.delivery} delivery, but this run uses ${expected.delivery}; pass another --journal`,
        ]);
      }
      // A line cut off by a crash is dropped, so the next record starts on a line of its own.
      if (parsed.truncatedTail) fs.truncateSync(file, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
      const fd = fs.openSync(file, 'a');
      const journal = new Journal(fd, lockFile, parsed, staleLockRemoved);
      if (!parsed.header) {
        const header: JournalHeader = {
          journal: 'dispatch-send',
          version: 1,
          slug: expected.slug,
          delivery: expected.delivery,
          at: expected.now.toISOString(),
        };
        journal.writeLine(JSON.stringify(header));
      }
      return journal;
    } catch (error) {
      fs.rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /** Returns true when it had to remove the lock of a process that no longer exists. */
  private static lock(lockFile: string, label: string): boolean {
    for (let tries = 0; tries < 2; tries += 1) {
      try {
        fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
        return tries > 0;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
        if (Number.isInteger(pid) && processIsAlive(pid)) {
          throw new SendRefusedError([`${label}: another send (process ${pid}) is using this journal; wait for it or stop it first`]);
        }
        fs.rmSync(lockFile, { force: true });
      }
    }
    throw new SendRefusedError([`${label}: could not take the lock ${lockFile}`]);
  }

  private writeLine(line: string): void {
    fs.writeSync(this.fd, `${line}\n`);
    fs.fsyncSync(this.fd);
  }

  append(record: JournalRecord): void {
    this.writeLine(JSON.stringify(record));
  }

  close(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.lockFile, { force: true });
  }
}

// One small interface over the two databases the list can live in: PGlite (embedded, the default) and Postgres.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { displayPath } from '../../shared/paths.ts';
import { processIsAlive } from '../../shared/process.ts';

/** What the SQL in store.ts needs: parameterised queries, and scripts (migrations) of several statements. */
export interface Queryable {
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  /** `embedded` (PGlite in a folder) or `postgres` (a server) */
  readonly kind: 'embedded' | 'postgres';
  /** printable, without credentials */
  readonly description: string;
  /** runs `work` in one transaction: committed when it resolves, rolled back when it throws */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseLocation = { kind: 'embedded'; dir: string } | { kind: 'postgres'; url: string };

/** Another process has the embedded database open; PGlite is one process at a time. */
export class DatabaseBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `${displayPath(dir)} is in use by process ${pid} (the subscription service or another command); the embedded ` +
        'database can be opened by one process at a time: stop that process first, or keep the list in Postgres (DATABASE_URL)',
    );
    this.name = 'DatabaseBusyError';
  }
}

export const DEFAULT_EMBEDDED_DIR = path.join('data', 'subscribers');

/** DATABASE_URL (postgres://…) when set, else PGlite in SUBSCRIBERS_DIR or data/subscribers/ under `cwd`. */
export function databaseLocation(env: Readonly<Record<string, string | undefined>>, cwd: string): DatabaseLocation {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(?:ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    return { kind: 'postgres', url };
  }
  return { kind: 'embedded', dir: path.resolve(cwd, env.SUBSCRIBERS_DIR?.trim() || DEFAULT_EMBEDDED_DIR) };
}

/** Embedded databases this process has open: its own lock file must not read as a stale one. */
const openHere = new Set<string>();

/** Takes `<dir>/lock` for this process; a lock left by a process that no longer runs is taken over. */
function lockEmbedded(dir: string): () => void {
  const lockFile = path.join(dir, 'lock');
  if (openHere.has(dir)) throw new DatabaseBusyError(dir, process.pid);
  for (;;) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      openHere.add(dir);
      return () => {
        openHere.delete(dir);
        fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      // A lock with this process's id but not in openHere was left by an earlier process that had the same id.
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid)) throw new DatabaseBusyError(dir, pid);
      fs.rmSync(lockFile, { force: true });
    }
  }
}

async function openEmbedded(dir: string): Promise<Database> {
  fs.mkdirSync(dir, { recursive: true });
  const unlock = lockEmbedded(dir);
  let db: PGlite;
  try {
    // The cluster sits in a subfolder so the lock file beside it is not in Postgres's data directory.
    db = await PGlite.create(path.join(dir, 'pgdata'));
  } catch (error) {
    unlock();
    throw error;
  }
  const queryable = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    kind: 'embedded',
    description: `embedded database in ${displayPath(dir)}`,
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    async close() {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}

/** The URL without user and password, for messages. */
function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `Postgres at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'Postgres (DATABASE_URL)';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', (error) => process.stderr.write(`subscriptions: Postgres connection lost: ${error.message}\n`));
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query(sql, [...params])).rows as Row[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  // Fail at start, with the reason, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    description: describePostgres(url),
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the database; `poolSize` is the number of Postgres connections (PGlite has one). */
export function openDatabase(location: DatabaseLocation, poolSize = 10): Promise<Database> {
  return location.kind === 'embedded' ? openEmbedded(location.dir) : openPostgres(location.url, poolSize);
}

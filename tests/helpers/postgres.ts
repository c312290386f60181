// A throwaway PostgreSQL server for tests and the subscriptions benchmark: Debian's initdb and pg_ctl, run as the
// postgres user when we are root, on a free port of 127.0.0.1, in a temp folder removed when it stops.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  /** creates an empty database and returns its URL */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** The newest /usr/lib/postgresql/<version>/bin that has initdb (PG_BIN overrides); a missing one is an error with the fix. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN) return env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined) {
    throw new Error(
      "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin. The Postgres tests need it: install Debian's " +
        'server with `apt-get install -y postgresql` (.ci/run does this), or set PG_BIN to a folder holding initdb and pg_ctl.',
    );
  }
  return path.join(root, versions[0], 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `fsync: false` speeds tests up; the benchmark keeps Postgres's default, so its figures mean something. */
export async function startTestPostgres({ fsync = false }: { fsync?: boolean } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  // Postgres refuses to run as root: as root, the folder is handed to the postgres user and commands run as it.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
    fs.chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const command = [path.join(bin, program), ...args];
    const result = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command.map(shellQuote).join(' ')], { encoding: 'utf8' })
      : spawnSync(command[0] ?? '', command.slice(1), { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  const options = [`-p ${port}`, '-h 127.0.0.1', `-k ${dir}`, ...(fsync ? [] : ['-F'])].join(' ');
  try {
    run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-instructions', ...(fsync ? [] : ['--no-sync'])]);
    run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start']);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

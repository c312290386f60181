// The two databases every subscription test runs against: a fresh embedded one (PGlite) or a fresh Postgres database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseLocation } from '../../src/subscriptions/storage/database.ts';
import { openSubscriberStore } from '../../src/subscriptions/storage/open.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';

export type DatabaseKind = 'embedded' | 'postgres';
export const DATABASE_KINDS: DatabaseKind[] = ['embedded', 'postgres'];

let template: Promise<string> | undefined;

/** PGlite's first start (its initdb) takes seconds: one migrated cluster is made per test file and copied. */
function embeddedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-pglite-template-'));
    const opened = await openSubscriberStore({ kind: 'embedded', dir });
    await opened.close();
    return dir;
  })();
  return template;
}

let postgres: TestPostgres | undefined;
let databases = 0;

export async function freshDatabase(kind: DatabaseKind): Promise<DatabaseLocation> {
  if (kind === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-pglite-'));
    fs.cpSync(await embeddedTemplate(), dir, { recursive: true });
    return { kind: 'embedded', dir };
  }
  postgres ??= await startTestPostgres();
  databases += 1;
  return { kind: 'postgres', url: await postgres.createDatabase(`subscribers_${process.pid}_${databases}`) };
}

/** Stops the Postgres server and removes the embedded databases' template; call in afterAll. */
export async function releaseDatabases(): Promise<void> {
  postgres?.stop();
  postgres = undefined;
  if (template) fs.rmSync(await template, { recursive: true, force: true });
  template = undefined;
}

export function removeDatabase(location: DatabaseLocation | undefined): void {
  if (location?.kind === 'embedded') fs.rmSync(location.dir, { recursive: true, force: true });
}

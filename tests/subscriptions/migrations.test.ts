// Migrations: applied once, in order, on both databases; a database set up by newer code is refused, not used.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/subscriptions/storage/database.ts';
import { migrate, readMigrations } from '../../src/subscriptions/storage/migrate.ts';
import { DATABASE_KINDS, freshDatabase, releaseDatabases, removeDatabase } from './databases.ts';

afterAll(releaseDatabases);

describe.each(DATABASE_KINDS)('migrations on the %s database', (kind) => {
  it('records what was applied, applies nothing twice, and refuses a schema newer than the code', async () => {
    const location = await freshDatabase(kind);
    const db = await openDatabase(location);
    try {
      // The embedded databases are copies of one migrated earlier; a Postgres database starts empty.
      const applied = await migrate(db);
      expect(applied).toEqual(kind === 'postgres' ? readMigrations().map(({ name }) => name) : []);
      const versions = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(versions).toEqual(readMigrations().map(({ version, name }) => ({ version, name })));
      expect(await migrate(db)).toEqual([]);

      await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, '999-from-the-future.sql')");
      await expect(migrate(db)).rejects.toThrow(/has migration 999, which this code does not know: it was set up by a newer version/);
    } finally {
      await db.close();
      removeDatabase(location);
    }
  });
});

// Opens the subscriber list where the environment says it lives, with its migrations applied.
import { openDatabase, type Database, type DatabaseLocation } from './database.ts';
import { migrate } from './migrate.ts';
import { SubscriberStore } from './store.ts';

export interface OpenStore {
  store: SubscriberStore;
  database: Database;
  /** the migrations this opening applied (empty once the database is up to date) */
  applied: string[];
  close(): Promise<void>;
}

export async function openSubscriberStore(location: DatabaseLocation, poolSize?: number): Promise<OpenStore> {
  const database = await openDatabase(location, poolSize);
  try {
    const applied = await migrate(database);
    return { store: new SubscriberStore(database), database, applied, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

import path from 'node:path';
import type { Config } from './config.ts';
import { openPglite, openPostgres, type Database } from './db/client.ts';
import { lockDataDir } from './db/lock.ts';
import { runMigrations } from './db/migrate.ts';

export interface OpenedDatabase {
  database: Database;
  release: () => Promise<void>;
}

/** Opens the configured database (PGlite folder under a lock, or a server) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const database = openPostgres(config.DATABASE_URL);
    await runMigrations(database);
    return { database, release: () => database.close() };
  }
  const dataDir = path.resolve(config.CANBO_DATA_DIR);
  const unlock = lockDataDir(dataDir);
  try {
    const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    await runMigrations(database);
    return {
      database,
      release: async () => {
        await database.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

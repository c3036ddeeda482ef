import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../core/config.ts';
import { openPglite, openPostgres, type Database } from '../core/db/client.ts';
import { withDatabase } from './global-setup.ts';

/** A fresh migrated database for one test file: PGlite by default, PostgreSQL with TEST_DATABASE_URL. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `canbo_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('pgTemplate')}`);
    const database = openPostgres(withDatabase(url, name), 4);
    const close = database.close;
    database.close = async () => {
      await close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    return database;
  }
  const dump = fs.readFileSync(inject('pgliteDump'));
  return openPglite({ loadDataDir: new Blob([dump]) });
}

export const testConfig = loadConfig({
  CANBO_DATA_DIR: '/nonexistent',
  CANBO_DEMO: 'off',
  LOG_LEVEL: 'silent',
} as NodeJS.ProcessEnv);

/** The HTTP app on a fresh database, as each integration test file uses it. */
export async function createTestApp() {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: testConfig });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

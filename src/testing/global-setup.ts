import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openPglite, openPostgres } from '../core/db/client.ts';
import { runMigrations } from '../core/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a dump of a migrated database. */
    pgliteDump: string;
    /** PostgreSQL: name of a migrated template database. */
    pgTemplate: string;
  }
}

/**
 * Migrates once per run. Each test file then starts from a copy: PGlite loads the dump,
 * PostgreSQL creates a database from the template (both well under a second).
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `canbo_tmpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const database = openPostgres(withDatabase(url, template), 2);
    await runMigrations(database);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      const dbs = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`canbo_t_${process.pid}_%`],
      );
      for (const { datname } of dbs.rows)
        await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const database = await openPglite();
  await runMigrations(database);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-test-'));
  const dumpPath = path.join(dir, 'migrated.tar');
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteDump', dumpPath);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

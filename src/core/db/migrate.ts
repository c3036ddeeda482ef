import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client.ts';
import { shipReferenceData } from './reference-data.ts';

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

/** Applies the committed SQL migrations (the same folder serves both drivers), then reference data. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
  await shipReferenceData(database);
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

/** How many migrations are applied and the tag of the newest, as reported by /api/health. */
export async function migrationVersion(
  database: Database,
): Promise<{ count: number; latest: string | null }> {
  const rows = await database.query<{ count: number; last: string | null }>(
    `select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const row = rows[0];
  const journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  ) as Journal;
  const entry = journal.entries.find((e) => String(e.when) === row?.last);
  return { count: Number(row?.count ?? 0), latest: entry?.tag ?? row?.last ?? null };
}

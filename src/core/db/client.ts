import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The common Drizzle surface of both drivers; repositories are written against this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** The embedded engine, when kind is 'pglite' (for dumps and backups). */
  pglite?: PGlite;
  /** Runs raw SQL and returns its rows (used by benchmarks, migrations and maintenance). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm };

export async function openPglite(
  options: { dataDir?: string; loadDataDir?: Blob | File } = {},
): Promise<Database> {
  const client = await PGlite.create({ ...options, extensions: pgliteExtensions });
  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async query<T>(text: string, params?: unknown[]) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    close: () => client.close(),
  };
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  // Dates stay 'yyyy-mm-dd' strings (as on PGlite with mode 'string'), never shifted by a time zone.
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the server closed (restart, dropped test database) must not crash the process.
  pool.on('error', (err) => console.warn(`PostgreSQL: ${err.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      const res = await pool.query(text, params as unknown[]);
      return res.rows as T[];
    },
    close: () => pool.end(),
  };
}

export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}

/** Rows of a `db.execute(sql…)` result: both drivers answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Rows written by an INSERT/UPDATE/DELETE run through db.execute, on either driver. */
export const affectedRows = (result: unknown): number =>
  (result as { rowCount?: number | null }).rowCount ??
  (result as { affectedRows?: number }).affectedRows ??
  0;

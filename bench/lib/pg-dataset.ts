/**
 * The PostgreSQL benchmark dataset: created once, then reused while its marker matches.
 * The marker (settings key 'bench_dataset') records what was loaded; a missing or different
 * marker, or fewer members than expected, drops and rebuilds the database.
 */
import pg from 'pg';
import { loadDemo } from '../../src/cli/demo-load.ts';
import { openPostgres, type Database } from '../../src/core/db/client.ts';
import { runMigrations } from '../../src/core/db/migrate.ts';
import { fmtMs, log, now } from './util.ts';

export interface DatasetSpec {
  members: number;
  grassroots: number;
  seed: number;
}

export interface LoadReport {
  reused: boolean;
  units: number;
  members: number;
  /** When the dataset was loaded (this run, or an earlier one when reused). */
  loadedAt?: string;
  /** How long that load took (kept in settings 'bench_dataset_load' for later runs). */
  timings?: {
    migrateMs: number;
    unitsMs: number;
    membersMs: number;
    /** member_unit_history insert + ANALYZE at the end of loadDemo. */
    finishMs: number;
    vacuumAnalyzeMs: number;
    totalMs: number;
    membersPerSecond: number;
  };
}

const MARKER_KEY = 'bench_dataset';
const LOAD_KEY = 'bench_dataset_load';
const markerOf = (spec: DatasetSpec) =>
  JSON.stringify({
    format: 1,
    members: spec.members,
    grassroots: spec.grassroots,
    seed: spec.seed,
  });

function adminUrl(url: string): { admin: string; dbName: string } {
  const u = new URL(url);
  const dbName = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(dbName)) throw new Error(`unexpected database name "${dbName}"`);
  u.pathname = '/postgres';
  return { admin: u.toString(), dbName };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function datasetMatches(url: string, spec: DatasetSpec): Promise<boolean> {
  try {
    return await withClient(url, async (c) => {
      const marker = await c.query<{ value: string }>('select value from settings where key = $1', [
        MARKER_KEY,
      ]);
      if (marker.rows[0]?.value !== markerOf(spec)) return false;
      const count = await c.query<{ n: number }>('select count(*)::int as n from members');
      return (count.rows[0]?.n ?? 0) >= spec.members;
    });
  } catch {
    return false; // no database, no tables, …
  }
}

/** Makes sure the database at `url` holds exactly the dataset `spec`; loads it if not. */
export async function ensureDataset(url: string, spec: DatasetSpec): Promise<LoadReport> {
  const { admin, dbName } = adminUrl(url);
  if (await datasetMatches(url, spec)) {
    // The data is reused, but the schema must be today's: apply any newer migration.
    const database = openPostgres(url, 1);
    try {
      await runMigrations(database);
      await database.query('vacuum analyze members');
    } finally {
      await database.close();
    }
    const counts = await withClient(url, async (c) => {
      const r = await c.query<{ units: number; members: number }>(
        'select (select count(*)::int from units) as units, (select count(*)::int from members) as members',
      );
      const load = await c.query<{ value: string }>('select value from settings where key = $1', [
        LOAD_KEY,
      ]);
      const previous = load.rows[0]
        ? (JSON.parse(load.rows[0].value) as Pick<LoadReport, 'loadedAt' | 'timings'>)
        : {};
      return { ...r.rows[0]!, ...previous };
    });
    log(
      `  dataset present (${counts.members.toLocaleString('en')} members, ${counts.units} units): reused` +
        (counts.timings
          ? `; it was loaded ${counts.loadedAt ?? ''} in ${fmtMs(counts.timings.totalMs)}`
          : ''),
    );
    return { reused: true, ...counts };
  }

  log(`  (re)creating database ${dbName} …`);
  await withClient(admin, async (c) => {
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.query(`create database ${dbName}`);
  });

  const t0 = now();
  const database = openPostgres(url, 4);
  try {
    await runMigrations(database);
    const tMigrated = now();
    let tUnits = tMigrated;
    let tMembers = tMigrated;
    let lastShown = 0;
    let lastShownAt = now();
    const result = await loadDemo(database, {
      members: spec.members,
      grassroots: spec.grassroots,
      seed: spec.seed,
      onProgress: (done, total, phase) => {
        if (phase === 'units') {
          tUnits = now();
          if (done === total) log(`  units: ${total} in ${fmtMs(tUnits - tMigrated)}`);
          return;
        }
        tMembers = now();
        if (done === total || done - lastShown >= total / 20 || tMembers - lastShownAt > 15_000) {
          const rate = done / ((tMembers - tUnits) / 1000);
          log(
            `  members: ${done.toLocaleString('en')}/${total.toLocaleString('en')} ` +
              `(${fmtMs(tMembers - tUnits)}, ${Math.round(rate).toLocaleString('en')}/s)`,
          );
          lastShown = done;
          lastShownAt = tMembers;
        }
      },
    });
    const tLoaded = now();
    log(`  history rows + analyze: ${fmtMs(tLoaded - tMembers)}`);
    await database.query('vacuum analyze');
    const tVacuumed = now();
    log(`  vacuum analyze: ${fmtMs(tVacuumed - tLoaded)}`);
    const timings = {
      migrateMs: Math.round(tMigrated - t0),
      unitsMs: Math.round(tUnits - tMigrated),
      membersMs: Math.round(tMembers - tUnits),
      finishMs: Math.round(tLoaded - tMembers),
      vacuumAnalyzeMs: Math.round(tVacuumed - tLoaded),
      totalMs: Math.round(tVacuumed - t0),
      membersPerSecond: Math.round(result.members / ((tMembers - tUnits) / 1000)),
    };
    const loadedAt = new Date().toISOString();
    for (const [key, value] of [
      [LOAD_KEY, JSON.stringify({ loadedAt, timings })],
      [MARKER_KEY, markerOf(spec)],
    ]) {
      await database.query(
        `insert into settings (key, value) values ($1, $2)
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [key, value],
      );
    }
    log(`  dataset loaded in ${fmtMs(timings.totalMs)}`);
    return { reused: false, units: result.units, members: result.members, loadedAt, timings };
  } finally {
    await database.close();
  }
}

export type { Database };

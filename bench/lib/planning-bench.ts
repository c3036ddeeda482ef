/**
 * Succession view speed (issue 5: a province-sized subtree answers in < 500 ms on PostgreSQL).
 * On its own database (a province of 200,000 members and a few thousand units), gives every
 * unit a post per key title — holders for most, a pool for the term with 0-3 successors — then
 * times the use case (`succession`: scope, the ranked and paged posts, counts, holders,
 * successors, retirement and tenure in JavaScript) next to the same SQL statements run raw
 * (the four repo reads, no shaping) for the whole province, a deep page, the gaps-only filter
 * and one district.
 */
import type { Actor } from '../../src/core/access/actor.ts';
import type { Database } from '../../src/core/db/client.ts';
import { today } from '../../src/core/dates.ts';
import {
  holdersOf,
  successionPage,
  successorsOf,
} from '../../src/modules/planning/succession.repo.ts';
import {
  EXPORT_PAGE_SIZE,
  exportSuccession,
} from '../../src/modules/planning/succession.export.ts';
import { succession } from '../../src/modules/planning/succession.service.ts';
import { fmtMs, log, now, percentiles, Rng, type Percentiles } from './util.ts';

export const BENCH_TERM = '2030-2035';

export interface PlanningCaseResult {
  name: string;
  unit: string;
  posts: number;
  service: Percentiles;
  raw: Percentiles;
  pass: boolean;
}

const readerAt = (unit: { id: number; path: string }): Actor => ({
  userId: 0,
  username: 'bench_reader',
  displayName: 'Bench',
  unitId: unit.id,
  scopePath: unit.path,
  roles: ['reader'],
  permissions: [],
  memberId: null,
});

/** Inserts rows column-wise through unnest(), one statement per 5,000 rows. */
async function insertColumns(
  database: Database,
  table: string,
  columns: [name: string, type: string][],
  rows: unknown[][],
  suffix = '',
) {
  for (let i = 0; i < rows.length; i += 5000) {
    const slice = rows.slice(i, i + 5000);
    const params = columns.map((_, c) => slice.map((r) => r[c]));
    await database.query(
      `insert into ${table} (${columns.map(([n]) => n).join(', ')})
       select * from unnest(${columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(', ')}) ${suffix}`,
      params,
    );
  }
}

/**
 * Holders and pools for every unit: all key titles in the province, districts and communes,
 * the secretary in grassroots organisations. Skipped when the dataset already has them.
 */
export async function ensurePlanningData(database: Database, seed: number) {
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>(
    'select count(*)::int as n from planning_pools',
  );
  if (n > 1000) return { added: false, pools: n };
  const t = now();
  const rng = new Rng(seed + 377);
  const titles = await database.query<{ id: number; code: string }>(
    'select id, code from post_titles where is_key order by sort_order',
  );
  const bt = titles.find((x) => x.code === 'BT')!.id;
  const units = await database.query<{ id: number; path: string; depth: number }>(
    `select id, path, depth from units where valid_to is null and status = 'active'
      and type not like '%cell%' order by path`,
  );
  const people = await database.query<{ id: number; path: string; young: boolean }>(
    `select id, unit_path as path, birth_date >= '1976-01-01' as young from members
      where status = 'full' and archived_at is null and birth_date between '1966-01-01' and '1995-12-31'
        and not exists (select 1 from appointments a where a.member_id = members.id)`,
  );
  // Members by every ancestor unit, so a unit picks from its own subtree.
  const holdersByUnit = new Map<number, number[]>();
  const youngByUnit = new Map<number, number[]>();
  for (const p of people) {
    for (const id of p.path.split('/').filter(Boolean).map(Number)) {
      const map = p.young ? youngByUnit : holdersByUnit;
      let list = map.get(id);
      if (!list) map.set(id, (list = []));
      if (list.length < 400) list.push(p.id);
    }
  }
  const used = new Set<number>();
  const pick = (list: number[] | undefined) => {
    if (!list?.length) return undefined;
    for (let k = 0; k < 12; k++) {
      const id = list[rng.int(0, list.length - 1)]!;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
    return undefined;
  };
  const appointmentRows: unknown[][] = [];
  const posts: { unitId: number; titleId: number }[] = [];
  for (const u of units) {
    const keyTitles = u.depth <= 2 ? titles.map((x) => x.id) : [bt];
    for (const titleId of keyTitles) {
      posts.push({ unitId: u.id, titleId });
      if (rng.next() >= 0.85) continue;
      const holder = pick(holdersByUnit.get(u.id)) ?? pick(youngByUnit.get(u.id));
      if (holder === undefined) continue;
      const start = `${rng.int(2016, 2025)}-0${rng.int(1, 9)}-15`;
      appointmentRows.push([holder, titleId, u.id, u.path, start, 'elected', '2025-2030']);
    }
  }
  await insertColumns(
    database,
    'appointments',
    [
      ['member_id', 'int'],
      ['post_title_id', 'int'],
      ['unit_id', 'int'],
      ['unit_path', 'text'],
      ['start_date', 'date'],
      ['method', 'text'],
      ['term', 'text'],
    ],
    appointmentRows,
  );
  await insertColumns(
    database,
    'planning_pools',
    [
      ['post_title_id', 'int'],
      ['unit_id', 'int'],
      ['term', 'text'],
    ],
    posts.map((p) => [p.titleId, p.unitId, BENCH_TERM]),
    'on conflict do nothing',
  );
  const pools = await database.query<{ id: number; unitId: number }>(
    `select id, unit_id as "unitId" from planning_pools where term = '${BENCH_TERM}'
      and not exists (select 1 from planning_entries e where e.pool_id = planning_pools.id)`,
  );
  const entryRows: unknown[][] = [];
  for (const p of pools) {
    const r = rng.next();
    const wanted = r < 0.15 ? 0 : r < 0.4 ? 1 : r < 0.7 ? 2 : 3;
    for (let k = 0; k < wanted; k++) {
      const id = pick(youngByUnit.get(p.unitId));
      if (id === undefined) break;
      const cast = rng.int(25, 45);
      entryRows.push([
        p.id,
        id,
        'inside',
        cast,
        rng.int(Math.floor(cast / 2) + 1, cast),
        'QĐ-bench',
        '2026-01-15',
      ]);
    }
  }
  await insertColumns(
    database,
    'planning_entries',
    [
      ['pool_id', 'int'],
      ['member_id', 'int'],
      ['source', 'text'],
      ['votes_cast', 'int'],
      ['votes_for', 'int'],
      ['decision_number', 'text'],
      ['decision_date', 'date'],
    ],
    entryRows,
  );
  await database.query('vacuum analyze appointments, planning_pools, planning_entries');
  log(
    `  planning: ${appointmentRows.length} holders, ${posts.length} key posts, ${entryRows.length} planned successors in ${fmtMs(now() - t)}`,
  );
  return { added: true, pools: posts.length };
}

export async function runPlanningBench(o: { database: Database; seed: number; runs?: number }) {
  const runs = o.runs ?? 30;
  const limit = 500;
  const { db } = o.database;
  const data = await ensurePlanningData(o.database, o.seed);
  const [root] = await o.database.query<{ id: number; path: string; name: string }>(
    'select id, path, name from units where depth = 0 order by id limit 1',
  );
  const [district] = await o.database.query<{ id: number; path: string; name: string }>(
    `select u.id, u.path, u.name from units u where u.depth = 1 and u.valid_to is null
      order by (select count(*) from units c where c.path like u.path || '%') desc limit 1`,
  );
  const date = today();
  const cases = [
    { name: 'province, page 1', unit: root!, page: 1, gapsOnly: false },
    { name: 'province, page 100', unit: root!, page: 100, gapsOnly: false },
    { name: 'province, gaps only', unit: root!, page: 1, gapsOnly: true },
    { name: 'largest district', unit: district!, page: 1, gapsOnly: false },
  ];
  log(`\n▶ PostgreSQL — succession view (target p95 < ${limit} ms), term ${BENCH_TERM}`);
  log('  case                        posts   service p50/p95     raw SQL p50/p95');
  const results: PlanningCaseResult[] = [];
  for (const c of cases) {
    const actor = readerAt(c.unit);
    const query = {
      term: BENCH_TERM,
      date,
      gapsOnly: c.gapsOnly ? ('true' as const) : undefined,
      page: c.page,
      pageSize: 50,
    };
    const f = { ...query, path: c.unit.path, gapsOnly: c.gapsOnly };
    const service: number[] = [];
    const raw: number[] = [];
    let posts = 0;
    for (let i = 0; i < runs + 3; i++) {
      let t = now();
      const answer = await succession({ db, actor, query });
      const serviceMs = now() - t;
      posts = answer.counts.posts;
      t = now();
      const { rows } = await successionPage(db, actor, f);
      await holdersOf(db, rows, date);
      await successorsOf(
        db,
        rows.flatMap((r) => (r.poolId ? [r.poolId] : [])),
      );
      const rawMs = now() - t;
      if (i >= 3) {
        service.push(serviceMs);
        raw.push(rawMs);
      }
    }
    const result: PlanningCaseResult = {
      name: c.name,
      unit: c.unit.name,
      posts,
      service: percentiles(service),
      raw: percentiles(raw),
      pass: percentiles(service).p95 < limit,
    };
    results.push(result);
    log(
      `  ${result.pass ? '✓' : '✗'} ${c.name.padEnd(24)} ${String(posts).padStart(7)}   ${fmtMs(result.service.p50)}/${fmtMs(result.service.p95)}   ${fmtMs(result.raw.p50)}/${fmtMs(result.raw.p95)}`,
    );
  }
  const exported = await benchExport(o.database, root!, date);
  return { targetP95Ms: limit, pools: data.pools, cases: results, export: exported };
}

/**
 * The province's Excel export (every key post, in pages, and the structure), against the
 * raw reads of the same pages: the difference is the workbook writing.
 */
async function benchExport(database: Database, root: { id: number; path: string }, date: string) {
  const { db } = database;
  const actor = readerAt(root);
  const service: number[] = [];
  const raw: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    let t = now();
    const file = await exportSuccession({ db, actor, query: { term: BENCH_TERM, date } });
    const serviceMs = now() - t;
    bytes = file.buffer.length;
    t = now();
    let total = Infinity;
    for (let page = 1; (page - 1) * EXPORT_PAGE_SIZE < total; page++) {
      const f = {
        term: BENCH_TERM,
        date,
        path: root.path,
        gapsOnly: false,
        page,
        pageSize: EXPORT_PAGE_SIZE,
      };
      const { rows, counts } = await successionPage(db, actor, f);
      total = counts.posts;
      await holdersOf(db, rows, date);
      await successorsOf(
        db,
        rows.flatMap((r) => (r.poolId ? [r.poolId] : [])),
      );
    }
    const rawMs = now() - t;
    if (i >= 1) {
      service.push(serviceMs);
      raw.push(rawMs);
    }
  }
  const result = { service: percentiles(service), raw: percentiles(raw), bytes };
  log(
    `  Excel export, province: ${fmtMs(result.service.p50)} p50 (max ${fmtMs(result.service.max)}), ${Math.round(bytes / 1024)} KB · raw page reads ${fmtMs(result.raw.p50)} · ×${(result.service.p50 / result.raw.p50).toFixed(2)}`,
  );
  return result;
}

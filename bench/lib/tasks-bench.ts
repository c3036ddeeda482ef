/**
 * Subtree statistics of "việc mới, việc khó" for a year (issue 5: < 1 s on PostgreSQL with
 * 100,000 members). On its own database, registers tasks for ~94% of the members in the bench
 * year (cadres with two to four approved items, outcomes of every kind, some overdue), then
 * times the use case (`taskStats`: scope check, four aggregate statements, the models list,
 * child unit names, shaping) next to the same four statements run raw in parallel, for the
 * whole city, one commune and one grassroots organisation.
 */
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Actor } from '../../src/core/access/actor.ts';
import type { Database } from '../../src/core/db/client.ts';
import { today } from '../../src/core/dates.ts';
import { statsQueries, taskStats } from '../../src/modules/tasks/tasks.stats.ts';
import { fmtMs, log, now, percentiles, type Percentiles } from './util.ts';

export const BENCH_TASK_YEAR = 2024;
const TARGET_MS = 1000;

export interface TasksCaseResult {
  name: string;
  unit: string;
  members: number;
  service: Percentiles;
  raw: Percentiles;
  ratio: number;
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

/** Tasks of the bench year for ~94% of the members, once per dataset. */
export async function ensureTaskData(database: Database) {
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>(
    `select count(*)::int as n from tasks where start_year = ${BENCH_TASK_YEAR}`,
  );
  if (n > 1000) return { added: false, tasks: n };
  const t = now();
  await database.query(
    `with pool as (
       select m.id, m.unit_id, m.unit_path,
         exists (select 1 from appointments a where a.member_id = m.id
                 and a.start_date <= '${BENCH_TASK_YEAR}-12-31'
                 and (a.end_date is null or a.end_date >= '${BENCH_TASK_YEAR}-01-01')) as cadre
       from members m where m.archived_at is null and m.status in ('probationary', 'full')),
     chosen as (select * from pool where cadre or md5(id::text) < 'f1'),
     items as (select c.*, g as k from chosen c
       cross join lateral generate_series(1, case when c.cadre then 2 + c.id % 3 else 1 end) g)
     insert into tasks (member_id, unit_id, unit_path, period_kind, start_year, end_year, title,
       targets, milestones, deadline, status, outcome, completed_date, is_model)
     select id, unit_id, unit_path, 'year', ${BENCH_TASK_YEAR}, ${BENCH_TASK_YEAR}, 'Việc khó ' || id || '.' || k,
       '[{"name":"Chỉ tiêu","unit":"việc","targetValue":1,"achievedValue":null}]', '[]',
       make_date(${BENCH_TASK_YEAR}, 1 + (id + k) % 12, 28),
       (array['approved','approved','approved','approved','submitted','returned','rejected'])[1 + (id + k) % 7],
       case when (id + k) % 7 < 4 and (id + k) % 5 > 0
            then (array['exceeded','on_time','late','not_done'])[1 + (id + k) % 4] end,
       case when (id + k) % 7 < 4 and (id + k) % 5 > 0 and (id + k) % 4 < 3
            then make_date(${BENCH_TASK_YEAR}, 1 + (id + k) % 12, 20) end,
       (id + k) % 211 = 0
     from items`,
  );
  await database.query('analyze tasks');
  const [{ n: added } = { n: 0 }] = await database.query<{ n: number }>(
    `select count(*)::int as n from tasks where start_year = ${BENCH_TASK_YEAR}`,
  );
  log(`  tasks: ${added.toLocaleString('en')} registrations in ${fmtMs(now() - t)}`);
  return { added: true, tasks: added };
}

export async function runTasksBench(o: {
  database: Database;
  requests?: number;
  warmup?: number;
}): Promise<{ data: { added: boolean; tasks: number }; cases: TasksCaseResult[] }> {
  const { database } = o;
  const requests = o.requests ?? 20;
  const warmup = o.warmup ?? 3;
  const data = await ensureTaskData(database);
  const pick = async (where: string) =>
    (
      await database.query<{ id: number; path: string; name: string; members: number }>(
        `select u.id, u.path, u.name,
           (select count(*)::int from members m where m.unit_path like u.path || '%') as members
         from units u where ${where} and u.valid_to is null order by members desc limit 1`,
      )
    )[0]!;
  const units = [
    { name: 'city', unit: await pick(`u.code = 'HN'`) },
    { name: 'commune', unit: await pick(`u.type = 'commune'`) },
    {
      name: 'grassroots',
      unit: await pick(`u.type in ('grassroots_committee', 'grassroots_cell')`),
    },
  ];
  const dialect = new PgDialect();
  const day = today();
  const cases: TasksCaseResult[] = [];
  for (const { name, unit } of units) {
    const actor = readerAt(unit);
    const service = () =>
      taskStats({ db: database.db, actor, query: { unitId: unit.id, year: BENCH_TASK_YEAR } });
    const statements = Object.values(statsQueries(unit.path, BENCH_TASK_YEAR, day)).map((s) =>
      dialect.sqlToQuery(s),
    );
    const raw = () => Promise.all(statements.map((s) => database.query(s.sql, s.params)));
    const time = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < warmup; i++) await fn();
      const samples: number[] = [];
      for (let i = 0; i < requests; i++) {
        const t = now();
        await fn();
        samples.push(now() - t);
      }
      return percentiles(samples);
    };
    // Alternate so both see the same cache state.
    const s = await time(service);
    const r = await time(raw);
    const result: TasksCaseResult = {
      name,
      unit: unit.name,
      members: unit.members,
      service: s,
      raw: r,
      ratio: Math.round((s.p50 / Math.max(r.p50, 0.01)) * 100) / 100,
      pass: s.p95 < TARGET_MS,
    };
    cases.push(result);
    log(
      `  ${name.padEnd(10)} ${unit.name} (${unit.members.toLocaleString('en')} members): ` +
        `service p50 ${fmtMs(s.p50)} p95 ${fmtMs(s.p95)} · raw p50 ${fmtMs(r.p50)} p95 ${fmtMs(r.p95)} · ` +
        `×${result.ratio} ${result.pass ? 'PASS' : 'FAIL'} (< ${TARGET_MS} ms)`,
    );
  }
  return { data, cases };
}

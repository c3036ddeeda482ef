/**
 * Evaluation speed (issue 5: rating a year for 100,000 members and the subtree statistics of
 * ratings answer in < 1 s on PostgreSQL). On its own database, opens a year period for the whole
 * tree, gives members tasks in the year and every evaluation an advisory proposal (set-based
 * SQL), then times:
 *   - "rate a year" through the use case (ratePeriod: staging with task counts from the tasks
 *     module, pure rules per band, quota, one INSERT of the decisions, audit), and the same
 *     decisions as ONE raw INSERT … SELECT (thresholds inlined, task counts aggregated, no quota,
 *     constant rule text) as the baseline;
 *   - the statistics of ratings per child unit through the use case, and the raw GROUP BY.
 * Between two rating runs the decisions are deleted (untimed).
 */
import type { Actor } from '../../src/core/access/actor.ts';
import type { Database } from '../../src/core/db/client.ts';
import { ratePeriod } from '../../src/modules/evaluation/evaluation.bulk.service.ts';
import { createPeriod } from '../../src/modules/evaluation/evaluation.periods.service.ts';
import { statistics } from '../../src/modules/evaluation/evaluation.report.service.ts';
import { fmtMs, log, now, percentiles, type Percentiles } from './util.ts';

export interface EvaluationBenchResult {
  members: number;
  evaluations: number;
  tasks: number;
  openPeriodMs: number;
  rate: { service: Percentiles; raw: Percentiles; ratio: number; pass: boolean };
  statistics: { service: Percentiles; raw: Percentiles; ratio: number; pass: boolean };
  byRating: Record<string, number>;
  targetMs: number;
}

const officerAt = (unit: { id: number; path: string }): Actor => ({
  userId: 0,
  username: 'bench_officer',
  displayName: 'Bench',
  unitId: unit.id,
  scopePath: unit.path,
  roles: ['admin', 'officer'],
  permissions: [],
  memberId: null,
});

/** Tasks in the bench year for about two members in three, with every outcome, if it has none. */
async function ensureTasks(database: Database, year: number): Promise<number> {
  const inYear = `select count(*)::int as n from tasks
    where deadline between '${year}-01-01' and '${year}-12-31'`;
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>(inYear);
  if (n > 0) return n;
  await database.query(`
    insert into tasks (member_id, unit_id, unit_path, period_kind, start_year, end_year, title,
                       targets, milestones, deadline, status, outcome, completed_date)
    select m.id, m.unit_id, m.unit_path, 'year', ${year}, ${year}, 'Việc mới ' || k,
           '[{"name":"Chỉ tiêu","unit":"","targetValue":10,"achievedValue":null}]'::jsonb, '[]'::jsonb,
           make_date(${year}, 1 + (m.id + k) % 12, 15), 'approved',
           (array['exceeded','on_time','on_time','on_time','late','not_done', null])[1 + (m.id * 5 + k * 3) % 7],
           make_date(${year}, 1 + (m.id + k) % 12, 10)
    from members m cross join generate_series(1, 2) k
    where m.id % 3 <> 0 and m.status in ('probationary', 'full')`);
  await database.query('analyze tasks');
  const [{ n: added } = { n: 0 }] = await database.query<{ n: number }>(inYear);
  return added;
}

/** Every evaluation of the period back to "proposed" with a score spread over 40–100. */
async function resetProposals(database: Database, periodId: number) {
  await database.query(`delete from evaluation_decisions
    where evaluation_id in (select id from evaluations where period_id = ${periodId})`);
  await database.query(`update evaluations set stage = 'advisory'
    where period_id = ${periodId} and stage <> 'advisory'`);
  // Each reset leaves 100,000 dead rows; without this the runs would time a bloating table.
  await database.query('vacuum evaluation_decisions');
}

async function addProposals(database: Database, periodId: number) {
  await database.query(`
    insert into evaluation_steps (evaluation_id, step, scores, total, actor_name)
    select e.id, 'advisory', '{}'::jsonb, 40 + ((e.id * 37) % 6001) / 100.0, 'Bench'
    from evaluations e where e.period_id = ${periodId}
    on conflict do nothing`);
  await resetProposals(database, periodId);
  await database.query('vacuum analyze evaluations');
  await database.query('vacuum analyze evaluation_steps');
}

/**
 * The same rating as one statement: thresholds inlined, the same decision row written (rule text
 * and citations as constants), quota left out.
 */
const rawRateSql = (periodId: number, from: string, to: string) => `
  with t as (
    select member_id, count(*) as total,
      count(*) filter (where outcome = 'exceeded') as exceeded,
      count(*) filter (where outcome in ('late', 'not_done') or outcome is null) as behind
    from tasks where status = 'approved' and deadline between '${from}' and '${to}'
      and member_id in (select member_id from evaluations where period_id = ${periodId})
    group by member_id)
  insert into evaluation_decisions (evaluation_id, final_score, rating, rule_head, basis_id,
    decided_by)
  select x.evaluation_id, x.score,
    case
      when x.score >= 90 and x.behind = 0 and x.total > 0 and x.exceeded * 100 >= 30 * x.total then 'excellent'
      when x.score >= 70 and x.behind = 0 then 'good'
      when x.score >= 50 and x.behind * 100 <= 20 * x.total then 'complete'
      else 'incomplete' end,
    'raw', 0, 'raw'
  from (
    select s.evaluation_id, s.total as score, coalesce(t.total, 0) as total,
      coalesce(t.exceeded, 0) as exceeded, coalesce(t.behind, 0) as behind
    from evaluation_steps s
    join evaluations e2 on e2.id = s.evaluation_id
    left join t on t.member_id = e2.member_id
    where s.step = 'advisory' and e2.period_id = ${periodId} and e2.stage = 'advisory'
      and not exists (select 1 from evaluation_decisions d where d.evaluation_id = e2.id)) x`;

const rawStatsSql = (periodId: number, path: string) => `
  select split_part(substr(e.unit_path, ${path.length + 1}), '/', 1) as child, count(*)::int,
    (count(*) filter (where d.rating = 'excellent'))::int, (count(*) filter (where d.rating = 'good'))::int,
    (count(*) filter (where d.rating = 'complete'))::int, (count(*) filter (where d.rating = 'incomplete'))::int,
    (count(*) filter (where d.rating is null))::int
  from evaluations e left join evaluation_decisions d on d.evaluation_id = e.id
  where e.period_id = ${periodId} and e.unit_path like '${path}%' group by 1`;

export async function runEvaluationBench(o: {
  database: Database;
  runs?: number;
  targetMs?: number;
}): Promise<EvaluationBenchResult> {
  const { database } = o;
  const { db } = database;
  const runs = o.runs ?? 5;
  const targetMs = o.targetMs ?? 1000;
  // A year the demo data has no period or tasks in (it opens 2024 and 2025 for the whole city).
  const year = 2021;
  const [root] = await database.query<{ id: number; path: string }>(
    'select id, path from units where depth = 0 order by id limit 1',
  );
  const actor = officerAt(root!);
  const tasks = await ensureTasks(database, year);
  // A fresh period each run of the bench: earlier bench periods are dropped first.
  await database.query(`delete from evaluation_steps where evaluation_id in
    (select e.id from evaluations e join evaluation_periods p on p.id = e.period_id where p.note = 'bench')`);
  await database.query(`delete from evaluations where period_id in
    (select id from evaluation_periods where note = 'bench')`);
  await database.query(`delete from evaluation_periods where note = 'bench'`);
  let t = now();
  const period = await createPeriod({
    db,
    actor,
    body: {
      unitId: root!.id,
      kind: 'year',
      subject: 'individual',
      year,
      label: `Năm ${year} (bench)`,
      startDate: `${year}-01-01`,
      endDate: `${year}-12-31`,
      note: 'bench',
    },
  });
  const openPeriodMs = Math.round(now() - t);
  await addProposals(database, period.id);
  const [{ n: evaluations } = { n: 0 }] = await database.query<{ n: number }>(
    `select count(*)::int as n from evaluations where period_id = ${period.id}`,
  );
  const [{ n: members } = { n: 0 }] = await database.query<{ n: number }>(
    'select count(*)::int as n from members',
  );
  log(
    `\n▶ PostgreSQL — evaluation: ${evaluations.toLocaleString('en')} evaluations, ${tasks.toLocaleString('en')} tasks; period opened in ${fmtMs(openPeriodMs)} (target < ${targetMs} ms)`,
  );

  const service: number[] = [];
  const raw: number[] = [];
  let byRating: Record<string, number> = {};
  for (let i = 0; i < runs + 1; i++) {
    await resetProposals(database, period.id);
    t = now();
    const result = await ratePeriod({ db, actor, periodId: period.id });
    const s = now() - t;
    byRating = result.byRating;
    await resetProposals(database, period.id);
    t = now();
    await database.query(rawRateSql(period.id, `${year}-01-01`, `${year}-12-31`));
    const r = now() - t;
    if (i > 0) {
      service.push(s);
      raw.push(r);
    }
  }
  // Leave the period rated, as a real one would be, for the statistics.
  await resetProposals(database, period.id);
  await ratePeriod({ db, actor, periodId: period.id });
  await database.query('analyze evaluations');

  const statsService: number[] = [];
  const statsRaw: number[] = [];
  for (let i = 0; i < 22; i++) {
    t = now();
    await statistics({ db, actor, periodId: period.id });
    const s = now() - t;
    t = now();
    await database.query(rawStatsSql(period.id, root!.path));
    const r = now() - t;
    if (i >= 2) {
      statsService.push(s);
      statsRaw.push(r);
    }
  }
  const rate = { service: percentiles(service), raw: percentiles(raw) };
  const stats = { service: percentiles(statsService), raw: percentiles(statsRaw) };
  const ratio = (a: Percentiles, b: Percentiles) => Math.round((a.p50 / b.p50) * 100) / 100;
  log('  case                 service p50/max        raw SQL p50/max     ratio');
  log(
    `  rate a year          ${fmtMs(rate.service.p50)} / ${fmtMs(rate.service.max)}   ${fmtMs(rate.raw.p50)} / ${fmtMs(rate.raw.max)}   ${ratio(rate.service, rate.raw)}`,
  );
  log(
    `  ratings per unit     ${fmtMs(stats.service.p50)} / ${fmtMs(stats.service.p95)}   ${fmtMs(stats.raw.p50)} / ${fmtMs(stats.raw.p95)}   ${ratio(stats.service, stats.raw)}`,
  );
  log(`  ratings: ${JSON.stringify(byRating)}`);
  return {
    members,
    evaluations,
    tasks,
    openPeriodMs,
    rate: {
      ...rate,
      ratio: ratio(rate.service, rate.raw),
      pass: rate.service.max < targetMs,
    },
    statistics: {
      ...stats,
      ratio: ratio(stats.service, stats.raw),
      pass: stats.service.p95 < targetMs,
    },
    byRating,
    targetMs,
  };
}

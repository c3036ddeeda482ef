/**
 * SQL of rating the staged individuals (pg_temp.rate_candidates, see stageCandidates) by band:
 * people who share a rule set, task counts and the band their score lies in between the rule
 * set's score thresholds share one verdict, so the rules run once per band (a few hundred) in
 * TypeScript and the database applies the verdicts to 100,000 rows without sending them back.
 */
import { sql } from 'drizzle-orm';
import { affectedRows, rowsOf, type Db } from '../../core/db/client.ts';
import { taskOutcomeCountsSql } from '../tasks/tasks.summary.ts';

/** Each unit's rule set (an index) and that set's score thresholds, lowest first (1 to 3). */
export interface UnitRuleSets {
  unitIds: number[];
  ruleSets: number[];
  thresholds: [number, number | null, number | null][];
}

/**
 * Stages the evaluations of a subtree in a temporary table of this transaction
 * (pg_temp.rate_candidates): the undecided ones with an advisory proposal get its score (the
 * others a null score: they are only counted; decided ones keep their rating in `decided`), their task outcomes (approved tasks with a deadline in
 * [from, to], counted by the tasks module's own query), the score in hundredths, and the band
 * key: rule set, band between the set's score thresholds, total, exceeded, on time, late, not
 * done, open. Returns how many are proposed and how many are not.
 */
export async function stageCandidates(
  db: Db,
  q: { periodId: number; path: string; from: string; to: string },
  units: UnitRuleSets,
): Promise<{ proposed: number; notProposed: number }> {
  await db.execute(sql`drop table if exists pg_temp.rate_candidates`);
  // Rating joins the whole population a few times: room to hash it in memory, for this
  // transaction only (the default 4 MB spills 100,000 rows to disk).
  await db.execute(sql`set local work_mem = '64MB'`);
  const col = (i: 0 | 1 | 2) => sql.param(units.thresholds.map((t) => t[i]));
  await db.execute(sql`
    create temp table rate_candidates on commit drop as
    with c as (
      select e.id, e.member_id, e.target_unit_id, e.unit_id, e.unit_path,
        case when d.evaluation_id is null and e.stage = 'advisory' then e.advisory_score end
          as score,
        d.rating as decided
      from evaluations e left join evaluation_decisions d on d.evaluation_id = e.id
      where e.period_id = ${q.periodId} and e.unit_path like ${q.path + '%'}),
    -- The members of the subtree's evaluations, read from the table (not from c, whose size
    -- the planner cannot estimate: it then probes tasks once per member instead of hashing).
    t as (${taskOutcomeCountsSql({
      members: sql`select x.member_id from evaluations x
        where x.period_id = ${q.periodId} and x.unit_path like ${q.path + '%'}`,
      from: q.from,
      to: q.to,
    })}),
    v as (
      select * from unnest(${sql.param(units.unitIds)}::int[], ${sql.param(units.ruleSets)}::int[],
                           ${col(0)}::numeric[], ${col(1)}::numeric[], ${col(2)}::numeric[])
        as v(unit_id, rule_set, t1, t2, t3))
    select c.*, (c.score * 100)::int as hundredths,
      coalesce(t.total, 0) as total, coalesce(t.exceeded, 0) as exceeded,
      coalesce(t.on_time, 0) as on_time, coalesce(t.late, 0) as late,
      coalesce(t.not_done, 0) as not_done, coalesce(t.open, 0) as open,
      concat_ws(',', v.rule_set,
        (c.score >= v.t1)::int + coalesce((c.score >= v.t2)::int, 0)
          + coalesce((c.score >= v.t3)::int, 0),
        coalesce(t.total, 0), coalesce(t.exceeded, 0), coalesce(t.on_time, 0),
        coalesce(t.late, 0), coalesce(t.not_done, 0), coalesce(t.open, 0)) as key
    from c left join t on t.member_id = c.member_id
    left join v on v.unit_id = c.unit_id`);
  const [row] = rowsOf<{ proposed: number; not_proposed: number }>(
    await db.execute(sql`select count(score)::int as proposed,
      (count(*) filter (where score is null and decided is null))::int as not_proposed
      from pg_temp.rate_candidates`),
  );
  return { proposed: Number(row?.proposed ?? 0), notProposed: Number(row?.not_proposed ?? 0) };
}

export interface Band {
  key: string;
  minScore: number;
  maxScore: number;
  count: number;
}

/** The distinct bands of the staged individuals, with their score range and size. */
export async function stagedBands(db: Db): Promise<Band[]> {
  const rows = rowsOf<{ key: string; min: number; max: number; n: number }>(
    await db.execute(sql`
      select c.key, min(c.score)::float8 as min, max(c.score)::float8 as max,
        count(*)::int as n
      from pg_temp.rate_candidates c where c.member_id is not null and c.score is not null
      group by 1`),
  );
  return rows.map((r) => ({
    key: r.key,
    minScore: Number(r.min),
    maxScore: Number(r.max),
    count: r.n,
  }));
}

/** The staged individuals in some bands (the "xuất sắc" ones, for the quota). */
export async function stagedInBands(db: Db, keys: string[]) {
  if (!keys.length) return [];
  const rows = rowsOf<{ id: number; unit_id: number; score: number }>(
    await db.execute(sql`select c.id, c.unit_id, c.score::float8 as score
      from pg_temp.rate_candidates c
      where c.member_id is not null and c.score is not null
        and c.key = any(${sql.param(keys)}::text[])`),
  );
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, score: Number(r.score) }));
}

/** Per unit, the "xuất sắc" and "tốt"-or-above decisions already taken (for the quota). */
export async function stagedPriorCounts(db: Db) {
  const rows = rowsOf<{ unit_id: number; excellent: number; good_or_above: number }>(
    await db.execute(sql`select c.unit_id,
        (count(*) filter (where c.decided = 'excellent'))::int as excellent,
        (count(*) filter (where c.decided in ('excellent', 'good')))::int as good_or_above
      from pg_temp.rate_candidates c
      where c.member_id is not null and c.decided is not null
      group by c.unit_id`),
  );
  return new Map(
    rows.map((r) => [r.unit_id, { excellent: r.excellent, goodOrAbove: r.good_or_above }]),
  );
}

/** How many staged individuals per unit fall in some bands (the "tốt"-or-above ones). */
export async function stagedCountsByUnit(db: Db, keys: string[]) {
  if (!keys.length) return new Map<number, number>();
  const rows = rowsOf<{ unit_id: number; n: number }>(
    await db.execute(sql`select c.unit_id, count(*)::int as n from pg_temp.rate_candidates c
      where c.member_id is not null and c.score is not null
        and c.key = any(${sql.param(keys)}::text[])
      group by c.unit_id`),
  );
  return new Map(rows.map((r) => [r.unit_id, r.n]));
}

/** The verdict of each band: its rating and basis (rule tail + citations), and with the quota. */
export interface BandVerdicts {
  keys: string[];
  ratings: string[];
  bases: number[];
  /** The basis when the quota moves the person down to "tốt". */
  quotaBases: number[];
  /**
   * Rule-text head of every score from `lowest` hundredths up, a hundredth apart (joined by
   * position: a subscript into an array of texts walks it from the start on every row).
   */
  lowest: number;
  heads: string[];
  demoted: number[];
}

/**
 * Writes every staged individual's decision in one INSERT: the rule text is the head of its
 * score followed by its band's basis, so it reads as the rules wrote it for that row. A row
 * decided meanwhile keeps that decision (the key refuses a second): the caller compares the
 * count returned with the count staged.
 */
export async function insertBandDecisions(
  db: Db,
  v: BandVerdicts,
  by: { actorName: string },
): Promise<number> {
  const p = sql.param;
  const result = await db.execute(sql`
    insert into evaluation_decisions (evaluation_id, final_score, rating, rule_head, basis_id,
      decided_by)
    select c.id, c.score, case when q.id is null then b.rating else 'good' end,
      h.head,
      case when q.id is null then b.basis else b.qbasis end, ${by.actorName}
    from pg_temp.rate_candidates c
    join unnest(${p(v.keys)}::text[], ${p(v.ratings)}::text[], ${p(v.bases)}::int[],
                ${p(v.quotaBases)}::int[]) as b(key, rating, basis, qbasis) on b.key = c.key
    join unnest(${p(v.heads)}::text[]) with ordinality as h(head, i)
      on h.i + ${v.lowest - 1} = c.hundredths
    left join unnest(${p(v.demoted)}::int[]) as q(id) on q.id = c.id
    where c.member_id is not null and c.score is not null`);
  return affectedRows(result);
}

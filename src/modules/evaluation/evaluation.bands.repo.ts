/**
 * SQL of rating the staged individuals (pg_temp.rate_candidates, see stageCandidates) by band:
 * people who share a rule set, task counts and the band their score lies in between the rule
 * set's score thresholds share one verdict, so the rules run once per band (a few hundred) in
 * TypeScript and the database applies the verdicts to 100,000 rows without sending them back.
 */
import { sql } from 'drizzle-orm';
import { affectedRows, rowsOf, type Db } from '../../core/db/client.ts';

/** Each unit's rule set (an index) and that set's score thresholds, lowest first (1 to 3). */
export interface UnitRuleSets {
  unitIds: number[];
  ruleSets: number[];
  thresholds: [number, number | null, number | null][];
}

/** The staged individuals with their unit's rule set, and their band key. */
function banded(units: UnitRuleSets) {
  const col = (i: 0 | 1 | 2) => sql.param(units.thresholds.map((t) => t[i]));
  const from = sql`pg_temp.rate_candidates c
    join unnest(${sql.param(units.unitIds)}::int[], ${sql.param(units.ruleSets)}::int[],
                ${col(0)}::numeric[], ${col(1)}::numeric[], ${col(2)}::numeric[])
      as v(unit_id, rule_set, t1, t2, t3) on v.unit_id = c.unit_id`;
  const band = sql`((c.score >= v.t1)::int + coalesce((c.score >= v.t2)::int, 0)
    + coalesce((c.score >= v.t3)::int, 0))`;
  // rule set, band, total, exceeded, on time, late, not done, open: see bandKey.
  const key = sql`concat_ws(',', v.rule_set, ${band}, c.total, c.exceeded, c.on_time, c.late,
    c.not_done, c.open)`;
  return { from, key };
}

export interface Band {
  key: string;
  minScore: number;
  maxScore: number;
  count: number;
}

/** The distinct bands of the staged individuals, with their score range and size. */
export async function stagedBands(db: Db, units: UnitRuleSets): Promise<Band[]> {
  const { from, key } = banded(units);
  const rows = rowsOf<{ key: string; min: number; max: number; n: number }>(
    await db.execute(sql`
      select ${key} as key, min(c.score)::float8 as min, max(c.score)::float8 as max,
        count(*)::int as n
      from ${from} where c.member_id is not null group by 1`),
  );
  return rows.map((r) => ({
    key: r.key,
    minScore: Number(r.min),
    maxScore: Number(r.max),
    count: r.n,
  }));
}

/** The distinct units and scores of the staged individuals. */
export async function stagedUnits(db: Db) {
  return rowsOf<{ unit_id: number; unit_path: string }>(
    await db.execute(sql`select distinct unit_id, unit_path
      from pg_temp.rate_candidates where member_id is not null`),
  );
}

export async function stagedScores(db: Db): Promise<number[]> {
  const rows = rowsOf<{ score: number }>(
    await db.execute(sql`select distinct score::float8 as score
      from pg_temp.rate_candidates where member_id is not null`),
  );
  return rows.map((r) => Number(r.score));
}

/** The staged individuals in some bands (the "xuất sắc" ones, for the quota). */
export async function stagedInBands(db: Db, units: UnitRuleSets, keys: string[]) {
  if (!keys.length) return [];
  const { from, key } = banded(units);
  const rows = rowsOf<{ id: number; unit_id: number; score: number }>(
    await db.execute(sql`select c.id, c.unit_id, c.score::float8 as score from ${from}
      where c.member_id is not null and ${key} = any(${sql.param(keys)}::text[])`),
  );
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, score: Number(r.score) }));
}

/** How many staged individuals per unit fall in some bands (the "tốt"-or-above ones). */
export async function stagedCountsByUnit(db: Db, units: UnitRuleSets, keys: string[]) {
  if (!keys.length) return new Map<number, number>();
  const { from, key } = banded(units);
  const rows = rowsOf<{ unit_id: number; n: number }>(
    await db.execute(sql`select c.unit_id, count(*)::int as n from ${from}
      where c.member_id is not null and ${key} = any(${sql.param(keys)}::text[])
      group by c.unit_id`),
  );
  return new Map(rows.map((r) => [r.unit_id, r.n]));
}

/** The verdict of each band, and the texts and citation lists it points at (1-based). */
export interface BandVerdicts {
  keys: string[];
  ratings: string[];
  tails: number[];
  citations: number[];
  /** The same when the quota moves the person down to "tốt". */
  quotaTails: number[];
  quotaCitations: number[];
  tailTexts: string[];
  citationJson: string[];
  /** Rule-text head of each distinct score. */
  scores: number[];
  heads: string[];
  demoted: number[];
}

/**
 * Writes every staged individual's decision in one INSERT: the rule text is the head of its
 * score followed by its band's tail, so the stored text is the one the rules produce for that
 * row. A row decided meanwhile keeps that decision (the key refuses a second): the caller
 * compares the count returned with the count staged.
 */
export async function insertBandDecisions(
  db: Db,
  units: UnitRuleSets,
  v: BandVerdicts,
  by: { actorName: string },
): Promise<number> {
  const { from, key } = banded(units);
  const p = sql.param;
  const result = await db.execute(sql`
    insert into evaluation_decisions (evaluation_id, final_score, rating, rating_rule,
      rating_citations, task_counts, decided_by)
    select c.id, c.score, case when q.id is null then b.rating else 'good' end,
      h.head || (${p(v.tailTexts)}::text[])[case when q.id is null then b.tail else b.qtail end],
      (${p(v.citationJson)}::jsonb[])[case when q.id is null then b.cit else b.qcit end],
      jsonb_build_object('total', c.total, 'exceeded', c.exceeded, 'onTime', c.on_time,
        'late', c.late, 'notDone', c.not_done, 'open', c.open),
      ${by.actorName}
    from ${from}
    join unnest(${p(v.keys)}::text[], ${p(v.ratings)}::text[], ${p(v.tails)}::int[],
                ${p(v.citations)}::int[], ${p(v.quotaTails)}::int[], ${p(v.quotaCitations)}::int[])
      as b(key, rating, tail, cit, qtail, qcit) on b.key = ${key}
    join unnest(${p(v.scores)}::numeric[], ${p(v.heads)}::text[]) as h(score, head)
      on h.score = c.score
    left join unnest(${p(v.demoted)}::int[]) as q(id) on q.id = c.id
    where c.member_id is not null
    on conflict (evaluation_id) do nothing`);
  return affectedRows(result);
}

/** Set-based SQL of "rate a year" (staging, collectives), the distribution of ratings and the latest ratings. */
import { sql } from 'drizzle-orm';
import { affectedRows, rowsOf, type Db } from '../../core/db/client.ts';
import { taskOutcomeCountsSql } from '../tasks/tasks.summary.ts';

/** A collective (unit) awaiting its decision: rated one by one, they are few. */
export interface CollectiveCandidate {
  id: number;
  unitPath: string;
  total: number;
}

/**
 * Stages the evaluations of a subtree that have an advisory proposal and no decision yet in a
 * temporary table of this transaction (pg_temp.rate_candidates), each individual with its task
 * outcomes (approved tasks with a deadline in [from, to], counted by the tasks module's own
 * query), so the population is read once and rated in place (evaluation.bands.repo.ts).
 * Returns how many were staged.
 */
export async function stageCandidates(
  db: Db,
  q: { periodId: number; path: string; from: string; to: string },
): Promise<number> {
  await db.execute(sql`drop table if exists pg_temp.rate_candidates`);
  await db.execute(sql`
    create temp table rate_candidates on commit drop as
    with c as (
      select e.id, e.member_id, e.target_unit_id, e.unit_id, e.unit_path, s.total as score
      from evaluations e
      join evaluation_steps s on s.evaluation_id = e.id and s.step = 'advisory'
      where e.period_id = ${q.periodId} and e.unit_path like ${q.path + '%'}
        and e.stage = 'advisory'
        and not exists (select 1 from evaluation_decisions d where d.evaluation_id = e.id)),
    t as (${taskOutcomeCountsSql({ members: sql`select member_id from c`, from: q.from, to: q.to })})
    select c.*, coalesce(t.total, 0) as total, coalesce(t.exceeded, 0) as exceeded,
      coalesce(t.on_time, 0) as on_time, coalesce(t.late, 0) as late,
      coalesce(t.not_done, 0) as not_done, coalesce(t.open, 0) as open
    from c left join t on t.member_id = c.member_id`);
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from pg_temp.rate_candidates`),
  );
  return Number(row?.n ?? 0);
}

/** The staged collectives. */
export async function stagedCollectives(db: Db): Promise<CollectiveCandidate[]> {
  const rows = rowsOf<{ id: number; unit_path: string; score: number }>(
    await db.execute(sql`select id, unit_path, score::float8 as score
      from pg_temp.rate_candidates where target_unit_id is not null`),
  );
  return rows.map((r) => ({ id: r.id, unitPath: r.unit_path, total: Number(r.score) }));
}

/** Ids of the staged evaluations (for the audit row, when they are few). */
export async function stagedIds(db: Db): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`select id from pg_temp.rate_candidates order by id`),
  );
  return rows.map((r) => r.id);
}

export interface Decided {
  id: number;
  score: number;
  rating: string;
  rule: string;
  citations: string;
  counts: string;
}

/** Each distinct value once, and for every row the 1-based index of its value (a SQL array subscript). */
function distinctRefs(values: string[]) {
  const list: string[] = [];
  const index = new Map<string, number>();
  const refs = values.map((value) => {
    let i = index.get(value);
    if (i === undefined) {
      i = list.push(value);
      index.set(value, i);
    }
    return i;
  });
  return { list: sql.param(list), refs: sql.param(refs) };
}

/**
 * Inserts the decisions in one statement per batch and returns how many were written.
 * Citations and task counts repeat across thousands of rows, so each distinct JSON is sent (and
 * parsed) once and rows point at it by index. The rule text is stored whole (it explains the
 * rating by itself, with the thresholds then in force) but sent in two parts: its row-specific
 * head (the score, up to the first "; ") and its tail (task counts, thresholds, verdict), which
 * only a few hundred rows' worth differ; the database concatenates them back, so the stored
 * text is exactly the one the rules produced. A bulk decision adopts the advisory proposal. An
 * evaluation decided meanwhile (one by one) keeps that decision: the key refuses the second.
 */
export async function bulkDecide(db: Db, rows: Decided[], by: { actorName: string }) {
  const heads: string[] = [];
  const tails: string[] = [];
  for (const r of rows) {
    const cut = r.rule.indexOf('; ') + 2; // 1 when absent: the whole text is then the tail
    heads.push(cut > 1 ? r.rule.slice(0, cut) : '');
    tails.push(cut > 1 ? r.rule.slice(cut) : r.rule);
  }
  const rule = distinctRefs(tails);
  const citations = distinctRefs(rows.map((r) => r.citations));
  const counts = distinctRefs(rows.map((r) => r.counts));
  const col = <K extends keyof Decided>(k: K) => sql.param(rows.map((r) => r[k]));
  const result = await db.execute(sql`
    insert into evaluation_decisions (evaluation_id, final_score, rating, rating_rule,
      rating_citations, task_counts, decided_by)
    select v.id, v.score, v.rating, v.head || (${rule.list}::text[])[v.r],
      (${citations.list}::jsonb[])[v.c], (${counts.list}::jsonb[])[v.t], ${by.actorName}
    from unnest(${col('id')}::int[], ${col('score')}::numeric[], ${col('rating')}::text[],
                ${sql.param(heads)}::text[], ${rule.refs}::int[], ${citations.refs}::int[],
                ${counts.refs}::int[])
      as v(id, score, rating, head, r, c, t)
    on conflict (evaluation_id) do nothing`);
  return affectedRows(result);
}

/** Ratings of a subtree grouped by the child unit each evaluation lies under ('' = the unit itself). */
export async function ratingDistribution(db: Db, periodId: number, path: string) {
  return rowsOf<{
    child: string;
    total: number;
    excellent: number;
    good: number;
    complete: number;
    incomplete: number;
    undecided: number;
  }>(
    await db.execute(sql`
      select split_part(substr(e.unit_path, ${path.length + 1}), '/', 1) as child,
        count(*)::int as total,
        (count(*) filter (where d.rating = 'excellent'))::int as excellent,
        (count(*) filter (where d.rating = 'good'))::int as good,
        (count(*) filter (where d.rating = 'complete'))::int as complete,
        (count(*) filter (where d.rating = 'incomplete'))::int as incomplete,
        (count(*) filter (where d.rating is null))::int as undecided
      from evaluations e left join evaluation_decisions d on d.evaluation_id = e.id
      where e.period_id = ${periodId} and e.unit_path like ${path + '%'}
      group by 1`),
  );
}

/** The latest decided rating of each member (optionally in one year). */
export async function latestDecided(db: Db, memberIds: number[], year?: number) {
  if (!memberIds.length) return [];
  return rowsOf<{ member_id: number; rating: string; label: string }>(
    await db.execute(sql`
      select distinct on (e.member_id) e.member_id, d.rating, p.label
      from evaluations e join evaluation_decisions d on d.evaluation_id = e.id
        join evaluation_periods p on p.id = e.period_id
      where e.member_id = any(${sql.param(memberIds)}::int[])
        ${year ? sql`and p.year = ${year}` : sql``}
      order by e.member_id, p.end_date desc, d.decided_at desc`),
  );
}

/** Set-based SQL of "rate a year", the distribution of ratings and the latest ratings. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db/client.ts';

export interface Candidate {
  id: number;
  memberId: number | null;
  targetUnitId: number | null;
  unitId: number;
  unitPath: string;
  total: number;
}

/**
 * Evaluations of a subtree with an advisory proposal and no decision yet (stage compared with a
 * sub-select for a statistics-independent estimate: see bulkDecide).
 */
export async function advisoryCandidates(db: Db, periodId: number, path: string) {
  const rows = rowsOf<{
    id: number;
    member_id: number | null;
    target_unit_id: number | null;
    unit_id: number;
    unit_path: string;
    total: number;
  }>(
    await db.execute(sql`
      select e.id, e.member_id, e.target_unit_id, e.unit_id, e.unit_path, s.total::float8 as total
      from evaluations e
      join evaluation_steps s on s.evaluation_id = e.id and s.step = 'advisory'
      where e.period_id = ${periodId} and e.unit_path like ${path + '%'}
        and e.stage = (select 'advisory'::text)`),
  );
  return rows.map((r): Candidate => ({
    id: r.id,
    memberId: r.member_id,
    targetUnitId: r.target_unit_id,
    unitId: r.unit_id,
    unitPath: r.unit_path,
    total: Number(r.total),
  }));
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
 * Writes decisions in one UPDATE per batch. Citations and task counts repeat across thousands
 * of rows, so each distinct JSON is sent (and parsed) once and rows point at it by index. The
 * rule text is stored whole (it explains the rating by itself, with the thresholds then in
 * force) but sent in two parts: its row-specific head (the score, up to the first "; ") and its
 * tail (task counts, thresholds, verdict), which only a few hundred rows' worth differ; the
 * database concatenates them back, so the stored text is exactly the one the rules produced.
 * A bulk decision adopts the advisory proposal: who decided and when is on the evaluation row.
 * The stage guard (a row decided meanwhile is left alone) is compared with a sub-select on
 * purpose: a literal would be estimated from statistics taken before the proposals (stage
 * "advisory" ≈ 1 row), and the planner then nests a scan of the whole table inside the batch
 * (100,000 × 25,000 comparisons: minutes); an opaque value keeps the hash join on id.
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
  await db.execute(sql`
    update evaluations e set stage = 'decided', final_score = v.score, rating = v.rating,
      rating_rule = v.head || (${rule.list}::text[])[v.r],
      rating_citations = (${citations.list}::jsonb[])[v.c],
      task_counts = (${counts.list}::jsonb[])[v.t],
      decided_at = now(), decided_by = ${by.actorName}, version = e.version + 1, updated_at = now()
    from unnest(${col('id')}::int[], ${col('score')}::numeric[], ${col('rating')}::text[],
                ${sql.param(heads)}::text[], ${rule.refs}::int[], ${citations.refs}::int[],
                ${counts.refs}::int[])
      as v(id, score, rating, head, r, c, t)
    where e.id = v.id and e.stage = (select 'advisory'::text)`);
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
        (count(*) filter (where e.rating = 'excellent'))::int as excellent,
        (count(*) filter (where e.rating = 'good'))::int as good,
        (count(*) filter (where e.rating = 'complete'))::int as complete,
        (count(*) filter (where e.rating = 'incomplete'))::int as incomplete,
        (count(*) filter (where e.rating is null))::int as undecided
      from evaluations e
      where e.period_id = ${periodId} and e.unit_path like ${path + '%'}
      group by 1`),
  );
}

/** The latest decided rating of each member (optionally in one year). */
export async function latestDecided(db: Db, memberIds: number[], year?: number) {
  if (!memberIds.length) return [];
  return rowsOf<{ member_id: number; rating: string; label: string }>(
    await db.execute(sql`
      select distinct on (e.member_id) e.member_id, e.rating, p.label
      from evaluations e join evaluation_periods p on p.id = e.period_id
      where e.member_id = any(${sql.param(memberIds)}::int[]) and e.stage = 'decided'
        ${year ? sql`and p.year = ${year}` : sql``}
      order by e.member_id, p.end_date desc, e.decided_at desc`),
  );
}

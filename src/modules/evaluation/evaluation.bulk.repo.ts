/** Set-based SQL of "rate a year" (staging, collectives), the distribution of ratings and the latest ratings. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db/client.ts';

/** A collective (unit) awaiting its decision: rated one by one, they are few. */
export interface CollectiveCandidate {
  id: number;
  unitPath: string;
  total: number;
}

/** The staged collectives. */
export async function stagedCollectives(db: Db): Promise<CollectiveCandidate[]> {
  const rows = rowsOf<{ id: number; unit_path: string; score: number }>(
    await db.execute(sql`select id, unit_path, score::float8 as score
      from pg_temp.rate_candidates where target_unit_id is not null and score is not null`),
  );
  return rows.map((r) => ({ id: r.id, unitPath: r.unit_path, total: Number(r.score) }));
}

/** Ids of the staged evaluations (for the audit row, when they are few). */
export async function stagedIds(db: Db): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(
    await db.execute(
      sql`select id from pg_temp.rate_candidates where score is not null order by id`,
    ),
  );
  return rows.map((r) => r.id);
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

import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db/client.ts';
import { tasks } from './tasks.schema.ts';

export interface TaskOutcomeCounts {
  /** Approved tasks whose deadline falls in the period. */
  total: number;
  exceeded: number;
  onTime: number;
  late: number;
  notDone: number;
  /** Approved, no outcome recorded yet. */
  open: number;
}

export const emptyTaskOutcomeCounts = (): TaskOutcomeCounts => ({
  total: 0,
  exceeded: 0,
  onTime: 0,
  late: 0,
  notDone: 0,
  open: 0,
});

/**
 * Outcomes of the approved tasks of some members whose deadline falls in [from, to] (dates
 * 'yyyy-mm-dd'), for the evaluation of those members. Not scoped: the caller has already checked
 * that the actor may read these members. Every member asked about gets an entry.
 */
export async function taskOutcomeSummary(
  db: Db,
  opts: { memberIds: number[]; from: string; to: string },
): Promise<Map<number, TaskOutcomeCounts>> {
  const result = new Map<number, TaskOutcomeCounts>();
  for (const id of opts.memberIds) result.set(id, emptyTaskOutcomeCounts());
  if (opts.memberIds.length === 0) return result;
  const rows = await db
    .select({
      memberId: tasks.memberId,
      total: sql<number>`count(*)::int`,
      exceeded: sql<number>`(count(*) filter (where ${tasks.outcome} = 'exceeded'))::int`,
      onTime: sql<number>`(count(*) filter (where ${tasks.outcome} = 'on_time'))::int`,
      late: sql<number>`(count(*) filter (where ${tasks.outcome} = 'late'))::int`,
      notDone: sql<number>`(count(*) filter (where ${tasks.outcome} = 'not_done'))::int`,
      open: sql<number>`(count(*) filter (where ${tasks.outcome} is null))::int`,
    })
    .from(tasks)
    .where(
      and(
        inArray(tasks.memberId, opts.memberIds),
        eq(tasks.status, 'approved'),
        gte(tasks.deadline, opts.from),
        lte(tasks.deadline, opts.to),
      ),
    )
    .groupBy(tasks.memberId);
  for (const r of rows) {
    result.set(r.memberId, {
      total: Number(r.total),
      exceeded: Number(r.exceeded),
      onTime: Number(r.onTime),
      late: Number(r.late),
      notDone: Number(r.notDone),
      open: Number(r.open),
    });
  }
  return result;
}

/**
 * The counting of taskOutcomeSummary as one set-based sub-query over `members` (an SQL query
 * returning member ids): columns member_id, total, exceeded, on_time, late, not_done, open; only
 * members with a counted task appear. Exposed so that a module rating a whole population (the
 * evaluation's "rate a year") joins it into its own read instead of shipping 100,000 ids back.
 */
export const taskOutcomeCountsSql = (opts: { members: SQL; from: string; to: string }) => sql`
  select t.member_id, count(*)::int as total,
    (count(*) filter (where t.outcome = 'exceeded'))::int as exceeded,
    (count(*) filter (where t.outcome = 'on_time'))::int as on_time,
    (count(*) filter (where t.outcome = 'late'))::int as late,
    (count(*) filter (where t.outcome = 'not_done'))::int as not_done,
    (count(*) filter (where t.outcome is null))::int as open
  from tasks t
  where t.status = 'approved' and t.deadline between ${opts.from} and ${opts.to}
    and t.member_id in (${opts.members})
  group by t.member_id`;

/**
 * The same counts for a whole population at once: the ids go as ONE array parameter and the
 * tasks are aggregated in one set-based statement. Only members with at least one counted task
 * are returned; callers default the others to empty counts.
 */
export async function taskOutcomeSummaryBulk(
  db: Db,
  opts: { memberIds: number[]; from: string; to: string },
): Promise<Map<number, TaskOutcomeCounts>> {
  const result = new Map<number, TaskOutcomeCounts>();
  if (opts.memberIds.length === 0) return result;
  const rows = rowsOf<{
    member_id: number;
    total: number;
    exceeded: number;
    on_time: number;
    late: number;
    not_done: number;
    open: number;
  }>(
    await db.execute(
      taskOutcomeCountsSql({
        members: sql`select unnest(${sql.param(opts.memberIds)}::int[])`,
        from: opts.from,
        to: opts.to,
      }),
    ),
  );
  for (const r of rows) {
    result.set(r.member_id, {
      total: r.total,
      exceeded: r.exceeded,
      onTime: r.on_time,
      late: r.late,
      notDone: r.not_done,
      open: r.open,
    });
  }
  return result;
}

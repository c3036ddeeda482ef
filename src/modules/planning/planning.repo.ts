/** SQL of the planning module. Pools are scoped through their unit's path (units.path). */
import { and, eq, sql } from 'drizzle-orm';
import type { PostLevel } from '../../contracts/enums.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { type Db, rowsOf } from '../../core/db/client.ts';
import type { DisciplineFact, PostRef } from './planning.rules.ts';
import { planningEntries, planningPools, planningReviews } from './planning.schema.ts';

export type PoolRow = typeof planningPools.$inferSelect;
export type EntryRow = typeof planningEntries.$inferSelect;

/** An int[] parameter as a literal ('{1,2,3}'): Drizzle would spread a JS array into a list. */
export const intArray = (ids: readonly number[]) => {
  if (!ids.every(Number.isInteger)) throw new Error('ids must be integers');
  return `{${ids.join(',')}}`;
};

export interface PoolView {
  id: number;
  postTitleId: number;
  postTitleName: string;
  level: PostLevel;
  isKey: boolean;
  unitId: number;
  unitName: string;
  unitPath: string;
  unitDepth: number;
  term: string;
  note: string;
  version: number;
  activeCount: number;
}

const poolSelect = sql`
  select p.id, p.post_title_id as "postTitleId", t.name as "postTitleName", t.level,
         t.is_key as "isKey", p.unit_id as "unitId", u.name as "unitName", u.path as "unitPath",
         u.depth as "unitDepth", p.term, p.note, p.version,
         (select count(*)::int from planning_entries e
           where e.pool_id = p.id and e.status = 'active') as "activeCount"
  from planning_pools p
  join post_titles t on t.id = p.post_title_id
  join units u on u.id = p.unit_id`;

export async function findPool(db: Db, actor: Actor, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from planning_pools where id = ${id} for update`);
  const result = await db.execute(
    sql`${poolSelect} where p.id = ${id} and ${inScope(sql`u.path`, actor)}`,
  );
  return rowsOf<PoolView>(result)[0];
}

export async function poolKeyTaken(db: Db, unitId: number, postTitleId: number, term: string) {
  const rows = await db
    .select({ id: planningPools.id })
    .from(planningPools)
    .where(
      and(
        eq(planningPools.unitId, unitId),
        eq(planningPools.postTitleId, postTitleId),
        eq(planningPools.term, term),
      ),
    )
    .limit(1);
  return rows[0]?.id;
}

export async function insertPool(db: Db, values: typeof planningPools.$inferInsert) {
  const [row] = await db.insert(planningPools).values(values).returning();
  return row!;
}

/** Pools of a subtree (and term), ordered by unit then the catalogue's order of titles. */
export async function listPools(
  db: Db,
  actor: Actor,
  f: { path: string; term?: string; page: number; pageSize: number },
) {
  const where = sql`u.path like ${f.path + '%'} and ${inScope(sql`u.path`, actor)}
    ${f.term ? sql`and p.term = ${f.term}` : sql``}`;
  const result = await db.execute(sql`${poolSelect} where ${where}
    order by u.path, t.sort_order, p.term desc, p.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const count = await db.execute(sql`
    select count(*)::int as n from planning_pools p join units u on u.id = p.unit_id
    where ${where}`);
  return { items: rowsOf<PoolView>(result), total: rowsOf<{ n: number }>(count)[0]!.n };
}

/** Pools of one unit's subtree for a term (the annual review screen). */
export async function poolsOfSubtree(db: Db, actor: Actor, path: string, term: string) {
  const result = await db.execute(sql`${poolSelect}
    where u.path like ${path + '%'} and ${inScope(sql`u.path`, actor)} and p.term = ${term}
    order by u.path, t.sort_order, p.id`);
  return rowsOf<PoolView>(result);
}

export interface EntryView extends EntryRow {
  fullName: string;
  birthDate: string;
  gender: string;
  ethnicity: string;
  memberStatus: string;
  memberArchived: boolean;
  memberUnitName: string;
  memberUnitPath: string;
}

export async function entriesOfPools(db: Db, poolIds: readonly number[], activeOnly: boolean) {
  if (!poolIds.length) return [];
  const result = await db.execute(sql`
    select e.id, e.pool_id as "poolId", e.member_id as "memberId", e.source,
           e.nomination_round as "nominationRound", e.votes_cast as "votesCast",
           e.votes_for as "votesFor", e.decision_number as "decisionNumber",
           e.decision_date::text as "decisionDate", e.political_standard as "politicalStandard",
           e.status, e.removed_date::text as "removedDate",
           e.removal_decision_number as "removalDecisionNumber",
           e.removal_reason as "removalReason", e.added_review_id as "addedReviewId",
           e.removed_review_id as "removedReviewId", e.note, e.version,
           m.full_name as "fullName", m.birth_date::text as "birthDate", m.gender, m.ethnicity,
           m.status as "memberStatus", (m.archived_at is not null) as "memberArchived",
           mu.name as "memberUnitName", m.unit_path as "memberUnitPath"
    from planning_entries e
    join members m on m.id = e.member_id
    join units mu on mu.id = m.unit_id
    where e.pool_id = any(${intArray(poolIds)}::int[])
      ${activeOnly ? sql`and e.status = 'active'` : sql``}
    order by e.pool_id, (e.status = 'active') desc, e.decision_date, e.id`);
  return rowsOf<EntryView>(result);
}

/** A person's entries in the pools the actor sees (scoped through the pool's unit), newest term first. */
export async function entriesOfMember(db: Db, actor: Actor, memberId: number) {
  const result = await db.execute(sql`
    select e.id, e.pool_id as "poolId", t.name as "postTitleName", u.name as "unitName", p.term,
           e.source, e.nomination_round as "nominationRound", e.votes_cast as "votesCast",
           e.votes_for as "votesFor", e.decision_number as "decisionNumber",
           e.decision_date::text as "decisionDate", e.political_standard as "politicalStandard",
           e.status, e.removed_date::text as "removedDate",
           e.removal_decision_number as "removalDecisionNumber", e.removal_reason as "removalReason"
    from planning_entries e
    join planning_pools p on p.id = e.pool_id
    join post_titles t on t.id = p.post_title_id
    join units u on u.id = p.unit_id
    where e.member_id = ${memberId} and ${inScope(sql`u.path`, actor)}
    order by p.term desc, (e.status = 'active') desc, e.decision_date desc, e.id`);
  return rowsOf<{
    id: number;
    poolId: number;
    postTitleName: string;
    unitName: string;
    term: string;
    source: string;
    nominationRound: string;
    votesCast: number | null;
    votesFor: number | null;
    decisionNumber: string;
    decisionDate: string;
    politicalStandard: string;
    status: string;
    removedDate: string | null;
    removalDecisionNumber: string;
    removalReason: string;
  }>(result);
}

/** One entry, in scope through its pool's unit. */
export async function findEntry(db: Db, actor: Actor, id: number, lock = false) {
  const result = await db.execute(sql`
    select e.id, e.pool_id as "poolId", e.member_id as "memberId", e.status, e.version,
           e.political_standard as "politicalStandard", e.note
    from planning_entries e
    join planning_pools p on p.id = e.pool_id
    join units u on u.id = p.unit_id
    where e.id = ${id} and ${inScope(sql`u.path`, actor)}
    ${lock ? sql`for update of e` : sql``}`);
  return rowsOf<{
    id: number;
    poolId: number;
    memberId: number;
    status: string;
    version: number;
    politicalStandard: string;
    note: string;
  }>(result)[0];
}

export async function insertEntry(db: Db, values: typeof planningEntries.$inferInsert) {
  const [row] = await db.insert(planningEntries).values(values).returning();
  return row!;
}

export async function updateEntry(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof planningEntries.$inferInsert>,
) {
  const [row] = await db
    .update(planningEntries)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(planningEntries.id, id), eq(planningEntries.version, version)))
    .returning();
  return row;
}

// ─── Facts about people, for the checks ──────────────────────────────────────────────────

export interface PersonFacts {
  id: number;
  fullName: string;
  birthDate: string;
  gender: string;
  status: string;
  archived: boolean;
  unitPath: string;
}

export async function peopleFacts(db: Db, ids: readonly number[]) {
  if (!ids.length) return new Map<number, PersonFacts>();
  const result = await db.execute(sql`
    select id, full_name as "fullName", birth_date::text as "birthDate", gender, status,
           (archived_at is not null) as archived, unit_path as "unitPath"
    from members where id = any(${intArray(ids)}::int[])`);
  return new Map(rowsOf<PersonFacts>(result).map((r) => [r.id, r]));
}

/** Serialises changes to one person's planning, so two limit checks cannot both pass. */
export async function lockMember(db: Db, memberId: number) {
  await db.execute(sql`select id from members where id = ${memberId} for update`);
}

export interface AppointmentFact {
  memberId: number;
  postTitleId: number;
  unitId: number;
  unitDepth: number;
  level: PostLevel;
  name: string;
  startDate: string;
  endDate: string | null;
}

/** Every appointment of these people (posts held now, and ones starting later). */
export async function appointmentsOf(db: Db, memberIds: readonly number[]) {
  if (!memberIds.length) return [];
  const result = await db.execute(sql`
    select a.member_id as "memberId", a.post_title_id as "postTitleId", a.unit_id as "unitId",
           u.depth as "unitDepth", t.level, t.name || ' — ' || u.name as name,
           a.start_date::text as "startDate", a.end_date::text as "endDate"
    from appointments a
    join post_titles t on t.id = a.post_title_id
    join units u on u.id = a.unit_id
    where a.member_id = any(${intArray(memberIds)}::int[])`);
  return rowsOf<AppointmentFact>(result);
}

/** The posts a person is planned for in a term (active entries), as the ranking needs them. */
export async function plannedPostsOf(db: Db, memberId: number, term: string, exceptPool?: number) {
  const result = await db.execute(sql`
    select p.post_title_id as "postTitleId", p.unit_id as "unitId", u.depth as "unitDepth",
           t.level, t.name || ' — ' || u.name as name
    from planning_entries e
    join planning_pools p on p.id = e.pool_id
    join post_titles t on t.id = p.post_title_id
    join units u on u.id = p.unit_id
    where e.member_id = ${memberId} and e.status = 'active' and p.term = ${term}
      ${exceptPool ? sql`and p.id <> ${exceptPool}` : sql``}`);
  return rowsOf<PostRef>(result);
}

/** Discipline rows of the 2C résumé (protected section; the service decides what is shown). */
export async function disciplineOf(db: Db, memberIds: readonly number[]) {
  const out = new Map<number, DisciplineFact[]>();
  if (!memberIds.length) return out;
  const result = await db.execute(sql`
    select member_id as "memberId", coalesce(fields->>'disciplineForm', '') as form,
           from_date::text as "fromDate"
    from resume_entries
    where section = 'discipline' and member_id = any(${intArray(memberIds)}::int[])`);
  for (const r of rowsOf<DisciplineFact & { memberId: number }>(result)) {
    const list = out.get(r.memberId) ?? [];
    list.push({ form: r.form, fromDate: r.fromDate });
    out.set(r.memberId, list);
  }
  return out;
}

// ─── Reviews ─────────────────────────────────────────────────────────────────────────────

export async function insertReview(db: Db, values: typeof planningReviews.$inferInsert) {
  const [row] = await db.insert(planningReviews).values(values).returning();
  return row!;
}

export async function setReviewCounts(db: Db, id: number, removed: number, added: number) {
  await db
    .update(planningReviews)
    .set({ removedCount: removed, addedCount: added })
    .where(eq(planningReviews.id, id));
}

export async function lastReviewDate(db: Db, unitId: number, term: string) {
  const result = await db.execute(sql`
    select max(decision_date)::text as d from planning_reviews
    where unit_id = ${unitId} and term = ${term}`);
  return rowsOf<{ d: string | null }>(result)[0]?.d ?? null;
}

export async function listReviews(
  db: Db,
  actor: Actor,
  f: { path: string; page: number; pageSize: number },
) {
  const where = sql`u.path like ${f.path + '%'} and ${inScope(sql`u.path`, actor)}`;
  const result = await db.execute(sql`
    select r.id, r.unit_id as "unitId", u.name as "unitName", r.term,
           r.decision_number as "decisionNumber", r.decision_date::text as "decisionDate",
           r.removed_count as "removedCount", r.added_count as "addedCount", r.note,
           r.recorded_by as "recordedBy"
    from planning_reviews r join units u on u.id = r.unit_id
    where ${where}
    order by r.decision_date desc, r.id desc
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const count = await db.execute(sql`
    select count(*)::int as n from planning_reviews r join units u on u.id = r.unit_id
    where ${where}`);
  return {
    items: rowsOf<{
      id: number;
      unitId: number;
      unitName: string;
      term: string;
      decisionNumber: string;
      decisionDate: string;
      removedCount: number;
      addedCount: number;
      note: string;
      recordedBy: string;
    }>(result),
    total: rowsOf<{ n: number }>(count)[0]!.n,
  };
}

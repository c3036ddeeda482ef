import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { affectedRows, rowsOf, type Db } from '../../core/db/client.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import {
  evaluationCriteria,
  evaluationDecisions,
  evaluationFeedback,
  evaluationFrameworks,
  evaluationPeriods,
  evaluationRatingBases,
  evaluations,
  evaluationSteps,
} from './evaluation.schema.ts';

export type PeriodRow = typeof evaluationPeriods.$inferSelect;
export type StepRow = typeof evaluationSteps.$inferSelect;
export type CriterionRow = typeof evaluationCriteria.$inferSelect;
export type FrameworkRow = typeof evaluationFrameworks.$inferSelect;

// ─── Frameworks and criteria (national, shipped in the migration; admins edit) ──────────

export const listFrameworks = (db: Db) =>
  db.select().from(evaluationFrameworks).orderBy(asc(evaluationFrameworks.sortOrder));

export const listAllCriteria = (db: Db) =>
  db
    .select()
    .from(evaluationCriteria)
    .orderBy(asc(evaluationCriteria.frameworkId), asc(evaluationCriteria.sortOrder));

export async function findFramework(db: Db, id: number) {
  const [row] = await db
    .select()
    .from(evaluationFrameworks)
    .where(eq(evaluationFrameworks.id, id))
    .for('update');
  return row;
}

export async function findFrameworkByCode(db: Db, code: string) {
  const [row] = await db
    .select()
    .from(evaluationFrameworks)
    .where(eq(evaluationFrameworks.code, code));
  return row;
}

export async function findCriterion(db: Db, id: number) {
  const [row] = await db
    .select()
    .from(evaluationCriteria)
    .where(eq(evaluationCriteria.id, id))
    .for('update');
  return row;
}

/** The criteria that apply to one evaluation: the post's own task criteria replace the generic ones. */
export async function criteriaFor(db: Db, frameworkId: number, postTitleCode: string | null) {
  const rows = await db
    .select()
    .from(evaluationCriteria)
    .where(
      and(eq(evaluationCriteria.frameworkId, frameworkId), eq(evaluationCriteria.active, true)),
    )
    .orderBy(asc(evaluationCriteria.sortOrder), asc(evaluationCriteria.id));
  const own = rows.filter((c) => postTitleCode && c.postTitleCode === postTitleCode);
  const generic = rows.filter((c) => c.postTitleCode === null);
  if (!own.length) return generic;
  return [...generic.filter((c) => c.part === 'general'), ...own.filter((c) => c.part === 'tasks')];
}

// ─── Periods ────────────────────────────────────────────────────────────────────────────

export async function listPeriods(
  db: Db,
  actor: Actor,
  f: { year?: number; page: number; pageSize: number },
) {
  // A period is visible to everyone under its unit, and to those above it.
  const visible = sql`(${inScope(evaluationPeriods.unitPath, actor)} or ${actor.scopePath} like ${evaluationPeriods.unitPath} || '%')`;
  const where = and(visible, f.year ? eq(evaluationPeriods.year, f.year) : undefined);
  const rows = await db
    .select({
      period: evaluationPeriods,
      unitName: units.name,
      total: sql<number>`(select count(*)::int from evaluations e where e.period_id = ${evaluationPeriods.id} and e.unit_path like ${actor.scopePath + '%'})`,
      decided: sql<number>`(select count(*)::int from evaluations e join evaluation_decisions d on d.evaluation_id = e.id where e.period_id = ${evaluationPeriods.id} and e.unit_path like ${actor.scopePath + '%'})`,
    })
    .from(evaluationPeriods)
    .innerJoin(units, eq(units.id, evaluationPeriods.unitId))
    .where(where)
    .orderBy(desc(evaluationPeriods.year), desc(evaluationPeriods.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluationPeriods)
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** A period the actor may work in: opened in their subtree or above their unit. */
export async function findPeriod(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(evaluationPeriods)
    .where(
      and(
        eq(evaluationPeriods.id, id),
        sql`(${inScope(evaluationPeriods.unitPath, actor)} or ${actor.scopePath} like ${evaluationPeriods.unitPath} || '%')`,
      ),
    );
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/**
 * A period of the same kind and subject whose dates overlap, opened for the unit, one above it
 * or one below it: its people would be evaluated twice for the same time (unscoped).
 */
export async function overlappingPeriod(
  db: Db,
  p: { unitPath: string; kind: string; subject: string; startDate: string; endDate: string },
) {
  const [row] = await db
    .select({ label: evaluationPeriods.label, unitName: units.name })
    .from(evaluationPeriods)
    .innerJoin(units, eq(units.id, evaluationPeriods.unitId))
    .where(
      and(
        eq(evaluationPeriods.kind, p.kind),
        eq(evaluationPeriods.subject, p.subject),
        sql`${evaluationPeriods.startDate} <= ${p.endDate} and ${evaluationPeriods.endDate} >= ${p.startDate}`,
        sql`(${evaluationPeriods.unitPath} like ${p.unitPath + '%'} or ${p.unitPath} like ${evaluationPeriods.unitPath} || '%')`,
      ),
    )
    .limit(1);
  return row;
}

export async function insertPeriod(db: Db, values: typeof evaluationPeriods.$inferInsert) {
  const [row] = await db.insert(evaluationPeriods).values(values).returning();
  return row!;
}

export async function updatePeriod(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof evaluationPeriods.$inferInsert>,
) {
  const [row] = await db
    .update(evaluationPeriods)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationPeriods.id, id), eq(evaluationPeriods.version, version)))
    .returning();
  return row;
}

/**
 * One evaluation per current member of the subtree, set-based: the framework is "leaders" for
 * whoever holds a post during the period (with that post's code, for post-specific criteria),
 * "individuals without a post" otherwise.
 */
export async function populateIndividuals(
  db: Db,
  period: PeriodRow,
  frameworks: { leader: number; staff: number },
): Promise<number> {
  // One pass over the posts the subtree's members held in the period (hash join), not one
  // lookup per member, and not the appointments of the whole country.
  const result = await db.execute(sql`
    with scope as (
      select m.id, m.unit_id, m.unit_path from members m
      where m.unit_path like ${period.unitPath + '%'} and m.status in ('probationary', 'full')
        and m.archived_at is null),
    posts as (
      select distinct on (a.member_id) a.member_id, pt.code
      from scope s join appointments a on a.member_id = s.id
      join post_titles pt on pt.id = a.post_title_id
      where a.start_date <= ${period.endDate} and not a.concurrent
        and (a.end_date is null or a.end_date >= ${period.startDate})
      order by a.member_id, a.start_date desc)
    insert into evaluations (period_id, member_id, unit_id, unit_path, framework_id, post_title_code)
    select ${period.id}, m.id, m.unit_id, m.unit_path,
           case when p.code is null then ${frameworks.staff}::int else ${frameworks.leader}::int end,
           p.code
    from scope m left join posts p on p.member_id = m.id
    on conflict do nothing`);
  return affectedRows(result);
}

/** One evaluation per active unit of the subtree (collectives). */
export async function populateCollectives(db: Db, period: PeriodRow, frameworkId: number) {
  await db.execute(sql`
    insert into evaluations (period_id, target_unit_id, unit_id, unit_path, framework_id)
    select ${period.id}, u.id, u.id, u.path, ${frameworkId}::int
    from units u where u.path like ${period.unitPath + '%'} and u.status = 'active'
    on conflict do nothing`);
}

// ─── Evaluations ────────────────────────────────────────────────────────────────────────

const stepTotal = (step: string) =>
  sql<
    number | null
  >`(select s.total::float8 from evaluation_steps s where s.evaluation_id = ${evaluations.id} and s.step = ${step})`;

/**
 * An evaluation read with its decision, in the shape it had when both lived on one row: "decided"
 * is the stage when a decision exists (see evaluationDecisions for why they are apart).
 */
const withDecision = {
  ...getTableColumns(evaluations),
  stage: sql<string>`case when ${evaluationDecisions.evaluationId} is null then ${evaluations.stage} else 'decided' end`,
  finalScore: evaluationDecisions.finalScore,
  rating: evaluationDecisions.rating,
  ratingRule: sql<string>`coalesce(${evaluationDecisions.ruleHead} || ${evaluationRatingBases.tail}, '')`,
  ratingCitations: sql<unknown>`coalesce(${evaluationRatingBases.citations}, '[]'::jsonb)`,
  taskCounts: evaluationRatingBases.taskCounts,
  decidedAt: evaluationDecisions.decidedAt,
  decidedBy: evaluationDecisions.decidedBy,
};
const decisionOf = eq(evaluationDecisions.evaluationId, evaluations.id);
const basisOf = eq(evaluationRatingBases.id, evaluationDecisions.basisId);
export const isDecided = sql`${evaluationDecisions.evaluationId} is not null`;

const rowColumns = {
  e: withDecision,
  memberName: members.fullName,
  unitName: units.name,
  frameworkName: evaluationFrameworks.name,
  selfTotal: stepTotal('self'),
  collectiveTotal: stepTotal('collective'),
  advisoryTotal: stepTotal('advisory'),
};

export async function listEvaluations(
  db: Db,
  actor: Actor,
  f: {
    periodId: number;
    path?: string;
    stage?: string;
    rating?: string;
    page: number;
    pageSize: number;
  },
) {
  const where: SQL[] = [eq(evaluations.periodId, f.periodId), inScope(evaluations.unitPath, actor)];
  if (f.path) where.push(sql`${evaluations.unitPath} like ${f.path + '%'}`);
  if (f.stage === 'decided') where.push(isDecided);
  else if (f.stage) {
    where.push(sql`${evaluationDecisions.evaluationId} is null`, eq(evaluations.stage, f.stage));
  }
  if (f.rating) where.push(eq(evaluationDecisions.rating, f.rating));
  const rows = await db
    .select(rowColumns)
    .from(evaluations)
    .leftJoin(evaluationDecisions, decisionOf)
    .leftJoin(evaluationRatingBases, basisOf)
    .leftJoin(members, eq(members.id, evaluations.memberId))
    .innerJoin(units, eq(units.id, evaluations.unitId))
    .innerJoin(evaluationFrameworks, eq(evaluationFrameworks.id, evaluations.frameworkId))
    .where(and(...where))
    .orderBy(asc(evaluations.unitPath), asc(members.sortKey), asc(evaluations.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evaluations)
    .leftJoin(evaluationDecisions, decisionOf)
    .where(and(...where));
  return { rows, total: Number(count?.n ?? 0) };
}

/** An evaluation the actor may read: in their subtree, or their own. */
export async function findEvaluation(db: Db, actor: Actor, id: number, forUpdate = false) {
  const own = actor.memberId ? eq(evaluations.memberId, actor.memberId) : undefined;
  const visible = own
    ? sql`(${inScope(evaluations.unitPath, actor)} or ${own})`
    : inScope(evaluations.unitPath, actor);
  const q = db
    .select(rowColumns)
    .from(evaluations)
    .leftJoin(evaluationDecisions, decisionOf)
    .leftJoin(evaluationRatingBases, basisOf)
    .leftJoin(members, eq(members.id, evaluations.memberId))
    .innerJoin(units, eq(units.id, evaluations.unitId))
    .innerJoin(evaluationFrameworks, eq(evaluationFrameworks.id, evaluations.frameworkId))
    .where(and(eq(evaluations.id, id), visible));
  const [row] = forUpdate ? await q.for('update', { of: evaluations }) : await q;
  return row;
}

export const stepsOf = (db: Db, evaluationId: number) =>
  db
    .select()
    .from(evaluationSteps)
    .where(eq(evaluationSteps.evaluationId, evaluationId))
    .orderBy(asc(evaluationSteps.id));

export async function upsertStep(db: Db, values: typeof evaluationSteps.$inferInsert) {
  const [row] = await db
    .insert(evaluationSteps)
    .values(values)
    .onConflictDoUpdate({
      target: [evaluationSteps.evaluationId, evaluationSteps.step],
      set: {
        scores: values.scores,
        total: values.total,
        proposedRating: values.proposedRating,
        comment: values.comment,
        actorId: values.actorId,
        actorName: values.actorName,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

/**
 * The ids of rating bases (rule tail, citations JSON, task counts JSON), stored once each: in
 * the order given. A basis another transaction is adding at the same moment is read after it
 * commits.
 */
export async function saveBases(
  db: Db,
  list: { tail: string; citations: string; taskCounts: string }[],
) {
  if (!list.length) return [];
  const p = (k: 'tail' | 'citations' | 'taskCounts') => sql.param(list.map((b) => b[k]));
  const given = sql`select md5(u.t || '|' || u.c::jsonb::text || '|' || u.k::jsonb::text) as digest,
      u.t, u.c::jsonb as c, u.k::jsonb as k, u.i
    from unnest(${p('tail')}::text[], ${p('citations')}::text[], ${p('taskCounts')}::text[])
      with ordinality as u(t, c, k, i)`;
  const read = async () =>
    rowsOf<{ i: number; id: number | null }>(
      await db.execute(sql`
        with u as (${given}),
        added as (
          insert into evaluation_rating_bases (digest, tail, citations, task_counts)
          select distinct on (digest) digest, t, c, k from u
          on conflict (digest) do nothing returning id, digest)
        select u.i::int as i, coalesce(a.id, b.id) as id from u
        left join added a on a.digest = u.digest
        left join evaluation_rating_bases b on b.digest = u.digest
        order by u.i`),
    );
  let rows = await read();
  if (rows.some((r) => r.id === null)) rows = await read();
  return rows.map((r) => r.id!);
}

export interface DecisionValues {
  evaluationId: number;
  finalScore: number;
  rating: string;
  ruleHead: string;
  basisId: number;
}

/**
 * Decisions of some evaluations, in one INSERT. An evaluation decided meanwhile keeps that
 * decision (the key refuses a second); the number written is returned for the caller to check.
 */
export async function insertDecisions(db: Db, rows: DecisionValues[], by: string) {
  if (!rows.length) return 0;
  const col = <K extends keyof DecisionValues>(k: K) => sql.param(rows.map((r) => r[k]));
  const result = await db.execute(sql`
    insert into evaluation_decisions (evaluation_id, final_score, rating, rule_head, basis_id,
      decided_by)
    select v.id, v.score, v.rating, v.head, v.basis, ${by}
    from unnest(${col('evaluationId')}::int[], ${col('finalScore')}::numeric[],
                ${col('rating')}::text[], ${col('ruleHead')}::text[], ${col('basisId')}::int[])
      as v(id, score, rating, head, basis)
    on conflict (evaluation_id) do nothing`);
  return affectedRows(result);
}

export async function updateEvaluation(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof evaluations.$inferInsert>,
) {
  const [row] = await db
    .update(evaluations)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluations.id, id), eq(evaluations.version, version)))
    .returning();
  return row;
}

/** Decided ratings of one unit in a period, for the quota. */
export async function unitRatingCounts(db: Db, periodId: number, unitIds: number[]) {
  if (!unitIds.length) return new Map<number, { excellent: number; goodOrAbove: number }>();
  const rows = await db
    .select({
      unitId: evaluations.unitId,
      excellent: sql<number>`(count(*) filter (where ${evaluationDecisions.rating} = 'excellent'))::int`,
      goodOrAbove: sql<number>`(count(*) filter (where ${evaluationDecisions.rating} in ('excellent', 'good')))::int`,
    })
    .from(evaluations)
    .innerJoin(evaluationDecisions, decisionOf)
    // One array parameter: a city's rating asks about a few thousand units at once.
    .where(
      and(
        eq(evaluations.periodId, periodId),
        sql`${evaluations.unitId} = any(${sql.param(unitIds)}::int[])`,
      ),
    )
    .groupBy(evaluations.unitId);
  return new Map(
    rows.map((r) => [
      r.unitId,
      { excellent: Number(r.excellent), goodOrAbove: Number(r.goodOrAbove) },
    ]),
  );
}

/** Members of a unit's subtree disciplined in the period (résumé discipline entries). */
export async function disciplinedMembers(db: Db, path: string, from: string, to: string) {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(distinct r.member_id)::int as n from resume_entries r
      join members m on m.id = r.member_id
      where r.section = 'discipline' and m.unit_path like ${path + '%'}
        and r.from_date between ${from} and ${to}`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** Ratings of one person over the years (decided and in progress). */
export const memberEvaluations = (db: Db, memberId: number) =>
  db
    .select({ e: withDecision, period: evaluationPeriods })
    .from(evaluations)
    .leftJoin(evaluationDecisions, decisionOf)
    .leftJoin(evaluationRatingBases, basisOf)
    .innerJoin(evaluationPeriods, eq(evaluationPeriods.id, evaluations.periodId))
    .where(eq(evaluations.memberId, memberId))
    .orderBy(desc(evaluationPeriods.endDate), desc(evaluations.id));

// ─── Feedback ───────────────────────────────────────────────────────────────────────────

export const listFeedback = (db: Db, actor: Actor, memberId: number) =>
  db
    .select()
    .from(evaluationFeedback)
    .where(
      and(eq(evaluationFeedback.memberId, memberId), inScope(evaluationFeedback.unitPath, actor)),
    )
    .orderBy(desc(evaluationFeedback.receivedDate), desc(evaluationFeedback.id));

export async function insertFeedback(db: Db, values: typeof evaluationFeedback.$inferInsert) {
  const [row] = await db.insert(evaluationFeedback).values(values).returning();
  return row!;
}

export async function updateFrameworkRow(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof evaluationFrameworks.$inferInsert>,
) {
  const [row] = await db
    .update(evaluationFrameworks)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationFrameworks.id, id), eq(evaluationFrameworks.version, version)))
    .returning();
  return row;
}

export async function insertCriterion(db: Db, values: typeof evaluationCriteria.$inferInsert) {
  const [row] = await db.insert(evaluationCriteria).values(values).returning();
  return row!;
}

export async function updateCriterionRow(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof evaluationCriteria.$inferInsert>,
) {
  const [row] = await db
    .update(evaluationCriteria)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationCriteria.id, id), eq(evaluationCriteria.version, version)))
    .returning();
  return row;
}

/** Current members of a subtree: whose tasks count for a collective's evaluation. */
export async function memberIdsUnder(db: Db, path: string): Promise<number[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        sql`${members.unitPath} like ${path + '%'}`,
        inArray(members.status, ['probationary', 'full']),
      ),
    );
  return rows.map((r) => r.id);
}

/** Unscoped: for an evaluation already found in scope (a member's period may lie above them). */
export async function findPeriodById(db: Db, id: number) {
  const [row] = await db.select().from(evaluationPeriods).where(eq(evaluationPeriods.id, id));
  return row;
}

/**
 * Decisions in one unit and period take turns, so two cannot both fill the last quota place.
 * The period lock is shared by single decisions and taken alone by "rate a year", whose quota
 * counts must not change under it (see lockPeriodRatings).
 */
export async function lockUnitRatings(db: Db, periodId: number, unitId: number) {
  await db.execute(sql`select pg_advisory_xact_lock(${periodId}::int, ${unitId}::int)`);
}

export async function sharePeriodRatings(db: Db, periodId: number) {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${periodId}::int, 0)`);
}

/** "Rate a year" waits for single decisions in progress and holds new ones off until it ends. */
export async function lockPeriodRatings(db: Db, periodId: number) {
  await db.execute(sql`select pg_advisory_xact_lock(${periodId}::int, 0)`);
}

/** The unit path of a member of the actor's subtree (feedback is scoped like the person). */
export async function memberPath(db: Db, actor: Actor, memberId: number) {
  const [row] = await db
    .select({ path: members.unitPath })
    .from(members)
    .where(and(eq(members.id, memberId), inScope(members.unitPath, actor)));
  return row?.path;
}

/** Evaluations of a period within the actor's scope, and how many are decided. */
export async function periodCounts(db: Db, actor: Actor, periodId: number) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      decided: sql<number>`count(${evaluationDecisions.evaluationId})::int`,
    })
    .from(evaluations)
    .leftJoin(evaluationDecisions, decisionOf)
    .where(and(eq(evaluations.periodId, periodId), inScope(evaluations.unitPath, actor)));
  return { total: Number(row?.total ?? 0), decided: Number(row?.decided ?? 0) };
}

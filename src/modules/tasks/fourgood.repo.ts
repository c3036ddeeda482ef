/** SQL of "Chi bộ 4 tốt" / "Đảng viên 4 tốt"; assessments are scoped by the assessed unit's path. */
import { and, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { hasRole, inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import { fourGoodAssessments, fourGoodCriteriaSets } from './tasks.schema.ts';

export type CriteriaSetRow = typeof fourGoodCriteriaSets.$inferSelect;
export type AssessmentRow = typeof fourGoodAssessments.$inferSelect;

/** The set in force for a unit and year: the deepest subtree's set, then the latest start. */
export async function criteriaSetFor(db: Db, kind: string, unitPath: string, year: number) {
  const [row] = await db
    .select()
    .from(fourGoodCriteriaSets)
    .where(
      and(
        eq(fourGoodCriteriaSets.kind, kind),
        sql`${unitPath} LIKE ${fourGoodCriteriaSets.unitPath} || '%'`,
        lte(fourGoodCriteriaSets.fromYear, year),
      ),
    )
    .orderBy(
      desc(sql`length(${fourGoodCriteriaSets.unitPath})`),
      desc(fourGoodCriteriaSets.fromYear),
    )
    .limit(1);
  return row;
}

export async function findCriteriaSet(db: Db, id: number) {
  const [row] = await db
    .select()
    .from(fourGoodCriteriaSets)
    .where(eq(fourGoodCriteriaSets.id, id))
    .limit(1);
  return row;
}

export async function criteriaSetTaken(db: Db, kind: string, unitPath: string, fromYear: number) {
  const rows = await db
    .select({ id: fourGoodCriteriaSets.id })
    .from(fourGoodCriteriaSets)
    .where(
      and(
        eq(fourGoodCriteriaSets.kind, kind),
        eq(fourGoodCriteriaSets.unitPath, unitPath),
        eq(fourGoodCriteriaSets.fromYear, fromYear),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertCriteriaSet(tx: Db, values: typeof fourGoodCriteriaSets.$inferInsert) {
  const [row] = await tx.insert(fourGoodCriteriaSets).values(values).returning();
  return row!;
}

/** Leaders and officers see the subtree; anyone else only their own member assessments. */
export function assessmentScope(actor: Actor): SQL {
  const subtree = inScope(fourGoodAssessments.unitPath, actor);
  if (hasRole(actor, 'admin', 'officer', 'reader')) return subtree;
  if (actor.memberId === null) return sql`false`;
  return and(subtree, eq(fourGoodAssessments.memberId, actor.memberId))!;
}

export async function findAssessment(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(fourGoodAssessments)
    .where(and(eq(fourGoodAssessments.id, id), assessmentScope(actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The existing assessment of a cell or member for a year (any scope: for uniqueness). */
export async function findExisting(
  db: Db,
  kind: string,
  year: number,
  key: { unitId?: number; memberId?: number },
) {
  const [row] = await db
    .select()
    .from(fourGoodAssessments)
    .where(
      and(
        eq(fourGoodAssessments.kind, kind),
        eq(fourGoodAssessments.year, year),
        kind === 'cell'
          ? eq(fourGoodAssessments.unitId, key.unitId!)
          : eq(fourGoodAssessments.memberId, key.memberId!),
      ),
    )
    .limit(1)
    .for('update');
  return row;
}

export async function insertAssessment(tx: Db, values: typeof fourGoodAssessments.$inferInsert) {
  const [row] = await tx.insert(fourGoodAssessments).values(values).returning();
  return row!;
}

export async function updateAssessment(
  tx: Db,
  id: number,
  version: number,
  values: Partial<typeof fourGoodAssessments.$inferInsert>,
) {
  const [row] = await tx
    .update(fourGoodAssessments)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(fourGoodAssessments.id, id), eq(fourGoodAssessments.version, version)))
    .returning();
  return row;
}

const setAlias = alias(fourGoodCriteriaSets, 'cs');
export interface AssessmentFilter {
  kind: string;
  year: number;
  unitPath?: string;
  status?: string;
  id?: number;
}

function where(actor: Actor, f: AssessmentFilter, withStatus = true) {
  return and(
    assessmentScope(actor),
    eq(fourGoodAssessments.kind, f.kind),
    eq(fourGoodAssessments.year, f.year),
    f.unitPath ? sql`${fourGoodAssessments.unitPath} LIKE ${f.unitPath + '%'}` : undefined,
    withStatus && f.status ? eq(fourGoodAssessments.status, f.status) : undefined,
    f.id ? eq(fourGoodAssessments.id, f.id) : undefined,
  );
}

export async function listAssessments(
  db: Db,
  actor: Actor,
  f: AssessmentFilter,
  page: { limit: number; offset: number },
) {
  return db
    .select({
      a: fourGoodAssessments,
      unitName: units.name,
      memberName: members.fullName,
      setName: setAlias.name,
      criteria: setAlias.criteria,
    })
    .from(fourGoodAssessments)
    .innerJoin(units, eq(units.id, fourGoodAssessments.unitId))
    .innerJoin(setAlias, eq(setAlias.id, fourGoodAssessments.criteriaSetId))
    .leftJoin(members, eq(members.id, fourGoodAssessments.memberId))
    .where(where(actor, f))
    .orderBy(units.name, members.sortKey, fourGoodAssessments.id)
    .limit(page.limit)
    .offset(page.offset);
}

/** Counts per status (and so the total) of the filter, ignoring the status filter itself. */
export async function countAssessments(db: Db, actor: Actor, f: AssessmentFilter) {
  return db
    .select({ status: fourGoodAssessments.status, n: sql<number>`count(*)::int` })
    .from(fourGoodAssessments)
    .where(where(actor, f, false))
    .groupBy(fourGoodAssessments.status);
}

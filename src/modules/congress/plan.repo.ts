/** SQL of the personnel plan and the nomination rounds (reached through a scope-checked congress). */
import { and, asc, eq, inArray, isNull, or, sql, gte } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { members } from '../members/members.schema.ts';
import { appointments, postTitles } from '../posts/posts.schema.ts';
import { units } from '../units/units.schema.ts';
import { congressCandidates, nominationSteps, nominationTallies } from './congress.schema.ts';

export type CandidateRow = typeof congressCandidates.$inferSelect;
export type StepRow = typeof nominationSteps.$inferSelect;

const personColumns = {
  fullName: members.fullName,
  gender: members.gender,
  birthDate: members.birthDate,
  ethnicity: members.ethnicity,
  unitName: units.name,
};

export async function listCandidates(db: Db, congressId: number, bodyId?: number) {
  return db
    .select({ c: congressCandidates, ...personColumns })
    .from(congressCandidates)
    .innerJoin(members, eq(members.id, congressCandidates.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        eq(congressCandidates.congressId, congressId),
        bodyId ? eq(congressCandidates.bodyId, bodyId) : undefined,
      ),
    )
    .orderBy(asc(members.sortKey), asc(congressCandidates.id));
}

export async function findCandidate(db: Db, id: number, forUpdate = false) {
  const q = db.select().from(congressCandidates).where(eq(congressCandidates.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Members of the congress's subtree (current) among these ids. */
export async function membersInSubtree(db: Db, path: string, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(
      and(
        inArray(members.id, ids),
        sql`${members.unitPath} like ${path + '%'}`,
        inArray(members.status, ['full', 'probationary']),
        isNull(members.archivedAt),
      ),
    );
}

export async function insertCandidates(db: Db, values: (typeof congressCandidates.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(congressCandidates).values(values).onConflictDoNothing().returning();
}

export async function updateCandidate(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof congressCandidates.$inferInsert>,
) {
  const [row] = await db
    .update(congressCandidates)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(congressCandidates.id, id), eq(congressCandidates.version, version)))
    .returning();
  return row;
}

export async function deleteCandidate(db: Db, id: number, version: number) {
  const rows = await db
    .delete(congressCandidates)
    .where(and(eq(congressCandidates.id, id), eq(congressCandidates.version, version)))
    .returning({ id: congressCandidates.id });
  return rows.length > 0;
}

/** Of these members, who holds one of these posts in the unit on the date. */
export async function holdersOn(
  db: Db,
  unitId: number,
  memberIds: number[],
  codes: string[],
  date: string,
): Promise<Set<number>> {
  if (!memberIds.length || !codes.length) return new Set();
  const rows = await db
    .selectDistinct({ memberId: appointments.memberId })
    .from(appointments)
    .innerJoin(postTitles, eq(postTitles.id, appointments.postTitleId))
    .where(
      and(
        eq(appointments.unitId, unitId),
        inArray(appointments.memberId, memberIds),
        inArray(postTitles.code, codes),
        sql`${appointments.startDate} <= ${date}`,
        or(isNull(appointments.endDate), gte(appointments.endDate, date)),
      ),
    );
  return new Set(rows.map((r) => r.memberId));
}

// ─── Nomination steps ────────────────────────────────────────────────────────────────────

export const listSteps = (db: Db, bodyId: number) =>
  db
    .select()
    .from(nominationSteps)
    .where(eq(nominationSteps.bodyId, bodyId))
    .orderBy(asc(nominationSteps.stepNo));

export async function findStep(db: Db, id: number, forUpdate = false) {
  const q = db.select().from(nominationSteps).where(eq(nominationSteps.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertSteps(db: Db, values: (typeof nominationSteps.$inferInsert)[]) {
  return db.insert(nominationSteps).values(values).returning();
}

export async function updateStep(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof nominationSteps.$inferInsert>,
) {
  const [row] = await db
    .update(nominationSteps)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(nominationSteps.id, id), eq(nominationSteps.version, version)))
    .returning();
  return row;
}

export async function tallies(db: Db, stepIds: number[]) {
  if (!stepIds.length) return [];
  return db
    .select({ t: nominationTallies, fullName: members.fullName, sortKey: members.sortKey })
    .from(nominationTallies)
    .innerJoin(members, eq(members.id, nominationTallies.memberId))
    .where(inArray(nominationTallies.stepId, stepIds))
    .orderBy(asc(nominationTallies.stepId), asc(members.sortKey));
}

export async function replaceTallies(
  db: Db,
  stepId: number,
  rows: { memberId: number; votes: number }[],
) {
  await db.delete(nominationTallies).where(eq(nominationTallies.stepId, stepId));
  if (rows.length)
    await db
      .insert(nominationTallies)
      .values(rows.map((r) => ({ stepId, memberId: r.memberId, votes: r.votes })));
}

export async function deleteStep(db: Db, id: number) {
  await db.delete(nominationTallies).where(eq(nominationTallies.stepId, id));
  await db.delete(nominationSteps).where(eq(nominationSteps.id, id));
}

/** Facts of the nominees for the elections module. */
export async function people(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: members.id, ...personColumns })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(inArray(members.id, ids));
}

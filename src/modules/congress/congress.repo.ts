import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNull,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { containsFolded, escapeLike } from '../../core/db/text-search.ts';
import { searchKey } from '../../core/vietnamese/index.ts';
import { nameSearch } from '../members/members.repo.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import { congressAttendees, congressBodies, congresses } from './congress.schema.ts';

export type CongressRow = typeof congresses.$inferSelect;
export type BodyRow = typeof congressBodies.$inferSelect;
export type AttendeeRow = typeof congressAttendees.$inferSelect;

// ─── Congresses ──────────────────────────────────────────────────────────────────────────

export async function findCongress(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(congresses)
    .where(and(eq(congresses.id, id), inScope(congresses.unitPath, actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function listCongresses(
  db: Db,
  actor: Actor,
  f: { q?: string; status?: string; page: number; pageSize: number },
) {
  const where: SQL[] = [inScope(congresses.unitPath, actor)];
  if (f.status) where.push(eq(congresses.status, f.status));
  if (f.q && searchKey(f.q))
    where.push(
      or(
        containsFolded(congresses.name, f.q),
        sql`${units.searchText} like ${'%' + escapeLike(searchKey(f.q)) + '%'}`,
      )!,
    );
  const rows = await db
    .select({
      c: congresses,
      unitName: units.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      // As the attendance counts: seats of the non-alternates; a seated alternate fills a replaced one.
      summoned:
        sql<number>`(select count(*) from congress_attendees a where a.congress_id = ${congresses.id} and a.role <> 'alternate')`.mapWith(
          Number,
        ),
      present:
        sql<number>`(select count(*) filter (where a.status = 'present' and a.role <> 'alternate') + least(count(*) filter (where a.status = 'present' and a.role = 'alternate'), count(*) filter (where a.status = 'replaced')) from congress_attendees a where a.congress_id = ${congresses.id})`.mapWith(
          Number,
        ),
    })
    .from(congresses)
    .innerJoin(units, eq(units.id, congresses.unitId))
    .where(and(...where))
    .orderBy(desc(congresses.startsOn), desc(congresses.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return rows;
}

export async function countCongresses(db: Db, actor: Actor, f: { q?: string; status?: string }) {
  const where: SQL[] = [inScope(congresses.unitPath, actor)];
  if (f.status) where.push(eq(congresses.status, f.status));
  if (f.q && searchKey(f.q))
    where.push(
      or(
        containsFolded(congresses.name, f.q),
        sql`${units.searchText} like ${'%' + escapeLike(searchKey(f.q)) + '%'}`,
      )!,
    );
  const [row] = await db
    .select({ n: count() })
    .from(congresses)
    .innerJoin(units, eq(units.id, congresses.unitId))
    .where(and(...where));
  return row?.n ?? 0;
}

export async function insertCongress(db: Db, values: typeof congresses.$inferInsert) {
  const [row] = await db.insert(congresses).values(values).returning();
  return row!;
}

export async function updateCongress(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof congresses.$inferInsert>,
) {
  const [row] = await db
    .update(congresses)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(congresses.id, id), eq(congresses.version, version)))
    .returning();
  return row;
}

// ─── Bodies (reached through their congress, already scope-checked) ─────────────────────

export const listBodies = (db: Db, congressId: number) =>
  db
    .select()
    .from(congressBodies)
    .where(eq(congressBodies.congressId, congressId))
    .orderBy(asc(congressBodies.sortOrder), asc(congressBodies.id));

export async function insertBodies(db: Db, values: (typeof congressBodies.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(congressBodies).values(values).returning();
}

export async function updateBody(db: Db, id: number, values: Partial<BodyRow>) {
  await db.update(congressBodies).set(values).where(eq(congressBodies.id, id));
}

export async function deleteBodies(db: Db, ids: number[]) {
  if (ids.length) await db.delete(congressBodies).where(inArray(congressBodies.id, ids));
}

/** Bodies that candidates, nomination steps or elections already refer to. */
export async function bodiesInUse(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await db.execute(sql`
    select body_id as id from congress_candidates where body_id in (${list})
    union select body_id from nomination_steps where body_id in (${list})
    union select body_id from elections where body_id in (${list})`);
  return new Set((rows as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id)));
}

// ─── People summoned ─────────────────────────────────────────────────────────────────────

export interface AttendeeView {
  a: AttendeeRow;
  fullName: string;
  gender: string;
  birthDate: string;
  unitName: string;
}

const attendeeColumns = {
  a: congressAttendees,
  fullName: members.fullName,
  gender: members.gender,
  birthDate: members.birthDate,
  unitName: units.name,
};

export interface AttendeeFilter {
  q?: string;
  status?: string;
  role?: string;
  page: number;
  pageSize: number;
}

function attendeeWhere(congressId: number, f: Omit<AttendeeFilter, 'page' | 'pageSize'>) {
  const where: (SQL | undefined)[] = [eq(congressAttendees.congressId, congressId)];
  if (f.status) where.push(eq(congressAttendees.status, f.status));
  if (f.role) where.push(eq(congressAttendees.role, f.role));
  if (f.q) {
    const code = f.q.trim().toUpperCase();
    where.push(or(nameSearch(f.q), eq(congressAttendees.cardCode, code)));
  }
  return and(...where);
}

export async function listAttendees(db: Db, congressId: number, f: AttendeeFilter) {
  return db
    .select({ ...attendeeColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(attendeeWhere(congressId, f))
    .orderBy(asc(members.sortKey), asc(congressAttendees.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

export async function countAttendees(
  db: Db,
  congressId: number,
  f: Omit<AttendeeFilter, 'page' | 'pageSize'>,
) {
  const [row] = await db
    .select({ n: count() })
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .where(attendeeWhere(congressId, f));
  return row?.n ?? 0;
}

/** Every attendee of a congress, lightly: what the threshold base and cards need. */
export async function allAttendees(
  db: Db,
  congressId: number,
  role?: string,
): Promise<AttendeeView[]> {
  return db
    .select(attendeeColumns)
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        eq(congressAttendees.congressId, congressId),
        role ? eq(congressAttendees.role, role) : undefined,
      ),
    )
    .orderBy(asc(members.sortKey), asc(congressAttendees.id));
}

/** Attendees grouped by what the threshold base depends on (role, status, convening). */
export async function baseGroups(db: Db, congressId: number) {
  return db
    .select({
      role: congressAttendees.role,
      status: congressAttendees.status,
      conveningCommittee: congressAttendees.conveningCommittee,
      n: count(),
    })
    .from(congressAttendees)
    .where(eq(congressAttendees.congressId, congressId))
    .groupBy(
      congressAttendees.role,
      congressAttendees.status,
      congressAttendees.conveningCommittee,
    );
}

export async function statusCounts(db: Db, congressId: number) {
  return db
    .select({ role: congressAttendees.role, status: congressAttendees.status, n: count() })
    .from(congressAttendees)
    .where(eq(congressAttendees.congressId, congressId))
    .groupBy(congressAttendees.role, congressAttendees.status);
}

export async function findAttendee(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select({ a: congressAttendees, c: congresses })
    .from(congressAttendees)
    .innerJoin(congresses, eq(congresses.id, congressAttendees.congressId))
    .where(and(eq(congressAttendees.id, id), inScope(congresses.unitPath, actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update', { of: congressAttendees }) : await q;
  return row;
}

export async function findAttendeeViews(db: Db, ids: number[]): Promise<AttendeeView[]> {
  if (!ids.length) return [];
  return db
    .select(attendeeColumns)
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(inArray(congressAttendees.id, ids));
}

/** Names of the people replacing or replaced by these attendees. */
export async function replacementNames(db: Db, congressId: number) {
  return db
    .select({
      id: congressAttendees.id,
      replacedBy: congressAttendees.replacedByAttendeeId,
      fullName: members.fullName,
    })
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .where(
      and(
        eq(congressAttendees.congressId, congressId),
        or(
          sql`${congressAttendees.replacedByAttendeeId} is not null`,
          sql`${congressAttendees.id} in (select replaced_by_attendee_id from congress_attendees where congress_id = ${congressId} and replaced_by_attendee_id is not null)`,
        ),
      ),
    );
}

/** Current members of the subtree not yet summoned (members' congress: summon them all). */
export async function membersToSummon(db: Db, congress: CongressRow) {
  return db
    .select({
      id: members.id,
      status: members.status,
      tempAttendanceFrom: members.tempAttendanceFrom,
      tempAttendanceTo: members.tempAttendanceTo,
      tempAttendancePlace: members.tempAttendancePlace,
    })
    .from(members)
    .where(
      and(
        sql`${members.unitPath} like ${congress.unitPath + '%'}`,
        inArray(members.status, ['full', 'probationary']),
        isNull(members.archivedAt),
        notInArray(
          members.id,
          db
            .select({ id: congressAttendees.memberId })
            .from(congressAttendees)
            .where(eq(congressAttendees.congressId, congress.id)),
        ),
      ),
    );
}

/** Of these members, those in the congress's subtree and current; with who is already summoned. */
export async function membersForDelegates(db: Db, congress: CongressRow, ids: number[]) {
  return db
    .select({
      id: members.id,
      summoned: sql<boolean>`exists (select 1 from congress_attendees a where a.congress_id = ${congress.id} and a.member_id = ${members.id})`,
    })
    .from(members)
    .where(
      and(
        inArray(members.id, ids),
        sql`${members.unitPath} like ${congress.unitPath + '%'}`,
        inArray(members.status, ['full', 'probationary']),
        isNull(members.archivedAt),
      ),
    );
}

export async function insertAttendees(db: Db, values: (typeof congressAttendees.$inferInsert)[]) {
  if (!values.length) return [];
  return db.insert(congressAttendees).values(values).onConflictDoNothing().returning();
}

export async function updateAttendee(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof congressAttendees.$inferInsert>,
) {
  const [row] = await db
    .update(congressAttendees)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(congressAttendees.id, id), eq(congressAttendees.version, version)))
    .returning();
  return row;
}

export async function deleteAttendee(db: Db, id: number, version: number) {
  const rows = await db
    .delete(congressAttendees)
    .where(and(eq(congressAttendees.id, id), eq(congressAttendees.version, version)))
    .returning({ id: congressAttendees.id });
  return rows.length > 0;
}

export async function isReplacing(db: Db, attendeeId: number) {
  const rows = await db
    .select({ id: congressAttendees.id })
    .from(congressAttendees)
    .where(eq(congressAttendees.replacedByAttendeeId, attendeeId))
    .limit(1);
  return rows.length > 0;
}

/** Exact card code, or a diacritic-insensitive name search, within one congress. */
export async function findForCheckIn(db: Db, congressId: number, query: string, limit = 20) {
  const code = query.trim().toUpperCase();
  const byCode = await db
    .select(attendeeColumns)
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(congressAttendees.congressId, congressId), eq(congressAttendees.cardCode, code)))
    .limit(1);
  if (byCode.length) return { byCode: true, rows: byCode };
  const name = nameSearch(query);
  if (!name) return { byCode: false, rows: [] };
  const rows = await db
    .select(attendeeColumns)
    .from(congressAttendees)
    .innerJoin(members, eq(members.id, congressAttendees.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(congressAttendees.congressId, congressId), name))
    .orderBy(asc(members.sortKey))
    .limit(limit);
  return { byCode: false, rows };
}

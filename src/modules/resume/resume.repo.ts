import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ResumeSection } from '../../contracts/resume.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import { memberProfiles, resumeEntries } from './resume.schema.ts';

/** The caller's subtree, or only their own member record (a member reads their own résumé). */
export type Access = 'scope' | 'own';

function visible(actor: Actor, access: Access): SQL {
  return access === 'own' ? eq(members.id, actor.memberId ?? 0) : inScope(members.unitPath, actor);
}

export type MemberRow = typeof members.$inferSelect & { unitName: string };
export type ProfileRow = typeof memberProfiles.$inferSelect;
export type EntryRow = typeof resumeEntries.$inferSelect;

/** Member records by id that the caller may see, with their unit's current name. */
export async function findMembers(
  db: Db,
  actor: Actor,
  ids: number[],
  access: Access = 'scope',
): Promise<MemberRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ member: members, unitName: units.name })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(inArray(members.id, ids), visible(actor, access)));
  return rows.map((r) => ({ ...r.member, unitName: r.unitName }));
}

/** Locks the member row, so concurrent writes to one résumé are serialised. */
export async function lockMember(db: Db, actor: Actor, id: number): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ member: members, unitName: units.name })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(members.id, id), inScope(members.unitPath, actor)))
    .for('update', { of: members });
  return row ? { ...row.member, unitName: row.unitName } : undefined;
}

/** Profiles of visible members (a member without a saved profile has no row). */
export async function findProfiles(
  db: Db,
  actor: Actor,
  memberIds: number[],
  access: Access = 'scope',
): Promise<ProfileRow[]> {
  if (!memberIds.length) return [];
  const rows = await db
    .select({ profile: memberProfiles })
    .from(memberProfiles)
    .innerJoin(members, eq(members.id, memberProfiles.memberId))
    .where(and(inArray(memberProfiles.memberId, memberIds), visible(actor, access)));
  return rows.map((r) => r.profile);
}

/** Creates the profile; false when another request created it first. */
export async function insertProfile(
  db: Db,
  values: { memberId: number; general: object; sensitive: object },
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .insert(memberProfiles)
    .values(values)
    .onConflictDoNothing({ target: memberProfiles.memberId })
    .returning();
  return row;
}

/** Optimistic update; undefined when the version moved on. The member was checked in scope. */
export async function updateProfile(
  db: Db,
  memberId: number,
  version: number,
  values: { general: object; sensitive: object },
): Promise<ProfileRow | undefined> {
  const [row] = await db
    .update(memberProfiles)
    .set({ ...values, version: sql`${memberProfiles.version} + 1`, updatedAt: new Date() })
    .where(and(eq(memberProfiles.memberId, memberId), eq(memberProfiles.version, version)))
    .returning();
  return row;
}

/** Rows of the given sections for visible members, in date order then the user's order. */
export async function listEntries(
  db: Db,
  actor: Actor,
  memberIds: number[],
  sections: readonly ResumeSection[],
  access: Access = 'scope',
): Promise<EntryRow[]> {
  if (!memberIds.length || !sections.length) return [];
  const rows = await db
    .select({ entry: resumeEntries })
    .from(resumeEntries)
    .innerJoin(members, eq(members.id, resumeEntries.memberId))
    .where(
      and(
        inArray(resumeEntries.memberId, memberIds),
        inArray(resumeEntries.section, [...sections]),
        visible(actor, access),
      ),
    )
    .orderBy(
      asc(resumeEntries.memberId),
      sql`${resumeEntries.fromDate} asc nulls last`,
      asc(resumeEntries.sortOrder),
      asc(resumeEntries.id),
    );
  return rows.map((r) => r.entry);
}

export async function findEntry(
  db: Db,
  actor: Actor,
  memberId: number,
  entryId: number,
): Promise<EntryRow | undefined> {
  const [row] = await db
    .select({ entry: resumeEntries })
    .from(resumeEntries)
    .innerJoin(members, eq(members.id, resumeEntries.memberId))
    .where(
      and(
        eq(resumeEntries.id, entryId),
        eq(resumeEntries.memberId, memberId),
        inScope(members.unitPath, actor),
      ),
    );
  return row?.entry;
}

export type EntryValues = Pick<
  typeof resumeEntries.$inferInsert,
  'section' | 'fromDate' | 'toDate' | 'fields' | 'sortOrder'
>;

export async function insertEntry(
  db: Db,
  values: EntryValues & { memberId: number },
): Promise<EntryRow> {
  const [row] = await db.insert(resumeEntries).values(values).returning();
  return row!;
}

export async function updateEntry(
  db: Db,
  id: number,
  version: number,
  values: EntryValues,
): Promise<EntryRow | undefined> {
  const [row] = await db
    .update(resumeEntries)
    .set({ ...values, version: sql`${resumeEntries.version} + 1`, updatedAt: new Date() })
    .where(and(eq(resumeEntries.id, id), eq(resumeEntries.version, version)))
    .returning();
  return row;
}

export async function deleteEntry(db: Db, id: number, version: number): Promise<boolean> {
  const rows = await db
    .delete(resumeEntries)
    .where(and(eq(resumeEntries.id, id), eq(resumeEntries.version, version)))
    .returning({ id: resumeEntries.id });
  return rows.length > 0;
}

/** Units on a path ('/1/7/42/') from the top, for the header of the printed form. */
export async function unitsOnPath(
  db: Db,
  path: string,
): Promise<{ id: number; type: string; name: string }[]> {
  const ids = path.split('/').filter(Boolean).map(Number);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: units.id, type: units.type, name: units.name })
    .from(units)
    .where(inArray(units.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
}

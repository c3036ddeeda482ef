import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import { appointments, postTitles } from './posts.schema.ts';

export type PostTitleRow = typeof postTitles.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type AppointmentValues = Omit<
  typeof appointments.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

// ─── Post titles (a national catalogue: not scoped) ──────────────────────────────────────

export async function listPostTitles(db: Db, includeInactive: boolean): Promise<PostTitleRow[]> {
  return db
    .select()
    .from(postTitles)
    .where(includeInactive ? undefined : eq(postTitles.active, true))
    .orderBy(asc(postTitles.sortOrder), asc(postTitles.name));
}

export async function findPostTitle(db: Db, id: number, forUpdate = false) {
  const q = db.select().from(postTitles).where(eq(postTitles.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function postTitleCodeTaken(db: Db, code: string, exceptId?: number) {
  const rows = await db
    .select({ id: postTitles.id })
    .from(postTitles)
    .where(
      and(
        sql`lower(${postTitles.code}) = lower(${code})`,
        exceptId ? ne(postTitles.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertPostTitle(db: Db, values: typeof postTitles.$inferInsert) {
  const [row] = await db.insert(postTitles).values(values).returning();
  return row!;
}

export async function updatePostTitle(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof postTitles.$inferInsert>,
) {
  const [row] = await db
    .update(postTitles)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(postTitles.id, id), eq(postTitles.version, version)))
    .returning();
  return row;
}

// ─── Appointments (scoped by the unit where the post is held) ────────────────────────────

const withTitle = {
  a: appointments,
  postTitleName: postTitles.name,
  postLevel: postTitles.level,
  isKey: postTitles.isKey,
};
export type AppointmentWithTitle = {
  a: AppointmentRow;
  postTitleName: string;
  postLevel: string;
  isKey: boolean;
};

/**
 * A person's appointments, oldest first. `scope` limits them to posts held inside the
 * actor's subtree; null reads them all (the person reading their own record).
 */
export async function appointmentsOfMember(
  db: Db,
  memberId: number,
  scope: Actor | null,
): Promise<AppointmentWithTitle[]> {
  return db
    .select(withTitle)
    .from(appointments)
    .innerJoin(postTitles, eq(postTitles.id, appointments.postTitleId))
    .where(
      and(
        eq(appointments.memberId, memberId),
        scope ? inScope(appointments.unitPath, scope) : undefined,
      ),
    )
    .orderBy(asc(appointments.startDate), asc(appointments.id));
}

export async function findAppointment(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), inScope(appointments.unitPath, actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertAppointment(db: Db, values: AppointmentValues) {
  const [row] = await db.insert(appointments).values(values).returning();
  return row!;
}

export async function updateAppointment(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  values: AppointmentValues,
) {
  const [row] = await db
    .update(appointments)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.version, version),
        inScope(appointments.unitPath, actor),
      ),
    )
    .returning();
  return row;
}

export async function deleteAppointment(db: Db, actor: Actor, id: number, version: number) {
  const rows = await db
    .delete(appointments)
    .where(
      and(
        eq(appointments.id, id),
        eq(appointments.version, version),
        inScope(appointments.unitPath, actor),
      ),
    )
    .returning({ id: appointments.id });
  return rows.length > 0;
}

/** Serialises writes to one person's appointments, so two overlap checks cannot both pass. */
export async function lockMemberRow(db: Db, memberId: number) {
  await db.execute(sql`select id from members where id = ${memberId} for update`);
}

// ─── Subtree reads for the dashboard and the statistic ───────────────────────────────────

export interface HolderRow {
  appointmentId: number;
  memberId: number;
  postTitleId: number;
  postTitleName: string;
  level: string;
  isKey: boolean;
  unitId: number;
  unitPath: string;
  unitName: string;
  locality: string;
  startDate: string;
  endDate: string | null;
  term: string;
  fullName: string;
  birthDate: string;
  gender: string;
  hometownCommune: string | null;
  hometownProvince: string | null;
  residence: string | null;
  memberUnitPath: string;
}

/** An int[] parameter as a literal ('{1,2,3}'): Drizzle would spread a JS array into a list. */
const intArray = (ids: number[]) => {
  if (!ids.every(Number.isInteger)) throw new Error('ids must be integers');
  return `{${ids.join(',')}}`;
};

/**
 * Appointments in force on `date` to posts held in the subtree of `path`, with the holder
 * (active members only unless `activeOnly` is false) and the unit; `onlyKey` narrows to key
 * posts.
 */
export async function holdersInForce(
  db: Db,
  actor: Actor,
  path: string,
  date: string,
  opts: { onlyKey?: boolean; activeOnly?: boolean; membersInScope?: boolean } = {},
): Promise<HolderRow[]> {
  const where: SQL[] = [
    sql`a.unit_path like ${path + '%'}`,
    inScope(sql`a.unit_path`, actor),
    sql`a.start_date <= ${date}`,
    sql`(a.end_date is null or a.end_date >= ${date})`,
  ];
  if (opts.onlyKey) where.push(sql`p.is_key`);
  // Lists that name people show only those whose record the caller may see; counts need not.
  if (opts.membersInScope) where.push(inScope(sql`m.unit_path`, actor));
  if (opts.activeOnly !== false) {
    where.push(sql`m.archived_at is null and m.status in ('full', 'probationary')`);
  }
  const result = await db.execute(sql`
    select a.id as "appointmentId", a.member_id as "memberId", a.post_title_id as "postTitleId",
           p.name as "postTitleName", p.level, p.is_key as "isKey", a.unit_id as "unitId",
           a.unit_path as "unitPath", u.name as "unitName", u.locality,
           a.start_date::text as "startDate", a.end_date::text as "endDate", a.term,
           m.full_name as "fullName", m.birth_date::text as "birthDate", m.gender,
           m.hometown_commune as "hometownCommune", m.hometown_province as "hometownProvince",
           m.residence, m.unit_path as "memberUnitPath"
    from appointments a
    join post_titles p on p.id = a.post_title_id
    join members m on m.id = a.member_id
    join units u on u.id = a.unit_id
    where ${sql.join(where, sql` and `)}
    order by a.id`);
  return rowsOf<HolderRow>(result);
}

export interface PastRow {
  id: number;
  memberId: number;
  postTitleId: number;
  unitId: number;
  unitPath: string;
  startDate: string;
  endDate: string | null;
  term: string;
}

/** Earlier appointments of these people to the same post in the same unit (for runs). */
export async function sameSeatHistory(
  db: Db,
  actor: Actor,
  seats: { memberId: number; postTitleId: number; unitId: number }[],
): Promise<PastRow[]> {
  if (!seats.length) return [];
  const result = await db.execute(sql`
    select a.id, a.member_id as "memberId", a.post_title_id as "postTitleId", a.unit_id as "unitId",
           a.unit_path as "unitPath", a.start_date::text as "startDate",
           a.end_date::text as "endDate", a.term
    from appointments a
    join unnest(${intArray(seats.map((s) => s.memberId))}::int[],
                ${intArray(seats.map((s) => s.postTitleId))}::int[],
                ${intArray(seats.map((s) => s.unitId))}::int[]) as s(member_id, post_title_id, unit_id)
      on a.member_id = s.member_id and a.post_title_id = s.post_title_id and a.unit_id = s.unit_id
    where ${inScope(sql`a.unit_path`, actor)}`);
  return rowsOf<PastRow>(result);
}

export interface RetireeRow {
  id: number;
  fullName: string;
  birthDate: string;
  gender: string;
  unitId: number;
  unitPath: string;
  unitName: string;
}

/**
 * Active members of the subtree born in a window, per gender (the caller derives each window
 * from the retirement schedule), through the birth-date index; oldest first.
 */
export async function membersBornIn(
  db: Db,
  actor: Actor,
  path: string,
  windows: { gender: string; from: string; to: string }[],
): Promise<RetireeRow[]> {
  if (!windows.length) return [];
  const byGender = windows.map(
    (w) => sql`(m.gender = ${w.gender} and m.birth_date between ${w.from} and ${w.to})`,
  );
  const result = await db.execute(sql`
    select m.id, m.full_name as "fullName", m.birth_date::text as "birthDate", m.gender,
           m.unit_id as "unitId", m.unit_path as "unitPath", u.name as "unitName"
    from members m join units u on u.id = m.unit_id
    where (${sql.join(byGender, sql` or `)})
      and m.unit_path like ${path + '%'} and ${inScope(sql`m.unit_path`, actor)}
      and m.archived_at is null and m.status in ('full', 'probationary')
    order by m.birth_date, m.id`);
  return rowsOf<RetireeRow>(result);
}

/** Localities of the province-level ancestors of these units' paths (for commune checks). */
export async function provinceOfPaths(db: Db, paths: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(paths.flatMap((p) => p.split('/').filter(Boolean).map(Number)))];
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: units.id, locality: units.locality })
    .from(units)
    .where(and(sql`${units.id} = any(${intArray(ids)}::int[])`, eq(units.type, 'province')));
  const byId = new Map(rows.map((r) => [r.id, r.locality]));
  const out = new Map<string, string>();
  for (const path of paths) {
    const hit = path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .reverse()
      .find((id) => byId.has(id));
    if (hit !== undefined) out.set(path, byId.get(hit)!);
  }
  return out;
}

export async function memberFacts(db: Db, memberId: number) {
  const [row] = await db
    .select({
      id: members.id,
      fullName: members.fullName,
      birthDate: members.birthDate,
      gender: members.gender,
      hometownCommune: members.hometownCommune,
      hometownProvince: members.hometownProvince,
      residence: members.residence,
      unitPath: members.unitPath,
    })
    .from(members)
    .where(eq(members.id, memberId))
    .limit(1);
  return row;
}

export async function unitsByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: units.id, path: units.path, name: units.name, locality: units.locality })
    .from(units)
    .where(sql`${units.id} = any(${intArray(ids)}::int[])`);
}

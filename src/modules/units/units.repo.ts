import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { searchKey } from '../../core/vietnamese/index.ts';
import { unitEvents, unitMemberStats, units, unitVersions } from './units.schema.ts';

export type UnitRow = typeof units.$inferSelect;

// Qualified by hand: Drizzle leaves columns of a single-table select unqualified, which the
// subquery's own alias would capture.
const childCount = sql<number>`(select count(*)::int from units c where c.parent_id = "units"."id" and c.status = 'active')`;

/** A unit the actor may see, or undefined. */
export async function findUnit(db: Db, actor: Actor, id: number): Promise<UnitRow | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, id), inScope(units.path, actor)))
    .limit(1);
  return row;
}

export async function findUnits(db: Db, actor: Actor, ids: number[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(units)
    .where(and(inArray(units.id, ids), inScope(units.path, actor)));
}

export async function listChildren(db: Db, actor: Actor, parentId: number, includeClosed: boolean) {
  return db
    .select({ unit: units, childCount })
    .from(units)
    .where(
      and(
        eq(units.parentId, parentId),
        inScope(units.path, actor),
        includeClosed ? undefined : eq(units.status, 'active'),
      ),
    )
    .orderBy(asc(units.status), asc(units.code));
}

export async function findWithChildCount(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ unit: units, childCount })
    .from(units)
    .where(and(eq(units.id, id), inScope(units.path, actor)));
  return row;
}

export async function searchUnits(db: Db, actor: Actor, q: string, limit: number) {
  const key = searchKey(q);
  return db
    .select({ unit: units, childCount })
    .from(units)
    .where(
      and(
        inScope(units.path, actor),
        eq(units.status, 'active'),
        key ? sql`${units.searchText} like ${'%' + key + '%'}` : undefined,
      ),
    )
    .orderBy(asc(units.depth), asc(units.code))
    .limit(limit);
}

/** Counts for the whole subtree: sums of the per-unit counters kept by triggers. */
export async function subtreeStats(db: Db, path: string) {
  const [row] = await db
    .select({
      units: sql<number>`(count(*) filter (where ${units.path} <> ${path} and ${units.status} = 'active'))::int`,
      grassroots: sql<number>`(count(*) filter (where ${units.type} in ('grassroots_committee', 'grassroots_cell') and ${units.status} = 'active'))::int`,
      activeMembers: sql<number>`coalesce(sum(${unitMemberStats.active}), 0)::int`,
      fullMembers: sql<number>`coalesce(sum(${unitMemberStats.full}), 0)::int`,
      probationaryMembers: sql<number>`coalesce(sum(${unitMemberStats.probationary}), 0)::int`,
      femaleMembers: sql<number>`coalesce(sum(${unitMemberStats.female}), 0)::int`,
      archivedMembers: sql<number>`coalesce(sum(${unitMemberStats.archived}), 0)::int`,
    })
    .from(units)
    .leftJoin(unitMemberStats, eq(unitMemberStats.unitId, units.id))
    .where(sql`${units.path} like ${path + '%'}`);
  return row!;
}

/** Id and path of every unit of a subtree, closed ones too (unscoped: the caller checked). */
export const subtreePaths = (db: Db, path: string) =>
  db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(sql`${units.path} like ${path + '%'}`);

export async function namesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The unit's name in force on a date, from its version history. */
export async function namesAsOf(db: Db, pairs: { unitId: number; date: string }[]) {
  const ids = [...new Set(pairs.map((p) => p.unitId))];
  if (!ids.length) return () => undefined;
  const rows = await db
    .select()
    .from(unitVersions)
    .where(inArray(unitVersions.unitId, ids))
    .orderBy(asc(unitVersions.validFrom));
  return (unitId: number, date: string) => {
    const versions = rows.filter((r) => r.unitId === unitId);
    const match = versions.filter((v) => v.validFrom <= date).pop() ?? versions[0];
    return match?.name;
  };
}

export async function listVersions(db: Db, unitId: number) {
  return db
    .select()
    .from(unitVersions)
    .where(eq(unitVersions.unitId, unitId))
    .orderBy(asc(unitVersions.validFrom));
}

export async function listEvents(db: Db, unitId: number) {
  return db
    .select()
    .from(unitEvents)
    .where(
      sql`${unitId} = any(${unitEvents.sourceIds}) or ${unitId} = any(${unitEvents.targetIds})`,
    )
    .orderBy(asc(unitEvents.effectiveDate));
}

type NewUnit = Pick<UnitRow, 'parentId' | 'type' | 'code' | 'name' | 'locality' | 'validFrom'> & {
  parentPath: string;
  parentDepth: number;
};

/** Inserts the unit and its first version; its path needs its own id, hence the second step. */
export async function insertUnit(db: Db, u: NewUnit): Promise<UnitRow> {
  const [created] = await db
    .insert(units)
    .values({
      parentId: u.parentId,
      type: u.type,
      code: u.code,
      name: u.name,
      locality: u.locality,
      searchText: searchKey(`${u.name} ${u.code}`),
      validFrom: u.validFrom,
      path: '',
      depth: u.parentDepth + 1,
    })
    .returning();
  const [row] = await db
    .update(units)
    .set({ path: `${u.parentPath}${created!.id}/` })
    .where(eq(units.id, created!.id))
    .returning();
  await db.insert(unitVersions).values({
    unitId: row!.id,
    validFrom: u.validFrom,
    parentId: u.parentId,
    type: u.type,
    code: u.code,
    name: u.name,
    locality: u.locality,
  });
  return row!;
}

/** Optimistic update: returns undefined when the row's version moved on (someone saved first). */
export async function updateUnitRow(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<Pick<UnitRow, 'type' | 'code' | 'name' | 'locality' | 'status' | 'validTo'>>,
): Promise<UnitRow | undefined> {
  const next: Partial<UnitRow> = { ...values };
  if (values.name !== undefined || values.code !== undefined) {
    const [current] = await db.select().from(units).where(eq(units.id, id));
    next.searchText = searchKey(`${values.name ?? current!.name} ${values.code ?? current!.code}`);
  }
  const [row] = await db
    .update(units)
    .set({ ...next, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
    .returning();
  return row;
}

/** Closes the version in force and opens a new one from the effective date (or corrects it in place). */
export async function newVersion(db: Db, unit: UnitRow, effectiveDate: string, dayBefore: string) {
  const [current] = await db
    .select()
    .from(unitVersions)
    .where(and(eq(unitVersions.unitId, unit.id), isNull(unitVersions.validTo)));
  const values = {
    parentId: unit.parentId,
    type: unit.type,
    code: unit.code,
    name: unit.name,
    locality: unit.locality,
  };
  if (current && current.validFrom === effectiveDate) {
    await db.update(unitVersions).set(values).where(eq(unitVersions.id, current.id));
    return;
  }
  if (current) {
    await db
      .update(unitVersions)
      .set({ validTo: dayBefore })
      .where(eq(unitVersions.id, current.id));
  }
  await db.insert(unitVersions).values({ unitId: unit.id, validFrom: effectiveDate, ...values });
}

export async function closeVersion(db: Db, unitId: number, validTo: string) {
  await db
    .update(unitVersions)
    .set({ validTo })
    .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)));
}

/**
 * Re-roots a subtree: rewrites the path prefix of the unit and every descendant, and the
 * copied unit path of their members, in two set-based statements.
 */
export async function rewriteSubtreePath(
  db: Db,
  oldPath: string,
  newPath: string,
  depthDelta: number,
) {
  await db.execute(sql`
    update ${units}
    set path = ${newPath} || substr(path, ${oldPath.length + 1}), depth = depth + ${depthDelta}
    where path like ${oldPath + '%'}`);
  await db.execute(sql`
    update members
    set unit_path = ${newPath} || substr(unit_path, ${oldPath.length + 1})
    where unit_path like ${oldPath + '%'}`);
}

export async function setParent(db: Db, id: number, parentId: number) {
  await db
    .update(units)
    .set({ parentId, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(eq(units.id, id));
}

export async function insertEvent(db: Db, e: typeof unitEvents.$inferInsert) {
  const [row] = await db.insert(unitEvents).values(e).returning();
  return row!;
}

export async function codeTaken(db: Db, code: string, exceptId?: number): Promise<boolean> {
  const rows = await db.select({ id: units.id }).from(units).where(eq(units.code, code)).limit(1);
  return rows.length > 0 && rows[0]!.id !== exceptId;
}

export async function activeChildren(db: Db, parentId: number): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(and(eq(units.parentId, parentId), eq(units.status, 'active')));
}

export async function childIds(db: Db, parentId: number): Promise<number[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.parentId, parentId), eq(units.status, 'active')));
  return rows.map((r) => r.id);
}

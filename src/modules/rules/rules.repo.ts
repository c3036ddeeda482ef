import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { units } from '../units/units.schema.ts';
import { ruleEntries } from './rules.schema.ts';
import type { RuleEntry } from './rules.resolve.ts';

/**
 * Every entry of the given keys, all subtrees. Registry rows are few (hundreds), and rules
 * are public regulation, so resolution reads them whole and picks in memory.
 */
export async function loadEntries(db: Db, keys?: readonly string[]): Promise<RuleEntry[]> {
  const rows = await db
    .select({
      id: ruleEntries.id,
      key: ruleEntries.key,
      value: ruleEntries.value,
      valueUnit: ruleEntries.valueUnit,
      document: ruleEntries.document,
      article: ruleEntries.article,
      unitPath: ruleEntries.unitPath,
      validFrom: ruleEntries.validFrom,
      validTo: ruleEntries.validTo,
    })
    .from(ruleEntries)
    .where(keys ? inArray(ruleEntries.key, [...keys]) : undefined)
    .orderBy(asc(ruleEntries.key), asc(ruleEntries.validFrom));
  return rows;
}

export type RuleEntryRow = typeof ruleEntries.$inferSelect & { unitName: string | null };

const entryColumns = {
  id: ruleEntries.id,
  key: ruleEntries.key,
  value: ruleEntries.value,
  valueUnit: ruleEntries.valueUnit,
  document: ruleEntries.document,
  article: ruleEntries.article,
  unitId: ruleEntries.unitId,
  unitPath: ruleEntries.unitPath,
  validFrom: ruleEntries.validFrom,
  validTo: ruleEntries.validTo,
  note: ruleEntries.note,
  shippedId: ruleEntries.shippedId,
  version: ruleEntries.version,
  createdAt: ruleEntries.createdAt,
  updatedAt: ruleEntries.updatedAt,
  unitName: units.name,
};

/**
 * Entries the actor may see: national ones, overrides set above the actor's subtree (they
 * apply to it), and overrides inside it. Other subtrees' local rules stay theirs.
 */
function visible(actor: Actor): SQL {
  return or(
    eq(ruleEntries.unitPath, ''),
    sql`${actor.scopePath} LIKE ${ruleEntries.unitPath} || '%'`,
    inScope(ruleEntries.unitPath, actor),
  )!;
}

export async function listVisibleEntries(
  db: Db,
  actor: Actor,
  key?: string,
): Promise<RuleEntryRow[]> {
  return db
    .select(entryColumns)
    .from(ruleEntries)
    .leftJoin(units, eq(units.id, ruleEntries.unitId))
    .where(and(visible(actor), key ? eq(ruleEntries.key, key) : undefined))
    .orderBy(asc(ruleEntries.key), asc(ruleEntries.unitPath), asc(ruleEntries.validFrom));
}

export async function findVisibleEntry(
  db: Db,
  actor: Actor,
  id: number,
  forUpdate = false,
): Promise<RuleEntryRow | undefined> {
  const query = db
    .select(entryColumns)
    .from(ruleEntries)
    .leftJoin(units, eq(units.id, ruleEntries.unitId))
    .where(and(eq(ruleEntries.id, id), visible(actor)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: ruleEntries }) : await query;
  return row;
}

/** Versions of one key for one scope, locked so two admins cannot add overlapping ones. */
export async function lockScopeVersions(db: Db, key: string, unitPath: string) {
  return db
    .select({
      id: ruleEntries.id,
      validFrom: ruleEntries.validFrom,
      validTo: ruleEntries.validTo,
      document: ruleEntries.document,
    })
    .from(ruleEntries)
    .where(and(eq(ruleEntries.key, key), eq(ruleEntries.unitPath, unitPath)))
    .for('update');
}

export async function insertEntry(db: Db, row: typeof ruleEntries.$inferInsert) {
  const [created] = await db.insert(ruleEntries).values(row).returning();
  return created!;
}

export async function updateEntry(
  db: Db,
  id: number,
  set: Partial<typeof ruleEntries.$inferInsert>,
) {
  const [row] = await db
    .update(ruleEntries)
    .set({ ...set, version: sql`${ruleEntries.version} + 1`, updatedAt: new Date() })
    .where(eq(ruleEntries.id, id))
    .returning();
  return row!;
}

import { containsFolded, escapeLike } from '../../core/db/text-search.ts';
import { and, asc, eq, getTableColumns, or, sql, type SQL } from 'drizzle-orm';
import { countCap } from '../../contracts/common.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { searchKey } from '../../core/vietnamese/index.ts';
import { units } from '../units/units.schema.ts';
import { users } from './accounts.schema.ts';

export type UserRow = typeof users.$inferSelect;

// The hash never leaves this file: every read below selects these columns, not the table.
const { passwordHash: _hash, ...accountColumns } = getTableColumns(users);
const selection = { ...accountColumns, unitName: units.name, unitPath: units.path };

/** An account as use cases see it: no password hash, with its unit's name and path. */
export type AccountRow = Omit<UserRow, 'passwordHash'> & { unitName: string; unitPath: string };

function searchFilter(q: string | undefined): SQL | undefined {
  const key = q ? searchKey(q) : '';
  if (!key) return undefined;
  return or(
    sql`${users.username} like ${`%${escapeLike(key)}%`}`,
    containsFolded(users.displayName, q!),
  );
}

/** An account whose unit lies in the actor's subtree, or undefined. */
export async function findAccount(
  db: Db,
  actor: Actor,
  id: number,
): Promise<AccountRow | undefined> {
  const [row] = await db
    .select(selection)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, id), inScope(units.path, actor)))
    .limit(1);
  return row;
}

export async function listAccounts(
  db: Db,
  actor: Actor,
  query: { q?: string; page: number; pageSize: number },
): Promise<{ rows: AccountRow[]; total: number; totalIsCapped: boolean }> {
  const where = and(inScope(units.path, actor), searchFilter(query.q));
  const rows = await db
    .select(selection)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(users.username), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // Counting stops past the cap, so a huge subtree never pays for an exact count.
  const capped = db
    .select({ one: sql`1` })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(where)
    .limit(countCap + 1)
    .as('capped');
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = counted?.n ?? 0;
  return { rows, total: Math.min(n, countCap), totalIsCapped: n > countCap };
}

/** Usernames are unique across the whole system, so this check is deliberately not scoped. */
export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return rows.length > 0;
}

/** System use only (first start): the account with this username, wherever it sits. */
export async function findByUsername(db: Db, username: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return row;
}

export type NewAccount = Pick<
  UserRow,
  'username' | 'displayName' | 'passwordHash' | 'unitId' | 'roles' | 'memberId'
> & { permissions?: string[] };

/** The new account's id, or null when the username is taken (also by a concurrent request). */
export async function insertAccount(db: Db, values: NewAccount): Promise<number | null> {
  // ON CONFLICT rather than catching the error: a failed statement would abort the transaction.
  const [row] = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  return row?.id ?? null;
}

/** Another account already linked to this member record (system-wide: one login per person). */
export async function accountOfMember(db: Db, memberId: number, exceptId?: number) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.memberId, memberId))
    .limit(2);
  return rows.find((r) => r.id !== exceptId);
}

/** Optimistic update: returns false when the row's version moved on (someone saved first). */
export async function updateAccountRow(
  db: Db,
  id: number,
  expectedVersion: number,
  values: Partial<
    Pick<UserRow, 'displayName' | 'unitId' | 'roles' | 'permissions' | 'memberId' | 'active'>
  >,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** New password hash; a fresh password also lifts any lockout from earlier wrong guesses. */
export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id));
}

export async function clearLockout(db: Db, id: number): Promise<void> {
  await db
    .update(users)
    .set({
      failedLogins: 0,
      lockedUntil: null,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id));
}

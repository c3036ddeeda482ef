import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Permission, Role } from '../../contracts/enums.ts';
import { users } from '../../modules/accounts/accounts.schema.ts';
import { units } from '../../modules/units/units.schema.ts';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { sessions } from './sessions.schema.ts';

export const SESSION_COOKIE = 'canbo_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, hours: number) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  // Expired sessions are swept on each login rather than by a timer: no background job to run.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken, expiresAt };
}

export interface SessionInfo {
  actor: Actor;
  expiresAt: Date;
  unitName: string;
  csrfToken: string;
  tokenHash: string;
}

/**
 * Every API request looks its session up; a few seconds of memory spare that query on bursts
 * of requests. Logout, password changes and account edits drop entries at once in this
 * process; another process (several servers on one PostgreSQL) sees them within CACHE_MS.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { info: SessionInfo; until: number }>();

export function forgetUserSessions(userId: number): void {
  for (const [hash, entry] of cache) if (entry.info.actor.userId === userId) cache.delete(hash);
}

export async function findSession(db: Db, token: string): Promise<SessionInfo | null> {
  const tokenHash = hashToken(token);
  const now = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && hit.until > now && hit.info.expiresAt.getTime() > now) return hit.info;
  const info = await loadSession(db, tokenHash);
  if (cache.size > 50_000) cache.clear();
  if (info) cache.set(tokenHash, { info, until: now + CACHE_MS });
  else cache.delete(tokenHash);
  return info;
}

async function loadSession(db: Db, tokenHash: string): Promise<SessionInfo | null> {
  const rows = await db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      permissions: users.permissions,
      memberId: users.memberId,
      unitId: units.id,
      unitPath: units.path,
      unitName: units.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, new Date()),
        eq(users.active, true),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    tokenHash,
    expiresAt: row.expiresAt,
    csrfToken: row.csrfToken,
    unitName: row.unitName,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      unitId: row.unitId,
      scopePath: row.unitPath,
      roles: row.roles as Role[],
      permissions: row.permissions as Permission[],
      memberId: row.memberId,
    },
  };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  cache.delete(tokenHash);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  forgetUserSessions(userId);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export function csrfMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission, Role } from '../../contracts/enums.ts';
import { forbidden } from '../errors.ts';

/** The signed-in user as every use case sees it: who, which subtree, which roles. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  /** Path of the unit the account is bound to; everything visible lies under it. */
  scopePath: string;
  roles: Role[];
  /** Grants beyond the roles, e.g. 'sensitive' (protected sections of the 2C résumé). */
  permissions: Permission[];
  memberId: number | null;
}

export const hasRole = (actor: Actor, ...roles: Role[]) =>
  roles.some((r) => actor.roles.includes(r));

/** Organization officers and administrators may change records in their subtree. */
export function requireWriter(actor: Actor): void {
  if (!hasRole(actor, 'admin', 'officer')) throw forbidden();
}

/** Readers (leaders), officers and administrators may read the whole subtree. */
export function requireReader(actor: Actor): void {
  if (!hasRole(actor, 'admin', 'officer', 'reader')) throw forbidden();
}

export function requireAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin'))
    throw forbidden('Chỉ quản trị hệ thống được thực hiện thao tác này.');
}

export const hasPermission = (actor: Actor, permission: Permission) =>
  actor.permissions.includes(permission);

/**
 * An account bound to a root unit sees the whole tree: only such administrators may change what
 * every subtree shares (national rule entries, the post and document-type catalogues).
 */
export const isTopLevel = (actor: Pick<Actor, 'scopePath'>) =>
  actor.scopePath.split('/').filter(Boolean).length === 1;

export const isInScope = (actor: Actor, path: string) => path.startsWith(actor.scopePath);

/** The one scope filter: a unit path column restricted to the actor's subtree. */
export function inScope(column: AnyPgColumn | SQL, actor: Actor): SQL {
  return sql`${column} LIKE ${actor.scopePath + '%'}`;
}

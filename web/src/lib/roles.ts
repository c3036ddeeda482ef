import type { CurrentUser, Role } from './contracts.ts';

export const writerRoles: readonly Role[] = ['admin', 'officer'];
export const staffRoles: readonly Role[] = ['admin', 'officer', 'reader'];

export function hasAnyRole(user: CurrentUser | null, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}

/** May create and change units and member records. */
export function canWrite(user: CurrentUser | null): boolean {
  return hasAnyRole(user, writerRoles);
}

/** May browse the tree and the member registry (officers, admins, readers). */
export function canBrowse(user: CurrentUser | null): boolean {
  return hasAnyRole(user, staffRoles);
}

export function isAdmin(user: CurrentUser | null): boolean {
  return hasAnyRole(user, ['admin']);
}

/** Where "/" leads: members only see their own record. */
export function homePath(user: CurrentUser | null): string {
  return canBrowse(user) ? '/units' : '/me';
}

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

/** A counting-committee account: it reaches only its congresses' ballot entry screens. */
export function isCounterOnly(user: CurrentUser | null): boolean {
  return hasAnyRole(user, ['counter']) && !canBrowse(user);
}

/** Where "/" leads: members only see their own record; counting accounts their entry page. */
export function homePath(user: CurrentUser | null): string {
  if (isCounterOnly(user)) return '/elections/entry';
  return canBrowse(user) ? '/units' : '/me';
}

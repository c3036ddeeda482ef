import type { z } from 'zod';
import type {
  AccountDto,
  accountListQuery,
  createAccountBody,
  updateAccountBody,
} from '../../contracts/accounts.ts';
import { permissionLabels, type Permission, type Role } from '../../contracts/enums.ts';
import type { MemberDto } from '../../contracts/members.ts';
import { fieldLabels } from '../../contracts/field-labels.ts';
import { requireAdmin, type Actor } from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import { hashPassword, passwordRules, randomPassword } from '../../core/auth/passwords.ts';
import { deleteUserSessions, forgetUserSessions } from '../../core/auth/sessions.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError, fieldError, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import { getMember } from '../members/members.service.ts';
import { findUnit } from '../units/units.repo.ts';
import * as repo from './accounts.repo.ts';
import type { AccountRow } from './accounts.repo.ts';
import {
  canBindToUnit,
  canChangeOwnAccount,
  canGrantPermissions,
  canLinkMember,
  normalizePermissions,
  normalizeRoles,
  type MemberFacts,
  type UnitFacts,
} from './accounts.rules.ts';

type ListQuery = z.output<typeof accountListQuery>;
type CreateInput = z.output<typeof createAccountBody>;
type UpdateInput = z.output<typeof updateAccountBody>;

export function toAccountDto(row: AccountRow): AccountDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitName: row.unitName,
    roles: row.roles as Role[],
    permissions: row.permissions as Permission[],
    memberId: row.memberId,
    active: row.active,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** What the audit log keeps of an account: never the password hash. */
const auditView = (
  a: Pick<
    AccountRow,
    'username' | 'displayName' | 'unitId' | 'roles' | 'permissions' | 'memberId' | 'active'
  >,
) => ({
  username: a.username,
  displayName: a.displayName,
  unitId: a.unitId,
  roles: a.roles,
  permissions: a.permissions,
  memberId: a.memberId,
  active: a.active,
});

const label = (field: string) => fieldLabels[field] ?? field;

/** ": cấp quyền …; thu hồi quyền …" for an audit summary, '' when grants did not change. */
function grantNote(before: string[], after: string[]): string {
  const names = (list: string[]) =>
    list.map((p) => permissionLabels[p as Permission] ?? p).join('; ');
  const granted = after.filter((p) => !before.includes(p));
  const revoked = before.filter((p) => !after.includes(p));
  const parts = [
    ...(granted.length ? [`cấp quyền “${names(granted)}”`] : []),
    ...(revoked.length ? [`thu hồi quyền “${names(revoked)}”`] : []),
  ];
  return parts.length ? `: ${parts.join('; ')}` : '';
}

const usernameTaken = () =>
  new AppError(400, 'VALIDATION', 'Tên đăng nhập đã tồn tại.', [
    { field: 'username', label: label('username'), message: 'đã tồn tại, hãy chọn tên khác' },
  ]);

const outOfScope = (field: string) =>
  fieldError(field, label(field), 'không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn');

async function accountOrNotFound(db: Db, actor: Actor, id: number): Promise<AccountRow> {
  const account = await repo.findAccount(db, actor, id);
  if (!account) throw notFound('Tài khoản');
  return account;
}

async function unitFacts(db: Db, actor: Actor, unitId: number): Promise<UnitFacts> {
  const unit = await findUnit(db, actor, unitId);
  if (!unit) throw outOfScope('unitId');
  return { id: unit.id, path: unit.path, status: unit.status };
}

/** The member record through the members module, which owns who may see it. */
async function memberFacts(
  db: Db,
  actor: Actor,
  memberId: number | null,
): Promise<MemberFacts | null> {
  if (memberId === null) return null;
  let member: MemberDto;
  try {
    member = await getMember({ db, actor, id: memberId });
  } catch (err) {
    if (err instanceof AppError && err.statusCode === 404) throw outOfScope('memberId');
    throw err;
  }
  // getMember also shows an actor their own record; the link must still lie in their subtree.
  const unit = await findUnit(db, actor, member.unitId);
  if (!unit) throw outOfScope('memberId');
  return {
    id: member.id,
    unitPath: unit.path,
    status: member.status,
    archived: member.archivedAt !== null,
  };
}

async function ensureMemberFree(db: Db, memberId: number | null, accountId?: number) {
  if (memberId !== null && (await repo.accountOfMember(db, memberId, accountId))) {
    throw fieldError('memberId', label('memberId'), 'đảng viên này đã có tài khoản khác');
  }
}

export async function listAccounts(opts: { db: Db; actor: Actor; query: ListQuery }) {
  requireAdmin(opts.actor);
  const { rows, total, totalIsCapped } = await repo.listAccounts(opts.db, opts.actor, opts.query);
  return {
    items: rows.map(toAccountDto),
    total,
    totalIsCapped,
    page: opts.query.page,
    pageSize: opts.query.pageSize,
  };
}

export async function getAccount(opts: { db: Db; actor: Actor; id: number }): Promise<AccountDto> {
  requireAdmin(opts.actor);
  return toAccountDto(await accountOrNotFound(opts.db, opts.actor, opts.id));
}

export async function createAccount(opts: {
  db: Db;
  actor: Actor;
  input: CreateInput;
}): Promise<AccountDto> {
  const { db, actor, input } = opts;
  requireAdmin(actor);
  const roles = normalizeRoles(input.roles);
  const permissions = normalizePermissions(input.permissions);
  enforce(canGrantPermissions(roles, permissions), 'permissions');
  const unit = await unitFacts(db, actor, input.unitId);
  enforce(canBindToUnit(unit), 'unitId');
  const member = await memberFacts(db, actor, input.memberId);
  enforce(canLinkMember(roles, unit, member), 'memberId');
  await ensureMemberFree(db, input.memberId);
  if (await repo.usernameTaken(db, input.username)) throw usernameTaken();

  const passwordHash = await hashPassword(input.password);
  const values = {
    username: input.username,
    displayName: input.displayName,
    unitId: unit.id,
    roles,
    permissions,
    memberId: input.memberId,
  };
  const id = await db.transaction(async (tx) => {
    const id = await repo.insertAccount(tx, { ...values, passwordHash });
    if (id === null) throw usernameTaken();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      scopePath: unit.path,
      summary: `Tạo tài khoản ${input.username}`,
      after: auditView({ ...values, active: true }),
    });
    return id;
  });
  return toAccountDto((await repo.findAccount(db, actor, id))!);
}

export async function updateAccount(opts: {
  db: Db;
  actor: Actor;
  id: number;
  input: UpdateInput;
}): Promise<AccountDto> {
  const { db, actor, input } = opts;
  requireAdmin(actor);
  const current = await accountOrNotFound(db, actor, opts.id);
  if (input.version !== current.version) throw staleVersion();
  const roles = input.roles ? normalizeRoles(input.roles) : undefined;
  if (current.id === actor.userId) {
    const verdict = canChangeOwnAccount(current, {
      roles,
      active: input.active,
      unitId: input.unitId,
    });
    if (!verdict.ok) enforce(verdict, verdict.field ?? 'roles');
  }

  const next = {
    username: current.username,
    displayName: input.displayName ?? current.displayName,
    unitId: input.unitId ?? current.unitId,
    roles: roles ?? current.roles,
    permissions: input.permissions ? normalizePermissions(input.permissions) : current.permissions,
    memberId: input.memberId === undefined ? current.memberId : input.memberId,
    active: input.active ?? current.active,
  };
  const changes = diff(auditView(current), auditView(next));
  if (!changes) return toAccountDto(current);
  if ('roles' in changes.after || 'permissions' in changes.after) {
    enforce(
      canGrantPermissions(next.roles as Role[], next.permissions as Permission[]),
      'permissions',
    );
  }

  const unitMoved = next.unitId !== current.unitId;
  const unit = unitMoved
    ? await unitFacts(db, actor, next.unitId)
    : { id: current.unitId, path: current.unitPath, status: 'active' };
  if (unitMoved) enforce(canBindToUnit(unit), 'unitId');
  if (unitMoved || 'roles' in changes.after || 'memberId' in changes.after) {
    // Checked against the account as it will be, so a move cannot strand its member link.
    const member = await memberFacts(db, actor, next.memberId);
    enforce(canLinkMember(next.roles as Role[], unit, member), 'memberId');
  }
  if ('memberId' in changes.after) await ensureMemberFree(db, next.memberId, current.id);

  const deactivated = current.active && !next.active;
  await db.transaction(async (tx) => {
    const saved = await repo.updateAccountRow(tx, current.id, input.version, {
      displayName: next.displayName,
      unitId: next.unitId,
      roles: next.roles,
      permissions: next.permissions,
      memberId: next.memberId,
      active: next.active,
    });
    if (!saved) throw staleVersion();
    // The session lookup already ignores inactive accounts; deleting the rows makes it final.
    if (deactivated) await deleteUserSessions(tx, current.id);
    // Roles, unit or member link may have changed: the next request reloads the session.
    else forgetUserSessions(current.id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: current.id,
      scopePath: unit.path,
      summary: deactivated
        ? `Ngừng hoạt động tài khoản ${current.username}`
        : !current.active && next.active
          ? `Kích hoạt lại tài khoản ${current.username}`
          : `Cập nhật tài khoản ${current.username}${grantNote(current.permissions, next.permissions)}`,
      before: changes.before,
      after: changes.after,
    });
  });
  return toAccountDto((await repo.findAccount(db, actor, current.id))!);
}

export async function resetPassword(opts: {
  db: Db;
  actor: Actor;
  id: number;
  password: string;
}): Promise<AccountDto> {
  const { db, actor } = opts;
  requireAdmin(actor);
  const account = await accountOrNotFound(db, actor, opts.id);
  // Changing one's own password must prove the current one (POST /api/auth/password), so a
  // borrowed admin session cannot take the account over.
  if (account.id === actor.userId) {
    throw forbidden(
      'Hãy đổi mật khẩu của chính mình ở mục Đổi mật khẩu (cần nhập mật khẩu hiện tại).',
    );
  }
  const passwordHash = await hashPassword(opts.password);
  await db.transaction(async (tx) => {
    await repo.setPasswordHash(tx, account.id, passwordHash);
    await deleteUserSessions(tx, account.id);
    await recordAudit(tx, actor, {
      action: 'password',
      entityType: 'user',
      entityId: account.id,
      scopePath: account.unitPath,
      summary: `Đặt lại mật khẩu tài khoản ${account.username}`,
    });
  });
  return toAccountDto((await repo.findAccount(db, actor, account.id))!);
}

export async function unlockAccount(opts: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<AccountDto> {
  const { db, actor } = opts;
  requireAdmin(actor);
  const account = await accountOrNotFound(db, actor, opts.id);
  await db.transaction(async (tx) => {
    await repo.clearLockout(tx, account.id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: account.id,
      scopePath: account.unitPath,
      summary: `Mở khóa tài khoản ${account.username}`,
      before: {
        lockedUntil: account.lockedUntil?.toISOString() ?? null,
        failedLogins: account.failedLogins,
      },
      after: { lockedUntil: null, failedLogins: 0 },
    });
  });
  return toAccountDto((await repo.findAccount(db, actor, account.id))!);
}

const ADMIN_USERNAME = 'admin';

/**
 * First start: creates the 'admin' account on the root unit when there is none. Without a
 * given password a random one is made and returned, for the caller to show once; there is
 * no default password anywhere.
 */
export async function ensureAdmin(
  db: Db,
  opts: { rootUnitId: number; password?: string },
): Promise<{ created: boolean; password?: string }> {
  if (await repo.findByUsername(db, ADMIN_USERNAME)) return { created: false };
  if (opts.password !== undefined && opts.password.length < passwordRules.minLength) {
    throw new Error(`Mật khẩu quản trị ban đầu phải có ít nhất ${passwordRules.minLength} ký tự.`);
  }
  // No one is signed in yet: the system looks from the top of the tree.
  const system: Actor = {
    userId: 0,
    username: 'system',
    displayName: 'Hệ thống',
    unitId: opts.rootUnitId,
    scopePath: '/',
    roles: [],
    permissions: [],
    memberId: null,
  };
  const root = await findUnit(db, system, opts.rootUnitId);
  if (!root)
    throw new Error(
      `Không tìm thấy tổ chức gốc (id ${opts.rootUnitId}) để gắn tài khoản quản trị.`,
    );
  const password = opts.password ?? randomPassword();
  const passwordHash = await hashPassword(password);
  const values = {
    username: ADMIN_USERNAME,
    displayName: 'Quản trị hệ thống',
    unitId: root.id,
    roles: ['admin'] as Role[],
    permissions: [] as Permission[],
    memberId: null,
  };
  const created = await db.transaction(async (tx) => {
    const id = await repo.insertAccount(tx, { ...values, passwordHash });
    if (id === null) return false; // another process created it meanwhile
    await recordAudit(tx, null, {
      action: 'create',
      entityType: 'user',
      entityId: id,
      scopePath: root.path,
      summary: 'Tạo tài khoản quản trị ban đầu',
      after: auditView({ ...values, active: true }),
    });
    return true;
  });
  if (!created) return { created: false };
  return opts.password === undefined ? { created: true, password } : { created: true };
}

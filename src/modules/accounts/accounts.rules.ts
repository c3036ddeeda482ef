import {
  activeMemberStatuses,
  permissionLabels,
  permissions as allPermissions,
  roles as allRoles,
  type MemberStatus,
  type Permission,
  type Role,
} from '../../contracts/enums.ts';
import { accessCheck, allow, deny, type Verdict } from '../../core/rules/verdict.ts';

/** The unit an account is (to be) bound to. */
export interface UnitFacts {
  id: number;
  path: string;
  status: string;
}

/** The member record an account is (to be) linked to. */
export interface MemberFacts {
  id: number;
  unitPath: string;
  status: string;
  archived: boolean;
}

/** An account's subtree is the unit's; binding to a closed unit would leave it pointing at history. */
export function canBindToUnit(unit: UnitFacts): Verdict {
  return unit.status === 'active'
    ? allow()
    : deny(
        'Tổ chức này đã hết hiệu lực (hợp nhất, chia tách hoặc giải thể); hãy chọn tổ chức đang hoạt động',
        [accessCheck('Tài khoản gắn với một tổ chức đang hoạt động')],
      );
}

/**
 * A 'member' account is a party member looking at their own record, so it must say whose
 * record that is. Any linked member must sit in the account's subtree: otherwise the account
 * would be tied to a person it cannot see.
 */
export function canLinkMember(
  roles: readonly Role[],
  unit: UnitFacts,
  member: MemberFacts | null,
): Verdict {
  if (roles.includes('member') && !member) {
    return deny('Tài khoản có vai trò Đảng viên phải gắn với một hồ sơ đảng viên', [
      accessCheck('Vai trò Đảng viên chỉ xem và sửa hồ sơ của chính mình'),
    ]);
  }
  if (!member) return allow();
  if (!member.unitPath.startsWith(unit.path)) {
    return deny(
      'Đảng viên gắn với tài khoản phải thuộc tổ chức của tài khoản hoặc tổ chức trực thuộc',
      [accessCheck('Mỗi tài khoản chỉ thấy phạm vi tổ chức của mình')],
    );
  }
  if (roles.includes('member')) {
    if (member.archived || !activeMemberStatuses.includes(member.status as MemberStatus)) {
      return deny(
        'Chỉ cấp tài khoản vai trò Đảng viên cho đảng viên đang sinh hoạt (dự bị hoặc chính thức)',
        [accessCheck('Vai trò Đảng viên dành cho đảng viên đang sinh hoạt')],
      );
    }
  }
  return allow();
}

export interface SelfChange {
  roles?: readonly Role[];
  active?: boolean;
  unitId?: number;
}

/** A verdict that also names the form field it is about. */
export type FieldVerdict = Verdict & { field?: 'roles' | 'active' | 'unitId' };

/**
 * An administrator editing their own account must not cut the branch they sit on: dropping
 * their admin role, deactivating themselves or moving themselves to another unit could leave
 * the subtree with nobody able to undo it.
 */
const selfProtection = accessCheck('Quản trị viên không tự tước quyền quản trị của chính mình');

export function canChangeOwnAccount(current: { unitId: number }, change: SelfChange): FieldVerdict {
  if (change.roles && !change.roles.includes('admin')) {
    return {
      ...deny(
        'Bạn không thể tự bỏ vai trò Quản trị hệ thống của chính mình; hãy nhờ một quản trị viên khác',
        [selfProtection],
      ),
      field: 'roles',
    };
  }
  if (change.active === false) {
    return {
      ...deny('Bạn không thể tự ngừng hoạt động tài khoản của chính mình', [selfProtection]),
      field: 'active',
    };
  }
  if (change.unitId !== undefined && change.unitId !== current.unitId) {
    return {
      ...deny(
        'Bạn không thể tự chuyển tài khoản của mình sang tổ chức khác; hãy nhờ quản trị viên cấp trên',
        [selfProtection],
      ),
      field: 'unitId',
    };
  }
  return allow();
}

/** Roles in the order the contract lists them, each once, so stored arrays compare stably. */
export function normalizeRoles(roles: readonly Role[]): Role[] {
  return allRoles.filter((r) => roles.includes(r));
}

/**
 * Grants on top of the roles. Seeing the protected parts of other people's résumés only makes
 * sense for accounts that read other people's records (admin, officer, reader): a 'member'
 * account already sees its own.
 */
export function canGrantPermissions(
  roles: readonly Role[],
  permissions: readonly Permission[],
): Verdict {
  // Counting staff only enter ballots: they never read anyone's résumé.
  const staff = roles.some((r) => r !== 'member' && r !== 'counter');
  if (permissions.length && !staff) {
    return deny(
      `Quyền “${permissions.map((p) => permissionLabels[p]).join('; ')}” chỉ cấp cho tài khoản quản trị, cán bộ tổ chức hoặc lãnh đạo`,
      [accessCheck('Quyền xem phần mật của lý lịch chỉ cấp cho người xem hồ sơ của người khác')],
    );
  }
  return allow();
}

/** Each permission once, in the order of the code list. */
export const normalizePermissions = (permissions: readonly Permission[]): Permission[] =>
  allPermissions.filter((p) => permissions.includes(p));

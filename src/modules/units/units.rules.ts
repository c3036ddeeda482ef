import type { UnitType } from '../../contracts/enums.ts';
import { allow, dataCheck, deny, type Citation, type Verdict } from '../../core/rules/verdict.ts';

const charterBasicOrg: Citation = {
  rule: 'Chi bộ là tổ chức cơ sở nhỏ nhất, không có tổ chức đảng trực thuộc (chỉ chia tổ đảng)',
  document: 'Điều lệ Đảng Cộng sản Việt Nam, Chương V (Tổ chức cơ sở đảng)',
};

/** Types that may not hold party organisations beneath them. */
const leafTypes: ReadonlySet<UnitType> = new Set(['cell', 'grassroots_cell']);

export function canHoldChildren(parentType: UnitType): Verdict {
  return leafTypes.has(parentType)
    ? deny('Chi bộ không có tổ chức đảng trực thuộc', [charterBasicOrg])
    : allow();
}

export interface UnitFacts {
  id: number;
  path: string;
  status: string;
  type: UnitType;
}

/** A unit may not move beneath itself or its own descendants. */
export function canMoveUnder(unit: UnitFacts, newParent: UnitFacts): Verdict {
  if (newParent.path.startsWith(unit.path)) {
    return deny('Không thể chuyển tổ chức vào chính nó hoặc tổ chức trực thuộc của nó', [
      dataCheck('Cây tổ chức không có vòng lặp'),
    ]);
  }
  if (newParent.status !== 'active') {
    return deny('Tổ chức cấp trên mới đã hết hiệu lực', [
      dataCheck('Chỉ trực thuộc tổ chức đang hoạt động'),
    ]);
  }
  return canHoldChildren(newParent.type);
}

export function canMerge(sources: UnitFacts[]): Verdict {
  if (new Set(sources.map((s) => s.id)).size < 2) {
    return deny('Cần chọn ít nhất 2 tổ chức khác nhau để hợp nhất', [
      dataCheck('Hợp nhất gồm từ hai tổ chức trở lên'),
    ]);
  }
  if (sources.some((s) => s.status !== 'active')) {
    return deny('Chỉ hợp nhất được các tổ chức đang hoạt động', [
      dataCheck('Chỉ hợp nhất tổ chức đang hoạt động'),
    ]);
  }
  for (const a of sources) {
    for (const b of sources) {
      if (a.id !== b.id && b.path.startsWith(a.path)) {
        return deny('Không hợp nhất một tổ chức với tổ chức trực thuộc của chính nó', [
          dataCheck('Cây tổ chức không có vòng lặp'),
        ]);
      }
    }
  }
  return allow();
}

/** A change dated before the version in force would rewrite history out of order. */
export function canTakeEffect(effectiveDate: string, currentValidFrom: string): Verdict {
  return effectiveDate >= currentValidFrom
    ? allow()
    : deny(
        `Ngày có hiệu lực không được trước ngày ${currentValidFrom.split('-').reverse().join('/')} (ngày hiệu lực của thông tin hiện tại)`,
        [dataCheck('Lịch sử tổ chức ghi theo thứ tự thời gian')],
      );
}

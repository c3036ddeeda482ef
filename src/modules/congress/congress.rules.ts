/**
 * Congress set-up rules: the age reference month of a unit's level, seat counts against the
 * registry (CT 45), and the data consistency of people summoned. Pure functions of the facts
 * and the rule registry, each answering with a Vietnamese message and the rules it used.
 */
import type { CheckDto } from '../../contracts/posts.ts';
import type {
  AttendeeRole,
  AttendeeStatus,
  BodyKind,
  CongressKind,
} from '../../contracts/congress.ts';
import type { UnitType } from '../../contracts/enums.ts';
import { allow, dataCheck, deny, type Citation, type Verdict } from '../../core/rules/verdict.ts';
import type { RuleSet } from '../rules/registry.ts';
import type { RuleKey } from '../rules/rules.catalog.ts';
import { formatRuleValue, type ResolvedRule } from '../rules/rules.resolve.ts';

// ─── Age reference month ─────────────────────────────────────────────────────────────────

/** Which of CT 45's reference months applies to a congress of a unit of this type. */
export function ageReferenceKey(unitType: string): RuleKey {
  switch (unitType as UnitType) {
    case 'central':
    case 'province':
      return 'congress.age_reference_month.province';
    case 'district':
    case 'commune':
      return 'congress.age_reference_month.commune';
    default:
      return 'congress.age_reference_month.grassroots';
  }
}

/** The reference month in force for the unit on the congress's first day, with its citation. */
export function defaultAgeReferenceMonth(
  unitType: string,
  unitPath: string,
  on: string,
  rules: RuleSet,
): ResolvedRule<string> | undefined {
  return rules.find<string>(ageReferenceKey(unitType), unitPath, on);
}

// ─── Seats of the bodies ─────────────────────────────────────────────────────────────────

const isCommuneLevel = (unitType: string) => unitType === 'commune';
const check = (status: CheckDto['status'], message: string, citations: Citation[] = []) => ({
  status,
  message,
  citations,
});

/**
 * Seat counts against the ranges the registry sets for the unit's level (CT 45: commune-level
 * committees of 27–33, standing committees of 9–11). They are warnings, not refusals: the
 * level above may approve another number, and the congress must still be recordable.
 */
export function seatChecks(
  bodies: { kind: BodyKind; name: string; seats: number }[],
  unit: { type: string; path: string },
  on: string,
  rules: RuleSet,
): CheckDto[] {
  if (!isCommuneLevel(unit.type)) return [];
  const ranges: Partial<Record<BodyKind, [RuleKey, RuleKey]>> = {
    executive_committee: ['congress.commune_committee_min', 'congress.commune_committee_max'],
    standing_committee: ['congress.commune_standing_min', 'congress.commune_standing_max'],
  };
  const out: CheckDto[] = [];
  for (const body of bodies) {
    const keys = ranges[body.kind];
    if (!keys) continue;
    const min = rules.find<number>(keys[0], unit.path, on);
    const max = rules.find<number>(keys[1], unit.path, on);
    if (!min || !max) continue;
    const cites = [min.citation, max.citation];
    const range = `${min.value}–${formatRuleValue(max.value, 'persons')}`;
    if (body.seats < min.value || body.seats > max.value) {
      out.push(
        check(
          'over',
          `${body.name}: ${body.seats} người nằm ngoài khung ${range} theo ${min.citation.document}; cần cấp trên đồng ý`,
          cites,
        ),
      );
    } else {
      out.push(check('ok', `${body.name}: ${body.seats} người trong khung ${range}`, cites));
    }
  }
  return out;
}

/** Only one body of each single-seat kind, and a body's seats must fit the kind. */
export function checkBodies(bodies: { kind: BodyKind; seats: number }[]): Verdict {
  const rule = dataCheck('Mỗi đại hội chỉ bầu một Bí thư, một Chủ nhiệm Ủy ban Kiểm tra');
  const single: BodyKind[] = ['secretary', 'inspection_chair'];
  for (const kind of single) {
    const list = bodies.filter((b) => b.kind === kind);
    if (list.length > 1) return deny('Chỉ được khai báo một lần chức danh này', [rule]);
    if (list[0] && list[0].seats !== 1) return deny('Chức danh này chỉ bầu 1 người', [rule]);
  }
  const unique = dataCheck('Mỗi loại cơ quan được khai báo một lần');
  const kinds = bodies.map((b) => b.kind);
  if (new Set(kinds).size !== kinds.length)
    return deny('Có loại cơ quan bị khai báo trùng', [unique]);
  return allow();
}

export function checkDates(startsOn: string, endsOn: string): Verdict {
  return endsOn < startsOn
    ? deny('Ngày bế mạc không được trước ngày khai mạc', [
        dataCheck('Ngày bế mạc không trước ngày khai mạc'),
      ])
    : allow();
}

// ─── People summoned ─────────────────────────────────────────────────────────────────────

/** Roles that fit the congress: members attend a members' congress, delegates the other. */
export function checkRole(kind: CongressKind, role: AttendeeRole): Verdict {
  const rule = dataCheck(
    'Đại hội đảng viên triệu tập đảng viên; đại hội đại biểu triệu tập đại biểu',
  );
  const delegateRole = role === 'delegate' || role === 'alternate';
  if (kind === 'members' && delegateRole)
    return deny('Đại hội đảng viên không có đại biểu chính thức, dự khuyết', [rule]);
  if (kind === 'delegates' && !delegateRole)
    return deny('Đại hội đại biểu chỉ triệu tập đại biểu chính thức hoặc dự khuyết', [rule]);
  return allow();
}

/** Which summoned role a party member's status gives at a members' congress. */
export const memberRoleOf = (status: string): AttendeeRole | null =>
  status === 'full' ? 'full_member' : status === 'probationary' ? 'probationary_member' : null;

/**
 * An absent official delegate may be replaced only by an alternate who has not already taken
 * someone's place (QĐ 190: an absent delegate with an alternate does not lower the base).
 */
export function checkReplacement(
  delegate: { role: AttendeeRole; status: AttendeeStatus; replacedByAttendeeId: number | null },
  alternate: { role: AttendeeRole; status: AttendeeStatus; alreadyReplacing: boolean },
): Verdict {
  const rule = dataCheck('Đại biểu dự khuyết thay đại biểu chính thức vắng mặt');
  if (delegate.role !== 'delegate')
    return deny('Chỉ đại biểu chính thức mới được thay bằng đại biểu dự khuyết', [rule]);
  if (delegate.status === 'present')
    return deny('Đại biểu này đang có mặt, không thể thay', [rule]);
  if (delegate.replacedByAttendeeId !== null)
    return deny('Đại biểu này đã có người dự khuyết thay', [rule]);
  if (alternate.role !== 'alternate') return deny('Người thay phải là đại biểu dự khuyết', [rule]);
  if (alternate.alreadyReplacing)
    return deny('Đại biểu dự khuyết này đã thay một đại biểu khác', [rule]);
  if (alternate.status !== 'expected' && alternate.status !== 'present')
    return deny('Đại biểu dự khuyết này không có mặt tại đại hội', [rule]);
  return allow();
}

/** A status change that would misstate the threshold base is refused with its reason. */
export function checkStatusChange(
  attendee: { role: AttendeeRole; replacedByAttendeeId: number | null },
  status: AttendeeStatus,
): Verdict {
  const rule = dataCheck('Trạng thái "đã có người thay" chỉ ghi qua thao tác thay đại biểu');
  if (status === 'replaced' && attendee.replacedByAttendeeId === null)
    return deny('Hãy dùng thao tác "Thay bằng đại biểu dự khuyết" để chọn người thay', [rule]);
  if (attendee.replacedByAttendeeId !== null && status !== 'replaced')
    return deny('Đại biểu này đã có người dự khuyết thay; hãy hủy việc thay trước', [rule]);
  return allow();
}

/** Scanners type the card code and Enter; a code looks like "DH12-7K4QX9". */
export const looksLikeCardCode = (s: string) => /^DH\d+-[A-Z0-9]{6}$/i.test(s.trim());

const CARD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A card code unlikely to be mistyped (no 0/O, 1/I). `random` is injectable for tests. */
export function newCardCode(congressId: number, random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += CARD_ALPHABET[Math.floor(random() * CARD_ALPHABET.length)];
  return `DH${congressId}-${s}`;
}

import type { MemberFields } from '../../contracts/members.ts';
import { activeMemberStatuses, type MemberStatus, type UnitType } from '../../contracts/enums.ts';
import {
  allow,
  dataCheck,
  DATA_RULES_DOCUMENT,
  deny,
  type Citation,
  type Verdict,
} from '../../core/rules/verdict.ts';
import { addMonths } from '../../core/dates.ts';
import type { RuleSet } from '../rules/registry.ts';
import { formatDate } from '../../core/vietnamese/index.ts';

const CHARTER = 'Điều lệ Đảng Cộng sản Việt Nam';

/** A regulation parameter as the checks read it: the rule registry's value and citation. */
export interface RuleParam {
  value: number;
  citation: Citation;
}
/** The Party Statute's numbers the member checks use (registry keys `membership.*`). */
export interface MemberRuleValues {
  minJoinAge: RuleParam;
  probationMonths: RuleParam;
}

/** Reads the member checks' numbers from the rule registry, as in force for the unit and day. */
export function memberRuleValues(rules: RuleSet, unitPath: string, date: string): MemberRuleValues {
  return {
    minJoinAge: rules.get<number>('membership.min_join_age_years', unitPath, date),
    probationMonths: rules.get<number>('membership.probation_months', unitPath, date),
  };
}

/** CanBo's own data limits (not regulation), with the document that says so. */
export const memberRuleParams = {
  earliestBirthYear: {
    value: 1900,
    citation: {
      rule: 'Ngày sinh phải là ngày có thật, không ở tương lai và không trước năm 1900',
      document: DATA_RULES_DOCUMENT,
    },
  },
} as const;

const officialStatus: Citation = {
  rule: 'Đảng viên có ngày vào Đảng; hết thời kỳ dự bị, chi bộ xét công nhận đảng viên chính thức',
  document: `${CHARTER}, Điều 5`,
};
const exemption: Citation = {
  rule: 'Đảng viên tuổi cao, sức yếu xin giảm, miễn công tác và sinh hoạt đảng do chi bộ xem xét, quyết định; phải ghi rõ lý do',
  document: `${CHARTER}, Điều 7`,
};
const cellMembership: Citation = {
  rule: 'Đảng viên sinh hoạt tại chi bộ hoặc tổ chức cơ sở đảng; đảng bộ cấp trên cơ sở không trực tiếp quản lý sinh hoạt đảng viên',
  document: `${CHARTER}, Chương V (Tổ chức cơ sở đảng)`,
};

/** The facts the consistency rules read: a whole record, after a patch is applied. */
export type MemberRecordFacts = Pick<
  MemberFields,
  | 'birthDate'
  | 'joinDate'
  | 'officialDate'
  | 'status'
  | 'tempAttendancePlace'
  | 'tempAttendanceFrom'
  | 'tempAttendanceTo'
  | 'exempted'
  | 'exemptionFrom'
  | 'exemptionReason'
>;

/** A field of the record, or of the transfer form. */
export type ProblemField = keyof MemberFields | 'unitId' | 'toUnitId' | 'effectiveDate';

export interface MemberProblem {
  field: ProblemField;
  verdict: Verdict;
}

export function checkBirthDate(birthDate: string, today: string): Verdict {
  const c = memberRuleParams.earliestBirthYear;
  if (birthDate > today) return deny('không được sau ngày hôm nay', [c.citation]);
  if (birthDate < `${c.value}-01-01`) return deny(`không được trước năm ${c.value}`, [c.citation]);
  return allow('', [c.citation]);
}

export function checkJoinDate(
  birthDate: string,
  joinDate: string,
  today: string,
  params: MemberRuleValues,
): Verdict {
  const sanity = dataCheck('Ngày vào Đảng không ở tương lai và sau ngày sinh');
  if (joinDate > today) return deny('không được sau ngày hôm nay', [sanity]);
  if (joinDate <= birthDate) return deny('phải sau ngày sinh', [sanity]);
  const age = params.minJoinAge;
  const adult = addMonths(birthDate, age.value * 12);
  if (joinDate < adult) {
    return deny(
      `khi vào Đảng phải đủ ${age.value} tuổi (người sinh ngày ${formatDate(birthDate)} đủ ${age.value} tuổi từ ngày ${formatDate(adult)})`,
      [age.citation],
    );
  }
  return allow('', [age.citation]);
}

export function checkOfficialDate(
  joinDate: string,
  officialDate: string,
  today: string,
  params: MemberRuleValues,
): Verdict {
  const p = params.probationMonths;
  if (officialDate > today) {
    return deny('không được sau ngày hôm nay', [dataCheck('Ngày chính thức không ở tương lai')]);
  }
  const earliest = addMonths(joinDate, p.value);
  if (officialDate < earliest) {
    return deny(
      `phải sau ngày vào Đảng ít nhất ${p.value} tháng dự bị (sớm nhất ngày ${formatDate(earliest)})`,
      [p.citation],
    );
  }
  return allow('', [p.citation]);
}

/** Probationary members have no official date yet; full members must have one. */
export function checkStatusDates(
  status: MemberStatus,
  joinDate: string | null,
  officialDate: string | null,
): MemberProblem[] {
  const problems: MemberProblem[] = [];
  const current = activeMemberStatuses.includes(status);
  if (current && !joinDate) {
    problems.push({
      field: 'joinDate',
      verdict: deny('đảng viên (dự bị hoặc chính thức) phải có ngày vào Đảng', [officialStatus]),
    });
  }
  if (status === 'full' && !officialDate) {
    problems.push({
      field: 'officialDate',
      verdict: deny('đảng viên chính thức phải có ngày chính thức', [officialStatus]),
    });
  }
  if (status === 'probationary' && officialDate) {
    problems.push({
      field: 'officialDate',
      verdict: deny('đảng viên dự bị chưa có ngày chính thức; hãy bỏ trống hoặc đổi tình trạng', [
        officialStatus,
      ]),
    });
  }
  if (officialDate && !joinDate && !current) {
    problems.push({
      field: 'joinDate',
      verdict: deny('có ngày chính thức thì phải có ngày vào Đảng', [officialStatus]),
    });
  }
  return problems;
}

export function checkTempAttendance(
  place: string | null,
  from: string | null,
  to: string | null,
): MemberProblem[] {
  const c = dataCheck(
    'Sinh hoạt tạm thời có nơi sinh hoạt, và ngày bắt đầu không sau ngày kết thúc',
  );
  const problems: MemberProblem[] = [];
  if (from && to && from > to) {
    problems.push({
      field: 'tempAttendanceTo',
      verdict: deny('không được trước ngày bắt đầu', [c]),
    });
  }
  if ((from || to) && !place) {
    problems.push({
      field: 'tempAttendancePlace',
      verdict: deny('cần ghi nơi sinh hoạt tạm thời khi có ngày sinh hoạt tạm thời', [c]),
    });
  }
  return problems;
}

export function checkExemption(exempted: boolean, reason: string | null): Verdict {
  return exempted && !reason
    ? deny('cần ghi lý do khi đảng viên được miễn sinh hoạt', [exemption])
    : allow('', [exemption]);
}

/**
 * Consistency of a whole member record. Returns only the failing checks, each tied to the
 * field the user must correct (the 400 answer lists them).
 */
export function checkMemberRecord(
  f: MemberRecordFacts,
  today: string,
  params: MemberRuleValues,
): MemberProblem[] {
  const problems: MemberProblem[] = [];
  const fail = (field: ProblemField, verdict: Verdict) => {
    if (!verdict.ok) problems.push({ field, verdict });
  };
  fail('birthDate', checkBirthDate(f.birthDate, today));
  if (f.joinDate) fail('joinDate', checkJoinDate(f.birthDate, f.joinDate, today, params));
  if (f.joinDate && f.officialDate) {
    fail('officialDate', checkOfficialDate(f.joinDate, f.officialDate, today, params));
  }
  problems.push(...checkStatusDates(f.status, f.joinDate, f.officialDate));
  problems.push(
    ...checkTempAttendance(f.tempAttendancePlace, f.tempAttendanceFrom, f.tempAttendanceTo),
  );
  fail('exemptionReason', checkExemption(f.exempted, f.exemptionReason));
  if (f.exempted && f.exemptionFrom && f.exemptionFrom > today) {
    fail('exemptionFrom', deny('không được sau ngày hôm nay', [exemption]));
  }
  // One message per field is enough for the form; keep the first (most basic) one.
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

/** Types of party organisation in which members hold their party activity. */
export const memberHoldingUnitTypes: readonly UnitType[] = [
  'grassroots_cell',
  'cell',
  'grassroots_committee',
  'sub_committee',
];

export function canHoldMembers(unit: { type: string; status: string }): Verdict {
  if (unit.status !== 'active') {
    return deny('tổ chức đảng này đã ngừng hoạt động (hợp nhất, chia tách hoặc giải thể)', [
      dataCheck('Chỉ chuyển đảng viên vào tổ chức đang hoạt động'),
    ]);
  }
  if (!memberHoldingUnitTypes.includes(unit.type as UnitType)) {
    return deny(
      'đảng viên chỉ sinh hoạt ở chi bộ, chi bộ cơ sở, đảng bộ cơ sở hoặc đảng bộ bộ phận; hãy chọn tổ chức cấp dưới',
      [cellMembership],
    );
  }
  return allow('', [cellMembership]);
}

export interface TransferFacts {
  status: string;
  archived: boolean;
  unitId: number;
  /** Start of the membership in force (open history row), if known. */
  currentFrom: string | null;
}

/** Chuyển sinh hoạt đảng: what must hold before a member moves to another unit. */
export function canTransfer(
  m: TransferFacts,
  toUnitId: number,
  effectiveDate: string,
  today: string,
): MemberProblem[] {
  const c = dataCheck(
    'Chuyển sinh hoạt đảng: đảng viên đang sinh hoạt, sang tổ chức khác, ngày chuyển hợp lệ',
  );
  const problems: MemberProblem[] = [];
  const add = (field: ProblemField, message: string) =>
    problems.push({ field, verdict: deny(message, [c]) });
  if (m.archived) add('toUnitId', 'hồ sơ đã lưu trữ; hãy khôi phục trước khi chuyển sinh hoạt');
  else if (!activeMemberStatuses.includes(m.status as MemberStatus)) {
    add('toUnitId', 'chỉ chuyển sinh hoạt cho đảng viên dự bị hoặc chính thức');
  }
  if (m.unitId === toUnitId) add('toUnitId', 'đảng viên đang sinh hoạt tại tổ chức này');
  if (effectiveDate > today) add('effectiveDate', 'không được sau ngày hôm nay');
  else if (m.currentFrom && effectiveDate <= m.currentFrom) {
    add(
      'effectiveDate',
      `phải sau ngày bắt đầu sinh hoạt ở tổ chức hiện tại (${formatDate(m.currentFrom)})`,
    );
  }
  return problems;
}

import {
  formatPartialDate,
  generalFields,
  partialDateEnd,
  partialDateStart,
  sectionSpecs,
  type FieldValues,
  type ResumeSection,
} from '../../contracts/resume.ts';
import { permissionLabels } from '../../contracts/enums.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { accessCheck, allow, dataCheck, deny, type Verdict } from '../../core/rules/verdict.ts';

/** CanBo's access rule for the protected parts of the résumé. */
export const SENSITIVE_RULE = accessCheck(
  'Phần mật của sơ yếu lý lịch (đánh giá chính trị, kỷ luật, tài sản, thu nhập, quan hệ gia đình) chỉ người được cấp quyền riêng mới được xem và sửa; đảng viên được xem phần của chính mình',
);

/** Who sees the protected part of a résumé: holders of the permission, and the person themself. */
export function canSeeSensitive(facts: { hasPermission: boolean; ownRecord: boolean }): Verdict {
  if (facts.hasPermission || facts.ownRecord) return allow('', [SENSITIVE_RULE]);
  return deny('Bạn chưa được cấp quyền xem phần mật của lý lịch', [SENSITIVE_RULE]);
}

/** Changing a protected section needs the permission, whoever's record it is. */
export function canWriteSensitive(what: string, hasPermission: boolean): Verdict {
  if (hasPermission) return allow('', [SENSITIVE_RULE]);
  return deny(
    `${what} thuộc phần mật của lý lịch; cần được quản trị cấp quyền “${permissionLabels.sensitive}”`,
    [SENSITIVE_RULE],
  );
}

const PERIOD_RULE = dataCheck(
  'Thời gian trong lý lịch: từ trước đến sau, sau ngày sinh và không ở tương lai',
);

/** A refused check on one field of the form. */
export interface FieldVerdict {
  field: string;
  verdict: Verdict;
}

/** A 2C moment (year, month or day) must lie between the person's birth and today. */
function checkMoment(
  field: string,
  value: string,
  facts: { birthDate: string; today: string },
): FieldVerdict | null {
  if (partialDateEnd(value) < facts.birthDate) {
    return {
      field,
      verdict: deny(`${formatPartialDate(value)} trước ngày sinh ${formatDate(facts.birthDate)}`, [
        PERIOD_RULE,
      ]),
    };
  }
  if (partialDateStart(value) > facts.today) {
    return {
      field,
      verdict: deny(`${formatPartialDate(value)} là thời gian trong tương lai`, [PERIOD_RULE]),
    };
  }
  return null;
}

/**
 * The period of a table row: present when the section asks for it, absent when it has none,
 * "to" not before "from", after the person's birth and not later than today. Partial dates
 * are compared as periods: "2005" is not before "05/2005".
 */
export function checkPeriod(
  section: ResumeSection,
  from: string | null,
  to: string | null,
  facts: { birthDate: string; today: string },
): FieldVerdict[] {
  const spec = sectionSpecs[section].period;
  const problems: FieldVerdict[] = [];
  const no = (field: 'from' | 'to', message: string) =>
    problems.push({ field, verdict: deny(message, [PERIOD_RULE]) });
  if (spec === 'none') {
    if (from) no('from', 'mục này không ghi thời gian');
    if (to) no('to', 'mục này không ghi thời gian');
    return problems;
  }
  if (!from) {
    if (spec.required) no('from', 'chưa nhập');
    if (to) no('from', 'cần nhập thời gian bắt đầu khi đã có thời gian kết thúc');
    return problems;
  }
  if (to && !spec.to) no('to', 'mục này chỉ ghi một mốc thời gian');
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const problem = value ? checkMoment(field, value, facts) : null;
    if (problem) problems.push(problem);
  }
  if (to && partialDateEnd(to) < partialDateStart(from)) {
    no('to', `${formatPartialDate(to)} trước thời gian bắt đầu ${formatPartialDate(from)}`);
  }
  return problems;
}

/** Dates of the profile: after birth, not in the future, discharge not before enlistment. */
export function checkProfileDates(
  general: FieldValues,
  facts: { birthDate: string; today: string },
): FieldVerdict[] {
  const problems: FieldVerdict[] = [];
  for (const spec of generalFields) {
    const value = general[spec.key];
    if (spec.kind !== 'date' || typeof value !== 'string' || !value) continue;
    const problem = checkMoment(spec.key, value, facts);
    if (problem) problems.push(problem);
  }
  const enlist = general['enlistDate'];
  const discharge = general['dischargeDate'];
  if (
    typeof enlist === 'string' &&
    typeof discharge === 'string' &&
    enlist &&
    discharge &&
    partialDateEnd(discharge) < partialDateStart(enlist)
  ) {
    problems.push({
      field: 'dischargeDate',
      verdict: deny(
        `ngày xuất ngũ ${formatPartialDate(discharge)} trước ngày nhập ngũ ${formatPartialDate(enlist)}`,
        [PERIOD_RULE],
      ),
    });
  }
  return problems;
}

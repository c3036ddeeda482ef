/**
 * The personnel plan (đề án nhân sự): each candidate's checks and the structure of the list
 * against the targets of CT 45. Pure: the service gathers the facts (posts, résumé, dossier)
 * and the rule set; the age checks are the posts module's retirement and service-left checks.
 */
import type { BodyKind, StructureLine } from '../../contracts/congress.ts';
import type { CheckDto } from '../../contracts/posts.ts';
import { dataCheck, type Citation } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { retirementCheck, serviceLeftCheck } from '../posts/tenure.rules.ts';
import type { RuleSet } from '../rules/registry.ts';
import { formatRuleValue } from '../rules/rules.resolve.ts';

const check = (status: CheckDto['status'], message: string, citations: Citation[] = []) => ({
  status,
  message,
  citations,
});

/** Round to two decimals, as the minutes print percentages (14,08%). */
export const percentOf = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0;

/** The day ages are computed at: the first day of the reference month (CT 45). */
export const referenceDate = (month: string) => `${month}-01`;

/** Whole years of age on `date`. */
export function ageOn(birthDate: string, date: string): number {
  let years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (date.slice(5) < birthDate.slice(5)) years -= 1;
  return years;
}

/**
 * Posts whose current holders sit on the body now, so a candidate holding one is re-elected
 * (tái cử) rather than first-time. Delegates to the higher congress are not a standing body:
 * there the officer marks it by hand.
 */
export const postsOfBody: Record<BodyKind, string[]> = {
  executive_committee: ['BT', 'PBT-TT', 'PBT', 'UV-BTV', 'UV-BCH'],
  standing_committee: ['BT', 'PBT-TT', 'PBT', 'UV-BTV'],
  secretary: ['BT'],
  deputy_secretary: ['PBT-TT', 'PBT'],
  inspection_committee: ['CN-UBKT', 'PCN-UBKT'],
  inspection_chair: ['CN-UBKT'],
  higher_delegates: [],
};

export interface CandidateFacts {
  birthDate: string;
  gender: string;
  reelected: boolean;
}

/**
 * Service left at the reference month: a full term for a first-time member, at least 48 months
 * for re-election (CT 45), each against the person's statutory retirement date.
 */
export function serviceCheck(
  person: CandidateFacts,
  referenceMonth: string,
  unitPath: string,
  rules: RuleSet,
): CheckDto {
  const on = referenceDate(referenceMonth);
  const retirement = retirementCheck(person, rules, unitPath, on);
  const { status, message, citations } = person.reelected
    ? serviceLeftCheck(
        'congress.reelection_min_service_months',
        'tái cử',
        retirement,
        rules,
        unitPath,
        on,
      )
    : serviceLeftCheck(
        'congress.first_time_min_service_months',
        'tham gia cấp ủy lần đầu',
        retirement,
        rules,
        unitPath,
        on,
      );
  return check(
    status,
    `Tính đến tháng ${referenceMonth.slice(5)}/${referenceMonth.slice(0, 4)}: ${message}`,
    citations,
  );
}

export interface DisciplineRecord {
  form: string;
  from: string | null;
  to: string | null;
}

const RESUME_SOURCE: Citation = dataCheck(
  'Mục "Kỷ luật" trong lý lịch 2C của người được giới thiệu',
);

/**
 * Discipline history from the résumé. `null` when the caller may not read the protected part
 * of the résumé: the check then says so rather than reporting a clean record.
 */
export function disciplineCheck(records: DisciplineRecord[] | null): CheckDto {
  if (records === null)
    return check('unknown', 'Cần quyền xem phần mật của lý lịch để kiểm tra lịch sử kỷ luật', [
      RESUME_SOURCE,
    ]);
  if (!records.length) return check('ok', 'Không có kỷ luật trong lý lịch', [RESUME_SOURCE]);
  const list = records
    .map(
      (r) =>
        `${r.form}${r.from ? ` (${formatDate(r.from)}${r.to ? ` – ${formatDate(r.to)}` : ''})` : ''}`,
    )
    .join('; ');
  return check('near', `Có ${records.length} lần kỷ luật cần xem xét: ${list}`, [RESUME_SOURCE]);
}

/** Dossier completeness from the dossiers module (process candidacy, QĐ 190's categories). */
export function dossierCheck(
  dossier: { required: number; verified: number; missing: string[] },
  document: string,
): CheckDto {
  const cite: Citation = { rule: 'Hồ sơ nhân sự giới thiệu ứng cử cấp ủy', document };
  if (dossier.verified >= dossier.required)
    return check('ok', `Đủ hồ sơ: ${dossier.verified}/${dossier.required} loại đã xác minh`, [
      cite,
    ]);
  const missing = dossier.missing.length ? `; còn thiếu: ${dossier.missing.join(', ')}` : '';
  return check(
    'ineligible',
    `Hồ sơ chưa đủ: ${dossier.verified}/${dossier.required} loại đã xác minh${missing}`,
    [cite],
  );
}

export interface PlannedPerson {
  gender: string;
  ethnicity: string;
  birthDate: string;
  reelected: boolean;
}

/** Whether the person counts as young at the reference month (rule `congress.young_max_age_years`). */
export function isYoung(
  birthDate: string,
  referenceMonth: string,
  unitPath: string,
  rules: RuleSet,
): boolean {
  const young = rules.find<number>(
    'congress.young_max_age_years',
    unitPath,
    referenceDate(referenceMonth),
  );
  return young !== undefined && ageOn(birthDate, referenceDate(referenceMonth)) < young.value;
}

export const isEthnicMinority = (ethnicity: string) =>
  ethnicity.trim() !== '' && ethnicity !== 'Kinh';

/**
 * The structure of the list: women (≥ the registry's share, with a woman in the standing
 * committee), young, ethnic minority, re-elected and first-time, each of the candidates.
 * `standingWomen` is the number of women planned for the standing committee (null: no such body).
 */
export function planStructure(
  people: PlannedPerson[],
  opts: {
    bodyKind: BodyKind;
    referenceMonth: string;
    unitPath: string;
    rules: RuleSet;
    standingWomen: number | null;
  },
): StructureLine[] {
  const { rules, unitPath, referenceMonth } = opts;
  const on = referenceDate(referenceMonth);
  const total = people.length;
  const women = people.filter((p) => p.gender === 'female').length;
  const young = people.filter((p) => isYoung(p.birthDate, referenceMonth, unitPath, rules)).length;
  const minority = people.filter((p) => isEthnicMinority(p.ethnicity)).length;
  const reelected = people.filter((p) => p.reelected).length;
  const line = (key: string, label: string, count: number, c: CheckDto | null = null) => ({
    key,
    label,
    count,
    percent: percentOf(count, total),
    check: c,
  });

  const womenRule = rules.find<number>('congress.women_min_percent', unitPath, on);
  const committee = opts.bodyKind === 'executive_committee';
  let womenCheck: CheckDto | null = null;
  if (womenRule && committee && total > 0) {
    const share = percentOf(women, total);
    const target = formatRuleValue(womenRule.value, 'percent');
    womenCheck =
      share >= womenRule.value
        ? check('ok', `Nữ ${share.toLocaleString('vi-VN')}% ≥ ${target}`, [womenRule.citation])
        : check('ineligible', `Nữ ${share.toLocaleString('vi-VN')}% < ${target}: chưa đạt`, [
            womenRule.citation,
          ]);
  }
  const youngRule = rules.find<number>('congress.young_max_age_years', unitPath, on);
  const lines = [
    line('women', 'Nữ', women, womenCheck),
    line(
      'young',
      youngRule
        ? `Trẻ (dưới ${youngRule.value} tuổi theo ${youngRule.citation.document.split(' ngày')[0]})`
        : 'Trẻ',
      young,
    ),
    line('ethnic_minority', 'Dân tộc thiểu số', minority),
    line('reelected', 'Tái cử', reelected),
    line('first_time', 'Tham gia lần đầu', total - reelected),
  ];
  if (womenRule && committee && opts.standingWomen !== null) {
    lines.push({
      key: 'standing_woman',
      label: 'Nữ trong Ban Thường vụ (dự kiến)',
      count: opts.standingWomen,
      percent: 0,
      check:
        opts.standingWomen > 0
          ? check('ok', 'Có cán bộ nữ trong Ban Thường vụ dự kiến', [womenRule.citation])
          : check('ineligible', 'Chưa có cán bộ nữ trong Ban Thường vụ dự kiến', [
              womenRule.citation,
            ]),
    });
  }
  return lines;
}

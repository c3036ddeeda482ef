/**
 * Succession planning checks (QĐ 377-QĐ/TW, 8/10/2025): pure functions of the facts and the
 * rule registry. Each returns null when the rule is met, or a check saying whether it blocks
 * the entry or only warns, with the rule and document it used.
 */
import type { PlanningCheckDto, RemovalTrigger } from '../../contracts/planning.ts';
import type { PostLevel } from '../../contracts/enums.ts';
import { addMonths, monthsBetween } from '../../core/dates.ts';
import { dataCheck, type Citation } from '../../core/rules/verdict.ts';
import { formatDate, searchKey } from '../../core/vietnamese/index.ts';
import type { RuleSet } from '../rules/registry.ts';
import { formatRuleValue, type ResolvedRule } from '../rules/rules.resolve.ts';

export type PlanningCheck = PlanningCheckDto;

/** The rule values one check run needs, resolved for the pool's unit and the decision date. */
export interface PlanningRules {
  maxPeople: ResolvedRule<number>;
  maxPosts: ResolvedRule<number>;
  minService: ResolvedRule<number>;
  nominationPass: ResolvedRule<number>;
  block: Record<DisciplineKind, ResolvedRule<number>>;
}

export function planningRulesFor(set: RuleSet, unitPath: string, date: string): PlanningRules {
  const get = (key: Parameters<RuleSet['get']>[0]) => set.get<number>(key, unitPath, date);
  return {
    maxPeople: get('planning.max_people_per_post'),
    maxPosts: get('planning.max_posts_per_person'),
    minService: get('planning.min_service_left_months'),
    nominationPass: get('planning.nomination_pass_percent'),
    block: {
      reprimand: get('planning.discipline_block_months.reprimand'),
      warning: get('planning.discipline_block_months.warning'),
      dismissal: get('planning.discipline_block_months.dismissal'),
    },
  };
}

const block = (code: string, message: string, citations: Citation[]): PlanningCheck => ({
  code,
  severity: 'block',
  message,
  citations,
});
const warn = (code: string, message: string, citations: Citation[]): PlanningCheck => ({
  code,
  severity: 'warn',
  message,
  citations,
});
const limit = (r: ResolvedRule<number>) =>
  `${formatRuleValue(r.value, r.valueUnit)} theo ${r.citation.document}`;

// ─── Higher post ─────────────────────────────────────────────────────────────────────────

/** A post as the ranking needs it: where (unit depth: smaller is higher) and which level. */
export interface PostRef {
  postTitleId: number;
  unitId: number;
  unitDepth: number;
  level: PostLevel;
  name: string;
}

const levelRank: Record<PostLevel, number> = { head: 3, deputy: 2, member: 1 };

/**
 * 'higher' when the target sits in a higher unit, or in a unit of the same tier at a higher
 * level (deputy → head); 'same_tier' for another post of the same level at the same tier
 * (Chủ tịch UBND → Bí thư), which the catalogue cannot rank, so the officer confirms it.
 */
export function compareToHeld(target: PostRef, held: PostRef): 'higher' | 'same_tier' | 'lower' {
  if (target.postTitleId === held.postTitleId && target.unitId === held.unitId) return 'lower';
  if (target.unitDepth !== held.unitDepth)
    return target.unitDepth < held.unitDepth ? 'higher' : 'lower';
  const diff = levelRank[target.level] - levelRank[held.level];
  if (diff > 0) return 'higher';
  return diff === 0 ? 'same_tier' : 'lower';
}

export const HIGHER_POST: Citation = {
  rule: 'Chỉ quy hoạch vào chức danh cao hơn chức danh đang đảm nhiệm',
  document: 'Quy định 377-QĐ/TW ngày 08/10/2025 về quy hoạch cán bộ',
};

/** Planned only for a post higher than every post the person holds now. */
export function checkHigherPost(target: PostRef, held: readonly PostRef[]): PlanningCheck | null {
  let sameTier: PostRef | undefined;
  for (const h of held) {
    const c = compareToHeld(target, h);
    if (c === 'lower') {
      return block(
        'higher_post',
        `Đang giữ chức vụ ${h.name}; ${target.name} không cao hơn chức vụ đang đảm nhiệm`,
        [HIGHER_POST],
      );
    }
    if (c === 'same_tier') sameTier = h;
  }
  if (sameTier) {
    return warn(
      'higher_post',
      `Đang giữ chức vụ ${sameTier.name} cùng cấp với ${target.name}: hãy xác nhận chức danh quy hoạch cao hơn`,
      [HIGHER_POST],
    );
  }
  return null;
}

// ─── Limits ──────────────────────────────────────────────────────────────────────────────

/** At most N people per post: adding one more to a pool that already has N is refused. */
export function checkPoolCapacity(activeCount: number, r: PlanningRules): PlanningCheck | null {
  if (activeCount < r.maxPeople.value) return null;
  return block(
    'max_people',
    `Chức danh này đã có ${activeCount} người trong quy hoạch; tối đa ${limit(r.maxPeople)}`,
    [r.maxPeople.citation],
  );
}

/** Same tier, same level: the posts that count toward one person's limit. */
export const sameLevel = (a: PostRef, b: PostRef) =>
  a.unitDepth === b.unitDepth && a.level === b.level;

/** One person is planned for at most N posts of the same level (in the same term). */
export function checkPostsPerPerson(
  target: PostRef,
  plannedFor: readonly PostRef[],
  r: PlanningRules,
): PlanningCheck | null {
  const same = plannedFor.filter((p) => sameLevel(p, target));
  if (same.length < r.maxPosts.value) return null;
  return block(
    'max_posts',
    `Đã được quy hoạch ${same.length} chức danh cùng cấp (${same.map((p) => p.name).join('; ')}); tối đa ${formatRuleValue(r.maxPosts.value, r.maxPosts.valueUnit)} chức danh theo ${r.maxPosts.citation.document}`,
    [r.maxPosts.citation],
  );
}

export const NOT_WITH_APPOINTMENT: Citation = {
  rule: 'Không thực hiện quy hoạch đồng thời với bổ nhiệm, giới thiệu ứng cử vào chức danh đó',
  document: 'Quy định 377-QĐ/TW ngày 08/10/2025 về quy hoạch cán bộ',
};

/** No planning for a post the person holds, or is being appointed to, on the decision date. */
export function checkNotBeingAppointed(
  target: PostRef,
  appointments: readonly {
    postTitleId: number;
    unitId: number;
    startDate: string;
    endDate: string | null;
  }[],
  decisionDate: string,
): PlanningCheck | null {
  const clash = appointments.find(
    (a) =>
      a.postTitleId === target.postTitleId &&
      a.unitId === target.unitId &&
      (a.endDate === null || a.endDate >= decisionDate),
  );
  if (!clash) return null;
  const when =
    clash.startDate > decisionDate
      ? `được bổ nhiệm từ ${formatDate(clash.startDate)}`
      : `đang giữ từ ${formatDate(clash.startDate)}`;
  return block(
    'appointed',
    `Đã có quyết định giữ chức vụ ${target.name} (${when}): không quy hoạch đồng thời`,
    [NOT_WITH_APPOINTMENT],
  );
}

// ─── Age and service ─────────────────────────────────────────────────────────────────────

/** The first day of a term "2025-2030" — the date from which a full term must be served. */
export const termStart = (term: string) => `${term.slice(0, 4)}-01-01`;

/**
 * Enough service for a full term, counted from the later of the decision and the start of the
 * term planned for. `retirementDate` is null when it cannot be known (gender unrecorded).
 */
export function checkServiceLeft(
  retirementDate: string | null,
  term: string,
  onDate: string,
  r: PlanningRules,
): PlanningCheck | null {
  if (retirementDate === null) {
    return warn(
      'service_left',
      'Chưa xác định được tuổi nghỉ hưu (thiếu giới tính hoặc ngày sinh): hãy kiểm tra tuổi quy hoạch',
      [r.minService.citation],
    );
  }
  const from = onDate > termStart(term) ? onDate : termStart(term);
  const left = Math.max(0, monthsBetween(from, retirementDate));
  if (left >= r.minService.value) return null;
  return block(
    'service_left',
    `Đến ${formatDate(from)} còn ${left.toLocaleString('vi-VN')} tháng công tác (nghỉ hưu ${formatDate(retirementDate)}) < ${limit(r.minService)}`,
    [r.minService.citation],
  );
}

export const serviceMonthsFrom = (retirementDate: string, from: string) =>
  Math.max(0, monthsBetween(from, retirementDate));

// ─── Nomination ballot ───────────────────────────────────────────────────────────────────

/** The secret-ballot tally (counts only): more than N% of the votes cast, or a warning. */
export function checkNominationTally(
  votesCast: number | null,
  votesFor: number | null,
  r: PlanningRules,
): PlanningCheck | null {
  if (votesCast === null || votesFor === null) return null;
  if (votesCast === 0) {
    return block('tally', 'Số phiếu phát ra bằng 0', [
      dataCheck('Kết quả lấy phiếu có số phiếu phát ra lớn hơn 0'),
    ]);
  }
  // Integer arithmetic: "more than 50%" means 100·for > 50·cast, exactly half does not pass.
  if (votesFor * 100 > r.nominationPass.value * votesCast) return null;
  const pct = ((votesFor * 100) / votesCast).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return warn(
    'tally',
    `Được ${votesFor}/${votesCast} phiếu giới thiệu (${pct}%), chưa đạt trên ${formatRuleValue(r.nominationPass.value, r.nominationPass.valueUnit)}`,
    [r.nominationPass.citation],
  );
}

// ─── Discipline and political standard ───────────────────────────────────────────────────

export type DisciplineKind = 'reprimand' | 'warning' | 'dismissal';
const disciplineLabels: Record<DisciplineKind, string> = {
  reprimand: 'khiển trách',
  warning: 'cảnh cáo',
  dismissal: 'cách chức',
};

/**
 * The form of a discipline record (free text in the 2C résumé) as one of the forms QĐ 377
 * counts: reprimand or above. Heavier state forms (giáng chức, bãi nhiệm) and expulsion block
 * as long as dismissal; lighter or unknown forms are not counted.
 */
export function disciplineKind(form: string): DisciplineKind | null {
  const k = searchKey(form);
  if (/cach chuc|giang chuc|bai nhiem|khai tru|buoc thoi viec/.test(k)) return 'dismissal';
  if (k.includes('canh cao')) return 'warning';
  if (k.includes('khien trach')) return 'reprimand';
  return null;
}

export interface DisciplineFact {
  form: string;
  /** Date of the discipline decision (the résumé row's start). */
  fromDate: string | null;
}

/** The discipline still blocking planning on `date`, if any (the longest-lasting one). */
export function disciplineBlock(
  records: readonly DisciplineFact[],
  date: string,
  r: PlanningRules,
  showDetail: boolean,
): PlanningCheck | null {
  let worst: { until: string; kind: DisciplineKind; from: string } | null = null;
  for (const d of records) {
    const kind = disciplineKind(d.form);
    if (!kind || !d.fromDate || d.fromDate > date) continue;
    const until = addMonths(d.fromDate, r.block[kind].value);
    if (until <= date) continue;
    if (!worst || until > worst.until) worst = { until, kind, from: d.fromDate };
  }
  if (!worst) return null;
  const rule = r.block[worst.kind];
  // The discipline section is protected: without the permission the reason does not name it.
  const message = showDetail
    ? `Bị kỷ luật ${disciplineLabels[worst.kind]} từ ${formatDate(worst.from)}: chưa hết ${formatRuleValue(rule.value, rule.valueUnit)} (đến ${formatDate(worst.until)})`
    : 'Đang trong thời hạn không được quy hoạch do kỷ luật (chi tiết thuộc phần hồ sơ mật)';
  return block('discipline', message, [rule.citation]);
}

export const POLITICAL_STANDARD: Citation = {
  rule: 'Người được quy hoạch phải bảo đảm tiêu chuẩn chính trị',
  document: 'Quy định 377-QĐ/TW ngày 08/10/2025 về quy hoạch cán bộ',
};

export function checkPoliticalStandard(standard: string): PlanningCheck | null {
  if (standard === 'met') return null;
  if (standard === 'not_met') {
    return block('political', 'Cấp ủy có thẩm quyền kết luận không đạt tiêu chuẩn chính trị', [
      POLITICAL_STANDARD,
    ]);
  }
  return warn('political', 'Chưa có kết luận về tiêu chuẩn chính trị', [POLITICAL_STANDARD]);
}

// ─── Annual review: removal triggers ─────────────────────────────────────────────────────

export const LEFT_PARTY: Citation = dataCheck(
  'Người đã ra khỏi danh sách đảng viên không còn trong quy hoạch',
);
export const NOT_COMPLETED: Citation = {
  rule: 'Đưa ra khỏi quy hoạch người không hoàn thành nhiệm vụ',
  document: 'Quy định 377-QĐ/TW ngày 08/10/2025 về quy hoạch cán bộ',
};

export interface EntryFacts {
  term: string;
  target: PostRef;
  politicalStandard: string;
  retirementDate: string | null;
  memberLeft: boolean;
  discipline: readonly DisciplineFact[];
  appointments: readonly {
    postTitleId: number;
    unitId: number;
    startDate: string;
    endDate: string | null;
  }[];
  /** Latest decided evaluation rating (code and period), when there is one. */
  latestRating: { rating: string; periodLabel: string } | null;
}

export interface Trigger {
  trigger: RemovalTrigger;
  message: string;
  citations: Citation[];
}

/** Why a person in a pool no longer qualifies on the review date (empty: stays). */
export function removalTriggersOf(
  f: EntryFacts,
  date: string,
  r: PlanningRules,
  showDetail: boolean,
): Trigger[] {
  const out: Trigger[] = [];
  const push = (trigger: RemovalTrigger, c: PlanningCheck | null) => {
    if (c && c.severity === 'block')
      out.push({ trigger, message: c.message, citations: c.citations });
  };
  if (f.memberLeft) {
    out.push({
      trigger: 'left',
      message: 'Không còn trong danh sách đảng viên đang sinh hoạt',
      citations: [LEFT_PARTY],
    });
  }
  if (f.retirementDate !== null) push('age', checkServiceLeft(f.retirementDate, f.term, date, r));
  push('discipline', disciplineBlock(f.discipline, date, r, showDetail));
  push('political', checkPoliticalStandard(f.politicalStandard));
  if (f.latestRating?.rating === 'incomplete') {
    out.push({
      trigger: 'rating',
      message: `Xếp loại không hoàn thành nhiệm vụ (${f.latestRating.periodLabel})`,
      citations: [NOT_COMPLETED],
    });
  }
  const appointed = f.appointments.find(
    (a) =>
      a.postTitleId === f.target.postTitleId &&
      a.unitId === f.target.unitId &&
      a.startDate <= date &&
      (a.endDate === null || a.endDate >= date),
  );
  if (appointed) {
    out.push({
      trigger: 'appointed',
      message: `Đã giữ chức vụ ${f.target.name} từ ${formatDate(appointed.startDate)}`,
      citations: [HIGHER_POST],
    });
  }
  return out;
}

/** Months from `date` to `until` (never negative): "months left in post" and to retirement. */
export const monthsLeft = (date: string, until: string | null) =>
  until === null ? null : Math.max(0, monthsBetween(date, until));

/**
 * Regulation and workflow logic of "việc mới, việc khó" and "4 tốt": pure functions, each refusal
 * with the rule it applies and where that rule comes from.
 */
import type {
  FourGoodKind,
  TaskOutcome,
  TaskPeriodKind,
  TaskStatus,
} from '../../contracts/tasks.ts';
import { taskOutcomeLabels, taskStatusLabels } from '../../contracts/tasks.ts';
import {
  accessCheck,
  allow,
  dataCheck,
  deny,
  type Citation,
  type Verdict,
} from '../../core/rules/verdict.ts';
import { formatDate, formatNumber } from '../../core/vietnamese/index.ts';

export interface Problem {
  field: string;
  verdict: Verdict;
}

// ─── Registration ───────────────────────────────────────────────────────────────────────

export interface TaskPlan {
  periodKind: TaskPeriodKind;
  startYear: number;
  endYear: number;
  deadline: string;
  milestones: { title: string; dueDate: string }[];
}

const PERIOD_RULE = dataCheck(
  'Việc đăng ký cho một năm, nhiều năm hoặc cả nhiệm kỳ; thời hạn và lộ trình nằm trong thời gian đăng ký',
);

/** The period, the deadline and the roadmap must agree with each other. */
export function checkTaskPlan(p: TaskPlan): Problem[] {
  const problems: Problem[] = [];
  const bad = (field: string, message: string) =>
    problems.push({ field, verdict: deny(message, [PERIOD_RULE]) });
  if (p.endYear < p.startYear) {
    bad('endYear', `Năm kết thúc (${p.endYear}) trước năm bắt đầu (${p.startYear})`);
  } else if (p.periodKind === 'year' && p.endYear !== p.startYear) {
    bad('endYear', 'Việc đăng ký cho một năm thì năm bắt đầu và năm kết thúc phải trùng nhau');
  } else if (p.periodKind === 'multi_year' && p.endYear === p.startYear) {
    bad('endYear', 'Việc đăng ký nhiều năm phải kéo dài từ hai năm trở lên');
  }
  const deadlineYear = Number(p.deadline.slice(0, 4));
  if (deadlineYear < p.startYear || deadlineYear > p.endYear) {
    bad(
      'deadline',
      `Thời hạn hoàn thành ${formatDate(p.deadline)} nằm ngoài thời gian đăng ký ${p.startYear}–${p.endYear}`,
    );
  }
  const start = `${p.startYear}-01-01`;
  p.milestones.forEach((m, i) => {
    if (m.dueDate > p.deadline || m.dueDate < start) {
      bad(
        `milestones.${i}.dueDate`,
        `Bước “${m.title}” có thời hạn ${formatDate(m.dueDate)} ngoài khoảng từ ${formatDate(start)} đến thời hạn hoàn thành ${formatDate(p.deadline)}`,
      );
    }
  });
  return problems;
}

/** A registration counts in every year of its period. */
export const taskCoversYear = (t: { startYear: number; endYear: number }, year: number) =>
  t.startYear <= year && year <= t.endYear;

// ─── Workflow ───────────────────────────────────────────────────────────────────────────

const WORKFLOW_RULE = dataCheck(
  'Quy trình: đăng ký → cấp có thẩm quyền phê duyệt, trả lại hoặc không phê duyệt → báo cáo tiến độ → đánh giá kết quả',
);
const SELF_RULE = accessCheck(
  'Người đăng ký không tự phê duyệt hoặc tự đánh giá kết quả việc của mình',
);

const wrongStatus = (status: TaskStatus, doing: string) =>
  deny(`Việc đang ở trạng thái “${taskStatusLabels[status]}”, không thể ${doing}`, [WORKFLOW_RULE]);

/** Only a registration waiting for approval or returned for changes may be edited. */
export function canEditTask(status: TaskStatus): Verdict {
  return status === 'submitted' || status === 'returned'
    ? allow()
    : wrongStatus(status, 'sửa nội dung đăng ký');
}

export function canDecideTask(
  status: TaskStatus,
  ownTask: boolean,
  reason: string,
  decision: string,
): Verdict {
  if (ownTask) return deny('Bạn không thể tự phê duyệt việc do chính mình đăng ký', [SELF_RULE]);
  if (status !== 'submitted') return wrongStatus(status, 'phê duyệt, trả lại hoặc từ chối');
  if (decision !== 'approve' && !reason.trim()) {
    return deny('Trả lại hoặc không phê duyệt cần ghi rõ lý do', [WORKFLOW_RULE]);
  }
  return allow();
}

/** Progress is reported on an approved task until its outcome is recorded. */
export function canReportProgress(status: TaskStatus, outcome: TaskOutcome | null): Verdict {
  if (status !== 'approved') return wrongStatus(status, 'báo cáo tiến độ');
  if (outcome) {
    return deny(`Việc đã được đánh giá “${taskOutcomeLabels[outcome]}”, không báo cáo thêm`, [
      WORKFLOW_RULE,
    ]);
  }
  return allow();
}

export function canAssessTask(
  status: TaskStatus,
  outcome: TaskOutcome | null,
  ownTask: boolean,
): Verdict {
  if (ownTask) return deny('Bạn không thể tự đánh giá kết quả việc của mình', [SELF_RULE]);
  if (status !== 'approved') return wrongStatus(status, 'đánh giá kết quả');
  if (outcome) {
    return deny(`Việc đã được đánh giá “${taskOutcomeLabels[outcome]}”`, [WORKFLOW_RULE]);
  }
  return allow();
}

/** Quá hạn: approved, no outcome yet, and the deadline has passed. */
export const isOverdue = (
  t: { status: string; outcome: string | null; deadline: string },
  today: string,
) => t.status === 'approved' && t.outcome === null && t.deadline < today;

// ─── Outcome ────────────────────────────────────────────────────────────────────────────

export interface OutcomeFacts {
  deadline: string;
  /** Null: the task was not done. */
  completedDate: string | null;
  targets: { name: string; targetValue: number; achievedValue: number | null }[];
  /** tasks.exceeded_above_percent, with its citation. */
  exceededAbovePercent: { value: number; citation: Citation };
}

const OUTCOME_RULE = dataCheck(
  'Kết quả: đạt mọi chỉ tiêu đến thời hạn là đúng hạn, sau thời hạn là chậm; chưa đạt chỉ tiêu là không hoàn thành',
);

/**
 * Exceeded / on time / late / not done, from the completion date against the deadline and the
 * achieved values against the targets; the verdict explains which facts decided it.
 */
export function classifyOutcome(f: OutcomeFacts): { outcome: TaskOutcome; verdict: Verdict } {
  if (f.completedDate === null) {
    return {
      outcome: 'not_done',
      verdict: allow('Không có ngày hoàn thành: việc không hoàn thành', [OUTCOME_RULE]),
    };
  }
  const missed = f.targets.filter(
    (t) => t.achievedValue === null || t.achievedValue < t.targetValue,
  );
  if (missed.length) {
    const m = missed[0]!;
    return {
      outcome: 'not_done',
      verdict: allow(
        `Chỉ tiêu “${m.name}” đạt ${m.achievedValue === null ? 'chưa có số liệu' : formatNumber(m.achievedValue)} trên ${formatNumber(m.targetValue)} đăng ký: không hoàn thành`,
        [OUTCOME_RULE],
      ),
    };
  }
  if (f.completedDate > f.deadline) {
    return {
      outcome: 'late',
      verdict: allow(
        `Hoàn thành ngày ${formatDate(f.completedDate)}, sau thời hạn ${formatDate(f.deadline)}`,
        [OUTCOME_RULE],
      ),
    };
  }
  const above = f.exceededAbovePercent.value;
  const best = f.targets.find((t) => (t.achievedValue! / t.targetValue) * 100 > above);
  if (best) {
    const pct = Math.round((best.achievedValue! / best.targetValue) * 1000) / 10;
    return {
      outcome: 'exceeded',
      verdict: allow(
        `Đúng hạn, mọi chỉ tiêu đạt và chỉ tiêu “${best.name}” đạt ${formatNumber(pct)}% (trên ${formatNumber(above)}%)`,
        [OUTCOME_RULE, f.exceededAbovePercent.citation],
      ),
    };
  }
  return {
    outcome: 'on_time',
    verdict: allow(`Hoàn thành ngày ${formatDate(f.completedDate)}, trong thời hạn`, [
      OUTCOME_RULE,
      f.exceededAbovePercent.citation,
    ]),
  };
}

/** Completion cannot be dated in the future nor before the period began. */
export function checkCompletedDate(
  completedDate: string | null,
  startYear: number,
  today: string,
): Verdict {
  if (completedDate === null) return allow();
  if (completedDate > today) {
    return deny(`Ngày hoàn thành ${formatDate(completedDate)} ở tương lai`, [
      dataCheck('Ngày hoàn thành không sau ngày ghi nhận'),
    ]);
  }
  if (completedDate < `${startYear}-01-01`) {
    return deny(`Ngày hoàn thành ${formatDate(completedDate)} trước năm bắt đầu ${startYear}`, [
      PERIOD_RULE,
    ]);
  }
  return allow();
}

// ─── Rates ──────────────────────────────────────────────────────────────────────────────

/** Percentage with one decimal (7,126 of 7,560 → 94.3); 0 when there is nobody to count. */
export const ratePercent = (part: number, whole: number) =>
  whole <= 0 ? 0 : Math.round((part * 1000) / whole) / 10;

/** Approved items per cadre who has any (53 items of 51 cadres → 1.04). */
export const itemsPerCadre = (items: number, cadres: number) =>
  cadres <= 0 ? 0 : Math.round((items * 100) / cadres) / 100;

// ─── Chi bộ 4 tốt / Đảng viên 4 tốt ─────────────────────────────────────────────────────

const FOUR_GOOD_RULE = dataCheck(
  'Tự đánh giá theo từng tiêu chí của bộ tiêu chí đang áp dụng; được công nhận khi đạt mọi tiêu chí',
);
const RECOGNITION_RULE = accessCheck(
  'Chi bộ do cấp ủy cấp trên công nhận; đảng viên do chi bộ hoặc cấp trên công nhận, không tự công nhận',
);

/** "Chi bộ 4 tốt" is assessed by party cells only (chi bộ cơ sở, chi bộ trực thuộc). */
export function isCellUnit(type: string, name: string): Verdict {
  return type === 'grassroots_cell' || type === 'cell'
    ? allow()
    : deny(`${name} không phải chi bộ; “Chi bộ 4 tốt” chỉ đánh giá chi bộ`, [FOUR_GOOD_RULE]);
}

/** Every criterion of the set scored exactly once, nothing else. */
export function checkSelfAssessment(
  criteria: { code: string; name: string }[],
  scores: { code: string }[],
): Verdict {
  const codes = new Set(criteria.map((c) => c.code));
  const unknown = scores.find((s) => !codes.has(s.code));
  if (unknown) {
    return deny(`Tiêu chí “${unknown.code}” không thuộc bộ tiêu chí đang áp dụng`, [
      FOUR_GOOD_RULE,
    ]);
  }
  const seen = new Set(scores.map((s) => s.code));
  if (seen.size !== scores.length)
    return deny('Mỗi tiêu chí chỉ đánh giá một lần', [FOUR_GOOD_RULE]);
  const missing = criteria.find((c) => !seen.has(c.code));
  if (missing) return deny(`Chưa tự đánh giá tiêu chí “${missing.name}”`, [FOUR_GOOD_RULE]);
  return allow();
}

export interface RecognitionFacts {
  kind: FourGoodKind;
  /** The assessed cell's path, or the member's unit path. */
  unitPath: string;
  actorScopePath: string;
  actorIsAssessedMember: boolean;
  status: string;
  allMet: boolean;
  recognized: boolean;
}

/** Recognition by the level above; "4 tốt" only when every criterion is met. */
export function canRecognize(f: RecognitionFacts): Verdict {
  if (
    f.kind === 'cell' &&
    !(f.unitPath.startsWith(f.actorScopePath) && f.unitPath !== f.actorScopePath)
  ) {
    return deny('Chi bộ không tự công nhận; việc công nhận do cấp ủy cấp trên thực hiện', [
      RECOGNITION_RULE,
    ]);
  }
  if (f.kind === 'member' && f.actorIsAssessedMember) {
    return deny('Đảng viên không tự công nhận mình', [RECOGNITION_RULE]);
  }
  if (f.status !== 'submitted') {
    return deny('Bản tự đánh giá này đã được xem xét công nhận', [FOUR_GOOD_RULE]);
  }
  if (f.recognized && !f.allMet) {
    return deny('Chưa đạt đủ mọi tiêu chí nên không thể công nhận “4 tốt”', [FOUR_GOOD_RULE]);
  }
  return allow();
}

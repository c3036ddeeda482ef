/** Contracts of "việc mới, việc khó" (new and difficult tasks) and "4 tốt" (four goods). */
import { z } from 'zod';
import { isoDate, pageQuery, pageResult, versionField } from './common.ts';
import { citationDto } from './rules.ts';

const text = (max: number) => z.string().trim().max(max, `tối đa ${max} ký tự`);
const required = (max: number) => text(max).min(1, 'không được để trống');
const year = z.coerce.number().int().min(2000, 'từ năm 2000').max(2100, 'đến năm 2100');

// ─── Codes and labels ───────────────────────────────────────────────────────────────────

export const taskPeriodKinds = ['year', 'multi_year', 'term'] as const;
export type TaskPeriodKind = (typeof taskPeriodKinds)[number];
export const taskPeriodKindLabels: Record<TaskPeriodKind, string> = {
  year: 'Một năm',
  multi_year: 'Nhiều năm',
  term: 'Cả nhiệm kỳ',
};

export const taskStatuses = ['submitted', 'returned', 'approved', 'rejected'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusLabels: Record<TaskStatus, string> = {
  submitted: 'Chờ phê duyệt',
  returned: 'Trả lại để sửa',
  approved: 'Đã phê duyệt',
  rejected: 'Không phê duyệt',
};

export const taskOutcomes = ['exceeded', 'on_time', 'late', 'not_done'] as const;
export type TaskOutcome = (typeof taskOutcomes)[number];
export const taskOutcomeLabels: Record<TaskOutcome, string> = {
  exceeded: 'Hoàn thành vượt mức',
  on_time: 'Hoàn thành đúng hạn',
  late: 'Hoàn thành chậm',
  not_done: 'Không hoàn thành',
};

export const taskDecisions = ['approve', 'return', 'reject'] as const;
export type TaskDecision = (typeof taskDecisions)[number];
export const taskDecisionLabels: Record<TaskDecision, string> = {
  approve: 'Phê duyệt',
  return: 'Trả lại để sửa',
  reject: 'Không phê duyệt',
};

export const taskEventKinds = [
  'submit',
  'resubmit',
  'update',
  'approve',
  'return',
  'reject',
  'progress',
  'outcome',
  'model',
] as const;
export type TaskEventKind = (typeof taskEventKinds)[number];
export const taskEventKindLabels: Record<TaskEventKind, string> = {
  submit: 'Đăng ký',
  resubmit: 'Gửi lại sau khi sửa',
  update: 'Sửa nội dung',
  approve: 'Phê duyệt',
  return: 'Trả lại để sửa',
  reject: 'Không phê duyệt',
  progress: 'Báo cáo tiến độ',
  outcome: 'Đánh giá kết quả',
  model: 'Điển hình',
};

export const fourGoodKinds = ['cell', 'member'] as const;
export type FourGoodKind = (typeof fourGoodKinds)[number];
export const fourGoodKindLabels: Record<FourGoodKind, string> = {
  cell: 'Chi bộ 4 tốt',
  member: 'Đảng viên 4 tốt',
};
export const fourGoodStatuses = ['submitted', 'recognized', 'not_recognized'] as const;
export type FourGoodStatus = (typeof fourGoodStatuses)[number];
export const fourGoodStatusLabels: Record<FourGoodStatus, string> = {
  submitted: 'Đã tự đánh giá, chờ công nhận',
  recognized: 'Được công nhận',
  not_recognized: 'Không được công nhận',
};

/** Field labels for validation messages (merged into the shared field-label map). */
export const taskFieldLabels: Record<string, string> = {
  title: 'Tên việc',
  description: 'Mô tả',
  targets: 'Chỉ tiêu',
  targetValue: 'Giá trị chỉ tiêu',
  achievedValue: 'Giá trị đạt được',
  milestones: 'Lộ trình',
  dueDate: 'Thời hạn bước',
  deadline: 'Thời hạn hoàn thành',
  periodKind: 'Loại thời gian',
  startYear: 'Năm bắt đầu',
  endYear: 'Năm kết thúc',
  decision: 'Quyết định',
  outcomeComment: 'Nhận xét của người đánh giá',
  completedDate: 'Ngày hoàn thành',
  progressPercent: 'Tiến độ (%)',
  selfComment: 'Tự nhận xét',
  scores: 'Tiêu chí',
  criteria: 'Bộ tiêu chí',
  fromYear: 'Áp dụng từ năm',
};

// ─── Tasks ──────────────────────────────────────────────────────────────────────────────

const targetInput = z.object({
  name: required(300),
  unit: text(40).default(''),
  targetValue: z.number().positive('phải lớn hơn 0').max(1e12),
});
const milestoneInput = z.object({ title: required(300), dueDate: isoDate });

const taskFields = {
  periodKind: z.enum(taskPeriodKinds),
  startYear: year,
  endYear: year,
  title: required(300),
  description: text(5000).default(''),
  targets: z.array(targetInput).min(1, 'cần ít nhất một chỉ tiêu định lượng').max(20),
  milestones: z.array(milestoneInput).max(30).default([]),
  deadline: isoDate,
};
export const createTaskBody = z.object({
  /** Omitted: the caller's own member record. */
  memberId: z.number().int().positive().optional(),
  ...taskFields,
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;
export const updateTaskBody = z.object({ version: versionField, ...taskFields });
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const decideTaskBody = z.object({
  version: versionField,
  decision: z.enum(taskDecisions),
  reason: text(2000).default(''),
});
export type DecideTaskBody = z.infer<typeof decideTaskBody>;

export const progressBody = z.object({
  version: versionField,
  note: required(3000),
  progressPercent: z.number().int().min(0).max(100).nullable().default(null),
});
export type ProgressBody = z.infer<typeof progressBody>;

export const outcomeBody = z.object({
  version: versionField,
  /** Null: not done. */
  completedDate: isoDate.nullable(),
  achieved: z.array(z.number().min(0).max(1e12).nullable()),
  outcomeComment: required(3000),
});
export type OutcomeBody = z.infer<typeof outcomeBody>;

export const modelBody = z.object({ version: versionField, isModel: z.boolean() });

export const taskListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  memberId: z.coerce.number().int().positive().optional(),
  year: year.optional(),
  status: z.enum(taskStatuses).optional(),
  /** open = approved without outcome; overdue = open and past its deadline. */
  state: z.enum(['open', 'overdue', 'assessed']).optional(),
  modelOnly: z.enum(['true', 'false']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskTargetDto = z.object({
  name: z.string(),
  unit: z.string(),
  targetValue: z.number(),
  achievedValue: z.number().nullable(),
});

export const taskRowDto = z.object({
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  unitName: z.string(),
  title: z.string(),
  periodKind: z.enum(taskPeriodKinds),
  startYear: z.number(),
  endYear: z.number(),
  deadline: z.string(),
  status: z.enum(taskStatuses),
  outcome: z.enum(taskOutcomes).nullable(),
  overdue: z.boolean(),
  isModel: z.boolean(),
});
export type TaskRowDto = z.infer<typeof taskRowDto>;
export const taskPage = pageResult(taskRowDto);
export type TaskPage = z.infer<typeof taskPage>;

export const taskEventDto = z.object({
  id: z.number(),
  kind: z.enum(taskEventKinds),
  note: z.string(),
  progressPercent: z.number().nullable(),
  actorName: z.string(),
  at: z.string(),
  evidence: z.array(z.object({ id: z.number(), fileName: z.string(), sizeBytes: z.number() })),
});

export const taskDto = taskRowDto.extend({
  unitId: z.number(),
  description: z.string(),
  targets: z.array(taskTargetDto),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string() })),
  decisionReason: z.string(),
  completedDate: z.string().nullable(),
  outcomeComment: z.string(),
  version: z.number(),
  events: z.array(taskEventDto),
  /** What the caller may do now, so the page shows only working buttons. */
  can: z.object({
    edit: z.boolean(),
    decide: z.boolean(),
    report: z.boolean(),
    assess: z.boolean(),
    flag: z.boolean(),
  }),
  /** The rule used to classify the outcome (shown under the result). */
  outcomeCitations: z.array(citationDto),
});
export type TaskDto = z.infer<typeof taskDto>;

// ─── Statistics ─────────────────────────────────────────────────────────────────────────

export const taskStatsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year,
});
export type TaskStatsQuery = z.infer<typeof taskStatsQuery>;

const rateDto = z.object({ registered: z.number(), total: z.number(), percent: z.number() });
export const taskStatsRowDto = z.object({
  unitId: z.number(),
  unitName: z.string(),
  members: rateDto,
  cadres: rateDto,
  approvedItems: z.number(),
  approvedCadreItems: z.number(),
  cadresWithApproved: z.number(),
  itemsPerCadre: z.number(),
});
export const taskStatsDto = z.object({
  year: z.number(),
  unitName: z.string(),
  total: taskStatsRowDto,
  children: z.array(taskStatsRowDto),
  byStatus: z.record(z.string(), z.number()),
  outcomes: z.object({
    exceeded: z.number(),
    on_time: z.number(),
    late: z.number(),
    not_done: z.number(),
    open: z.number(),
    overdue: z.number(),
  }),
  models: z.array(taskRowDto),
});
export type TaskStatsDto = z.infer<typeof taskStatsDto>;

// ─── Chi bộ / Đảng viên 4 tốt ───────────────────────────────────────────────────────────

export const criterionDto = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
});
export const criteriaSetDto = z.object({
  id: z.number(),
  kind: z.enum(fourGoodKinds),
  name: z.string(),
  unitName: z.string(),
  fromYear: z.number(),
  criteria: z.array(criterionDto),
  shipped: z.boolean(),
});
export type CriteriaSetDto = z.infer<typeof criteriaSetDto>;
export const criteriaSetQuery = z.object({
  kind: z.enum(fourGoodKinds),
  unitId: z.coerce.number().int().positive().optional(),
  year: year.optional(),
});
export const createCriteriaSetBody = z.object({
  kind: z.enum(fourGoodKinds),
  unitId: z.number().int().positive(),
  name: required(300),
  fromYear: year,
  criteria: z
    .array(
      z.object({
        code: required(40).regex(/^[a-z0-9_]+$/, 'chỉ gồm chữ thường không dấu, số, gạch dưới'),
        name: required(300),
        description: text(1000).default(''),
      }),
    )
    .min(1, 'cần ít nhất một tiêu chí')
    .max(10),
});
export type CreateCriteriaSetBody = z.infer<typeof createCriteriaSetBody>;

export const selfAssessBody = z.object({
  kind: z.enum(fourGoodKinds),
  year,
  /** The cell for kind 'cell'; ignored for 'member'. */
  unitId: z.number().int().positive().optional(),
  /** For 'member': omitted means the caller's own record. */
  memberId: z.number().int().positive().optional(),
  scores: z.array(
    z.object({ code: z.string(), met: z.boolean(), comment: text(1000).default('') }),
  ),
  selfComment: text(3000).default(''),
});
export type SelfAssessBody = z.infer<typeof selfAssessBody>;

export const recognizeBody = z.object({
  version: versionField,
  recognized: z.boolean(),
  comment: text(2000).default(''),
});
export type RecognizeBody = z.infer<typeof recognizeBody>;

export const assessmentListQuery = z.object({
  kind: z.enum(fourGoodKinds),
  year,
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(fourGoodStatuses).optional(),
  ...pageQuery,
});
export type AssessmentListQuery = z.infer<typeof assessmentListQuery>;

export const assessmentDto = z.object({
  id: z.number(),
  kind: z.enum(fourGoodKinds),
  year: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
  criteriaSetName: z.string(),
  criteria: z.array(criterionDto),
  scores: z.array(z.object({ code: z.string(), met: z.boolean(), comment: z.string() })),
  metCount: z.number(),
  selfComment: z.string(),
  status: z.enum(fourGoodStatuses),
  recognitionComment: z.string(),
  version: z.number(),
  canRecognize: z.boolean(),
});
export type AssessmentDto = z.infer<typeof assessmentDto>;
export const assessmentPage = pageResult(assessmentDto).extend({
  counts: z.object({ submitted: z.number(), recognized: z.number(), not_recognized: z.number() }),
});
export type AssessmentPage = z.infer<typeof assessmentPage>;

import { z } from 'zod';
import { isoDate, pageQuery, pageResult, versionField } from './common.ts';

/** Đánh giá, xếp loại (QĐ 366-QĐ/TW): codes and their Vietnamese labels. */
export const periodKinds = ['year', 'quarter', 'term', 'ad_hoc'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const periodKindLabels: Record<PeriodKind, string> = {
  year: 'Năm',
  quarter: 'Quý',
  term: 'Nhiệm kỳ',
  ad_hoc: 'Đột xuất',
};

export const evaluationSubjects = ['individual', 'collective'] as const;
export type EvaluationSubject = (typeof evaluationSubjects)[number];
export const evaluationSubjectLabels: Record<EvaluationSubject, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
};

export const ratingCodes = ['excellent', 'good', 'complete', 'incomplete'] as const;
export type RatingCode = (typeof ratingCodes)[number];
export const ratingCodeLabels: Record<RatingCode, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ',
  incomplete: 'Không hoàn thành nhiệm vụ',
};

export const stepCodes = ['self', 'collective', 'advisory', 'decision'] as const;
export type StepCode = (typeof stepCodes)[number];
export const stepLabels: Record<StepCode, string> = {
  self: 'Tự đánh giá',
  collective: 'Nhận xét của tập thể',
  advisory: 'Đề xuất của cơ quan tham mưu',
  decision: 'Quyết định của cấp có thẩm quyền',
};
export const stageLabels: Record<string, string> = {
  none: 'Chưa tự đánh giá',
  self: 'Đã tự đánh giá',
  collective: 'Tập thể đã nhận xét',
  advisory: 'Đã có đề xuất',
  decided: 'Đã quyết định',
};

export const criterionParts = ['general', 'tasks'] as const;
export const criterionPartLabels: Record<(typeof criterionParts)[number], string> = {
  general: 'Tiêu chí chung',
  tasks: 'Kết quả thực hiện nhiệm vụ',
};

export const feedbackSources = ['front', 'mass_org', 'residents', 'other'] as const;
export type FeedbackSource = (typeof feedbackSources)[number];
export const feedbackSourceLabels: Record<FeedbackSource, string> = {
  front: 'Mặt trận Tổ quốc',
  mass_org: 'Đoàn thể chính trị – xã hội',
  residents: 'Nhân dân (qua tổ dân phố, khu dân cư)',
  other: 'Nguồn khác',
};

const citation = z.object({ rule: z.string(), document: z.string() });
const points = z.number().min(0).max(100);

export const criterionDto = z.object({
  id: z.number(),
  frameworkId: z.number(),
  postTitleCode: z.string().nullable(),
  part: z.enum(criterionParts),
  name: z.string(),
  guidance: z.string(),
  maxPoints: z.number(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type CriterionDto = z.infer<typeof criterionDto>;

export const frameworkDto = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  subject: z.enum(evaluationSubjects),
  description: z.string(),
  document: z.string(),
  active: z.boolean(),
  version: z.number(),
  criteria: z.array(criterionDto),
});
export type FrameworkDto = z.infer<typeof frameworkDto>;

export const updateFrameworkBody = z.object({
  version: versionField,
  name: z.string().trim().min(1).max(300).optional(),
  description: z.string().max(2000).optional(),
  active: z.boolean().optional(),
});
export const createCriterionBody = z.object({
  part: z.enum(criterionParts),
  name: z.string().trim().min(1).max(500),
  guidance: z.string().max(2000).default(''),
  maxPoints: z.number().positive().max(70),
  postTitleCode: z.string().trim().min(1).max(50).nullable().default(null),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});
export const updateCriterionBody = createCriterionBody
  .partial()
  .extend({ version: versionField, active: z.boolean().optional() });

export const periodDto = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  kind: z.enum(periodKinds),
  subject: z.enum(evaluationSubjects),
  year: z.number(),
  label: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['open', 'closed']),
  note: z.string(),
  version: z.number(),
  total: z.number(),
  decided: z.number(),
});
export type PeriodDto = z.infer<typeof periodDto>;

export const createPeriodBody = z.object({
  unitId: z.number().int().positive(),
  kind: z.enum(periodKinds),
  subject: z.enum(evaluationSubjects),
  year: z.number().int().min(2000).max(2100),
  label: z.string().trim().max(200).default(''),
  startDate: isoDate,
  endDate: isoDate,
  note: z.string().max(2000).default(''),
});
export type CreatePeriodBody = z.infer<typeof createPeriodBody>;
export const updatePeriodBody = z.object({
  version: versionField,
  status: z.enum(['open', 'closed']).optional(),
  label: z.string().trim().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
});
export const periodListQuery = z.object({
  year: z.coerce.number().int().optional(),
  ...pageQuery,
});
export const periodPage = pageResult(periodDto);

export const taskCountsDto = z.object({
  total: z.number(),
  exceeded: z.number(),
  onTime: z.number(),
  late: z.number(),
  notDone: z.number(),
  open: z.number(),
});
export type TaskCountsDto = z.infer<typeof taskCountsDto>;

export const evaluationRowDto = z.object({
  id: z.number(),
  periodId: z.number(),
  memberId: z.number().nullable(),
  targetUnitId: z.number().nullable(),
  name: z.string(),
  unitName: z.string(),
  frameworkId: z.number(),
  frameworkName: z.string(),
  stage: z.string(),
  selfTotal: z.number().nullable(),
  collectiveTotal: z.number().nullable(),
  advisoryTotal: z.number().nullable(),
  finalScore: z.number().nullable(),
  rating: z.enum(ratingCodes).nullable(),
  version: z.number(),
});
export type EvaluationRowDto = z.infer<typeof evaluationRowDto>;
export const evaluationListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  stage: z.string().max(20).optional(),
  rating: z.enum(ratingCodes).optional(),
  ...pageQuery,
});
export const evaluationPage = pageResult(evaluationRowDto);

export const stepDto = z.object({
  step: z.enum(stepCodes),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  proposedRating: z.enum(ratingCodes).nullable(),
  comment: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type StepDto = z.infer<typeof stepDto>;

export const ratingPreviewDto = z.object({
  rating: z.enum(ratingCodes),
  rule: z.string(),
  citations: z.array(citation),
  score: z.number(),
});

export const evaluationDto = evaluationRowDto.extend({
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  periodStatus: z.string(),
  subject: z.enum(evaluationSubjects),
  ratingRule: z.string(),
  ratingCitations: z.array(citation),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  steps: z.array(stepDto),
  criteria: z.array(criterionDto),
  /** Live counts from the tasks module (the decided snapshot is in decidedTaskCounts). */
  taskCounts: taskCountsDto,
  decidedTaskCounts: taskCountsDto.nullable(),
  /** The rating the latest score would get now, with its rule. */
  preview: ratingPreviewDto.nullable(),
  can: z.object({
    self: z.boolean(),
    collective: z.boolean(),
    advisory: z.boolean(),
    decide: z.boolean(),
    framework: z.boolean(),
  }),
});
export type EvaluationDto = z.infer<typeof evaluationDto>;

/** The criteria framework of one evaluation (QĐ 366: five frameworks), before its first step. */
export const frameworkBody = z.object({
  version: versionField,
  frameworkId: z.number().int().positive(),
});

export const stepBody = z.object({
  version: versionField,
  scores: z.record(z.string().regex(/^\d+$/), points),
  comment: z.string().max(4000).default(''),
  proposedRating: z.enum(ratingCodes).nullable().default(null),
});
export type StepBody = z.infer<typeof stepBody>;
export const stepParam = z.object({
  id: z.coerce.number().int().positive(),
  step: z.enum(['self', 'collective', 'advisory']),
});

export const decideBody = z.object({
  version: versionField,
  comment: z.string().max(4000).default(''),
  /** Collectives: sub-units disciplined in the period (CanBo keeps no unit discipline record). */
  subUnitsDisciplined: z.number().int().min(0).max(10_000).default(0),
});

export const rateBody = z.object({ unitId: z.number().int().positive().optional() });
export const rateResultDto = z.object({
  rated: z.number(),
  skipped: z.number(),
  byRating: z.record(z.string(), z.number()),
  movedByQuota: z.number(),
  quotaRule: z.string(),
  /** Collectives reaching "xuất sắc", left for their own decision (sub-unit discipline). */
  heldForDecision: z.number(),
});
export type RateResultDto = z.infer<typeof rateResultDto>;

export const statsQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });
export const statsRowDto = z.object({
  unitId: z.number(),
  unitName: z.string(),
  total: z.number(),
  excellent: z.number(),
  good: z.number(),
  complete: z.number(),
  incomplete: z.number(),
  undecided: z.number(),
});
export type StatsRowDto = z.infer<typeof statsRowDto>;
export const statsDto = z.object({
  unitName: z.string(),
  rows: z.array(statsRowDto),
  total: statsRowDto,
});
export type StatsDto = z.infer<typeof statsDto>;

export const memberRatingDto = z.object({
  evaluationId: z.number(),
  periodId: z.number(),
  periodLabel: z.string(),
  kind: z.enum(periodKinds),
  year: z.number(),
  stage: z.string(),
  finalScore: z.number().nullable(),
  rating: z.enum(ratingCodes).nullable(),
  ratingRule: z.string(),
  decidedAt: z.string().nullable(),
});
export type MemberRatingDto = z.infer<typeof memberRatingDto>;

export const feedbackDto = z.object({
  id: z.number(),
  memberId: z.number(),
  sourceKind: z.enum(feedbackSources),
  sourceName: z.string(),
  receivedDate: z.string(),
  content: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
});
export type FeedbackDto = z.infer<typeof feedbackDto>;
export const createFeedbackBody = z.object({
  sourceKind: z.enum(feedbackSources),
  sourceName: z.string().trim().min(1).max(300),
  receivedDate: isoDate,
  content: z.string().trim().min(1).max(8000),
});

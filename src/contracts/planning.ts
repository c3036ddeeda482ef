/** Contracts of succession planning (quy hoạch cán bộ, QĐ 377-QĐ/TW), shared by server and web. */
import { z } from 'zod';
import { isoDate, pageQuery, pageResult, versionField } from './common.ts';
import { termText } from './posts.ts';
import { citationDto } from './rules.ts';

const text = (max: number) => z.string().trim().max(max, `tối đa ${max} ký tự`);
const required = (max: number) => text(max).min(1, 'không được để trống');

/** Nguồn quy hoạch: tại chỗ (inside the unit) or từ nơi khác. */
export const planningSources = ['inside', 'outside'] as const;
export type PlanningSource = (typeof planningSources)[number];
export const planningSourceLabels: Record<PlanningSource, string> = {
  inside: 'Nguồn tại chỗ',
  outside: 'Nguồn từ nơi khác',
};

/** Kết luận tiêu chuẩn chính trị of the planned person, as the committee recorded it. */
export const politicalStandards = ['met', 'not_met', 'pending'] as const;
export type PoliticalStandard = (typeof politicalStandards)[number];
export const politicalStandardLabels: Record<PoliticalStandard, string> = {
  met: 'Đạt tiêu chuẩn chính trị',
  not_met: 'Không đạt tiêu chuẩn chính trị',
  pending: 'Chưa kết luận',
};

export const entryStatuses = ['active', 'removed'] as const;
export type EntryStatus = (typeof entryStatuses)[number];
export const entryStatusLabels: Record<EntryStatus, string> = {
  active: 'Đang trong quy hoạch',
  removed: 'Đã đưa ra khỏi quy hoạch',
};

/** Why a removal is proposed by the annual review. */
export const removalTriggers = [
  'age',
  'discipline',
  'political',
  'rating',
  'left',
  'appointed',
] as const;
export type RemovalTrigger = (typeof removalTriggers)[number];
export const removalTriggerLabels: Record<RemovalTrigger, string> = {
  age: 'Không còn đủ tuổi công tác trọn một nhiệm kỳ',
  discipline: 'Bị kỷ luật trong thời hạn không được quy hoạch',
  political: 'Không đạt tiêu chuẩn chính trị',
  rating: 'Xếp loại không hoàn thành nhiệm vụ',
  left: 'Không còn sinh hoạt đảng (đã ra khỏi danh sách)',
  appointed: 'Đã được bổ nhiệm vào chức danh quy hoạch',
};

/** A check of one person against one post: 'block' refuses, 'warn' asks the officer to confirm. */
export const planningCheckDto = z.object({
  code: z.string(),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  citations: z.array(citationDto),
});
export type PlanningCheckDto = z.infer<typeof planningCheckDto>;

// ─── Pools (one post title in one unit for one term) ─────────────────────────────────────

export const entryDto = z.object({
  id: z.number(),
  poolId: z.number(),
  memberId: z.number(),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  memberUnitName: z.string(),
  currentPost: z.string(),
  source: z.enum(planningSources),
  nominationRound: z.string(),
  votesCast: z.number().nullable(),
  votesFor: z.number().nullable(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  politicalStandard: z.enum(politicalStandards),
  status: z.enum(entryStatuses),
  removedDate: z.string().nullable(),
  removalDecisionNumber: z.string(),
  removalReason: z.string(),
  note: z.string(),
  version: z.number(),
});
export type EntryDto = z.infer<typeof entryDto>;

/** One planning entry of a person, with the pool it belongs to (the member page's tab). */
export const memberPlanningDto = entryDto
  .pick({
    id: true,
    poolId: true,
    source: true,
    nominationRound: true,
    votesCast: true,
    votesFor: true,
    decisionNumber: true,
    decisionDate: true,
    politicalStandard: true,
    status: true,
    removedDate: true,
    removalDecisionNumber: true,
    removalReason: true,
  })
  .extend({ postTitleName: z.string(), unitName: z.string(), term: z.string() });
export type MemberPlanningDto = z.infer<typeof memberPlanningDto>;

export const poolDto = z.object({
  id: z.number(),
  postTitleId: z.number(),
  postTitleName: z.string(),
  isKey: z.boolean(),
  unitId: z.number(),
  unitName: z.string(),
  term: z.string(),
  activeCount: z.number(),
  maxPeople: z.number(),
  note: z.string(),
  version: z.number(),
});
export type PoolDto = z.infer<typeof poolDto>;

export const poolDetailDto = poolDto.extend({
  entries: z.array(entryDto),
  maxPeopleCitation: citationDto,
});
export type PoolDetailDto = z.infer<typeof poolDetailDto>;

export const poolListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  term: termText.optional(),
  ...pageQuery,
});
export const poolPage = pageResult(poolDto);
export type PoolPageDto = z.infer<typeof poolPage>;

export const createPoolBody = z.object({
  postTitleId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  term: termText.refine((s) => s !== '', 'không được để trống'),
  note: text(1000).default(''),
});
export type CreatePoolBody = z.output<typeof createPoolBody>;

/** How a person enters a pool: the nomination round and its secret-ballot tally as counts only. */
export const entryFields = {
  memberId: z.number().int().positive(),
  source: z.enum(planningSources),
  nominationRound: text(300).default(''),
  votesCast: z.number().int().min(0).max(100_000).nullable().default(null),
  votesFor: z.number().int().min(0).max(100_000).nullable().default(null),
  decisionNumber: required(100),
  decisionDate: isoDate,
  politicalStandard: z.enum(politicalStandards).default('met'),
  note: text(1000).default(''),
};
export const addEntryBody = z
  .object(entryFields)
  .refine((b) => (b.votesCast === null) === (b.votesFor === null), {
    message: 'Ghi đủ cả số phiếu phát ra và số phiếu giới thiệu, hoặc để trống cả hai',
    path: ['votesFor'],
  })
  .refine((b) => b.votesFor === null || b.votesCast === null || b.votesFor <= b.votesCast, {
    message: 'Số phiếu giới thiệu không lớn hơn số phiếu phát ra',
    path: ['votesFor'],
  });
export type AddEntryBody = z.output<typeof addEntryBody>;

export const checkEntryBody = z.object({
  memberId: z.number().int().positive(),
  decisionDate: isoDate.optional(),
});
export const checkEntryResult = z.object({
  ok: z.boolean(),
  checks: z.array(planningCheckDto),
});
export type CheckEntryResult = z.infer<typeof checkEntryResult>;

export const addEntryResult = z.object({
  entry: entryDto,
  warnings: z.array(planningCheckDto),
});

export const updateEntryBody = z.object({
  version: versionField,
  politicalStandard: z.enum(politicalStandards).optional(),
  note: text(1000).optional(),
});

export const removeEntryBody = z.object({
  version: versionField,
  removedDate: isoDate,
  removalDecisionNumber: required(100),
  removalReason: required(500),
});
export type RemoveEntryBody = z.output<typeof removeEntryBody>;

// ─── Annual review (rà soát) ─────────────────────────────────────────────────────────────

export const reviewQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  term: termText.refine((s) => s !== '', 'không được để trống'),
  date: isoDate.optional(),
});

export const removalProposalDto = z.object({
  entryId: z.number(),
  memberId: z.number(),
  fullName: z.string(),
  triggers: z.array(
    z.object({
      trigger: z.enum(removalTriggers),
      message: z.string(),
      citations: z.array(citationDto),
    }),
  ),
});
export type RemovalProposalDto = z.infer<typeof removalProposalDto>;

export const reviewPoolDto = poolDto.extend({
  entries: z.array(entryDto),
  proposals: z.array(removalProposalDto),
});
export type ReviewPoolDto = z.infer<typeof reviewPoolDto>;

export const reviewPreviewDto = z.object({
  unitId: z.number(),
  unitName: z.string(),
  term: z.string(),
  date: z.string(),
  lastReviewDate: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  intervalCitation: citationDto,
  pools: z.array(reviewPoolDto),
});
export type ReviewPreviewDto = z.infer<typeof reviewPreviewDto>;

export const recordReviewBody = z.object({
  unitId: z.number().int().positive(),
  term: termText.refine((s) => s !== '', 'không được để trống'),
  decisionNumber: required(100),
  decisionDate: isoDate,
  note: text(2000).default(''),
  removals: z
    .array(z.object({ entryId: z.number().int().positive(), reason: required(500) }))
    .max(5000)
    .default([]),
  additions: z
    .array(
      z.object({
        poolId: z.number().int().positive(),
        memberId: entryFields.memberId,
        source: entryFields.source,
        nominationRound: entryFields.nominationRound,
        votesCast: entryFields.votesCast,
        votesFor: entryFields.votesFor,
        politicalStandard: entryFields.politicalStandard,
      }),
    )
    .max(5000)
    .default([]),
});
export type RecordReviewBody = z.output<typeof recordReviewBody>;

export const reviewDto = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  term: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  removedCount: z.number(),
  addedCount: z.number(),
  note: z.string(),
  recordedBy: z.string(),
});
export type ReviewDto = z.infer<typeof reviewDto>;

export const reviewListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});
export const reviewPage = pageResult(reviewDto);

// ─── Succession view and structure ───────────────────────────────────────────────────────

export const successionQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  term: termText.refine((s) => s !== '', 'không được để trống'),
  date: isoDate.optional(),
  /** Only posts with no successor or only one. */
  gapsOnly: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const successionRowDto = z.object({
  postTitleId: z.number(),
  postTitleName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  poolId: z.number().nullable(),
  holder: z
    .object({
      memberId: z.number(),
      fullName: z.string(),
      startDate: z.string(),
      monthsLeftInPost: z.number().nullable(),
      monthsToRetirement: z.number().nullable(),
    })
    .nullable(),
  successors: z.array(
    z.object({ memberId: z.number(), fullName: z.string(), birthDate: z.string() }),
  ),
  /** none (0 successors) | one (1) | ok (2 or more). */
  coverage: z.enum(['none', 'one', 'ok']),
});
export type SuccessionRowDto = z.infer<typeof successionRowDto>;

export const successionPage = pageResult(successionRowDto).extend({
  unitName: z.string(),
  date: z.string(),
  counts: z.object({ posts: z.number(), none: z.number(), one: z.number() }),
  citations: z.array(citationDto),
});
export type SuccessionPageDto = z.infer<typeof successionPage>;

export const structureQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  term: termText.refine((s) => s !== '', 'không được để trống'),
  date: isoDate.optional(),
});

export const structureDto = z.object({
  unitName: z.string(),
  term: z.string(),
  date: z.string(),
  people: z.number(),
  ageBands: z.array(z.object({ label: z.string(), count: z.number() })),
  shares: z.array(
    z.object({
      key: z.enum(['women', 'young', 'ethnic_minority']),
      label: z.string(),
      count: z.number(),
      percent: z.number(),
      targetPercent: z.number().nullable(),
    }),
  ),
  citations: z.array(citationDto),
});
export type StructureDto = z.infer<typeof structureDto>;

import { z } from 'zod';
import { isoDate, pageQuery, pageResult, versionField } from './common.ts';
import { appointmentMethods, postLevels, postSectors, warningKinds } from './enums.ts';
import { citationDto } from './rules.ts';

const text = (max: number) => z.string().trim().max(max, `tối đa ${max} ký tự`);

// ─── Post titles (danh mục chức danh) ─────────────────────────────────────────────────────

export const postTitleDto = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(postLevels),
  sector: z.enum(postSectors),
  managingBody: z.string(),
  isKey: z.boolean(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type PostTitleDto = z.infer<typeof postTitleDto>;

export const postTitleListQuery = z.object({
  includeInactive: z.enum(['true', 'false']).optional(),
});

const postTitleFields = {
  code: text(40)
    .min(1, 'không được để trống')
    .regex(/^[A-Za-z0-9_.-]+$/, 'chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang'),
  name: text(200).min(1, 'không được để trống'),
  level: z.enum(postLevels),
  sector: z.enum(postSectors),
  managingBody: text(200).default(''),
  isKey: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
};
export const createPostTitleBody = z.object(postTitleFields);
export const updatePostTitleBody = z.object({
  version: versionField,
  code: postTitleFields.code.optional(),
  name: postTitleFields.name.optional(),
  level: postTitleFields.level.optional(),
  sector: postTitleFields.sector.optional(),
  managingBody: text(200).optional(),
  isKey: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
export type UpdatePostTitleBody = z.infer<typeof updatePostTitleBody>;

// ─── Appointments (chức vụ đã và đang giữ) ───────────────────────────────────────────────

/** Nhiệm kỳ "2020-2025" (or empty when the post is not held by terms). */
export const termText = z
  .string()
  .trim()
  .regex(/^(\d{4}\s*[-–]\s*\d{4})?$/, 'phải có dạng 2020-2025')
  .refine((s) => {
    if (!s) return true;
    const [a, b] = s.split(/\s*[-–]\s*/).map(Number);
    return b! > a!;
  }, 'năm kết thúc phải sau năm bắt đầu')
  .transform((s) => s.replace(/\s*[-–]\s*/, '-'));

const appointmentFields = {
  postTitleId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  startDate: isoDate,
  endDate: isoDate.nullable().default(null),
  decisionNumber: text(100).default(''),
  decisionDate: isoDate.nullable().default(null),
  method: z.enum(appointmentMethods),
  concurrent: z.boolean().default(false),
  term: termText.default(''),
  endReason: text(300).default(''),
  note: text(1000).default(''),
};
export const createAppointmentBody = z.object(appointmentFields);
export type CreateAppointmentBody = z.infer<typeof createAppointmentBody>;
/** A whole new state of the appointment (the edit form sends every field) plus its version. */
export const updateAppointmentBody = z.object({ ...appointmentFields, version: versionField });
export type UpdateAppointmentBody = z.infer<typeof updateAppointmentBody>;
export const deleteAppointmentQuery = z.object({ version: z.coerce.number().int().positive() });

export const appointmentDto = z.object({
  id: z.number(),
  memberId: z.number(),
  postTitleId: z.number(),
  postTitleName: z.string(),
  postLevel: z.enum(postLevels),
  isKey: z.boolean(),
  unitId: z.number(),
  /** The unit's name on the start date (names change; history keeps the old one). */
  unitName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  decisionNumber: z.string(),
  decisionDate: z.string().nullable(),
  method: z.enum(appointmentMethods),
  concurrent: z.boolean(),
  term: z.string(),
  endReason: z.string(),
  note: z.string(),
  /** In force today. */
  current: z.boolean(),
  version: z.number(),
});
export type AppointmentDto = z.infer<typeof appointmentDto>;

// ─── Tenure (computed, with citations) ───────────────────────────────────────────────────

export const checkStatuses = [
  'ok',
  'near',
  'over',
  'none',
  'unknown',
  'local',
  'nonlocal',
  'retired',
  'ineligible',
] as const;
export type CheckStatus = (typeof checkStatuses)[number];
export const checkDto = z.object({
  status: z.enum(checkStatuses),
  message: z.string(),
  citations: z.array(citationDto),
});
export type CheckDto = z.infer<typeof checkDto>;

export const statusLabels: Record<CheckStatus, string> = {
  ok: 'Trong giới hạn',
  near: 'Sắp đến hạn',
  over: 'Đã quá hạn',
  none: 'Không áp dụng',
  unknown: 'Chưa xác định',
  local: 'Người địa phương',
  nonlocal: 'Không là người địa phương',
  retired: 'Đã đến tuổi nghỉ hưu',
  ineligible: 'Không đủ điều kiện',
};

export const tenureQuery = z.object({ date: isoDate.optional() });

export const postTenureDto = z.object({
  appointmentId: z.number(),
  postTitleName: z.string(),
  unitName: z.string(),
  startDate: z.string(),
  /** Months in this appointment on the reference date. */
  monthsInPost: z.number(),
  /** Start of the unbroken run in the same post in the same unit. */
  continuousSince: z.string(),
  continuousMonths: z.number(),
  terms: z.number(),
  termLimit: checkDto,
  samePost: checkDto,
  locality: checkDto,
});
export type PostTenureDto = z.infer<typeof postTenureDto>;

export const tenureDto = z.object({
  memberId: z.number(),
  date: z.string(),
  retirementDate: z.string().nullable(),
  serviceMonthsLeft: z.number().nullable(),
  retirement: checkDto,
  firstTimeCommittee: checkDto,
  reelection: checkDto,
  posts: z.array(postTenureDto),
});
export type TenureDto = z.infer<typeof tenureDto>;

// ─── Warnings dashboard ("Cảnh báo") ─────────────────────────────────────────────────────

export const warningsQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  kind: z.enum(warningKinds).default('term_limit'),
  withinMonths: z.coerce.number().int().min(1).max(120).default(12),
  date: isoDate.optional(),
  ...pageQuery,
});
export type WarningsQuery = z.infer<typeof warningsQuery>;
export const warningsExportQuery = warningsQuery.omit({ page: true, pageSize: true });

export const warningRowDto = z.object({
  memberId: z.number(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  unitName: z.string(),
  postTitleName: z.string(),
  /** When the situation began (start in post) or is due (limit, retirement). */
  since: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(checkStatuses),
  reason: z.string(),
  citations: z.array(citationDto),
});
export type WarningRowDto = z.infer<typeof warningRowDto>;

export const warningsDto = pageResult(warningRowDto).extend({
  kind: z.enum(warningKinds),
  date: z.string(),
  unitName: z.string(),
  counts: z.object({
    term_limit: z.number(),
    retirement: z.number(),
    documents: z.number().nullable(),
    same_post: z.number(),
    overdue_tasks: z.number(),
  }),
});
export type WarningsDto = z.infer<typeof warningsDto>;

// ─── Statistic: non-local share of key posts ─────────────────────────────────────────────

export const nonLocalQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  date: isoDate.optional(),
});

export const nonLocalRowDto = z.object({
  postTitleId: z.number(),
  postTitleName: z.string(),
  total: z.number(),
  nonLocal: z.number(),
  unknown: z.number(),
  percentText: z.string(),
});

export const nonLocalDto = z.object({
  date: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  total: z.number(),
  nonLocal: z.number(),
  unknown: z.number(),
  percent: z.number().nullable(),
  percentText: z.string(),
  targetPercent: z.number().nullable(),
  /** Whether the share reaches the target; null without a target or without key posts. */
  reached: z.boolean().nullable(),
  /** "53,1% (17/32) ≥ chỉ tiêu 50% theo …: đạt", "… : chưa đạt" or "chưa có chỉ tiêu". */
  verdict: z.string(),
  citations: z.array(citationDto),
  byPost: z.array(nonLocalRowDto),
});
export type NonLocalDto = z.infer<typeof nonLocalDto>;

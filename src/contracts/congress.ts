import { z } from 'zod';
import { isoDate, pageQuery, pageResult, versionField } from './common.ts';
import { checkDto } from './posts.ts';

/** Đại hội đảng viên (every member attends) or đại hội đại biểu (elected delegates attend). */
export const congressKinds = ['members', 'delegates'] as const;
export type CongressKind = (typeof congressKinds)[number];
export const congressKindLabels: Record<CongressKind, string> = {
  members: 'Đại hội đảng viên',
  delegates: 'Đại hội đại biểu',
};

export const congressStatuses = ['preparing', 'in_session', 'closed'] as const;
export type CongressStatus = (typeof congressStatuses)[number];
export const congressStatusLabels: Record<CongressStatus, string> = {
  preparing: 'Đang chuẩn bị',
  in_session: 'Đang họp',
  closed: 'Đã bế mạc',
};

export const bodyKinds = [
  'executive_committee',
  'standing_committee',
  'secretary',
  'deputy_secretary',
  'inspection_committee',
  'inspection_chair',
  'higher_delegates',
] as const;
export type BodyKind = (typeof bodyKinds)[number];
export const bodyKindLabels: Record<BodyKind, string> = {
  executive_committee: 'Ban Chấp hành',
  standing_committee: 'Ban Thường vụ',
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  inspection_committee: 'Ủy ban Kiểm tra',
  inspection_chair: 'Chủ nhiệm Ủy ban Kiểm tra',
  higher_delegates: 'Đại biểu dự đại hội cấp trên',
};

export const attendeeRoles = [
  'full_member',
  'probationary_member',
  'delegate',
  'alternate',
] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];
export const attendeeRoleLabels: Record<AttendeeRole, string> = {
  full_member: 'Đảng viên chính thức',
  probationary_member: 'Đảng viên dự bị',
  delegate: 'Đại biểu chính thức',
  alternate: 'Đại biểu dự khuyết',
};

export const attendeeStatuses = [
  'expected',
  'present',
  'absent_excused',
  'absent_unexcused',
  'attending_elsewhere',
  'exempted_absent',
  'suspended',
  'replaced',
] as const;
export type AttendeeStatus = (typeof attendeeStatuses)[number];
export const attendeeStatusLabels: Record<AttendeeStatus, string> = {
  expected: 'Chưa điểm danh',
  present: 'Có mặt',
  absent_excused: 'Vắng cả đại hội, có lý do được chấp thuận',
  absent_unexcused: 'Vắng không có lý do',
  attending_elsewhere: 'Đang sinh hoạt tạm thời nơi khác',
  exempted_absent: 'Được miễn sinh hoạt, không dự',
  suspended: 'Bị đình chỉ sinh hoạt, truy tố, tạm giam',
  replaced: 'Vắng, đã có đại biểu dự khuyết thay',
};

const citation = z.object({ rule: z.string(), document: z.string() });

// ─── Congress ────────────────────────────────────────────────────────────────────────────

const termText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4}$/, 'phải có dạng 2025-2030');
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'phải có dạng tháng/năm');

export const bodyInput = z.object({
  /** Present when editing an existing body. */
  id: z.number().int().positive().optional(),
  kind: z.enum(bodyKinds),
  name: z.string().trim().min(1, 'không được để trống').max(200),
  seats: z.number().int().min(1, 'phải từ 1 trở lên').max(1000),
});
export type BodyInput = z.infer<typeof bodyInput>;

export const createCongressBody = z.object({
  unitId: z.number().int().positive(),
  name: z.string().trim().min(1, 'không được để trống').max(300),
  term: termText,
  kind: z.enum(congressKinds),
  startsOn: isoDate,
  endsOn: isoDate,
  /** Omitted: taken from the rule for the unit's level (CT 45). */
  ageReferenceMonth: monthText.optional(),
  bodies: z.array(bodyInput).max(20).default([]),
});
export type CreateCongressBody = z.infer<typeof createCongressBody>;

export const updateCongressBody = z.object({
  version: versionField,
  name: z.string().trim().min(1, 'không được để trống').max(300).optional(),
  term: termText.optional(),
  kind: z.enum(congressKinds).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  ageReferenceMonth: monthText.optional(),
  status: z.enum(congressStatuses).optional(),
  /** The whole list of bodies: those left out are removed (when nothing refers to them). */
  bodies: z.array(bodyInput).max(20).optional(),
});
export type UpdateCongressBody = z.infer<typeof updateCongressBody>;

export const bodyDto = z.object({
  id: z.number(),
  kind: z.enum(bodyKinds),
  kindLabel: z.string(),
  name: z.string(),
  seats: z.number(),
  sortOrder: z.number(),
});
export type BodyDto = z.infer<typeof bodyDto>;

export const congressDto = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  unitPath: z.string(),
  name: z.string(),
  term: z.string(),
  kind: z.enum(congressKinds),
  kindLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  ageReferenceMonth: z.string(),
  status: z.enum(congressStatuses),
  statusLabel: z.string(),
  bodies: z.array(bodyDto),
  /** Seat counts against the registry (CT 45): warnings with their citations. */
  seatChecks: z.array(checkDto),
  canWrite: z.boolean(),
  version: z.number(),
});
export type CongressDto = z.infer<typeof congressDto>;

export const congressListQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(congressStatuses).optional(),
  ...pageQuery,
});
export const congressListItem = congressDto.omit({ bodies: true, seatChecks: true }).extend({
  summoned: z.number(),
  present: z.number(),
});
export const congressPage = pageResult(congressListItem);
export type CongressListItem = z.infer<typeof congressListItem>;
export type CongressPage = z.infer<typeof congressPage>;

export const ageReferenceQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  on: isoDate,
});
export const ageReferenceDto = z.object({ month: z.string(), citation });

// ─── People summoned ─────────────────────────────────────────────────────────────────────

export const attendeeDto = z.object({
  id: z.number(),
  congressId: z.number(),
  memberId: z.number(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  unitName: z.string(),
  role: z.enum(attendeeRoles),
  roleLabel: z.string(),
  status: z.enum(attendeeStatuses),
  statusLabel: z.string(),
  conveningCommittee: z.boolean(),
  replacedByAttendeeId: z.number().nullable(),
  replacedByName: z.string().nullable(),
  /** The absent delegate this alternate stands in for. */
  replacesName: z.string().nullable(),
  cardCode: z.string(),
  checkedInAt: z.string().nullable(),
  statusNote: z.string(),
  version: z.number(),
});
export type AttendeeDto = z.infer<typeof attendeeDto>;

export const attendeeListQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(attendeeStatuses).optional(),
  role: z.enum(attendeeRoles).optional(),
  ...pageQuery,
});
export type AttendeeListQuery = z.infer<typeof attendeeListQuery>;

export const attendanceCounts = z.object({
  summoned: z.number(),
  present: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byRole: z.record(z.string(), z.number()),
});
export type AttendanceCounts = z.infer<typeof attendanceCounts>;

export const attendeePage = pageResult(attendeeDto).extend({ counts: attendanceCounts });
export type AttendeePage = z.infer<typeof attendeePage>;

export const addAttendeesBody = z.object({
  memberIds: z.array(z.number().int().positive()).min(1, 'chọn ít nhất một người').max(2000),
  role: z.enum(['delegate', 'alternate']),
  conveningCommittee: z.boolean().default(false),
});
export const summonResult = z.object({ added: z.number(), alreadySummoned: z.number() });

export const updateAttendeeBody = z.object({
  version: versionField,
  status: z.enum(attendeeStatuses).optional(),
  statusNote: z.string().trim().max(500).optional(),
  conveningCommittee: z.boolean().optional(),
  role: z.enum(attendeeRoles).optional(),
});
export type UpdateAttendeeBody = z.infer<typeof updateAttendeeBody>;

export const replaceAttendeeBody = z.object({
  version: versionField,
  alternateId: z.number().int().positive(),
  statusNote: z.string().trim().max(500).default(''),
});

export const checkInBody = z.object({ query: z.string().trim().min(1).max(200) });
export const checkInResult = z.object({
  outcome: z.enum(['checked_in', 'already_present', 'ambiguous', 'not_found', 'not_allowed']),
  message: z.string(),
  attendee: attendeeDto.nullable(),
  matches: z.array(attendeeDto),
  counts: attendanceCounts,
});
export type CheckInResult = z.infer<typeof checkInResult>;

export const thresholdBaseDto = z.object({
  base: z.number(),
  summoned: z.number(),
  /** Each exclusion with its count, as the minutes list them. */
  lines: z.array(z.object({ label: z.string(), count: z.number(), sign: z.enum(['+', '-']) })),
  explanation: z.string(),
  citations: z.array(citation),
});
export type ThresholdBaseDto = z.infer<typeof thresholdBaseDto>;

export const cardsQuery = z.object({ role: z.enum(attendeeRoles).optional() });

// ─── Personnel plan ──────────────────────────────────────────────────────────────────────

export const bodyParams = z.object({
  id: z.coerce.number().int().positive(),
  bodyId: z.coerce.number().int().positive(),
});

export const candidateDto = z.object({
  id: z.number(),
  bodyId: z.number(),
  memberId: z.number(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  ethnicity: z.string(),
  unitName: z.string(),
  /** Age in whole years at the reference month. */
  ageAtReference: z.number(),
  reelected: z.boolean(),
  reelectedSource: z.enum(['posts', 'manual']),
  young: z.boolean(),
  ethnicMinority: z.boolean(),
  service: checkDto,
  discipline: checkDto,
  dossier: checkDto,
  /** Whether the name passed the last nomination step of this body. */
  nominated: z.boolean(),
  note: z.string(),
  version: z.number(),
});
export type CandidateDto = z.infer<typeof candidateDto>;

export const structureLine = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number(),
  /** Of the candidates, in %, rounded to 2 decimals. */
  percent: z.number(),
  check: checkDto.nullable(),
});
export type StructureLine = z.infer<typeof structureLine>;

export const planDto = z.object({
  body: bodyDto,
  candidates: z.array(candidateDto),
  seats: z.number(),
  surplus: z.number(),
  surplusPercent: z.number(),
  structure: z.array(structureLine),
  referenceMonth: z.string(),
  canWrite: z.boolean(),
});
export type PlanDto = z.infer<typeof planDto>;

export const addCandidatesBody = z.object({
  memberIds: z.array(z.number().int().positive()).min(1, 'chọn ít nhất một người').max(500),
});
export const updateCandidateBody = z.object({
  version: versionField,
  /** null: decided from the posts module. */
  reelectedOverride: z.boolean().nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});

// ─── Nomination rounds ───────────────────────────────────────────────────────────────────

export const tallyDto = z.object({
  memberId: z.number(),
  fullName: z.string(),
  votes: z.number(),
  percent: z.number(),
  passed: z.boolean(),
});
export const stepDto = z.object({
  id: z.number(),
  bodyId: z.number(),
  stepNo: z.number(),
  name: z.string(),
  meetingDate: z.string().nullable(),
  summoned: z.number(),
  present: z.number(),
  tallies: z.array(tallyDto),
  entered: z.number(),
  passed: z.number(),
  /** How the pass mark is read, with its rule. */
  passRule: z.object({ message: z.string(), citations: z.array(citation) }),
  version: z.number(),
});
export type StepDto = z.infer<typeof stepDto>;
export const nominationDto = z.object({
  body: bodyDto,
  steps: z.array(stepDto),
  funnel: z.array(
    z.object({ stepNo: z.number(), name: z.string(), entered: z.number(), passed: z.number() }),
  ),
  canWrite: z.boolean(),
});
export type NominationDto = z.infer<typeof nominationDto>;

export const createStepsBody = z.object({
  /** Omitted: the five steps of the guidance. */
  names: z.array(z.string().trim().min(1).max(300)).min(1).max(10).optional(),
});
export const updateStepBody = z.object({
  version: versionField,
  name: z.string().trim().min(1, 'không được để trống').max(300).optional(),
  meetingDate: isoDate.nullable().optional(),
  summoned: z.number().int().min(0).max(100_000).optional(),
  present: z.number().int().min(0).max(100_000).optional(),
  /** The whole tally of the step: one count per name. */
  tallies: z
    .array(z.object({ memberId: z.number().int().positive(), votes: z.number().int().min(0) }))
    .max(2000)
    .optional(),
});
export type UpdateStepBody = z.infer<typeof updateStepBody>;

export const nomineeDto = z.object({
  memberId: z.number(),
  fullName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  ethnicity: z.string(),
  unitName: z.string(),
  votes: z.number(),
  percent: z.number(),
});
export type NomineeDto = z.infer<typeof nomineeDto>;

import { z } from 'zod';
import { isoDate, pageQuery, versionField } from './common.ts';
import {
  genders,
  generalEducationLevels,
  memberStatuses,
  politicalTheoryLevels,
  professionalLevels,
  stateManagementLevels,
} from './enums.ts';
import { ethnicities, provinces, religions } from './reference-lists.ts';

const text = (max: number) => z.string().trim().max(max, `tối đa ${max} ký tự`);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
const optionalDate = isoDate.nullish().transform((v) => v ?? null);

/** The editable fields of a member record (identity part of 2C, party data, education). */
export const memberFields = z.object({
  fullName: z
    .string()
    .trim()
    .min(3, 'tối thiểu 3 ký tự')
    .max(120, 'tối đa 120 ký tự')
    .regex(/^[\p{L}' .-]+$/u, 'chỉ gồm chữ cái và khoảng trắng')
    .refine((s) => s.split(/\s+/).length >= 2, 'cần có họ và tên'),
  otherNames: optionalText(120),
  gender: z.enum(genders),
  birthDate: isoDate,
  birthplace: optionalText(300),
  hometownCommune: optionalText(200),
  hometownProvince: z
    .enum(provinces)
    .nullish()
    .transform((v) => v ?? null),
  residence: optionalText(300),
  ethnicity: z.enum(ethnicities),
  religion: z.enum(religions),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{12}$/, 'số CCCD/định danh gồm đúng 12 chữ số')
    .nullish()
    .transform((v) => v ?? null),
  joinDate: optionalDate,
  officialDate: optionalDate,
  cardNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.-]{4,20}$/, 'số thẻ đảng không hợp lệ')
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(memberStatuses),
  tempAttendancePlace: optionalText(300),
  tempAttendanceFrom: optionalDate,
  tempAttendanceTo: optionalDate,
  exempted: z.boolean().default(false),
  exemptionFrom: optionalDate,
  exemptionReason: optionalText(300),
  generalEducation: z
    .enum(generalEducationLevels)
    .nullish()
    .transform((v) => v ?? null),
  professionalLevel: z.enum(professionalLevels).default('none'),
  professionalField: optionalText(200),
  politicalTheory: z.enum(politicalTheoryLevels).default('none'),
  stateManagement: z.enum(stateManagementLevels).default('none'),
});
export type MemberFields = z.infer<typeof memberFields>;

export const createMemberBody = memberFields.extend({
  unitId: z.number().int().positive(),
});
export const updateMemberBody = memberFields.partial().extend({ version: versionField });

/** The few fields a member may change on their own record. */
export const selfEditableFields = ['otherNames', 'residence', 'professionalField'] as const;
export const updateOwnMemberBody = memberFields
  .pick({ otherNames: true, residence: true, professionalField: true })
  .partial()
  .extend({ version: versionField });

export const transferMemberBody = z.object({
  version: versionField,
  toUnitId: z.number().int().positive(),
  effectiveDate: isoDate,
  note: optionalText(300),
});
export const archiveMemberBody = z.object({
  version: versionField,
  reason: optionalText(300),
});
export const restoreMemberBody = z.object({ version: versionField });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

export const memberListQuery = z.object({
  ...pageQuery,
  q: text(100).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  /** Only the unit itself, or the unit and everything below it (default). */
  subtree: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  gender: z.enum(genders).optional(),
  status: csv(memberStatuses),
  ethnicity: z.enum(ethnicities).optional(),
  religion: z.enum(religions).optional(),
  hometownProvince: z.enum(provinces).optional(),
  birthFrom: isoDate.optional(),
  birthTo: isoDate.optional(),
  joinFrom: isoDate.optional(),
  joinTo: isoDate.optional(),
  officialFrom: isoDate.optional(),
  officialTo: isoDate.optional(),
  generalEducation: csv(generalEducationLevels),
  professionalLevel: csv(professionalLevels),
  politicalTheory: csv(politicalTheoryLevels),
  stateManagement: csv(stateManagementLevels),
  exempted: z.enum(['true', 'false']).optional(),
  tempAttendance: z.enum(['true', 'false']).optional(),
  idNumber: z.string().trim().max(12).optional(),
  cardNumber: z.string().trim().max(20).optional(),
  /** Free-text fields, matched as "contains", ignoring diacritics. */
  birthplace: text(100).optional(),
  hometownCommune: text(100).optional(),
  residence: text(100).optional(),
  professionalField: text(100).optional(),
  /** active (default), archived, or all */
  archived: z.enum(['active', 'archived', 'all']).default('active'),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const memberListItem = z.object({
  id: z.number(),
  fullName: z.string(),
  gender: z.enum(genders),
  birthDate: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  status: z.enum(memberStatuses),
  joinDate: z.string().nullable(),
  officialDate: z.string().nullable(),
  ethnicity: z.string(),
  professionalLevel: z.enum(professionalLevels),
  politicalTheory: z.enum(politicalTheoryLevels),
  archived: z.boolean(),
});
export type MemberListItem = z.infer<typeof memberListItem>;

export const memberUnitHistoryDto = z.object({
  unitId: z.number(),
  /** The unit's name as it was during this membership, not its name today. */
  unitNameThen: z.string(),
  unitNameNow: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  reason: z.string(),
  note: z.string().nullable(),
});

/**
 * A member record as the API returns it. Written out with output types rather than derived
 * from `memberFields`, whose one-way transforms the response serializer cannot encode.
 */
export const memberDto = z.object({
  id: z.number(),
  fullName: z.string(),
  otherNames: z.string().nullable(),
  gender: z.enum(genders),
  birthDate: z.string(),
  birthplace: z.string().nullable(),
  hometownCommune: z.string().nullable(),
  hometownProvince: z.enum(provinces).nullable(),
  residence: z.string().nullable(),
  ethnicity: z.enum(ethnicities),
  religion: z.enum(religions),
  idNumber: z.string().nullable(),
  joinDate: z.string().nullable(),
  officialDate: z.string().nullable(),
  cardNumber: z.string().nullable(),
  status: z.enum(memberStatuses),
  tempAttendancePlace: z.string().nullable(),
  tempAttendanceFrom: z.string().nullable(),
  tempAttendanceTo: z.string().nullable(),
  exempted: z.boolean(),
  exemptionFrom: z.string().nullable(),
  exemptionReason: z.string().nullable(),
  generalEducation: z.enum(generalEducationLevels).nullable(),
  professionalLevel: z.enum(professionalLevels),
  professionalField: z.string().nullable(),
  politicalTheory: z.enum(politicalTheoryLevels),
  stateManagement: z.enum(stateManagementLevels),
  unitId: z.number(),
  unitName: z.string(),
  archivedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  unitHistory: z.array(memberUnitHistoryDto),
});
export type MemberDto = z.infer<typeof memberDto>;

/** Vietnamese labels for every field, used in forms, history and validation messages. */
export const memberFieldLabels: Record<keyof MemberFields | 'unitId' | 'version', string> = {
  fullName: 'Họ và tên khai sinh',
  otherNames: 'Tên gọi khác',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  birthplace: 'Nơi sinh',
  hometownCommune: 'Quê quán (xã, phường)',
  hometownProvince: 'Quê quán (tỉnh, thành phố)',
  residence: 'Nơi ở hiện nay',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  idNumber: 'Số CCCD/định danh',
  joinDate: 'Ngày vào Đảng',
  officialDate: 'Ngày chính thức',
  cardNumber: 'Số thẻ đảng viên',
  status: 'Tình trạng đảng viên',
  tempAttendancePlace: 'Nơi sinh hoạt tạm thời',
  tempAttendanceFrom: 'Sinh hoạt tạm thời từ ngày',
  tempAttendanceTo: 'Sinh hoạt tạm thời đến ngày',
  exempted: 'Miễn sinh hoạt',
  exemptionFrom: 'Miễn sinh hoạt từ ngày',
  exemptionReason: 'Lý do miễn sinh hoạt',
  generalEducation: 'Giáo dục phổ thông',
  professionalLevel: 'Trình độ chuyên môn cao nhất',
  professionalField: 'Chuyên ngành',
  politicalTheory: 'Lý luận chính trị',
  stateManagement: 'Quản lý nhà nước',
  unitId: 'Tổ chức đảng',
  version: 'Phiên bản',
};

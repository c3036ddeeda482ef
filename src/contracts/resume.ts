/**
 * The full 2C résumé (mẫu 2C-TCTW-98, with the extra fields of 2C-BNV/2008) beyond the identity
 * part that `members` already holds. Every field is described once here (key, Vietnamese label,
 * kind, limits); the zod schemas, the web forms and the .docx/PDF exports are all built from
 * these descriptions, so they cannot drift apart.
 *
 * Dates: many 2C dates are written "mm/yyyy" or just "yyyy". They travel as a *partial date*:
 * 'yyyy', 'yyyy-mm' or 'yyyy-mm-dd' (ISO order, so strings sort chronologically), shown as
 * "2005", "09/2005" or "01/09/2005". Entry rows also keep the period's first and last calendar
 * day in date columns, for ordering and for merging with appointments.
 */
import { z } from 'zod';
import { versionField } from './common.ts';

// ─── Partial dates ─────────────────────────────────────────────────────────────────────────

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function validPartial(s: string): boolean {
  const m = PARTIAL.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2100) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const partialDate = z
  .string()
  .trim()
  .refine(validPartial, 'phải là năm (yyyy), tháng/năm (mm/yyyy) hoặc ngày/tháng/năm có thật');

/** First calendar day of the period a partial date names: '2005-09' → '2005-09-01'. */
export function partialDateStart(p: string): string {
  if (p.length === 4) return `${p}-01-01`;
  if (p.length === 7) return `${p}-01`;
  return p;
}

/** Last calendar day of the period: '2005' → '2005-12-31', '2024-02' → '2024-02-29'. */
export function partialDateEnd(p: string): string {
  if (p.length === 4) return `${p}-12-31`;
  if (p.length === 7) {
    const last = new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)), 0));
    return last.toISOString().slice(0, 10);
  }
  return p;
}

/** '2005' → '2005', '2005-09' → '09/2005', '2005-09-01' → '01/09/2005'; '' when empty. */
export function formatPartialDate(p: string | null | undefined): string {
  if (!p) return '';
  const m = PARTIAL.exec(p);
  if (!m) return '';
  if (m[2] === undefined) return m[1]!;
  if (m[3] === undefined) return `${m[2]}/${m[1]}`;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** What people type ("2005", "9/2005", "1/9/2005") → a partial date, or null if not valid. */
export function parsePartialDate(text: string): string | null {
  const parts = text.trim().split(/[/.-]/);
  if (parts.some((x) => !/^\d+$/.test(x))) return null;
  let iso: string;
  if (parts.length === 1 && parts[0]!.length === 4) iso = parts[0]!;
  else if (parts.length === 2 && parts[1]!.length === 4)
    iso = `${parts[1]}-${parts[0]!.padStart(2, '0')}`;
  else if (parts.length === 3 && parts[2]!.length === 4)
    iso = `${parts[2]}-${parts[1]!.padStart(2, '0')}-${parts[0]!.padStart(2, '0')}`;
  else return null;
  return validPartial(iso) ? iso : null;
}

// ─── Field descriptions ────────────────────────────────────────────────────────────────────

interface BaseSpec {
  key: string;
  label: string;
  required?: boolean;
}
export type FieldSpec =
  | (BaseSpec & { kind: 'text'; max: number; multiline?: boolean; suggestions?: string[] })
  | (BaseSpec & { kind: 'int' | 'decimal'; min: number; max: number; unit?: string })
  | (BaseSpec & { kind: 'date' })
  | (BaseSpec & { kind: 'enum'; options: Record<string, string> })
  | (BaseSpec & { kind: 'bool' });

export type FieldValue = string | number | boolean;
export type FieldValues = Record<string, FieldValue | undefined>;

const t = (key: string, label: string, max: number, more: Partial<BaseSpec> = {}): FieldSpec => ({
  key,
  label,
  kind: 'text',
  max,
  ...more,
});
const area = (
  key: string,
  label: string,
  max: number,
  more: Partial<BaseSpec> = {},
): FieldSpec => ({
  key,
  label,
  kind: 'text',
  max,
  multiline: true,
  ...more,
});
const d = (key: string, label: string): FieldSpec => ({ key, label, kind: 'date' });

function fieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'text': {
      const s = z.string().trim().max(spec.max, `tối đa ${spec.max} ký tự`);
      return spec.required ? s.min(1, 'chưa nhập') : s.optional();
    }
    case 'int':
    case 'decimal': {
      let n = z
        .number('phải là số')
        .min(spec.min, `tối thiểu ${spec.min}`)
        .max(spec.max, `tối đa ${spec.max}`);
      if (spec.kind === 'int') n = n.int('phải là số nguyên');
      else
        n = n.refine(
          (v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6,
          'tối đa 2 chữ số thập phân',
        );
      return spec.required ? n : n.optional();
    }
    case 'date':
      return spec.required ? partialDate : partialDate.optional();
    case 'enum': {
      const e = z.enum(Object.keys(spec.options) as [string, ...string[]], 'chưa chọn');
      return spec.required ? e : e.optional();
    }
    case 'bool':
      return z.boolean().optional();
  }
}

/** A zod object for a list of field descriptions (unknown keys are dropped). */
export function objectOf(specs: readonly FieldSpec[]) {
  return z.object(Object.fromEntries(specs.map((s) => [s.key, fieldSchema(s)])));
}

// ─── Profile: the scalar fields of 2C ──────────────────────────────────────────────────────

export const bloodGroups = { O: 'O', A: 'A', B: 'B', AB: 'AB' };

/** Groups of the non-sensitive scalar fields, in the order of the form. */
export const generalGroups: { title: string; fields: FieldSpec[] }[] = [
  {
    title: 'Chức vụ, công việc hiện tại',
    fields: [
      t('currentCommittee', 'Cấp ủy hiện tại', 300),
      t('concurrentCommittee', 'Cấp ủy kiêm', 300),
      t('currentPosition', 'Chức vụ (Đảng, đoàn thể, chính quyền) hiện tại', 300),
      t('concurrentPosition', 'Chức vụ kiêm nhiệm', 300),
      {
        key: 'positionAllowance',
        label: 'Phụ cấp chức vụ (hệ số)',
        kind: 'decimal',
        min: 0,
        max: 5,
      },
      area('mainDuties', 'Công việc chính được giao', 1000),
    ],
  },
  {
    title: 'Xuất thân, tuyển dụng',
    fields: [
      t('permanentAddress', 'Nơi đăng ký hộ khẩu thường trú', 300),
      t('familyOrigin', 'Thành phần gia đình xuất thân', 200),
      t('occupationBeforeRecruitment', 'Nghề nghiệp bản thân trước khi được tuyển dụng', 200),
      d('recruitmentDate', 'Ngày được tuyển dụng'),
      t('recruitmentAgency', 'Cơ quan tuyển dụng', 300),
      d('currentAgencyDate', 'Ngày vào cơ quan hiện đang công tác'),
    ],
  },
  {
    title: 'Đoàn thể, quân ngũ',
    fields: [
      d('youthUnionDate', 'Ngày vào Đoàn TNCS Hồ Chí Minh'),
      d('tradeUnionDate', 'Ngày tham gia Công đoàn'),
      t('otherOrganisations', 'Tham gia các tổ chức chính trị - xã hội khác (tên, ngày)', 300),
      d('enlistDate', 'Ngày nhập ngũ'),
      d('dischargeDate', 'Ngày xuất ngũ'),
      t('militaryRank', 'Quân hàm, chức vụ cao nhất', 100),
    ],
  },
  {
    title: 'Trình độ',
    fields: [
      t('highestDegree', 'Học hàm, học vị cao nhất (ghi rõ chuyên ngành)', 200),
      t('foreignLanguages', 'Ngoại ngữ', 200),
      t('itLevel', 'Tin học', 200),
    ],
  },
  {
    title: 'Ngạch, lương',
    fields: [
      t('civilServiceGrade', 'Ngạch công chức, viên chức', 200),
      t('gradeCode', 'Mã ngạch', 20),
      { key: 'salaryStep', label: 'Bậc lương', kind: 'int', min: 1, max: 20 },
      { key: 'salaryCoefficient', label: 'Hệ số lương', kind: 'decimal', min: 0, max: 20 },
      d('salaryFrom', 'Ngày hưởng bậc lương'),
      t('otherAllowance', 'Phụ cấp khác', 200),
    ],
  },
  {
    title: 'Danh hiệu, sở trường',
    fields: [
      t('honours', 'Danh hiệu được phong tặng cao nhất', 300),
      t('strengths', 'Sở trường công tác', 300),
    ],
  },
  {
    title: 'Sức khỏe, chính sách',
    fields: [
      t('healthStatus', 'Tình trạng sức khỏe', 100),
      { key: 'heightCm', label: 'Chiều cao', kind: 'int', min: 50, max: 250, unit: 'cm' },
      { key: 'weightKg', label: 'Cân nặng', kind: 'int', min: 20, max: 300, unit: 'kg' },
      { key: 'bloodGroup', label: 'Nhóm máu', kind: 'enum', options: bloodGroups },
      t('warInvalidGrade', 'Là thương binh hạng', 50),
      t('policyFamily', 'Là con gia đình chính sách (liệt sĩ, thương binh…)', 200),
    ],
  },
];
export const generalFields: FieldSpec[] = generalGroups.flatMap((g) => g.fields);

/** The protected scalar fields: shown and changed only with the 'sensitive' permission. */
export const sensitiveFields: FieldSpec[] = [
  area(
    'politicalAssessment',
    'Nhận xét, đánh giá chính trị của cơ quan, đơn vị quản lý và sử dụng',
    4000,
  ),
  area('assetSummary', 'Tóm tắt kê khai tài sản, thu nhập', 4000),
];

export const profileGeneral = objectOf(generalFields);
export const profileSensitive = objectOf(sensitiveFields);

// ─── Tables: the sections of 2C kept as rows ───────────────────────────────────────────────

export const resumeSections = [
  'training',
  'work_history',
  'salary_history',
  'personal_history',
  'foreign_relations',
  'awards',
  'discipline',
  'family',
  'family_economy',
] as const;
export type ResumeSection = (typeof resumeSections)[number];

export interface SectionSpec {
  title: string;
  /** Needs the 'sensitive' permission to be seen or changed. */
  sensitive: boolean;
  /** Labels of the period columns; 'none' when the rows carry no period. */
  period: { from: string; to?: string; required: boolean } | 'none';
  fields: FieldSpec[];
}

export const trainingModes = {
  full_time: 'Chính quy',
  in_service: 'Tại chức',
  distance: 'Từ xa',
  short_course: 'Bồi dưỡng',
  other: 'Khác',
};
export const personalHistoryKinds = {
  arrest: 'Bị bắt, bị tù (từ ngày, tháng, năm nào đến ngày, tháng, năm nào, ở đâu)',
  old_regime: 'Đã khai báo cho ai, những vấn đề gì; làm việc trong chế độ cũ',
  other: 'Khác',
};
export const foreignRelationKinds = {
  organisation: 'Tham gia hoặc có quan hệ với tổ chức chính trị, kinh tế, xã hội ở nước ngoài',
  relative_abroad: 'Có thân nhân (bố, mẹ, vợ, chồng, con, anh chị em ruột) ở nước ngoài',
};
export const familySides = { own: 'Về bản thân', spouse: 'Về bên vợ (hoặc chồng)' };

export const sectionSpecs: Record<ResumeSection, SectionSpec> = {
  training: {
    title: 'Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học',
    sensitive: false,
    period: { from: 'Từ tháng, năm', to: 'Đến tháng, năm', required: true },
    fields: [
      t('school', 'Tên trường', 300, { required: true }),
      t('trainingField', 'Chuyên ngành đào tạo, bồi dưỡng', 300),
      { key: 'trainingMode', label: 'Hình thức đào tạo', kind: 'enum', options: trainingModes },
      t('diploma', 'Văn bằng, chứng chỉ, trình độ', 200),
    ],
  },
  work_history: {
    title: 'Quá trình công tác (trước khi có dữ liệu bổ nhiệm trong CanBo)',
    sensitive: false,
    period: { from: 'Từ tháng, năm', to: 'Đến tháng, năm', required: true },
    fields: [
      t('workPost', 'Chức danh, chức vụ', 300, { required: true }),
      t('workUnit', 'Đơn vị công tác (đảng, chính quyền, đoàn thể)', 300, { required: true }),
    ],
  },
  salary_history: {
    title: 'Diễn biến quá trình lương',
    sensitive: false,
    period: { from: 'Tháng, năm', required: true },
    fields: [
      t('salaryGradeCode', 'Mã ngạch/bậc', 30, { required: true }),
      {
        key: 'salaryRate',
        label: 'Hệ số lương',
        kind: 'decimal',
        min: 0,
        max: 20,
        required: true,
      },
    ],
  },
  personal_history: {
    title: 'Đặc điểm lịch sử bản thân',
    sensitive: false,
    period: { from: 'Từ', to: 'Đến', required: false },
    fields: [
      {
        key: 'historyKind',
        label: 'Loại',
        kind: 'enum',
        options: personalHistoryKinds,
        required: true,
      },
      area('historyDetail', 'Nội dung', 2000, { required: true }),
    ],
  },
  foreign_relations: {
    title: 'Quan hệ với nước ngoài',
    sensitive: false,
    period: { from: 'Từ', to: 'Đến', required: false },
    fields: [
      {
        key: 'relationKind',
        label: 'Loại quan hệ',
        kind: 'enum',
        options: foreignRelationKinds,
        required: true,
      },
      area('relationDetail', 'Nội dung (tổ chức, làm gì, địa chỉ)', 2000, { required: true }),
    ],
  },
  awards: {
    title: 'Khen thưởng',
    sensitive: false,
    period: { from: 'Tháng, năm', required: true },
    fields: [
      t('awardForm', 'Hình thức khen thưởng', 300, { required: true }),
      t('authority', 'Cấp quyết định', 300),
      t('decisionNumber', 'Số quyết định', 100),
    ],
  },
  discipline: {
    title: 'Kỷ luật',
    sensitive: true,
    period: { from: 'Từ tháng, năm', to: 'Đến tháng, năm', required: true },
    fields: [
      t('disciplineForm', 'Hình thức kỷ luật', 300, { required: true }),
      area('disciplineReason', 'Lý do kỷ luật', 1000),
      t('authority', 'Cấp quyết định', 300),
      t('decisionNumber', 'Số quyết định', 100),
    ],
  },
  family: {
    title: 'Quan hệ gia đình',
    sensitive: true,
    period: 'none',
    fields: [
      { key: 'familySide', label: 'Bên', kind: 'enum', options: familySides, required: true },
      {
        key: 'relation',
        label: 'Quan hệ',
        kind: 'text',
        max: 50,
        required: true,
        suggestions: ['Bố', 'Mẹ', 'Vợ', 'Chồng', 'Con', 'Anh', 'Chị', 'Em', 'Bố vợ', 'Mẹ vợ'],
      },
      t('relativeName', 'Họ và tên', 120, { required: true }),
      { key: 'birthYear', label: 'Năm sinh', kind: 'int', min: 1880, max: 2100 },
      t('occupation', 'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác', 500),
      t('relativeResidence', 'Nơi ở (trong, ngoài nước)', 300),
      area('politicalHistory', 'Thành viên tổ chức chính trị - xã hội; lịch sử chính trị', 1000),
      { key: 'abroad', label: 'Đang ở nước ngoài', kind: 'bool' },
    ],
  },
  family_economy: {
    title: 'Hoàn cảnh kinh tế gia đình',
    sensitive: true,
    period: { from: 'Năm', required: false },
    fields: [
      t('salaryIncome', 'Quỹ lương, tiền công của gia đình', 300),
      t('otherIncome', 'Các nguồn thu nhập khác', 500),
      t('house', 'Nhà ở (được cấp, được thuê, tự mua, tự xây; diện tích)', 500),
      t('land', 'Đất ở, đất sản xuất kinh doanh (diện tích, loại)', 500),
    ],
  },
};

export const sensitiveSections = resumeSections.filter((s) => sectionSpecs[s].sensitive);

export const sectionFieldSchemas = Object.fromEntries(
  resumeSections.map((s) => [s, objectOf(sectionSpecs[s].fields)]),
) as Record<ResumeSection, ReturnType<typeof objectOf>>;

// ─── Requests ──────────────────────────────────────────────────────────────────────────────

/** version 0: the profile has never been saved. `sensitive` may be sent only with the permission. */
export const saveProfileBody = z.object({
  version: z.number().int().min(0),
  general: profileGeneral,
  sensitive: profileSensitive.optional(),
});

const period = {
  from: partialDate.nullish(),
  to: partialDate.nullish(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};
const entryOf = <S extends ResumeSection>(section: S) =>
  z.object({ section: z.literal(section), ...period, fields: sectionFieldSchemas[section] });

/** A row of one 2C table; the section decides the fields. */
export const entryBody = z.discriminatedUnion(
  'section',
  resumeSections.map(entryOf) as unknown as [
    ReturnType<typeof entryOf>,
    ...ReturnType<typeof entryOf>[],
  ],
);
export type EntryBody = z.infer<typeof entryBody>;

/** The whole row again (the edit form sends every field), with the version being edited. */
export const updateEntryBody = z.intersection(entryBody, z.object({ version: versionField }));

export const entryParams = z.object({
  id: z.coerce.number().int().positive(),
  entryId: z.coerce.number().int().positive(),
});
export const deleteEntryQuery = z.object({ version: z.coerce.number().int().positive() });

export const printFormats = ['docx', 'pdf'] as const;
/** Most résumés printed into one file (the request renders them all before answering). */
export const PRINT_LIMIT = 200;
export const printBody = z.object({
  memberIds: z
    .array(z.number().int().positive())
    .min(1, 'chưa chọn đảng viên nào')
    .max(PRINT_LIMIT, `tối đa ${PRINT_LIMIT} người mỗi lần in`),
  format: z.enum(printFormats),
});

// ─── Answers ───────────────────────────────────────────────────────────────────────────────

const values = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const resumeEntryDto = z.object({
  id: z.number(),
  section: z.enum(resumeSections),
  from: z.string().nullable(),
  to: z.string().nullable(),
  fields: values,
  sortOrder: z.number(),
  version: z.number(),
});
export type ResumeEntryDto = z.infer<typeof resumeEntryDto>;

/** One line of quá trình công tác: a free-text row or an appointment from the posts module. */
export const workHistoryItem = z.object({
  source: z.enum(['entry', 'appointment']),
  id: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  post: z.string(),
  unit: z.string(),
  concurrent: z.boolean(),
});
export type WorkHistoryItem = z.infer<typeof workHistoryItem>;

export const resumeDto = z.object({
  memberId: z.number(),
  fullName: z.string(),
  profile: z.object({
    general: values,
    /** null when the caller may not see the protected part. */
    sensitive: values.nullable(),
    version: z.number(),
    updatedAt: z.string().nullable(),
  }),
  /** Rows of the sections the caller may see, in date order. */
  entries: z.array(resumeEntryDto),
  workHistory: z.array(workHistoryItem),
  /** Whether the protected sections are included in this answer. */
  sensitiveIncluded: z.boolean(),
});
export type ResumeDto = z.infer<typeof resumeDto>;

/** Labels of every résumé field, for validation messages (merged into field-labels.ts). */
export const resumeFieldLabels: Record<string, string> = {
  ...Object.fromEntries(
    [
      ...generalFields,
      ...sensitiveFields,
      ...resumeSections.flatMap((s) => sectionSpecs[s].fields),
    ].map((f) => [f.key, f.label]),
  ),
  section: 'Mục lý lịch',
  from: 'Từ (tháng, năm)',
  to: 'Đến (tháng, năm)',
  sortOrder: 'Thứ tự',
  general: 'Thông tin chung',
  sensitive: 'Phần mật của lý lịch',
  fields: 'Nội dung',
  memberIds: 'Đảng viên được chọn',
  format: 'Định dạng tệp',
};

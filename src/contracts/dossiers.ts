import { z } from 'zod';
import { pageQuery, pageResult, versionField } from './common.ts';
import { dossierDocumentStatuses, dossierProcesses, documentFileKinds } from './enums.ts';

/** Hard ceiling of one upload, whatever a document type allows (the multipart limit). */
export const MAX_UPLOAD_MB = 20;

const text = (max: number) => z.string().trim().max(max, `tối đa ${max} ký tự`);

// ─── Loại giấy tờ ────────────────────────────────────────────────────────────────────────

// Field names carry a prefix where the shared labels already give the plain name another
// meaning ('code' and 'name' are a unit's), so validation messages name the right field.
const documentTypeFields = {
  typeCode: z
    .string()
    .trim()
    .min(1, 'chưa nhập mã loại giấy tờ')
    .max(40, 'tối đa 40 ký tự')
    .regex(/^[a-z0-9_]+$/, 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới'),
  typeName: z.string().trim().min(1, 'chưa nhập tên loại giấy tờ').max(200, 'tối đa 200 ký tự'),
  description: text(1000).default(''),
  required: z.boolean().default(true),
  sensitive: z.boolean().default(false),
  allowedKinds: z
    .array(z.enum(documentFileKinds))
    .min(1, 'chọn ít nhất một loại tệp')
    .transform((kinds) => [...new Set(kinds)]),
  maxSizeMb: z
    .number()
    .int('phải là số nguyên')
    .min(1, 'ít nhất 1 MB')
    .max(MAX_UPLOAD_MB, `tối đa ${MAX_UPLOAD_MB} MB`),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
};

export const createDocumentTypeBody = z.object({
  process: z.enum(dossierProcesses),
  ...documentTypeFields,
});
export type CreateDocumentTypeBody = z.output<typeof createDocumentTypeBody>;

/** Everything but the process and the code (other records refer to them) may change. */
export const updateDocumentTypeBody = z.object({
  typeName: documentTypeFields.typeName,
  description: documentTypeFields.description,
  required: documentTypeFields.required,
  sensitive: documentTypeFields.sensitive,
  allowedKinds: documentTypeFields.allowedKinds,
  maxSizeMb: documentTypeFields.maxSizeMb,
  sortOrder: documentTypeFields.sortOrder,
  active: z.boolean(),
  version: versionField,
});
export type UpdateDocumentTypeBody = z.output<typeof updateDocumentTypeBody>;

export const documentTypeDto = z.object({
  id: z.number(),
  process: z.enum(dossierProcesses),
  typeCode: z.string(),
  typeName: z.string(),
  description: z.string(),
  required: z.boolean(),
  sensitive: z.boolean(),
  allowedKinds: z.array(z.enum(documentFileKinds)),
  maxSizeMb: z.number(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type DocumentTypeDto = z.infer<typeof documentTypeDto>;

export const documentTypeListQuery = z.object({
  process: z.enum(dossierProcesses).optional(),
  includeInactive: z.enum(['true', 'false']).default('false'),
});

export const documentTypeList = z.object({
  items: z.array(documentTypeDto),
  /** The caller may add and change types (a system administrator at the top of the tree). */
  canManage: z.boolean(),
});
export type DocumentTypeList = z.infer<typeof documentTypeList>;

// ─── Giấy tờ trong hồ sơ một người ──────────────────────────────────────────────────────

export const dossierDocumentDto = z.object({
  id: z.number(),
  memberId: z.number(),
  documentTypeId: z.number(),
  /** Null when the type is sensitive and the caller lacks the permission. */
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  mimeType: z.string().nullable(),
  /** The caller may download the file. */
  canDownload: z.boolean(),
  status: z.enum(dossierDocumentStatuses),
  rejectReason: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  supersededAt: z.string().nullable(),
  version: z.number(),
});
export type DossierDocumentDto = z.infer<typeof dossierDocumentDto>;

export const dossierQuery = z.object({
  process: z.enum(dossierProcesses).default('cadre_record'),
});

export const dossierDto = z.object({
  memberId: z.number(),
  process: z.enum(dossierProcesses),
  items: z.array(
    z.object({
      type: documentTypeDto,
      /** The current (not superseded) upload, if any. */
      current: dossierDocumentDto.nullable(),
      /** Earlier uploads of this type, newest first. */
      previous: z.array(dossierDocumentDto),
    }),
  ),
  requiredCount: z.number(),
  verifiedRequiredCount: z.number(),
  complete: z.boolean(),
  /** "Đủ 9/11 loại bắt buộc đã xác minh". */
  summary: z.string(),
  /** The caller may upload and review here. */
  canWrite: z.boolean(),
  /** The caller may read sensitive types' files. */
  canSeeSensitive: z.boolean(),
});
export type DossierDto = z.infer<typeof dossierDto>;

export const reviewDocumentBody = z
  .object({
    outcome: z.enum(['verified', 'rejected']),
    reason: text(500).default(''),
    version: versionField,
  })
  .refine((b) => b.outcome !== 'rejected' || b.reason.length > 0, {
    path: ['reason'],
    message: 'cần ghi lý do khi trả lại giấy tờ',
  });
export type ReviewDocumentBody = z.output<typeof reviewDocumentBody>;

// ─── Tình trạng hồ sơ theo danh sách ────────────────────────────────────────────────────

export const completenessQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  process: z.enum(dossierProcesses).default('cadre_record'),
  completeness: z.enum(['all', 'incomplete', 'complete']).default('all'),
  /** Only people who hold a post today (the cadre list). */
  postHolders: z.enum(['true', 'false']).default('false'),
  ...pageQuery,
});
export type CompletenessQuery = z.output<typeof completenessQuery>;

export const completenessItem = z.object({
  memberId: z.number(),
  fullName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  verifiedRequired: z.number(),
  required: z.number(),
  pending: z.number(),
  rejected: z.number(),
  missing: z.array(z.string()),
});
export type CompletenessItem = z.infer<typeof completenessItem>;

export const completenessPage = pageResult(completenessItem).extend({
  required: z.number(),
});
export type CompletenessPage = z.infer<typeof completenessPage>;

export const dossierFieldLabels: Record<string, string> = {
  process: 'Quy trình hồ sơ',
  typeCode: 'Mã loại giấy tờ',
  typeName: 'Tên loại giấy tờ',
  description: 'Mô tả',
  required: 'Bắt buộc',
  sensitive: 'Thuộc phần mật',
  allowedKinds: 'Loại tệp cho phép',
  maxSizeMb: 'Dung lượng tối đa (MB)',
  sortOrder: 'Thứ tự',
  typeId: 'Loại giấy tờ',
  file: 'Tệp tải lên',
  outcome: 'Kết quả xác minh',
  completeness: 'Tình trạng hồ sơ',
  postHolders: 'Chỉ người đang giữ chức vụ',
  includeInactive: 'Gồm cả loại đã ngừng dùng',
};

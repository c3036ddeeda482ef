import { z } from 'zod';
import { isoDate, versionField } from './common.ts';
import { unitTypes } from './enums.ts';

const code = z
  .string()
  .trim()
  .min(1, 'chưa nhập mã')
  .max(50, 'tối đa 50 ký tự')
  .regex(/^[A-Za-z0-9._-]+$/, 'chỉ gồm chữ không dấu, số và . _ -');
const name = z.string().trim().min(2, 'tối thiểu 2 ký tự').max(300, 'tối đa 300 ký tự');
const locality = z.string().trim().max(200, 'tối đa 200 ký tự').default('');

export const unitStatuses = ['active', 'merged', 'split', 'dissolved'] as const;
export const unitStatusLabels: Record<(typeof unitStatuses)[number], string> = {
  active: 'Đang hoạt động',
  merged: 'Đã hợp nhất',
  split: 'Đã chia tách',
  dissolved: 'Đã giải thể',
};

export const unitDto = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  depth: z.number(),
  type: z.enum(unitTypes),
  code: z.string(),
  name: z.string(),
  locality: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(unitStatuses),
  version: z.number(),
  childCount: z.number(),
});
export type UnitDto = z.infer<typeof unitDto>;

export const unitStatsDto = z.object({
  units: z.number(),
  grassroots: z.number(),
  activeMembers: z.number(),
  fullMembers: z.number(),
  probationaryMembers: z.number(),
  femaleMembers: z.number(),
  archivedMembers: z.number(),
});
export type UnitStatsDto = z.infer<typeof unitStatsDto>;

export const unitVersionDto = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  type: z.enum(unitTypes),
  code: z.string(),
  name: z.string(),
  locality: z.string(),
});

export const unitEventDto = z.object({
  id: z.number(),
  kind: z.enum(['merge', 'split']),
  effectiveDate: z.string(),
  decision: z.string(),
  sources: z.array(z.object({ id: z.number(), name: z.string() })),
  targets: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const unitDetailDto = z.object({
  unit: unitDto,
  /** From the caller's root down to the parent; units above the caller's scope are left out. */
  ancestors: z.array(z.object({ id: z.number(), name: z.string() })),
  stats: unitStatsDto,
  versions: z.array(unitVersionDto),
  events: z.array(unitEventDto),
});
export type UnitDetailDto = z.infer<typeof unitDetailDto>;

export const unitChildrenQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  includeClosed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const unitSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const createUnitBody = z.object({
  parentId: z.number().int().positive(),
  type: z.enum(unitTypes),
  code,
  name,
  locality,
  validFrom: isoDate,
});

export const updateUnitBody = z.object({
  version: versionField,
  /** Date the new name/code/type takes effect; the old one stays in the unit's history. */
  effectiveDate: isoDate,
  type: z.enum(unitTypes).optional(),
  code: code.optional(),
  name: name.optional(),
  locality: locality.optional(),
});

export const moveUnitBody = z.object({
  version: versionField,
  newParentId: z.number().int().positive(),
  effectiveDate: isoDate,
});

export const mergeUnitsBody = z.object({
  sourceIds: z.array(z.number().int().positive()).min(2, 'cần chọn ít nhất 2 tổ chức'),
  effectiveDate: isoDate,
  decision: z.string().trim().max(200).default(''),
  /** Merge into one of the sources (it keeps its id) or into a new unit. */
  targetId: z.number().int().positive().optional(),
  newUnit: z
    .object({
      parentId: z.number().int().positive(),
      type: z.enum(unitTypes),
      code,
      name,
      locality,
    })
    .optional(),
});

export const splitUnitBody = z.object({
  version: versionField,
  effectiveDate: isoDate,
  decision: z.string().trim().max(200).default(''),
  /** When true the source unit ends; everything it held must be given to a part. */
  closeSource: z.boolean(),
  parts: z
    .array(
      z.object({
        type: z.enum(unitTypes),
        code,
        name,
        locality,
        childUnitIds: z.array(z.number().int().positive()).default([]),
        memberIds: z.array(z.number().int().positive()).default([]),
      }),
    )
    .min(1, 'cần ít nhất 1 tổ chức mới'),
});

export const mergeResultDto = z.object({ targetId: z.number(), movedMembers: z.number() });
export const splitResultDto = z.object({
  newUnitIds: z.array(z.number()),
  movedMembers: z.number(),
});

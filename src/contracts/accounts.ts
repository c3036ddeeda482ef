import { z } from 'zod';
import { versionField } from './common.ts';
import { permissions, roles } from './enums.ts';

const password = z.string().min(10, 'mật khẩu tối thiểu 10 ký tự').max(200);

export const accountDto = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  roles: z.array(z.enum(roles)),
  permissions: z.array(z.enum(permissions)),
  memberId: z.number().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export type AccountDto = z.infer<typeof accountDto>;

export const accountListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const createAccountBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,50}$/, '3–50 ký tự: chữ không dấu, số, dấu chấm, gạch'),
  displayName: z.string().trim().min(2, 'tối thiểu 2 ký tự').max(120),
  password,
  unitId: z.number().int().positive(),
  roles: z.array(z.enum(roles)).min(1, 'cần ít nhất một vai trò'),
  permissions: z.array(z.enum(permissions)).max(10).default([]),
  memberId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
});

export const updateAccountBody = z.object({
  version: versionField,
  displayName: z.string().trim().min(2, 'tối thiểu 2 ký tự').max(120).optional(),
  unitId: z.number().int().positive().optional(),
  roles: z.array(z.enum(roles)).min(1, 'cần ít nhất một vai trò').optional(),
  permissions: z.array(z.enum(permissions)).max(10).optional(),
  memberId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
});

export const resetPasswordBody = z.object({ password });
export const changeOwnPasswordBody = z.object({
  currentPassword: z.string().min(1, 'chưa nhập mật khẩu hiện tại'),
  newPassword: password,
});

import { z } from 'zod';
import { permissions, roles } from './enums.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'chưa nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'chưa nhập mật khẩu').max(200),
});

export const currentUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  roles: z.array(z.enum(roles)),
  /** Grants beyond the roles ('sensitive': the protected parts of the 2C résumé). */
  permissions: z.array(z.enum(permissions)),
  memberId: z.number().nullable(),
  csrfToken: z.string(),
});
export type CurrentUser = z.infer<typeof currentUser>;

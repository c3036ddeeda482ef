import { z } from 'zod';

/** Environment, validated once at start so a bad setting fails fast with a clear message. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  CANBO_DATA_DIR: z.string().default('./data'),
  CANBO_ADMIN_PASSWORD: z.string().min(10, 'tối thiểu 10 ký tự').optional(),
  CANBO_DEMO: z.enum(['auto', 'off']).default('auto'),
  CANBO_DEMO_MEMBERS: z.coerce.number().int().min(0).default(12_000),
  CANBO_SESSION_HOURS: z.coerce.number().positive().default(8),
  CANBO_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

import { z } from 'zod';

/** A real calendar day 'yyyy-mm-dd' (by arithmetic: imports check hundreds of thousands). */
export function isRealIsoDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** Calendar date exchanged as 'yyyy-mm-dd' (shown as dd/mm/yyyy in the UI). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'phải là ngày hợp lệ (dd/mm/yyyy)')
  .refine(isRealIsoDate, 'không phải ngày có thật');

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const versionField = z.number().int().positive();

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  error: z.string(),
  message: z.string(),
  fields: z
    .array(z.object({ field: z.string(), label: z.string(), message: z.string() }))
    .optional(),
});

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** Totals are exact up to this many rows; past it the UI says "hơn 10.000" instead of counting millions. */
export const countCap = 10_000;

export const pageResult = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    totalIsCapped: z.boolean(),
    /** The total is the database's estimate (large result sets), shown as "khoảng". */
    totalIsEstimate: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number(),
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntry>;

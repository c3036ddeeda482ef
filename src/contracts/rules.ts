import { z } from 'zod';
import { isoDate, versionField } from './common.ts';

export const citationDto = z.object({ rule: z.string(), document: z.string() });
export type CitationDto = z.infer<typeof citationDto>;

/** One version of a parameter, national or for a subtree. */
export const ruleEntryDto = z.object({
  id: z.number(),
  key: z.string(),
  value: z.union([z.number(), z.string()]),
  valueText: z.string(),
  valueUnit: z.string(),
  document: z.string(),
  article: z.string(),
  /** null: national (toàn quốc). */
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string(),
  shipped: z.boolean(),
  /** in_force | ended | upcoming, on the day asked */
  state: z.enum(['in_force', 'ended', 'upcoming']),
  version: z.number(),
});
export type RuleEntryDto = z.infer<typeof ruleEntryDto>;

export const ruleSummaryDto = z.object({
  key: z.string(),
  title: z.string(),
  group: z.string(),
  groupLabel: z.string(),
  valueUnit: z.string(),
  kind: z.enum(['number', 'text']),
  /** The national value in force today, with its source. */
  current: ruleEntryDto.nullable(),
  /** Subtree overrides the caller can see (own subtree and the units above it). */
  overrideCount: z.number(),
  versionCount: z.number(),
});
export type RuleSummaryDto = z.infer<typeof ruleSummaryDto>;

export const ruleDetailDto = ruleSummaryDto.extend({ entries: z.array(ruleEntryDto) });
export type RuleDetailDto = z.infer<typeof ruleDetailDto>;

export const ruleKeyParam = z.object({ key: z.string().min(1).max(100) });

export const resolveRuleQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  date: isoDate.optional(),
});
export const resolvedRuleDto = z.object({
  key: z.string(),
  title: z.string(),
  value: z.union([z.number(), z.string()]),
  valueText: z.string(),
  entryId: z.number(),
  /** Name of the unit whose override applies; null when the national entry does. */
  overriddenBy: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  citation: citationDto,
  /** "Cấp trưởng giữ một chức vụ không quá: 96 tháng (theo …)" */
  explanation: z.string(),
});
export type ResolvedRuleDto = z.infer<typeof resolvedRuleDto>;

const value = z.union([z.number().finite(), z.string().trim().min(1).max(100)]);

/** A new version (national when unitId is null) or a subtree override from a date. */
export const createRuleEntryBody = z.object({
  value,
  document: z.string().trim().min(3, 'cần ghi số, ngày của văn bản').max(300),
  article: z.string().trim().max(200).default(''),
  unitId: z.number().int().positive().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
  note: z.string().trim().max(1000).default(''),
});
export type CreateRuleEntryBody = z.infer<typeof createRuleEntryBody>;

/** Corrections that keep history: the value itself changes only through a new version. */
export const updateRuleEntryBody = z.object({
  version: versionField,
  document: z.string().trim().min(3).max(300).optional(),
  article: z.string().trim().max(200).optional(),
  validTo: isoDate.nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});

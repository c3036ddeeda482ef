// The web's single entry point to the code shared with the server (code lists, labels, DTO
// types). Re-exported rather than copied so the UI and the API cannot drift apart.
export * from '../../../src/contracts/enums.ts';
export * from '../../../src/contracts/reference-lists.ts';
export * from '../../../src/contracts/field-labels.ts';
export {
  unitStatuses,
  unitStatusLabels,
  type UnitDto,
  type UnitDetailDto,
  type UnitStatsDto,
} from '../../../src/contracts/units.ts';
export {
  memberFieldLabels,
  selfEditableFields,
  type MemberDto,
  type MemberFields,
  type MemberListItem,
} from '../../../src/contracts/members.ts';
export type { AccountDto } from '../../../src/contracts/accounts.ts';
export type { CurrentUser } from '../../../src/contracts/auth.ts';
export * from '../../../src/contracts/resume.ts';
export { countCap, type AuditEntryDto } from '../../../src/contracts/common.ts';
export * from '../../../src/contracts/dossiers.ts';
export * from '../../../src/contracts/imports.ts';

import { unitStatuses as unitStatusList } from '../../../src/contracts/units.ts';
import type { z } from 'zod';
import type { pageResult } from '../../../src/contracts/common.ts';
export type UnitStatus = (typeof unitStatusList)[number];

/** Paged list as returned by /api/members and /api/accounts (from the shared contract). */
export type Page<T> = Omit<z.infer<ReturnType<typeof pageResult>>, 'items'> & { items: T[] };
export type {
  RuleSummaryDto,
  RuleDetailDto,
  RuleEntryDto,
  ResolvedRuleDto,
} from '../../../src/contracts/rules.ts';
export * from '../../../src/contracts/posts.ts';

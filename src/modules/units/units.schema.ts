import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';

/** Tổ chức đảng. `path` is the chain of ids from the root, e.g. '/1/7/42/', for subtree scoping. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    path: textC('path').notNull(),
    depth: integer('depth').notNull(),
    type: text('type').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    locality: text('locality').notNull().default(''),
    /** Unaccented name and code, for pickers that find "tay ho" in "Tây Hồ". */
    searchText: text('search_text').notNull().default(''),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    /** active | merged | split | dissolved */
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_path_idx').on(t.path),
    index('units_parent_idx').on(t.parentId),
    index('units_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/**
 * What a unit was called, where it sat and what it was, over time. A record that points at a
 * unit reads the version in force on its own date, so renames and merges never rewrite history.
 */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    parentId: integer('parent_id'),
    type: text('type').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    locality: text('locality').notNull().default(''),
  },
  (t) => [index('unit_versions_unit_idx').on(t.unitId, t.validFrom)],
);

/** Lineage across reorganisations: merge (many → one) and split (one → many). */
export const unitEvents = pgTable(
  'unit_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** merge | split */
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    decision: text('decision').notNull().default(''),
    sourceIds: integer('source_ids').array().notNull(),
    targetIds: integer('target_ids').array().notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_events_sources_idx').using('gin', t.sourceIds),
    index('unit_events_targets_idx').using('gin', t.targetIds),
  ],
);

/** Member counts per unit (own members only), kept by a trigger; subtree counts sum these. */
export const unitMemberStats = pgTable('unit_member_stats', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id),
  active: integer('active').notNull().default(0),
  full: integer('full').notNull().default(0),
  probationary: integer('probationary').notNull().default(0),
  female: integer('female').notNull().default(0),
  archived: integer('archived').notNull().default(0),
});

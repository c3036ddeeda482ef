import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { members } from '../members/members.schema.ts';

/**
 * The scalar part of the 2C résumé beyond what `members` holds (recruitment, military service,
 * grades, health, political assessment…). One row per member, created on first save. Fields
 * are validated by the section schemas in contracts/resume.ts; `sensitive` holds the sections
 * that need the explicit permission, so they can be left out of answers wholesale.
 */
export const memberProfiles = pgTable('member_profiles', {
  memberId: integer('member_id')
    .primaryKey()
    .references(() => members.id),
  general: jsonb('general')
    .notNull()
    .default(sql`'{}'::jsonb`),
  sensitive: jsonb('sensitive')
    .notNull()
    .default(sql`'{}'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Rows of the 2C tables: training, work history (free text, before CanBo), awards, discipline,
 * family relations, personal history notes, foreign relations, family economy. The section
 * decides the shape of `fields` (contracts/resume.ts) and whether it is sensitive.
 */
export const resumeEntries = pgTable(
  'resume_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    section: text('section').notNull(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    fields: jsonb('fields')
      .notNull()
      .default(sql`'{}'::jsonb`),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resume_entries_member_idx').on(t.memberId, t.section, t.sortOrder)],
);

import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { members } from '../members/members.schema.ts';
import { postTitles } from '../posts/posts.schema.ts';
import { units } from '../units/units.schema.ts';

/**
 * Quỹ quy hoạch: one post title in one unit for one term ("Bí thư Đảng ủy phường X, 2025-2030").
 * Scoped through the unit (joined on units.path), so moving a unit never leaves a stale copy.
 */
export const planningPools = pgTable(
  'planning_pools',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postTitleId: integer('post_title_id')
      .notNull()
      .references(() => postTitles.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Nhiệm kỳ quy hoạch, e.g. "2025-2030". */
    term: text('term').notNull(),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('planning_pools_post_key').on(t.unitId, t.postTitleId, t.term),
    index('planning_pools_term_idx').on(t.term, t.unitId),
  ],
);

/** Rà soát quy hoạch: one recorded decision of an annual review for a unit's pools. */
export const planningReviews = pgTable(
  'planning_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    term: text('term').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    removedCount: integer('removed_count').notNull().default(0),
    addedCount: integer('added_count').notNull().default(0),
    note: text('note').notNull().default(''),
    recordedBy: text('recorded_by').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('planning_reviews_unit_idx').on(t.unitId, t.term, t.decisionDate)],
);

/**
 * A person in a pool: how they entered (source, nomination round, secret-ballot tally as counts
 * only — never who voted for whom — and the decision) and, once removed, when and why. Rows are
 * never deleted: the pool's history is its rows.
 */
export const planningEntries = pgTable(
  'planning_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    poolId: integer('pool_id')
      .notNull()
      .references(() => planningPools.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** inside | outside */
    source: text('source').notNull(),
    nominationRound: text('nomination_round').notNull().default(''),
    votesCast: integer('votes_cast'),
    votesFor: integer('votes_for'),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** met | not_met | pending */
    politicalStandard: text('political_standard').notNull().default('met'),
    /** active | removed */
    status: text('status').notNull().default('active'),
    removedDate: date('removed_date', { mode: 'string' }),
    removalDecisionNumber: text('removal_decision_number').notNull().default(''),
    removalReason: text('removal_reason').notNull().default(''),
    addedReviewId: integer('added_review_id').references((): AnyPgColumn => planningReviews.id),
    removedReviewId: integer('removed_review_id').references((): AnyPgColumn => planningReviews.id),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('planning_entries_pool_idx').on(t.poolId, t.status),
    index('planning_entries_member_idx').on(t.memberId, t.status),
    uniqueIndex('planning_entries_active_key')
      .on(t.poolId, t.memberId)
      .where(sql`status = 'active'`),
  ],
);

// Tables of the evaluation module (Drizzle); the SQL lives in drizzle/0009_evaluation.sql.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';

const points = (name: string) => numeric(name, { precision: 5, scale: 2, mode: 'number' });

/** Khung tiêu chí (QĐ 366-QĐ/TW): five frameworks, for collectives or individuals. */
export const evaluationFrameworks = pgTable(
  'evaluation_frameworks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** individual | collective */
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    document: text('document').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_frameworks_code_key').on(t.code)],
);

/** Tiêu chí: part general (30 points) or tasks (70 points); optionally for one post title. */
export const evaluationCriteria = pgTable(
  'evaluation_criteria',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => evaluationFrameworks.id),
    /** A post title code (BT, CT-UBND…): criteria specific to that post; null for everyone. */
    postTitleCode: text('post_title_code'),
    /** general | tasks */
    part: text('part').notNull(),
    name: text('name').notNull(),
    guidance: text('guidance').notNull().default(''),
    maxPoints: points('max_points').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_criteria_framework_idx').on(t.frameworkId, t.part, t.sortOrder)],
);

/** Kỳ đánh giá: opened by a unit for its subtree (year, quarter, term or ad hoc). */
export const evaluationPeriods = pgTable(
  'evaluation_periods',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: textC('unit_path').notNull(),
    /** year | quarter | term | ad_hoc */
    kind: text('kind').notNull(),
    /** individual | collective */
    subject: text('subject').notNull(),
    year: integer('year').notNull(),
    label: text('label').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_periods_unit_path_idx').on(t.unitPath, t.year),
    index('evaluation_periods_year_idx').on(t.year, t.kind),
  ],
);

/** One person's (or one unit's) evaluation in a period: the stage reached and the rating. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer('period_id')
      .notNull()
      .references(() => evaluationPeriods.id),
    memberId: integer('member_id').references(() => members.id),
    /** For a collective: the unit evaluated. */
    targetUnitId: integer('target_unit_id').references(() => units.id),
    /** The unit the quota counts in: the member's party cell, or the collective itself. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: textC('unit_path').notNull(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => evaluationFrameworks.id),
    postTitleCode: text('post_title_code'),
    /**
     * none | self | collective | advisory: the last workflow step done. "Decided" is not a stage
     * stored here: it is the presence of the evaluation's row in evaluation_decisions.
     */
    stage: text('stage').notNull().default('none'),
    /**
     * The advisory step's total, kept here by triggers on evaluation_steps (drizzle/0012): the
     * score a decision adopts, read for a whole city without joining the steps.
     */
    advisoryScore: points('advisory_score'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluations_period_member_key')
      .on(t.periodId, t.memberId)
      .where(sql`member_id is not null`),
    uniqueIndex('evaluations_period_unit_key')
      .on(t.periodId, t.targetUnitId)
      .where(sql`target_unit_id is not null`),
    index('evaluations_period_path_idx').on(t.periodId, t.unitPath),
    index('evaluations_member_idx').on(t.memberId),
    index('evaluations_unit_idx').on(t.periodId, t.unitId),
  ],
);

/**
 * The competent level's decision on one evaluation (xếp loại), kept apart from the evaluation
 * row on purpose: deciding a year for a whole city then INSERTs 100,000 narrow rows under one
 * key instead of UPDATEing 100,000 wide rows and all six indexes of evaluations (bench/). The
 * rule text that explains the rating is `ruleHead` (the score) followed by its basis's tail.
 */
export const evaluationDecisions = pgTable('evaluation_decisions', {
  // No foreign keys on purpose: their per-row checks doubled the cost of deciding a city's year
  // (bench/). Rows are inserted from evaluations read in the same transaction; a trigger removes
  // an evaluation's decision with it, and bases are never deleted (drizzle/0012).
  evaluationId: integer('evaluation_id').primaryKey(),
  finalScore: points('final_score').notNull(),
  /** excellent | good | complete | incomplete */
  rating: text('rating').notNull(),
  ruleHead: text('rule_head').notNull(),
  basisId: integer('basis_id').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: text('decided_by').notNull(),
});

/**
 * What many decisions share: the rule text after the score (task counts, thresholds then in
 * force, verdict), its citations and the task counts it was given; a city's year has a few
 * hundred. `digest` is md5 of tail || '|' || citations::text || '|' || task_counts::text, so
 * each is stored once.
 */
export const evaluationRatingBases = pgTable(
  'evaluation_rating_bases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    digest: text('digest').notNull(),
    tail: text('tail').notNull(),
    citations: jsonb('citations').notNull(),
    taskCounts: jsonb('task_counts').notNull(),
  },
  (t) => [uniqueIndex('evaluation_rating_bases_digest_key').on(t.digest)],
);

/** Each step's scores (criterion id → points), total, proposed rating and comment. */
export const evaluationSteps = pgTable(
  'evaluation_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    /** self | collective | advisory | decision */
    step: text('step').notNull(),
    scores: jsonb('scores')
      .notNull()
      .default(sql`'{}'::jsonb`),
    total: points('total').notNull(),
    proposedRating: text('proposed_rating'),
    comment: text('comment').notNull().default(''),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_steps_key').on(t.evaluationId, t.step)],
);

/** Thông tin đa chiều: feedback on a cadre from the Front, mass organisations or residents. */
export const evaluationFeedback = pgTable(
  'evaluation_feedback',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    unitPath: textC('unit_path').notNull(),
    /** front | mass_org | residents | other */
    sourceKind: text('source_kind').notNull(),
    sourceName: text('source_name').notNull(),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    content: text('content').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_feedback_member_idx').on(t.memberId, t.receivedDate),
    index('evaluation_feedback_unit_path_idx').on(t.unitPath),
  ],
);

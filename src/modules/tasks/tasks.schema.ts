import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { storedFiles } from '../dossiers/dossiers.schema.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';

/** One quantified target of a task: what is measured, in which unit, and what was achieved. */
export interface TaskTargetValue {
  name: string;
  unit: string;
  targetValue: number;
  achievedValue: number | null;
}
/** One step of the roadmap (lộ trình). */
export interface TaskMilestoneValue {
  title: string;
  dueDate: string;
}

/**
 * Việc mới, việc khó: a task a cadre or member registers for a period and the competent body
 * approves. Scoped by the path of the member's unit at registration (copied), so subtree
 * statistics need no join and a task stays with the unit it was approved in.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: textC('unit_path').notNull(),
    /** year | multi_year | term */
    periodKind: text('period_kind').notNull(),
    /** The task counts as a registration in every year from startYear to endYear. */
    startYear: smallint('start_year').notNull(),
    endYear: smallint('end_year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    targets: jsonb('targets').$type<TaskTargetValue[]>().notNull(),
    milestones: jsonb('milestones').$type<TaskMilestoneValue[]>().notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** submitted | returned | approved | rejected */
    status: text('status').notNull(),
    /** Why it was returned or rejected (the latest decision). */
    decisionReason: text('decision_reason').notNull().default(''),
    decidedBy: integer('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** exceeded | on_time | late | not_done; null while the task is open. */
    outcome: text('outcome'),
    completedDate: date('completed_date', { mode: 'string' }),
    outcomeComment: text('outcome_comment').notNull().default(''),
    assessedBy: integer('assessed_by'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    /** Điển hình: an example to publicise. */
    isModel: boolean('is_model').notNull().default(false),
    registeredBy: integer('registered_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_unit_path_year_idx').on(t.unitPath, t.startYear, t.endYear),
    index('tasks_member_idx').on(t.memberId, t.startYear),
    index('tasks_member_deadline_idx').on(t.memberId, t.deadline),
    index('tasks_status_idx').on(t.status, t.unitPath),
    // Overdue list: approved, no outcome, deadline passed.
    index('tasks_open_deadline_idx')
      .on(t.deadline, t.unitPath)
      .where(sql`status = 'approved' and outcome is null`),
    index('tasks_model_idx')
      .on(t.unitPath, t.endYear)
      .where(sql`is_model`),
  ],
);

/**
 * Every step of a task (submit, approve, return, reject, progress report, outcome…), kept for
 * its history; a progress report carries its note and percentage here.
 */
export const taskEvents = pgTable(
  'task_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    /** submit | resubmit | update | approve | return | reject | progress | outcome | model */
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    progressPercent: smallint('progress_percent'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.createdAt)],
);

/** Minh chứng: a file attached to a progress report, stored like dossier documents. */
export const taskEvidence = pgTable(
  'task_evidence',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    eventId: integer('event_id').references(() => taskEvents.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => storedFiles.id),
    fileName: text('file_name').notNull(),
    uploadedBy: integer('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_evidence_task_idx').on(t.taskId)],
);

export interface FourGoodCriterion {
  code: string;
  name: string;
  description: string;
}
export interface FourGoodScore {
  code: string;
  met: boolean;
  comment: string;
}

/**
 * Bộ tiêu chí "Chi bộ 4 tốt" / "Đảng viên 4 tốt". A set with an empty unit path is the shipped
 * default; a subtree may define its own from a year on, and the deepest set in force wins.
 */
export const fourGoodCriteriaSets = pgTable(
  'four_good_criteria_sets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** cell | member */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    unitPath: textC('unit_path').notNull().default(''),
    fromYear: smallint('from_year').notNull(),
    criteria: jsonb('criteria').$type<FourGoodCriterion[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('four_good_sets_scope_key').on(t.kind, t.unitPath, t.fromYear)],
);

/** A yearly self-assessment of a cell (kind cell) or a member, then recognition by the level above. */
export const fourGoodAssessments = pgTable(
  'four_good_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    year: smallint('year').notNull(),
    /** The cell assessed, or the member's unit. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: textC('unit_path').notNull(),
    memberId: integer('member_id').references(() => members.id),
    criteriaSetId: integer('criteria_set_id')
      .notNull()
      .references(() => fourGoodCriteriaSets.id),
    scores: jsonb('scores').$type<FourGoodScore[]>().notNull(),
    selfComment: text('self_comment').notNull().default(''),
    /** submitted | recognized | not_recognized */
    status: text('status').notNull(),
    recognitionComment: text('recognition_comment').notNull().default(''),
    recognizedBy: integer('recognized_by'),
    recognizedAt: timestamp('recognized_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('four_good_cell_year_key')
      .on(t.unitId, t.year)
      .where(sql`kind = 'cell'`),
    uniqueIndex('four_good_member_year_key')
      .on(t.memberId, t.year)
      .where(sql`kind = 'member'`),
    index('four_good_scope_idx').on(t.unitPath, t.year, t.kind),
  ],
);

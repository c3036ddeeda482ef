// Tables of the congress module (Drizzle); the SQL lives in drizzle/0006_congress.sql.
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';

/** Đại hội: one congress of one unit for one term. */
export const congresses = pgTable(
  'congresses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Copy of the unit's path: congresses are scoped by the unit holding them. */
    unitPath: textC('unit_path').notNull(),
    name: text('name').notNull(),
    /** Nhiệm kỳ, e.g. "2025-2030". */
    term: text('term').notNull(),
    /** members (đại hội đảng viên) | delegates (đại hội đại biểu) */
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** 'YYYY-MM': the month at which candidates' ages are computed (CT 45). */
    ageReferenceMonth: text('age_reference_month').notNull(),
    /** preparing | in_session | closed */
    status: text('status').notNull().default('preparing'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('congresses_unit_path_idx').on(t.unitPath, t.startsOn),
    index('congresses_unit_idx').on(t.unitId),
  ],
);

/** Cơ quan bầu: the bodies the congress elects, with their number of seats. */
export const congressBodies = pgTable(
  'congress_bodies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    /** executive_committee | standing_committee | secretary | deputy_secretary |
     *  inspection_committee | inspection_chair | higher_delegates */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    seats: integer('seats').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('congress_bodies_congress_idx').on(t.congressId, t.sortOrder)],
);

/** Người được triệu tập: a member or delegate summoned to the congress, with attendance. */
export const congressAttendees = pgTable(
  'congress_attendees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** full_member | probationary_member | delegate | alternate */
    role: text('role').notNull(),
    /** expected | present | absent_excused | absent_unexcused | attending_elsewhere |
     *  exempted_absent | suspended | replaced */
    status: text('status').notNull().default('expected'),
    /** Member of the outgoing (convening) committee: an official delegate ex officio. */
    conveningCommittee: boolean('convening_committee').notNull().default(false),
    /** The alternate who took this absent delegate's place. */
    replacedByAttendeeId: integer('replaced_by_attendee_id'),
    /** Printed (and QR-coded) on the delegate card; scanned at the door. */
    cardCode: text('card_code').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    statusNote: text('status_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('congress_attendees_card_key').on(t.congressId, t.cardCode),
    uniqueIndex('congress_attendees_member_key').on(t.congressId, t.memberId),
    index('congress_attendees_status_idx').on(t.congressId, t.status),
    index('congress_attendees_member_idx').on(t.memberId),
  ],
);

/** Đề án nhân sự: a candidate planned for a body. */
export const congressCandidates = pgTable(
  'congress_candidates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    bodyId: integer('body_id')
      .notNull()
      .references(() => congressBodies.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** Set by hand when the posts module does not know: true tái cử, false lần đầu. */
    reelectedOverride: boolean('reelected_override'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('congress_candidates_body_member_key').on(t.bodyId, t.memberId),
    index('congress_candidates_congress_idx').on(t.congressId, t.bodyId),
    index('congress_candidates_member_idx').on(t.memberId),
  ],
);

/** Bước giới thiệu nhân sự: one meeting of the nomination procedure for a body. */
export const nominationSteps = pgTable(
  'nomination_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    bodyId: integer('body_id')
      .notNull()
      .references(() => congressBodies.id),
    stepNo: integer('step_no').notNull(),
    name: text('name').notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }),
    summoned: integer('summoned').notNull().default(0),
    present: integer('present').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('nomination_steps_body_step_key').on(t.bodyId, t.stepNo),
    index('nomination_steps_congress_idx').on(t.congressId),
  ],
);

/** Phiếu giới thiệu: the secret-ballot tally of one name at one step (counts only). */
export const nominationTallies = pgTable(
  'nomination_tallies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    stepId: integer('step_id')
      .notNull()
      .references(() => nominationSteps.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    votes: integer('votes').notNull().default(0),
  },
  (t) => [
    uniqueIndex('nomination_tallies_step_member_key').on(t.stepId, t.memberId),
    index('nomination_tallies_member_idx').on(t.memberId),
  ],
);

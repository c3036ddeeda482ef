// Tables of the elections module (Drizzle); the SQL lives in drizzle/0007_elections.sql.
// Rows of a closed round are frozen by triggers in that file (UPDATE, DELETE and INSERT refused).
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { users } from '../accounts/accounts.schema.ts';
import { congressBodies, congresses } from '../congress/congress.schema.ts';
import { members } from '../members/members.schema.ts';

/** Cuộc bầu một cơ quan (cấp ủy, ban thường vụ…) tại một đại hội, với danh sách bầu cử. */
export const elections = pgTable(
  'elections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    bodyId: integer('body_id')
      .notNull()
      .references(() => congressBodies.id),
    /** Copy of the congress's unit path: every query is scoped by it. */
    unitPath: textC('unit_path').notNull(),
    /** Names copied at creation, for the counting screens (counters cannot read the congress). */
    congressName: text('congress_name').notNull(),
    bodyName: text('body_name').notNull(),
    /** draft | approved (the congress voted the list; it is locked) */
    listStatus: text('list_status').notNull().default('draft'),
    approveAgree: integer('approve_agree'),
    approvePresent: integer('approve_present'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('elections_body_key').on(t.bodyId),
    index('elections_congress_idx').on(t.congressId),
    index('elections_unit_path_idx').on(t.unitPath),
  ],
);

/** Một người trong danh sách bầu cử (cấp ủy giới thiệu, đại hội đề cử, tự ứng cử). */
export const electionCandidates = pgTable(
  'election_candidates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id),
    memberId: integer('member_id').references(() => members.id),
    fullName: text('full_name').notNull(),
    /** Vietnamese order: given name first (core/vietnamese nameSortKey). */
    nameKey: textC('name_key').notNull(),
    /** committee | floor | self */
    source: text('source').notNull(),
    /** The vote of those present putting a floor/self nominee on the list. */
    nominationAgree: integer('nomination_agree'),
    nominationPresent: integer('nomination_present'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('election_candidates_election_idx').on(t.electionId, t.nameKey),
    index('election_candidates_member_idx').on(t.memberId),
  ],
);

/** Thành viên ban kiểm phiếu của một đại hội (do đại hội bầu, không có tên trong danh sách). */
export const countingCommitteeMembers = pgTable(
  'counting_committee_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    memberId: integer('member_id').references(() => members.id),
    fullName: text('full_name').notNull(),
    /** "Trưởng ban", "Ủy viên"… */
    role: text('role').notNull().default('Ủy viên'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('counting_committee_members_congress_idx').on(t.congressId, t.sortOrder)],
);

/** Tài khoản được nhập phiếu cho một đại hội (vai trò counter, hoặc cán bộ được giao). */
export const congressCounters = pgTable(
  'congress_counters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    congressId: integer('congress_id')
      .notNull()
      .references(() => congresses.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('congress_counters_key').on(t.congressId, t.userId),
    index('congress_counters_user_idx').on(t.userId),
  ],
);

/** Một lần bỏ phiếu (vòng bầu) của một cuộc bầu. Frozen once closed_at is set. */
export const electionRounds = pgTable(
  'election_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id),
    unitPath: textC('unit_path').notNull(),
    number: integer('number').notNull(),
    seats: integer('seats').notNull(),
    /** strike | yesno */
    form: text('form').notNull(),
    /** 1, 2 or 3 independent entries of every batch. */
    entryCopies: integer('entry_copies').notNull().default(1),
    ballotsIssued: integer('ballots_issued'),
    ballotsReturned: integer('ballots_returned'),
    /** Snapshot at closing: the base with its breakdown and the tally (never recomputed). */
    baseSnapshot: jsonb('base_snapshot'),
    resultSnapshot: jsonb('result_snapshot'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('election_rounds_number_key').on(t.electionId, t.number),
    index('election_rounds_unit_path_idx').on(t.unitPath),
  ],
);

/** Những người có tên trên phiếu của một vòng, theo thứ tự in. */
export const roundCandidates = pgTable(
  'round_candidates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => electionCandidates.id),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('round_candidates_key').on(t.roundId, t.candidateId),
    index('round_candidates_candidate_idx').on(t.candidateId),
  ],
);

/** Một tập phiếu (hòm phiếu) được nhập độc lập 1–3 lần. */
export const ballotBatches = pgTable(
  'ballot_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ballot_batches_name_key').on(t.roundId, t.name)],
);

/** Which operator holds which independent copy (lần nhập) of a batch. */
export const batchOperators = pgTable(
  'batch_operators',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => ballotBatches.id),
    copy: integer('copy').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The operator declared this copy complete; only then may others' copies be compared. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('batch_operators_copy_key').on(t.batchId, t.copy),
    uniqueIndex('batch_operators_user_key').on(t.batchId, t.userId),
    index('batch_operators_round_idx').on(t.roundId),
  ],
);

/**
 * The entry log, append-only: every save of a ballot in one copy is a new row, the latest row
 * of (batch, copy, serial) is the current one; `deleted` withdraws a ballot entered by mistake.
 */
export const ballotEntries = pgTable(
  'ballot_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => ballotBatches.id),
    copy: integer('copy').notNull(),
    serial: text('serial').notNull(),
    issued: boolean('issued').notNull().default(true),
    /** Strike form: the candidates struck out. */
    struck: integer('struck').array().notNull(),
    /** Yes/no form: boxes marked. */
    agree: integer('agree').array().notNull(),
    disagree: integer('disagree').array().notNull(),
    deleted: boolean('deleted').notNull().default(false),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    userName: text('user_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ballot_entries_current_idx').on(t.roundId, t.batchId, t.copy, t.serial, t.id),
    index('ballot_entries_serial_idx').on(t.roundId, t.serial),
  ],
);

/** How the counting committee settled a disagreement (append-only; the latest counts). */
export const ballotResolutions = pgTable(
  'ballot_resolutions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => ballotBatches.id),
    serial: text('serial').notNull(),
    /** copy_1 | copy_2 | copy_3 | reread | absent (the ballot does not exist) */
    source: text('source').notNull(),
    issued: boolean('issued').notNull().default(true),
    struck: integer('struck').array().notNull(),
    agree: integer('agree').array().notNull(),
    disagree: integer('disagree').array().notNull(),
    deleted: boolean('deleted').notNull().default(false),
    note: text('note').notNull().default(''),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    userName: text('user_name').notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ballot_resolutions_current_idx').on(t.roundId, t.batchId, t.serial, t.id)],
);

/** The presidium's choice when a round needs one (tie at the last seat, too few elected). */
export const roundDecisions = pgTable(
  'round_decisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    /** another_round | stop */
    kind: text('kind').notNull(),
    note: text('note').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_decisions_round_key').on(t.roundId)],
);

/** Annulment by the higher level: the round's data stay, the annulment is recorded beside it. */
export const roundAnnulments = pgTable(
  'round_annulments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => electionRounds.id),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    annulledBy: text('annulled_by').notNull(),
    annulledAt: timestamp('annulled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('round_annulments_round_key').on(t.roundId)],
);

// The record of a chuẩn y (the SQL lives in drizzle/0011_election_acceptance.sql).
import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { elections } from './elections.schema.ts';

/** Chuẩn y kết quả bầu cử: one per election; the posts it created carry the same decision. */
export const electionAcceptances = pgTable(
  'election_acceptances',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id),
    unitPath: textC('unit_path').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** The approving body, e.g. "Ban Thường vụ Thành ủy Hà Nội". */
    approvingBody: text('approving_body').notNull().default(''),
    appointmentsCreated: integer('appointments_created').notNull(),
    appointmentsClosed: integer('appointments_closed').notNull(),
    acceptedBy: text('accepted_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('election_acceptances_election_key').on(t.electionId),
    index('election_acceptances_unit_path_idx').on(t.unitPath),
  ],
);

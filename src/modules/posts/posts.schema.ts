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

/** Danh mục chức danh: Bí thư, Phó Bí thư, Chủ tịch UBND… */
export const postTitles = pgTable(
  'post_titles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** head | deputy | member */
    level: text('level').notNull(),
    /** party | government | council | front | department | other */
    sector: text('sector').notNull(),
    /** Diện quản lý: which standing committee manages holders of this post. */
    managingBody: text('managing_body').notNull().default(''),
    /** Chức danh chủ chốt: counted by the non-local and two-consecutive-term rules. */
    isKey: boolean('is_key').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_titles_code_key').on(t.code)],
);

/** Bổ nhiệm / bầu giữ chức vụ: who held which post in which unit, when, by which decision. */
export const appointments = pgTable(
  'appointments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    postTitleId: integer('post_title_id')
      .notNull()
      .references(() => postTitles.id),
    /** The unit where the post is held (not necessarily the person's party cell). */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** Copy of that unit's path: appointments are scoped by where the post is. */
    unitPath: textC('unit_path').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    decisionNumber: text('decision_number').notNull().default(''),
    decisionDate: date('decision_date', { mode: 'string' }),
    /** elected | appointed | rotated | seconded | designated */
    method: text('method').notNull(),
    /** Kiêm nhiệm: held alongside the person's main post. */
    concurrent: boolean('concurrent').notNull().default(false),
    /** Nhiệm kỳ, e.g. "2020-2025", for counting consecutive terms. */
    term: text('term').notNull().default(''),
    endReason: text('end_reason').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_member_idx').on(t.memberId, t.startDate),
    index('appointments_unit_path_idx').on(t.unitPath, t.endDate),
    index('appointments_post_idx').on(t.postTitleId, t.unitId),
  ],
);

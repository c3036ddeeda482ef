import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { textC } from '../../core/db/types.ts';
import { units } from '../units/units.schema.ts';

/**
 * One version of a regulation parameter. A key has many rows: national ones (no unit) and
 * subtree overrides, each in force from `valid_from` to `valid_to` (exclusive of nothing:
 * both ends are calendar days in force). The deepest subtree in force on a date wins.
 */
export const ruleEntries = pgTable(
  'rule_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: text('key').notNull(),
    /** A number, a string, or a small object (schedules); its meaning is the key's. */
    value: jsonb('value').notNull(),
    /** Unit of the value: months, years, percent, persons, ratio, text… */
    valueUnit: text('value_unit').notNull(),
    /** Document number and title, e.g. "Quyết định 190-QĐ/TW ngày 10/10/2024". */
    document: text('document').notNull(),
    /** Where in the document: "Điều 11, khoản 2". */
    article: text('article').notNull().default(''),
    /** The subtree the entry applies to; null = everywhere (national). */
    unitId: integer('unit_id').references(() => units.id),
    /** Copy of the unit's path ('' for national), so resolution is a prefix match. */
    unitPath: textC('unit_path').notNull().default(''),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note').notNull().default(''),
    /** Stable id of an entry shipped with CanBo, so shipping is idempotent; null when entered. */
    shippedId: text('shipped_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rule_entries_key_idx').on(t.key, t.unitPath, t.validFrom),
    index('rule_entries_shipped_idx').on(t.shippedId),
  ],
);

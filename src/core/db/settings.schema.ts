import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Installation-wide values generated once (e.g. the demo-data marker). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

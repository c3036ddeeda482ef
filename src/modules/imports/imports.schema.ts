import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { textC } from '../../core/db/types.ts';
import { units } from '../units/units.schema.ts';
import { storedFiles } from '../dossiers/dossiers.schema.ts';

/**
 * An import from a spreadsheet: checked into a preview first, written only on confirmation,
 * with progress kept here so a long import can be left running and watched from anywhere.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** members | appointments | units */
    kind: text('kind').notNull(),
    /** The unit the rows go into (members) or under (units); scopes the job. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    unitPath: textC('unit_path').notNull(),
    fileName: text('file_name').notNull(),
    fileId: integer('file_id').references(() => storedFiles.id),
    /** checking | previewed | importing | done | failed | cancelled */
    status: text('status').notNull(),
    /** all | valid_only, chosen at confirmation */
    mode: text('mode'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    importedRows: integer('imported_rows').notNull().default(0),
    /** [{ row, column, message }] in Vietnamese, capped. */
    problems: jsonb('problems')
      .notNull()
      .default(sql`'[]'::jsonb`),
    message: text('message').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_scope_idx').on(t.unitPath, t.id)],
);

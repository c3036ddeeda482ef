import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from '../members/members.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value);
  },
});

/**
 * Loại giấy tờ của một quy trình (e.g. process 'candidacy' = hồ sơ nhân sự đại hội theo
 * QĐ 190). Configurable per process; `required` types count towards completeness.
 */
export const documentTypes = pgTable(
  'document_types',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    process: text('process').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    required: boolean('required').notNull().default(true),
    /**
     * Phần mật (asset declarations, political-standard conclusions): the file is read, uploaded
     * and reviewed only with the 'sensitive' permission; its status stays visible to staff.
     */
    sensitive: boolean('sensitive').notNull().default(false),
    /** Allowed file kinds by extension: pdf, jpg, png, docx… */
    allowedKinds: text('allowed_kinds').array().notNull(),
    maxSizeMb: integer('max_size_mb').notNull().default(10),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_types_process_code_key').on(t.process, t.code),
    index('document_types_process_idx').on(t.process, t.sortOrder),
  ],
);

/**
 * File contents live in the database, so backups hold them, every read goes through the same
 * scope check and no path on disk is ever built from user input.
 */
export const storedFiles = pgTable('stored_files', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  sha256: text('sha256').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  mimeType: text('mime_type').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A document in a person's dossier: the uploaded file and its verification. Scoped through the
 * member's own unit path (a join), so a transferred member takes their documents along.
 */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    documentTypeId: integer('document_type_id')
      .notNull()
      .references(() => documentTypes.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => storedFiles.id),
    fileName: text('file_name').notNull(),
    /** pending | verified | rejected */
    status: text('status').notNull().default('pending'),
    rejectReason: text('reject_reason').notNull().default(''),
    uploadedBy: integer('uploaded_by'),
    reviewedBy: integer('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** A replaced upload stays for the record but no longer counts. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dossier_documents_member_idx').on(t.memberId, t.documentTypeId),
    // One current document per person and type; completeness reads only these rows.
    uniqueIndex('dossier_documents_current_key')
      .on(t.memberId, t.documentTypeId)
      .where(sql`superseded_at is null`),
    index('dossier_documents_current_type_idx')
      .on(t.documentTypeId, t.status, t.memberId)
      .where(sql`superseded_at is null`),
  ],
);

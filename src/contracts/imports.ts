import { z } from 'zod';
import { importKinds, importModes, importStatuses } from './enums.ts';

/** Largest file accepted for an import (a 100,000-row member list is about 20 MB as CSV). */
export const importMaxFileMb = 50;

/** One problem of the preview: the row and column as Excel shows them, the reason in Vietnamese. */
export const importProblem = z.object({
  /** Row number as Excel shows it; null for a problem of the whole file. */
  row: z.number().int().nullable(),
  /** Column heading as written in the template; null when the whole row or file is concerned. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importJobDto = z.object({
  id: z.number(),
  kind: z.enum(importKinds),
  unitId: z.number(),
  unitName: z.string(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  mode: z.enum(importModes).nullable(),
  /** Data rows in the file (the example row of the template not counted). */
  totalRows: z.number(),
  validRows: z.number(),
  invalidRows: z.number(),
  /** Rows checked (while checking) or written (while importing) so far. */
  processedRows: z.number(),
  importedRows: z.number(),
  /** A problem of the whole file (wrong columns, not a spreadsheet): nothing can be imported. */
  fileProblem: z.boolean(),
  message: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobDto>;

export const importDetailDto = importJobDto.extend({
  problems: z.object({
    items: z.array(importProblem),
    /** Problems kept for this job (capped, see `problemsCapped`). */
    total: z.number(),
    problemsCapped: z.boolean(),
    page: z.number(),
    pageSize: z.number(),
  }),
});
export type ImportDetailDto = z.infer<typeof importDetailDto>;

export const importDetailQuery = z.object({
  problemPage: z.coerce.number().int().min(1).max(100_000).default(1),
  problemPageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const importListQuery = z.object({
  kind: z.enum(importKinds).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The form fields sent with the file (multipart). */
export const importUploadFields = z.object({
  kind: z.enum(importKinds),
  unitId: z.coerce.number().int().positive(),
});

export const confirmImportBody = z.object({ mode: z.enum(importModes) });

export const templateParams = z.object({ kind: z.enum(importKinds) });

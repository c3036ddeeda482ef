/**
 * The checking pass shared by every kind of import: what the file is, its heading row, every
 * data row read and checked by the kind's own rules, then the cross-row and database checks.
 * The same pass runs for the preview and again right before writing.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportProblem } from '../../contracts/imports.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { formatNumber } from '../../core/vietnamese/index.ts';
import type { ColumnSpec } from './imports.columns.ts';
import { readRows, sniffFile } from './imports.files.ts';
import type { JobRow } from './imports.repo.ts';
import {
  byRow,
  cite,
  fileRules,
  isBlank,
  isExampleRow,
  matchHeaders,
  readRow,
} from './imports.rules.ts';

/** Files with more data rows are refused: split them (and the preview stays readable). */
export const MAX_ROWS = 200_000;
/** Rows read between two looks at the clock, the progress and a cancel request. */
const SLICE = 500;

export interface CheckContext {
  db: Db;
  actor: Actor;
  job: JobRow;
  today: string;
}

export interface Checked<R> {
  row: number;
  record: R;
}

/** What a kind of import adds to the shared pass. */
export interface KindHandler<R, S> {
  specs: ColumnSpec[];
  /** Lookups loaded once (units of the subtree, code lists…) and state across rows. */
  prepare(c: CheckContext): Promise<S>;
  /**
   * One row's own rules; a record when it passes. Also called for a row with unreadable cells
   * (`readable` false, the readable values only) so cross-row checks see it; such a row never
   * becomes a record.
   */
  checkRow(
    state: S,
    values: Record<string, unknown>,
    row: number,
    readable: boolean,
  ): {
    record?: R;
    problems: ImportProblem[];
  };
  /** Rules across rows and against the database; the rows named in the answer are held back. */
  finish(state: S, c: CheckContext, checked: Checked<R>[]): Promise<ImportProblem[]>;
}

export interface CheckResult<R> {
  totalRows: number;
  valid: Checked<R>[];
  problems: ImportProblem[];
  /** The file itself is unusable (not a spreadsheet, wrong columns): no row can be imported. */
  fileProblem: boolean;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** A refusal found while importing, in the users' words (the job fails with this message). */
export class ImportRefused extends Error {}

/**
 * Runs a row's write through another module's use case; its refusal (the data changed since
 * the check) fails the job naming the row as Excel shows it.
 */
export async function writingRow<T>(row: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof AppError) throw new ImportRefused(`Dòng ${row}: ${err.message}`);
    throw err;
  }
}

export interface CheckHooks {
  onProgress?: (rowsChecked: number) => void;
  cancelled?: () => boolean;
}

const fileFailure = <R>(message: string, row: number | null = null): CheckResult<R> => ({
  totalRows: 0,
  valid: [],
  problems: [{ row, column: null, message }],
  fileProblem: true,
});

export async function checkFile<R, S>(
  handler: KindHandler<R, S>,
  c: CheckContext,
  content: Buffer,
  hooks: CheckHooks = {},
): Promise<CheckResult<R>> {
  const sniffed = await sniffFile(content, c.job.fileName);
  if (!sniffed.ok) return fileFailure(sniffed.message);
  const state = await handler.prepare(c);
  const problems: ImportProblem[] = [];
  const checked: Checked<R>[] = [];
  let match: ReturnType<typeof matchHeaders> | null = null;
  let totalRows = 0;
  let seen = 0;
  try {
    for await (const { row, cells } of readRows(content, sniffed.kind)) {
      if (++seen % SLICE === 0) {
        if (hooks.cancelled?.()) throw new ImportCancelled();
        hooks.onProgress?.(totalRows);
        await nextTurn(); // let requests in between slices of a long file
      }
      if (cells.every(isBlank)) continue;
      if (!match) {
        match = matchHeaders(handler.specs, cells);
        if (match.problems.length) {
          return { totalRows: 0, valid: [], problems: match.problems, fileProblem: true };
        }
        continue;
      }
      if (isExampleRow(cells, match.sequence)) continue;
      if (++totalRows > MAX_ROWS) {
        return fileFailure(
          cite(
            `Tệp có hơn ${formatNumber(MAX_ROWS)} dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn`,
            fileRules.fileKind,
          ),
        );
      }
      const read = readRow(handler.specs, match, cells, row);
      if (read.problems.length) {
        problems.push(...read.problems);
        // The kind still sees the row's readable values (e.g. its ID number for duplicates).
        handler.checkRow(state, read.values, row, false);
        continue;
      }
      const result = handler.checkRow(state, read.values, row, true);
      if (result.problems.length) problems.push(...result.problems);
      else if (result.record !== undefined) checked.push({ row, record: result.record });
    }
  } catch (err) {
    if (err instanceof ImportCancelled) throw err;
    // A damaged workbook or CSV surfaces here, whatever the library's words.
    return fileFailure(
      cite(
        `Không đọc được tệp (tệp hỏng hoặc không đúng định dạng): ${err instanceof Error ? err.message : String(err)}`,
        fileRules.fileKind,
      ),
    );
  }
  if (!match) {
    return fileFailure(cite('Tệp không có dữ liệu (không có dòng tiêu đề)', fileRules.columns));
  }
  if (totalRows === 0) {
    return fileFailure(
      cite('Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào', fileRules.columns),
    );
  }
  hooks.onProgress?.(totalRows);
  problems.push(...(await handler.finish(state, c, checked)));
  // A row with any problem is held back, whichever step found it: a kind may add the record
  // of a row in `finish` (appointments) even though a cell of that row could not be read.
  const held = new Set(problems.map((p) => p.row));
  return {
    totalRows,
    valid: checked.filter((r) => !held.has(r.row)),
    problems: problems.sort(byRow),
    fileProblem: false,
  };
}

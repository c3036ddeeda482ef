import { importStatusLabels, type ImportKind, type ImportMode } from '../../contracts/enums.ts';
import type { ImportDetailDto, ImportJobDto, ImportProblem } from '../../contracts/imports.ts';
import { requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { XLSX_MIME } from '../../core/office/xlsx.ts';
import { AppError, conflict, fieldError, notFound } from '../../core/errors.ts';
import { formatNumber } from '../../core/vietnamese/index.ts';
import { findUnit, namesOf } from '../units/units.repo.ts';
import {
  checkFile,
  ImportCancelled,
  ImportRefused,
  type CheckContext,
  type Checked,
  type CheckResult,
  type KindHandler,
} from './imports.check.ts';
import { CSV_MIME, sniffFile } from './imports.files.ts';
import { liveProgress, requestCancel, startJob, type JobHandle } from './imports.jobs.ts';
import { membersHandler, recheckMembers, writeMembers } from './imports.members.ts';
import * as repo from './imports.repo.ts';
import { cite, fileRules } from './imports.rules.ts';
import { unitsHandler, writeUnits } from './imports.units.ts';
import { appointmentsKind } from './imports.appointments.ts';
import { buildTemplate } from './imports.templates.ts';
import { memberRuleValues } from '../members/members.rules.ts';
import { loadRules } from '../rules/registry.ts';

type Ctx = { db: Db; actor: Actor };
const JOB = 'Lần nhập dữ liệu';
/** Problems kept with a job; the rest are counted in its message. */
export const PROBLEMS_KEPT = 5000;

/** What each kind of import checks and how it writes, inside the job's one transaction. */
export interface ImportKindDef {
  noun: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: KindHandler<any, any>;
  write(
    tx: Db,
    actor: Actor,
    job: repo.JobRow,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    rows: Checked<any>[],
    onProgress: (written: number) => void,
  ): Promise<number>;
  /**
   * The database-dependent checks of a preview kept in memory, run again before writing; a
   * kind without it is checked again from the file.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  recheck?: (c: CheckContext, result: CheckResult<any>) => Promise<CheckResult<any>>;
}

const kinds: Record<ImportKind, ImportKindDef> = {
  members: {
    noun: 'đảng viên',
    handler: membersHandler,
    write: (tx, actor, job, rows, onProgress) =>
      writeMembers(tx, actor, job, rows, today(), onProgress),
    recheck: recheckMembers,
  },
  units: {
    noun: 'tổ chức đảng',
    handler: unitsHandler,
    write: (tx, actor, _job, rows, onProgress) => writeUnits(tx, actor, rows, onProgress),
  },
  appointments: appointmentsKind,
};

// ─── Presenting ─────────────────────────────────────────────────────────────────────────

async function present(db: Db, rows: repo.JobRow[]): Promise<ImportJobDto[]> {
  const unitNames = await namesOf(db, [...new Set(rows.map((r) => r.unitId))]);
  const userNames = await repo.namesOfUsers(db, [
    ...new Set(rows.map((r) => r.createdBy).filter((u): u is number => u !== null)),
  ]);
  return rows.map((r) => {
    const problems = repo.problemsOf(r);
    return {
      id: r.id,
      kind: r.kind as ImportKind,
      unitId: r.unitId,
      unitName: unitNames.get(r.unitId) ?? '',
      fileName: r.fileName,
      status: r.status as ImportJobDto['status'],
      mode: r.mode as ImportMode | null,
      totalRows: r.totalRows,
      validRows: r.validRows,
      invalidRows: r.totalRows - r.validRows,
      processedRows: liveProgress(r.id) ?? r.processedRows,
      importedRows: r.importedRows,
      fileProblem: r.totalRows === 0 && problems.length > 0,
      message: r.message,
      createdBy: r.createdBy !== null ? (userNames.get(r.createdBy) ?? '') : 'Hệ thống',
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  });
}

async function visibleJob({ db, actor }: Ctx, id: number): Promise<repo.JobRow> {
  requireWriter(actor);
  const job = await repo.findJob(db, actor, id);
  if (!job) throw notFound(JOB);
  return job;
}

export async function listImports(
  ctx: Ctx & { kind?: ImportKind; limit: number },
): Promise<ImportJobDto[]> {
  requireWriter(ctx.actor);
  return present(ctx.db, await repo.listJobs(ctx.db, ctx.actor, ctx));
}

export async function getImport(
  ctx: Ctx & { id: number; problemPage: number; problemPageSize: number },
): Promise<ImportDetailDto> {
  const job = await visibleJob(ctx, ctx.id);
  const [dto] = await present(ctx.db, [job]);
  const problems = repo.problemsOf(job);
  const start = (ctx.problemPage - 1) * ctx.problemPageSize;
  return {
    ...dto!,
    problems: {
      items: problems.slice(start, start + ctx.problemPageSize),
      total: problems.length,
      problemsCapped: problems.length >= PROBLEMS_KEPT,
      page: ctx.problemPage,
      pageSize: ctx.problemPageSize,
    },
  };
}

// ─── Previews kept for the confirmation ─────────────────────────────────────────────────

/**
 * A preview's checked rows, kept in memory for a while so that confirming does not read and
 * check the whole file again (for 100,000 rows that is most of the time an import takes);
 * only the checks that depend on the database run again. Bounded by rows and age.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const previews = new Map<number, { at: number; result: CheckResult<any> }>();
const PREVIEW_ROWS_KEPT = 200_000;
const PREVIEW_TTL_MS = 30 * 60_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function keepPreview(id: number, result: CheckResult<any>) {
  previews.set(id, { at: Date.now(), result });
  let rows = 0;
  for (const [key, p] of [...previews].reverse()) {
    rows += p.result.valid.length;
    if (rows > PREVIEW_ROWS_KEPT || Date.now() - p.at > PREVIEW_TTL_MS) previews.delete(key);
  }
}

function takePreview(id: number) {
  const p = previews.get(id);
  previews.delete(id);
  return p && Date.now() - p.at <= PREVIEW_TTL_MS ? p.result : undefined;
}

// ─── Upload and check ───────────────────────────────────────────────────────────────────

/**
 * Stores the file and starts checking it in the background; nothing is imported until the
 * user confirms. The answer is the new job (status "checking").
 */
export async function startImport(
  ctx: Ctx & { kind: ImportKind; unitId: number; fileName: string; content: Buffer },
): Promise<ImportJobDto> {
  requireWriter(ctx.actor);
  const unit = await findUnit(ctx.db, ctx.actor, ctx.unitId);
  if (!unit) {
    throw fieldError(
      'unitId',
      'Tổ chức đảng',
      'không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn',
    );
  }
  if (unit.status !== 'active') {
    throw fieldError('unitId', 'Tổ chức đảng', `${unit.name} đã ngừng hoạt động`);
  }
  const sniffed = await sniffFile(ctx.content, ctx.fileName);
  const job = await ctx.db.transaction(async (tx) => {
    const fileId = ctx.content.length
      ? await repo.storeFile(
          tx,
          ctx.content,
          sniffed.ok && sniffed.kind === 'xlsx' ? XLSX_MIME : CSV_MIME,
        )
      : null;
    return repo.insertJob(tx, {
      kind: ctx.kind,
      unitId: unit.id,
      unitPath: unit.path,
      fileName: ctx.fileName.slice(0, 255),
      fileId,
      status: 'checking',
      createdBy: ctx.actor.userId,
    });
  });
  // The bytes just received are checked as they are; the stored copy serves the confirmation.
  startJob(job.id, (handle) => runCheck(ctx, job.id, handle, ctx.content));
  const [dto] = await present(ctx.db, [job]);
  return dto!;
}

function keep(problems: ImportProblem[]): { problems: ImportProblem[]; note: string } {
  if (problems.length <= PROBLEMS_KEPT) return { problems, note: '' };
  return {
    problems: problems.slice(0, PROBLEMS_KEPT),
    note: ` Có ${formatNumber(problems.length)} lỗi; chỉ hiện ${formatNumber(PROBLEMS_KEPT)} lỗi đầu tiên.`,
  };
}

async function checkJob(ctx: Ctx, job: repo.JobRow, handle: JobHandle, received?: Buffer) {
  const content = received ?? (await repo.jobFile(ctx.db, ctx.actor, job.id)) ?? Buffer.alloc(0);
  const c: CheckContext = { db: ctx.db, actor: ctx.actor, job, today: today() };
  return checkFile(kinds[job.kind as ImportKind].handler, c, content, {
    onProgress: (n) => (handle.processed = n),
    cancelled: () => handle.cancelRequested,
  });
}

function previewMessage(kind: ImportKind, total: number, valid: number, fileProblem: boolean) {
  if (fileProblem) return 'Tệp không nhập được; xem lỗi bên dưới, sửa tệp rồi tải lên lại.';
  const bad = total - valid;
  return bad
    ? `Có ${formatNumber(total)} dòng: ${formatNumber(valid)} dòng hợp lệ, ${formatNumber(bad)} dòng lỗi.`
    : `Cả ${formatNumber(total)} dòng đều hợp lệ; xác nhận để nhập ${kinds[kind].noun}.`;
}

async function runCheck(ctx: Ctx, id: number, handle: JobHandle, content: Buffer): Promise<void> {
  const job = await repo.findJob(ctx.db, ctx.actor, id);
  if (!job) return;
  try {
    const result = await checkJob(ctx, job, handle, content);
    if (kinds[job.kind as ImportKind].recheck && !result.fileProblem) keepPreview(id, result);
    const kept = keep(result.problems);
    await repo.updateJob(
      ctx.db,
      ctx.actor,
      id,
      {
        status: 'previewed',
        totalRows: result.totalRows,
        validRows: result.valid.length,
        processedRows: result.totalRows,
        problems: kept.problems,
        message:
          previewMessage(
            job.kind as ImportKind,
            result.totalRows,
            result.valid.length,
            result.fileProblem,
          ) + kept.note,
      },
      ['checking'],
    );
  } catch (err) {
    await finishWithError(ctx, id, err, ['checking']);
  }
}

async function finishWithError(ctx: Ctx, id: number, err: unknown, from: string[]) {
  const cancelled = err instanceof ImportCancelled;
  const message = cancelled
    ? 'Đã hủy; không có dòng nào được ghi.'
    : err instanceof ImportRefused || err instanceof AppError
      ? `${err.message} Không có dòng nào được ghi.`
      : 'Hệ thống gặp lỗi khi xử lý tệp; không có dòng nào được ghi. Hãy thử lại hoặc báo quản trị hệ thống.';
  if (!cancelled && !(err instanceof ImportRefused) && !(err instanceof AppError)) {
    console.error(`Nhập dữ liệu #${id}:`, err);
  }
  await repo.updateJob(
    ctx.db,
    ctx.actor,
    id,
    { status: cancelled ? 'cancelled' : 'failed', message, finishedAt: new Date() },
    cancelled ? [...from, 'cancelled'] : from,
  );
}

// ─── Confirm and write ──────────────────────────────────────────────────────────────────

export async function confirmImport(
  ctx: Ctx & { id: number; mode: ImportMode },
): Promise<ImportJobDto> {
  const job = await visibleJob(ctx, ctx.id);
  if (job.status !== 'previewed') {
    throw conflict(
      `Lần nhập này đang ở trạng thái "${importStatusLabels[job.status as ImportJobDto['status']]}", không xác nhận được.`,
    );
  }
  const bad = job.totalRows - job.validRows;
  if (job.validRows === 0) {
    throw conflict('Tệp không có dòng hợp lệ nào để nhập; hãy sửa tệp rồi tải lên lại.');
  }
  if (ctx.mode === 'all' && bad > 0) {
    throw fieldError(
      'mode',
      'Cách nhập',
      cite(
        `tệp còn ${formatNumber(bad)} dòng lỗi nên không thể "Nhập tất cả"; hãy sửa tệp rồi tải lên lại, hoặc chọn "Chỉ nhập các dòng hợp lệ" (bỏ qua ${formatNumber(bad)} dòng lỗi)`,
        fileRules.allMode,
      ),
    );
  }
  const started = await repo.updateJob(
    ctx.db,
    ctx.actor,
    job.id,
    { status: 'importing', mode: ctx.mode, processedRows: 0 },
    ['previewed'],
  );
  if (!started) throw conflict('Lần nhập này vừa được xác nhận hoặc hủy ở nơi khác.');
  startJob(job.id, (handle) => runImport(ctx, job.id, ctx.mode, handle));
  const [dto] = await present(ctx.db, [started]);
  return dto!;
}

async function runImport(ctx: Ctx, id: number, mode: ImportMode, handle: JobHandle) {
  try {
    const job = await repo.findJob(ctx.db, ctx.actor, id);
    if (!job) return;
    const kind = kinds[job.kind as ImportKind];
    // Checked again: records may have changed since the preview (an ID number now taken…).
    const cached = kind.recheck ? takePreview(id) : undefined;
    const c: CheckContext = { db: ctx.db, actor: ctx.actor, job, today: today() };
    const result = cached ? await kind.recheck!(c, cached) : await checkJob(ctx, job, handle);
    handle.processed = 0;
    if (result.fileProblem || !result.valid.length) {
      throw new ImportRefused(
        'Không còn dòng hợp lệ nào để nhập (dữ liệu đã thay đổi từ lúc kiểm tra).',
      );
    }
    const bad = result.totalRows - result.valid.length;
    if (mode === 'all' && bad > 0) {
      const kept = keep(result.problems);
      await repo.updateJob(
        ctx.db,
        ctx.actor,
        id,
        { problems: kept.problems, validRows: result.valid.length },
        ['importing'],
      );
      throw new ImportRefused(
        `Dữ liệu đã thay đổi từ lúc kiểm tra: nay có ${formatNumber(bad)} dòng lỗi (xem danh sách lỗi), nên không thể "Nhập tất cả".`,
      );
    }
    await ctx.db.transaction(async (tx) => {
      const written = await kind.write(tx, ctx.actor, job, result.valid, (n) => {
        handle.processed = n;
        if (handle.cancelRequested) throw new ImportCancelled();
      });
      const unitName = (await namesOf(tx, [job.unitId])).get(job.unitId) ?? '';
      const skipped = bad ? ` (bỏ qua ${formatNumber(bad)} dòng lỗi)` : '';
      const summary = `Nhập ${formatNumber(written)} ${kind.noun} từ tệp "${job.fileName}" vào ${unitName}${skipped}`;
      await recordAudit(tx, ctx.actor, {
        action: 'import',
        entityType: 'import',
        entityId: job.id,
        scopePath: job.unitPath,
        summary,
        after: {
          kind: job.kind,
          fileName: job.fileName,
          mode,
          importedRows: written,
          skippedRows: bad,
        },
      });
      const kept = keep(result.problems);
      const finished = await repo.updateJob(
        tx,
        ctx.actor,
        id,
        {
          status: 'done',
          totalRows: result.totalRows,
          validRows: result.valid.length,
          processedRows: written,
          importedRows: written,
          problems: kept.problems,
          message: `Đã nhập ${formatNumber(written)} ${kind.noun}${skipped}.`,
          finishedAt: new Date(),
        },
        ['importing'],
      );
      // Cancelled (by another request) while writing: nothing of it stays.
      if (!finished) throw new ImportCancelled();
    });
  } catch (err) {
    await finishWithError(ctx, id, err, ['importing']);
  }
}

// ─── Cancel, restart ────────────────────────────────────────────────────────────────────

export async function cancelImport(ctx: Ctx & { id: number }): Promise<ImportJobDto> {
  const job = await visibleJob(ctx, ctx.id);
  if (!['checking', 'previewed', 'importing'].includes(job.status)) {
    throw conflict(
      `Lần nhập này đã ở trạng thái "${importStatusLabels[job.status as ImportJobDto['status']]}", không hủy được.`,
    );
  }
  requestCancel(job.id);
  previews.delete(job.id);
  const cancelled = await repo.updateJob(
    ctx.db,
    ctx.actor,
    job.id,
    {
      status: 'cancelled',
      message: 'Đã hủy; không có dòng nào được ghi.',
      finishedAt: new Date(),
    },
    ['checking', 'previewed', 'importing'],
  );
  if (!cancelled) {
    const now = await repo.findJob(ctx.db, ctx.actor, job.id);
    throw conflict(
      `Lần nhập này vừa chuyển sang trạng thái "${importStatusLabels[(now?.status ?? job.status) as ImportJobDto['status']]}", không hủy được.`,
    );
  }
  const [dto] = await present(ctx.db, [cancelled]);
  return dto!;
}

/** A template for the kind, its guide quoting the rule registry's numbers for the caller's tree. */
export async function template(ctx: { db: Db; actor: Actor; kind: ImportKind }): Promise<Buffer> {
  requireWriter(ctx.actor);
  const rules = await loadRules(ctx.db);
  return buildTemplate(ctx.kind, memberRuleValues(rules, ctx.actor.scopePath, today()));
}

export const INTERRUPTED_MESSAGE =
  'Lần nhập bị gián đoạn do khởi động lại máy chủ; không có dòng nào được ghi. Hãy tải tệp lên lại.';

/**
 * Call once at server start, before serving: jobs left checking or importing by a stopped
 * process are marked failed (an import's transaction was rolled back with the process). An
 * embedded database has one process, so every such job is dead; on a shared PostgreSQL another
 * process may be running one, so only jobs untouched for an hour are.
 */
export async function failInterruptedImports(db: Db, sharedDatabase = false): Promise<number> {
  const untouchedSince = sharedDatabase ? new Date(Date.now() - 3600_000) : undefined;
  return repo.failRunningJobs(db, INTERRUPTED_MESSAGE, untouchedSince);
}

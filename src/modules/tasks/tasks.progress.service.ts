/** Progress reports, evidence files and the final outcome of an approved task. */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { MAX_UPLOAD_MB } from '../../contracts/dossiers.ts';
import { documentFileKinds, type DocumentFileKind } from '../../contracts/enums.ts';
import {
  taskOutcomeLabels,
  type OutcomeBody,
  type ProgressBody,
  type TaskDto,
  type TaskOutcome,
  type TaskStatus,
} from '../../contracts/tasks.ts';
import { requireWriter } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { today } from '../../core/dates.ts';
import { fieldError, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import * as files from '../dossiers/dossiers.repo.ts';
import { checkUpload, kindMimeTypes, sanitizeFileName } from '../dossiers/dossiers.rules.ts';
import { rule } from '../rules/registry.ts';
import * as repo from './tasks.repo.ts';
import {
  canAssessTask,
  canReportProgress,
  checkCompletedDate,
  classifyOutcome,
} from './tasks.rules.ts';
import { getTask, isEvaluator, TASK, type Ctx } from './tasks.service.ts';

/** The owner or an officer of the subtree reports on an approved, open task. */
async function lockForReport(ctx: Ctx, id: number, version: number) {
  const t = await repo.findTask(ctx.db, ctx.actor, id, true);
  if (!t) throw notFound(TASK);
  if (ctx.actor.memberId !== t.memberId && !isEvaluator(ctx.actor)) requireWriter(ctx.actor);
  if (t.version !== version) throw staleVersion();
  enforce(
    canReportProgress(t.status as TaskStatus, (t.outcome as TaskOutcome | null) ?? null),
    'note',
  );
  return t;
}

export async function reportProgress({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: ProgressBody }): Promise<TaskDto> {
  await db.transaction(async (tx) => {
    const t = await lockForReport({ db: tx, actor }, id, body.version);
    // Bumping the version orders reports and protects against a stale outcome form.
    const saved = await repo.updateTask(tx, id, body.version, {});
    if (!saved) throw staleVersion();
    await repo.insertEvent(tx, {
      taskId: id,
      kind: 'progress',
      note: body.note,
      progressPercent: body.progressPercent,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'task',
      entityId: id,
      scopePath: t.unitPath,
      summary: `Báo cáo tiến độ việc “${t.title}”${body.progressPercent !== null ? ` (${body.progressPercent}%)` : ''}`,
      after: { note: body.note, progressPercent: body.progressPercent },
    });
  });
  return getTask({ db, actor, id });
}

/** Evidence is any kind the dossiers accept, checked by its real content like a dossier file. */
const EVIDENCE_TYPE = {
  typeName: 'Minh chứng việc mới, việc khó',
  active: true,
  allowedKinds: documentFileKinds,
  maxSizeMb: MAX_UPLOAD_MB,
};

export async function uploadEvidence({
  db,
  actor,
  id,
  version,
  note,
  fileName,
  content,
}: Ctx & {
  id: number;
  version: number;
  note: string;
  fileName: string;
  content: Buffer;
}): Promise<TaskDto> {
  const found = content.length ? await fileTypeFromBuffer(content) : undefined;
  const kind = (documentFileKinds as readonly string[]).includes(found?.ext ?? '')
    ? (found!.ext as DocumentFileKind)
    : null;
  await db.transaction(async (tx) => {
    const t = await lockForReport({ db: tx, actor }, id, version);
    const problem = checkUpload({
      type: EVIDENCE_TYPE,
      sizeBytes: content.length,
      detectedKind: kind,
      detectedLabel: found?.ext ?? null,
      memberArchived: false,
    });
    if (problem) enforce(problem.verdict, 'file');
    const safeName = sanitizeFileName(fileName, kind!);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const fileId = await files.insertFile(tx, {
      sha256,
      sizeBytes: content.length,
      mimeType: kindMimeTypes[kind!],
      content,
    });
    const saved = await repo.updateTask(tx, id, version, {});
    if (!saved) throw staleVersion();
    const event = await repo.insertEvent(tx, {
      taskId: id,
      kind: 'progress',
      note: note.trim() || 'Bổ sung minh chứng',
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    await repo.insertEvidence(tx, {
      taskId: id,
      eventId: event.id,
      fileId,
      fileName: safeName,
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'task',
      entityId: id,
      scopePath: t.unitPath,
      summary: `Tải lên minh chứng cho việc “${t.title}”: ${safeName}`,
      after: { fileName: safeName, sizeBytes: content.length, sha256 },
    });
  });
  return getTask({ db, actor, id });
}

/** The bytes of an evidence file, only when its task is visible to the caller (else 404). */
export async function downloadEvidence({ db, actor, id }: Ctx & { id: number }) {
  const ev = await repo.findEvidence(db, actor, id);
  if (!ev) throw notFound('Tệp minh chứng');
  const file = await files.fileContent(db, ev.fileId);
  if (!file) throw notFound('Tệp minh chứng');
  return { fileName: ev.fileName, mimeType: file.mimeType, content: file.content };
}

/**
 * The assessor records the achieved value of every target and the completion date; the outcome
 * (exceeded / on time / late / not done) is classified by the rules, not typed by hand.
 */
export async function recordOutcome({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: OutcomeBody }): Promise<TaskDto> {
  requireWriter(actor);
  const day = today();
  const citations = await db.transaction(async (tx) => {
    const t = await repo.findTask(tx, actor, id, true);
    if (!t) throw notFound(TASK);
    if (t.version !== body.version) throw staleVersion();
    enforce(
      canAssessTask(
        t.status as TaskStatus,
        (t.outcome as TaskOutcome | null) ?? null,
        actor.memberId === t.memberId,
      ),
      'outcome',
    );
    if (body.achieved.length !== t.targets.length) {
      throw fieldError('achieved', 'Giá trị đạt được', `cần đủ ${t.targets.length} chỉ tiêu`);
    }
    enforce(checkCompletedDate(body.completedDate, t.startYear, day), 'completedDate');
    const targets = t.targets.map((x, i) => ({ ...x, achievedValue: body.achieved[i] ?? null }));
    const exceeded = await rule(
      tx,
      'tasks.exceeded_above_percent',
      t.unitPath,
      body.completedDate ?? day,
    );
    const { outcome, verdict } = classifyOutcome({
      deadline: t.deadline,
      completedDate: body.completedDate,
      targets,
      exceededAbovePercent: exceeded,
    });
    const saved = await repo.updateTask(tx, id, body.version, {
      targets,
      outcome,
      completedDate: body.completedDate,
      outcomeComment: body.outcomeComment,
      assessedBy: actor.userId,
      assessedAt: new Date(),
    });
    if (!saved) throw staleVersion();
    await repo.insertEvent(tx, {
      taskId: id,
      kind: 'outcome',
      note: `${taskOutcomeLabels[outcome]}. ${verdict.message}. ${body.outcomeComment}`,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'task',
      entityId: id,
      scopePath: t.unitPath,
      summary: `Đánh giá kết quả việc “${t.title}”: ${taskOutcomeLabels[outcome]}`,
      before: { outcome: null },
      after: { outcome, completedDate: body.completedDate, achieved: body.achieved },
    });
    return verdict.citations;
  });
  return getTask({ db, actor, id, outcomeCitations: citations });
}

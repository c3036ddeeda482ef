/** Use cases of registering and approving new and difficult tasks: access, then rules, then SQL. */
import { countCap } from '../../contracts/common.ts';
import { activeMemberStatuses, type MemberStatus } from '../../contracts/enums.ts';
import {
  taskDecisionLabels,
  type CreateTaskBody,
  type DecideTaskBody,
  type TaskDto,
  type TaskEventKind,
  type TaskListQuery,
  type TaskOutcome,
  type TaskPage,
  type TaskPeriodKind,
  type TaskRowDto,
  type TaskStatus,
  type UpdateTaskBody,
} from '../../contracts/tasks.ts';
import { hasRole, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { fieldError, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { findUnit } from '../units/units.repo.ts';
import * as repo from './tasks.repo.ts';
import {
  canAssessTask,
  canDecideTask,
  canEditTask,
  canReportProgress,
  checkTaskPlan,
  isOverdue,
} from './tasks.rules.ts';

export type Ctx = { db: Db; actor: Actor };
export const TASK = 'Việc đăng ký';

export const isEvaluator = (actor: Actor) => hasRole(actor, 'admin', 'officer');
const isOwn = (actor: Actor, t: { memberId: number }) => actor.memberId === t.memberId;

// ─── Mappers ────────────────────────────────────────────────────────────────────────────

export function toRowDto(r: repo.TaskListRow, day = today()): TaskRowDto {
  const t = r.task;
  return {
    id: t.id,
    memberId: t.memberId,
    memberName: r.memberName,
    unitName: r.unitName,
    title: t.title,
    periodKind: t.periodKind as TaskPeriodKind,
    startYear: t.startYear,
    endYear: t.endYear,
    deadline: t.deadline,
    status: t.status as TaskStatus,
    outcome: (t.outcome as TaskOutcome | null) ?? null,
    overdue: isOverdue(t, day),
    isModel: t.isModel,
  };
}

/** One task with its history and what the caller may do with it. */
export async function getTask({
  db,
  actor,
  id,
  outcomeCitations = [],
}: Ctx & { id: number; outcomeCitations?: Citation[] }): Promise<TaskDto> {
  const row = await repo.findTaskRow(db, actor, id);
  if (!row) throw notFound(TASK);
  const t = row.task;
  const { events, files } = await repo.listEvents(db, id);
  const own = isOwn(actor, t);
  const evaluator = isEvaluator(actor);
  const status = t.status as TaskStatus;
  const outcome = (t.outcome as TaskOutcome | null) ?? null;
  return {
    ...toRowDto(row),
    unitId: t.unitId,
    description: t.description,
    targets: t.targets,
    milestones: t.milestones,
    decisionReason: t.decisionReason,
    completedDate: t.completedDate,
    outcomeComment: t.outcomeComment,
    version: t.version,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as TaskEventKind,
      note: e.note,
      progressPercent: e.progressPercent,
      actorName: e.actorName,
      at: e.createdAt.toISOString(),
      evidence: files
        .filter((f) => f.eventId === e.id)
        .map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: Number(f.sizeBytes) })),
    })),
    can: {
      edit: (own || evaluator) && canEditTask(status).ok,
      decide: evaluator && canDecideTask(status, own, 'x', 'approve').ok,
      report: (own || evaluator) && canReportProgress(status, outcome).ok,
      assess: evaluator && canAssessTask(status, outcome, own).ok,
      flag: evaluator && status === 'approved',
    },
    outcomeCitations,
  };
}

export async function listTasks({
  db,
  actor,
  query,
}: Ctx & { query: TaskListQuery }): Promise<TaskPage> {
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await findUnit(db, actor, query.unitId);
    if (!unit) throw notFound('Tổ chức');
    unitPath = unit.path;
  }
  const mine = query.mine === 'true';
  if (mine && actor.memberId === null) {
    throw forbidden('Tài khoản của bạn chưa gắn với hồ sơ đảng viên.');
  }
  const day = today();
  const filter: repo.TaskFilter = {
    unitPath,
    memberId: mine ? actor.memberId! : query.memberId,
    year: query.year,
    status: query.status,
    state: query.state,
    modelOnly: query.modelOnly === 'true',
    today: day,
  };
  const offset = (query.page - 1) * query.pageSize;
  const [rows, total] = await Promise.all([
    repo.listTasks(db, actor, filter, { limit: query.pageSize, offset }),
    repo.countTasks(db, actor, filter, countCap),
  ]);
  return {
    items: rows.map((r) => toRowDto(r, day)),
    total: Math.min(total, countCap),
    totalIsCapped: total > countCap,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function checkPlan(body: CreateTaskBody | UpdateTaskBody) {
  for (const p of checkTaskPlan(body)) enforce(p.verdict, p.field);
}

const targetsOf = (body: CreateTaskBody | UpdateTaskBody) =>
  body.targets.map((t) => ({ ...t, achievedValue: null }));

/** A member registers their own task; an officer or admin may register for a member of the subtree. */
export async function registerTask({
  db,
  actor,
  body,
}: Ctx & { body: CreateTaskBody }): Promise<TaskDto> {
  const memberId = body.memberId ?? actor.memberId;
  if (memberId === null || memberId === undefined) {
    throw fieldError(
      'memberId',
      'Đảng viên',
      'tài khoản chưa gắn với hồ sơ đảng viên; hãy chọn người đăng ký',
    );
  }
  if (memberId !== actor.memberId) requireWriter(actor);
  const member = await repo.findMember(db, actor, memberId);
  if (!member) throw notFound('Đảng viên');
  if (member.archivedAt || !activeMemberStatuses.includes(member.status as MemberStatus)) {
    throw fieldError('memberId', 'Đảng viên', `${member.fullName} không còn sinh hoạt đảng`);
  }
  checkPlan(body);
  const id = await db.transaction(async (tx) => {
    const task = await repo.insertTask(tx, {
      memberId,
      unitId: member.unitId,
      unitPath: member.unitPath,
      periodKind: body.periodKind,
      startYear: body.startYear,
      endYear: body.endYear,
      title: body.title,
      description: body.description,
      targets: targetsOf(body),
      milestones: body.milestones,
      deadline: body.deadline,
      status: 'submitted',
      registeredBy: actor.userId,
    });
    const onBehalf = memberId !== actor.memberId ? ` (thay cho ${member.fullName})` : '';
    await repo.insertEvent(tx, {
      taskId: task.id,
      kind: 'submit',
      note: `Đăng ký${onBehalf}`,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'task',
      entityId: task.id,
      scopePath: task.unitPath,
      summary: `Đăng ký việc mới, việc khó “${task.title}” của ${member.fullName}`,
      after: { title: task.title, deadline: task.deadline, status: task.status },
    });
    return task.id;
  });
  return getTask({ db, actor, id });
}

/** The owner (or an officer) edits a registration still waiting or returned; a returned one goes back for approval. */
export async function updateTask({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdateTaskBody }): Promise<TaskDto> {
  await db.transaction(async (tx) => {
    const t = await repo.findTask(tx, actor, id, true);
    if (!t) throw notFound(TASK);
    if (!isOwn(actor, t)) requireWriter(actor);
    if (t.version !== body.version) throw staleVersion();
    enforce(canEditTask(t.status as TaskStatus), 'status');
    // Access first: a task out of reach is "not found" whatever the body says.
    checkPlan(body);
    const resubmit = t.status === 'returned';
    const saved = await repo.updateTask(tx, id, body.version, {
      periodKind: body.periodKind,
      startYear: body.startYear,
      endYear: body.endYear,
      title: body.title,
      description: body.description,
      targets: targetsOf(body),
      milestones: body.milestones,
      deadline: body.deadline,
      status: 'submitted',
    });
    if (!saved) throw staleVersion();
    await repo.insertEvent(tx, {
      taskId: id,
      kind: resubmit ? 'resubmit' : 'update',
      note: resubmit ? 'Sửa theo ý kiến và gửi lại' : 'Sửa nội dung đăng ký',
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'task',
      entityId: id,
      scopePath: t.unitPath,
      summary: `${resubmit ? 'Sửa và gửi lại' : 'Sửa'} việc đăng ký “${saved.title}”`,
      before: { title: t.title, deadline: t.deadline, status: t.status, targets: t.targets },
      after: {
        title: saved.title,
        deadline: saved.deadline,
        status: saved.status,
        targets: saved.targets,
      },
    });
  });
  return getTask({ db, actor, id });
}

/** The competent body approves, returns (with a reason, editable again) or rejects. */
export async function decideTask({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: DecideTaskBody }): Promise<TaskDto> {
  requireWriter(actor);
  await db.transaction(async (tx) => {
    const t = await repo.findTask(tx, actor, id, true);
    if (!t) throw notFound(TASK);
    if (t.version !== body.version) throw staleVersion();
    enforce(
      canDecideTask(t.status as TaskStatus, isOwn(actor, t), body.reason, body.decision),
      'decision',
    );
    const status: TaskStatus =
      body.decision === 'approve'
        ? 'approved'
        : body.decision === 'return'
          ? 'returned'
          : 'rejected';
    const saved = await repo.updateTask(tx, id, body.version, {
      status,
      decisionReason: body.reason,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    if (!saved) throw staleVersion();
    await repo.insertEvent(tx, {
      taskId: id,
      kind: body.decision,
      note: body.reason,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    const action =
      body.decision === 'approve' ? 'approve' : body.decision === 'return' ? 'return' : 'reject';
    await recordAudit(tx, actor, {
      action,
      entityType: 'task',
      entityId: id,
      scopePath: t.unitPath,
      summary: `${taskDecisionLabels[body.decision]} việc “${t.title}”${body.reason ? `: ${body.reason}` : ''}`,
      before: { status: t.status },
      after: { status, reason: body.reason },
    });
  });
  return getTask({ db, actor, id });
}

/** Flags an approved task as an example to publicise (điển hình), or removes the flag. */
export async function setModel({
  db,
  actor,
  id,
  version,
  isModel,
}: Ctx & { id: number; version: number; isModel: boolean }): Promise<TaskDto> {
  requireWriter(actor);
  await db.transaction(async (tx) => {
    const t = await repo.findTask(tx, actor, id, true);
    if (!t) throw notFound(TASK);
    if (t.version !== version) throw staleVersion();
    if (t.status !== 'approved') {
      throw fieldError(
        'isModel',
        'Điển hình',
        'chỉ việc đã được phê duyệt mới được chọn làm điển hình',
      );
    }
    const saved = await repo.updateTask(tx, id, version, { isModel });
    if (!saved) throw staleVersion();
    await repo.insertEvent(tx, {
      taskId: id,
      kind: 'model',
      note: isModel ? 'Chọn làm điển hình để tuyên truyền' : 'Bỏ chọn điển hình',
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'task',
      entityId: id,
      scopePath: t.unitPath,
      summary: `${isModel ? 'Chọn' : 'Bỏ chọn'} điển hình: “${t.title}”`,
      before: { isModel: t.isModel },
      after: { isModel },
    });
  });
  return getTask({ db, actor, id });
}

/** "Chi bộ 4 tốt" / "Đảng viên 4 tốt": criteria sets, yearly self-assessment, recognition. */
import { activeMemberStatuses, type MemberStatus } from '../../contracts/enums.ts';
import {
  fourGoodKindLabels,
  type AssessmentDto,
  type AssessmentListQuery,
  type AssessmentPage,
  type CreateCriteriaSetBody,
  type CriteriaSetDto,
  type FourGoodKind,
  type FourGoodStatus,
  type RecognizeBody,
  type SelfAssessBody,
} from '../../contracts/tasks.ts';
import { hasRole, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { conflict, fieldError, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import { explain } from '../../core/rules/verdict.ts';
import { findUnit, namesOf } from '../units/units.repo.ts';
import * as repo from './fourgood.repo.ts';
import { findMember } from './tasks.repo.ts';
import { canRecognize, checkSelfAssessment, isCellUnit } from './tasks.rules.ts';
import type { Ctx } from './tasks.service.ts';

const ASSESSMENT = 'Bản tự đánh giá';

async function unitOrMine(ctx: Ctx, unitId?: number) {
  const unit = await findUnit(ctx.db, ctx.actor, unitId ?? ctx.actor.unitId);
  if (!unit) throw notFound('Tổ chức');
  return unit;
}

function toSetDto(row: repo.CriteriaSetRow, unitName: string): CriteriaSetDto {
  return {
    id: row.id,
    kind: row.kind as FourGoodKind,
    name: row.name,
    unitName,
    fromYear: row.fromYear,
    criteria: row.criteria,
    shipped: row.unitPath === '',
  };
}

/** The criteria set in force for a unit (default: the caller's) and year. */
export async function criteriaSetInForce(
  ctx: Ctx & { kind: FourGoodKind; unitId?: number; year?: number },
): Promise<CriteriaSetDto> {
  const unit = await unitOrMine(ctx, ctx.unitId);
  const year = ctx.year ?? new Date().getFullYear();
  const set = await repo.criteriaSetFor(ctx.db, ctx.kind, unit.path, year);
  if (!set) throw notFound('Bộ tiêu chí');
  // The owner is often a level above the caller (out of their scope): read its name only.
  const owner = set.unitId ? (await namesOf(ctx.db, [set.unitId])).get(set.unitId) : undefined;
  return toSetDto(set, set.unitPath === '' ? 'Mặc định toàn hệ thống' : (owner ?? ''));
}

/** A subtree defines its own criteria from a year on (officers and admins of that subtree). */
export async function createCriteriaSet({
  db,
  actor,
  body,
}: Ctx & { body: CreateCriteriaSetBody }): Promise<CriteriaSetDto> {
  requireWriter(actor);
  const unit = await unitOrMine({ db, actor }, body.unitId);
  if (new Set(body.criteria.map((c) => c.code)).size !== body.criteria.length) {
    throw fieldError('criteria', 'Bộ tiêu chí', 'mã tiêu chí bị trùng');
  }
  const row = await db.transaction(async (tx) => {
    if (await repo.criteriaSetTaken(tx, body.kind, unit.path, body.fromYear)) {
      throw conflict(
        `${unit.name} đã có bộ tiêu chí “${fourGoodKindLabels[body.kind]}” áp dụng từ năm ${body.fromYear}.`,
      );
    }
    const created = await repo.insertCriteriaSet(tx, {
      kind: body.kind,
      name: body.name,
      unitId: unit.id,
      unitPath: unit.path,
      fromYear: body.fromYear,
      criteria: body.criteria,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'four_good',
      entityId: created.id,
      scopePath: unit.path,
      summary: `Bộ tiêu chí “${body.name}” (${fourGoodKindLabels[body.kind]}) cho ${unit.name} từ năm ${body.fromYear}`,
      after: { criteria: body.criteria },
    });
    return created;
  });
  return toSetDto(row, unit.name);
}

function toAssessmentDto(
  actor: Actor,
  r: Awaited<ReturnType<typeof repo.listAssessments>>[number],
): AssessmentDto {
  const a = r.a;
  const allMet = a.scores.every((s) => s.met);
  const verdict = canRecognize({
    kind: a.kind as FourGoodKind,
    unitPath: a.unitPath,
    actorScopePath: actor.scopePath,
    actorIsAssessedMember: a.memberId !== null && a.memberId === actor.memberId,
    status: a.status,
    allMet,
    recognized: false,
  });
  return {
    id: a.id,
    kind: a.kind as FourGoodKind,
    year: a.year,
    unitId: a.unitId,
    unitName: r.unitName,
    memberId: a.memberId,
    memberName: r.memberName,
    criteriaSetName: r.setName,
    criteria: r.criteria,
    scores: a.scores,
    metCount: a.scores.filter((s) => s.met).length,
    selfComment: a.selfComment,
    status: a.status as FourGoodStatus,
    recognitionComment: a.recognitionComment,
    version: a.version,
    canRecognize: hasRole(actor, 'admin', 'officer') && verdict.ok,
  };
}

export async function listAssessments({
  db,
  actor,
  query,
}: Ctx & { query: AssessmentListQuery }): Promise<AssessmentPage> {
  let unitPath: string | undefined;
  if (query.unitId) unitPath = (await unitOrMine({ db, actor }, query.unitId)).path;
  const f = { kind: query.kind, year: query.year, unitPath, status: query.status };
  const [rows, counts] = await Promise.all([
    repo.listAssessments(db, actor, f, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    repo.countAssessments(db, actor, f),
  ]);
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  const byStatus = {
    submitted: n('submitted'),
    recognized: n('recognized'),
    not_recognized: n('not_recognized'),
  };
  return {
    items: rows.map((r) => toAssessmentDto(actor, r)),
    total: query.status
      ? byStatus[query.status]
      : byStatus.submitted + byStatus.recognized + byStatus.not_recognized,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
    counts: byStatus,
  };
}

async function oneAssessment(ctx: Ctx, id: number, kind: string, year: number) {
  const [row] = await repo.listAssessments(
    ctx.db,
    ctx.actor,
    { kind, year, id },
    { limit: 1, offset: 0 },
  );
  if (!row) throw notFound(ASSESSMENT);
  return toAssessmentDto(ctx.actor, row);
}

/**
 * A cell assesses itself (its officers or those above); a member assesses themselves (or an
 * officer records it for them). Resubmitting replaces the scores until it has been considered.
 */
export async function selfAssess({
  db,
  actor,
  body,
}: Ctx & { body: SelfAssessBody }): Promise<AssessmentDto> {
  let unit: { id: number; path: string; name: string };
  let memberId: number | null = null;
  let who: string;
  if (body.kind === 'cell') {
    requireWriter(actor);
    if (!body.unitId) throw fieldError('unitId', 'Chi bộ', 'chưa chọn chi bộ');
    const u = await unitOrMine({ db, actor }, body.unitId);
    enforce(isCellUnit(u.type, u.name), 'unitId');
    unit = u;
    who = u.name;
  } else {
    memberId = body.memberId ?? actor.memberId;
    if (memberId === null)
      throw fieldError('memberId', 'Đảng viên', 'tài khoản chưa gắn với hồ sơ đảng viên');
    if (memberId !== actor.memberId) requireWriter(actor);
    const m = await findMember(db, actor, memberId);
    if (!m) throw notFound('Đảng viên');
    if (m.archivedAt || !activeMemberStatuses.includes(m.status as MemberStatus)) {
      throw fieldError('memberId', 'Đảng viên', `${m.fullName} không còn sinh hoạt đảng`);
    }
    unit = { id: m.unitId, path: m.unitPath, name: '' };
    who = m.fullName;
  }
  const set = await repo.criteriaSetFor(db, body.kind, unit.path, body.year);
  if (!set) throw notFound('Bộ tiêu chí');
  enforce(checkSelfAssessment(set.criteria, body.scores), 'scores');
  const id = await db.transaction(async (tx) => {
    const existing = await repo.findExisting(tx, body.kind, body.year, {
      unitId: unit.id,
      memberId: memberId ?? undefined,
    });
    if (existing && existing.status !== 'submitted') {
      throw conflict(
        `${fourGoodKindLabels[body.kind]} năm ${body.year} của ${who} đã được xem xét công nhận; không sửa được nữa.`,
      );
    }
    const values = {
      criteriaSetId: set.id,
      scores: body.scores,
      selfComment: body.selfComment,
      status: 'submitted',
    };
    const saved = existing
      ? await repo.updateAssessment(tx, existing.id, existing.version, values)
      : await repo.insertAssessment(tx, {
          ...values,
          kind: body.kind,
          year: body.year,
          unitId: unit.id,
          unitPath: unit.path,
          memberId,
        });
    if (!saved) throw staleVersion();
    await recordAudit(tx, actor, {
      action: existing ? 'update' : 'create',
      entityType: 'four_good',
      entityId: saved.id,
      scopePath: unit.path,
      summary: `Tự đánh giá “${fourGoodKindLabels[body.kind]}” năm ${body.year}: ${who} (${body.scores.filter((s) => s.met).length}/${set.criteria.length} tiêu chí đạt)`,
      before: existing ? { scores: existing.scores } : null,
      after: { scores: body.scores },
    });
    return saved.id;
  });
  return oneAssessment({ db, actor }, id, body.kind, body.year);
}

/** The level above recognises (or not) a submitted self-assessment. */
export async function recognize({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: RecognizeBody }): Promise<AssessmentDto> {
  requireWriter(actor);
  const { kind, year } = await db.transaction(async (tx) => {
    const a = await repo.findAssessment(tx, actor, id, true);
    if (!a) throw notFound(ASSESSMENT);
    if (a.version !== body.version) throw staleVersion();
    const verdict = canRecognize({
      kind: a.kind as FourGoodKind,
      unitPath: a.unitPath,
      actorScopePath: actor.scopePath,
      actorIsAssessedMember: a.memberId !== null && a.memberId === actor.memberId,
      status: a.status,
      allMet: a.scores.every((s) => s.met),
      recognized: body.recognized,
    });
    if (!verdict.ok) throw fieldError('recognized', 'Công nhận', explain(verdict));
    const status = body.recognized ? 'recognized' : 'not_recognized';
    const saved = await repo.updateAssessment(tx, id, body.version, {
      status,
      recognitionComment: body.comment,
      recognizedBy: actor.userId,
      recognizedAt: new Date(),
    });
    if (!saved) throw staleVersion();
    await recordAudit(tx, actor, {
      action: body.recognized ? 'approve' : 'reject',
      entityType: 'four_good',
      entityId: id,
      scopePath: a.unitPath,
      summary: `${body.recognized ? 'Công nhận' : 'Không công nhận'} “${fourGoodKindLabels[a.kind as FourGoodKind]}” năm ${a.year}`,
      before: { status: a.status },
      after: { status, comment: body.comment },
    });
    return { kind: a.kind, year: a.year };
  });
  return oneAssessment({ db, actor }, id, kind, year);
}

/** Criteria frameworks (national, admins edit) and evaluation periods opened per subtree. */
import type { z } from 'zod';
import type {
  createCriterionBody,
  CreatePeriodBody,
  CriterionDto,
  EvaluationRowDto,
  FrameworkDto,
  PeriodDto,
  RatingCode,
  updateCriterionBody,
  updateFrameworkBody,
  updatePeriodBody,
  EvaluationSubject,
  PeriodKind,
} from '../../contracts/evaluation.ts';
import { periodKindLabels } from '../../contracts/evaluation.ts';
import {
  isTopLevel,
  requireAdmin,
  requireReader,
  requireWriter,
  type Actor,
} from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { accessCheck, dataCheck, deny, explain } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { findUnit, namesOf } from '../units/units.repo.ts';
import * as repo from './evaluation.repo.ts';

type Ctx = { db: Db; actor: Actor };
export const PERIOD = 'Kỳ đánh giá';

const CATALOGUE_RULE = accessCheck(
  'Khung tiêu chí đánh giá dùng chung cho toàn hệ thống do quản trị hệ thống cấp cao nhất quản lý',
);
function requireCatalogueAdmin(actor: Actor) {
  requireAdmin(actor);
  if (!isTopLevel(actor)) {
    throw forbidden(
      `${explain(deny('Chỉ quản trị viên cấp cao nhất được sửa khung tiêu chí', [CATALOGUE_RULE]))}.`,
    );
  }
}

export const toCriterionDto = (c: repo.CriterionRow): CriterionDto => ({
  id: c.id,
  frameworkId: c.frameworkId,
  postTitleCode: c.postTitleCode,
  part: c.part as CriterionDto['part'],
  name: c.name,
  guidance: c.guidance,
  maxPoints: Number(c.maxPoints),
  sortOrder: c.sortOrder,
  active: c.active,
  version: c.version,
});

/** Every signed-in user reads the frameworks: members self-assess against them. */
export async function listFrameworks({ db }: Ctx): Promise<FrameworkDto[]> {
  const [frameworks, criteria] = await Promise.all([
    repo.listFrameworks(db),
    repo.listAllCriteria(db),
  ]);
  return frameworks.map((f) => ({
    id: f.id,
    code: f.code,
    name: f.name,
    subject: f.subject as EvaluationSubject,
    description: f.description,
    document: f.document,
    active: f.active,
    version: f.version,
    criteria: criteria.filter((c) => c.frameworkId === f.id).map(toCriterionDto),
  }));
}

export async function updateFramework({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: z.output<typeof updateFrameworkBody> }): Promise<FrameworkDto> {
  requireCatalogueAdmin(actor);
  await db.transaction(async (tx) => {
    const row = await repo.findFramework(tx, id);
    if (!row) throw notFound('Khung tiêu chí');
    if (row.version !== body.version) throw staleVersion();
    const { version, ...patch } = body;
    const updated = await repo.updateFrameworkRow(tx, id, version, patch);
    if (!updated) throw staleVersion();
    const changes = diff(
      { name: row.name, description: row.description, active: row.active },
      { name: updated.name, description: updated.description, active: updated.active },
    );
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'evaluation',
      entityId: id,
      scopePath: actor.scopePath,
      summary: `Sửa khung tiêu chí ${updated.name}`,
      ...changes,
    });
  });
  return (await listFrameworks({ db, actor })).find((f) => f.id === id)!;
}

export async function createCriterion({
  db,
  actor,
  frameworkId,
  body,
}: Ctx & {
  frameworkId: number;
  body: z.output<typeof createCriterionBody>;
}): Promise<CriterionDto> {
  requireCatalogueAdmin(actor);
  return db.transaction(async (tx) => {
    const framework = await repo.findFramework(tx, frameworkId);
    if (!framework) throw notFound('Khung tiêu chí');
    const row = await repo.insertCriterion(tx, { ...body, frameworkId });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'evaluation',
      entityId: framework.id,
      scopePath: actor.scopePath,
      summary: `Thêm tiêu chí "${row.name}" (${Number(row.maxPoints)} điểm) vào khung ${framework.name}`,
      after: toCriterionDto(row),
    });
    return toCriterionDto(row);
  });
}

export async function updateCriterion({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: z.output<typeof updateCriterionBody> }): Promise<CriterionDto> {
  requireCatalogueAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await repo.findCriterion(tx, id);
    if (!row) throw notFound('Tiêu chí');
    const { version, ...patch } = body;
    const updated = await repo.updateCriterionRow(tx, id, version, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'evaluation',
      entityId: row.frameworkId,
      scopePath: actor.scopePath,
      summary: `Sửa tiêu chí "${updated.name}"`,
      ...diff(toCriterionDto(row), toCriterionDto(updated)),
    });
    return toCriterionDto(updated);
  });
}

// ─── Periods ────────────────────────────────────────────────────────────────────────────

const defaultLabel = (b: CreatePeriodBody) =>
  b.kind === 'year'
    ? `Năm ${b.year}`
    : `${periodKindLabels[b.kind]} ${formatDate(b.startDate)}–${formatDate(b.endDate)}`;

const toPeriodDto = (
  p: repo.PeriodRow,
  unitName: string,
  total: number,
  decided: number,
): PeriodDto => ({
  id: p.id,
  unitId: p.unitId,
  unitName,
  kind: p.kind as PeriodKind,
  subject: p.subject as EvaluationSubject,
  year: p.year,
  label: p.label,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status as PeriodDto['status'],
  note: p.note,
  version: p.version,
  total,
  decided,
});

/** Everyone sees the periods that concern them (their own self-assessment lives in one). */
export async function listPeriods({
  db,
  actor,
  query,
}: Ctx & { query: { year?: number; page: number; pageSize: number } }) {
  const { rows, total } = await repo.listPeriods(db, actor, query);
  return {
    items: rows.map((r) => toPeriodDto(r.period, r.unitName, Number(r.total), Number(r.decided))),
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPeriodDto({ db, actor, id }: Ctx & { id: number }): Promise<PeriodDto> {
  const row = await repo.findPeriod(db, actor, id);
  if (!row) throw notFound(PERIOD);
  const counts = await repo.periodCounts(db, actor, id);
  const names = await namesOf(db, [row.unitId]);
  return toPeriodDto(row, names.get(row.unitId) ?? '', counts.total, counts.decided);
}

/**
 * Opening a period creates one evaluation for each current member (individuals) or each active
 * unit (collectives) of the subtree, set-based, in the same transaction.
 */
export async function createPeriod({
  db,
  actor,
  body,
}: Ctx & { body: CreatePeriodBody }): Promise<PeriodDto> {
  requireWriter(actor);
  const unit = await findUnit(db, actor, body.unitId);
  if (!unit) throw notFound('Tổ chức đảng');
  if (body.endDate < body.startDate) {
    throw fieldError(
      'endDate',
      'Đến ngày',
      explain(deny('Ngày kết thúc kỳ phải sau ngày bắt đầu', [dataCheck('Thứ tự ngày')])),
    );
  }
  return db.transaction(async (tx) => {
    // Ad hoc evaluations ("khi cần") may cover a time already evaluated; the others may not.
    const clash =
      body.kind === 'ad_hoc'
        ? undefined
        : await repo.overlappingPeriod(tx, { unitPath: unit.path, ...body });
    if (clash) {
      throw conflict(
        `${explain(
          deny(
            `Đã có kỳ đánh giá "${clash.label}" của ${clash.unitName} cùng loại, trùng thời gian: đảng viên trong phạm vi sẽ bị đánh giá hai lần`,
            [dataCheck('Mỗi người một phiếu đánh giá cho một kỳ')],
          ),
        )}.`,
      );
    }
    const period = await repo.insertPeriod(tx, {
      unitId: unit.id,
      unitPath: unit.path,
      kind: body.kind,
      subject: body.subject,
      year: body.year,
      label: body.label || defaultLabel(body),
      startDate: body.startDate,
      endDate: body.endDate,
      note: body.note,
    });
    if (body.subject === 'individual') {
      const leader = await repo.findFrameworkByCode(tx, 'leader');
      const staff = await repo.findFrameworkByCode(tx, 'staff');
      await repo.populateIndividuals(tx, period, { leader: leader!.id, staff: staff!.id });
    } else {
      const collective = await repo.findFrameworkByCode(tx, 'collective');
      await repo.populateCollectives(tx, period, collective!.id);
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'evaluation',
      entityId: period.id,
      scopePath: unit.path,
      summary: `Mở kỳ đánh giá "${period.label}" cho ${unit.name}`,
      after: {
        kind: period.kind,
        subject: period.subject,
        startDate: period.startDate,
        endDate: period.endDate,
      },
    });
    const counts = await repo.periodCounts(tx, actor, period.id);
    return toPeriodDto(period, unit.name, counts.total, 0);
  });
}

export async function updatePeriod({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: z.output<typeof updatePeriodBody> }): Promise<PeriodDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const row = await repo.findPeriod(tx, actor, id, true);
    // Only the unit that opened the period (or one above it) changes it.
    if (!row || !row.unitPath.startsWith(actor.scopePath)) throw notFound(PERIOD);
    const { version, ...patch } = body;
    const updated = await repo.updatePeriod(tx, id, version, patch);
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: body.status === 'closed' ? 'close' : 'update',
      entityType: 'evaluation',
      entityId: id,
      scopePath: row.unitPath,
      summary: `Sửa kỳ đánh giá "${updated.label}"`,
      ...diff(
        { status: row.status, label: row.label, note: row.note },
        { status: updated.status, label: updated.label, note: updated.note },
      ),
    });
    const counts = await repo.periodCounts(tx, actor, id);
    const names = await namesOf(tx, [updated.unitId]);
    return toPeriodDto(updated, names.get(updated.unitId) ?? '', counts.total, counts.decided);
  });
}

export async function listPeriodEvaluations({
  db,
  actor,
  periodId,
  query,
}: Ctx & {
  periodId: number;
  query: {
    unitId?: number;
    stage?: string;
    rating?: string;
    page: number;
    pageSize: number;
  };
}) {
  requireReader(actor);
  const period = await repo.findPeriod(db, actor, periodId);
  if (!period) throw notFound(PERIOD);
  let path: string | undefined;
  if (query.unitId) {
    const unit = await findUnit(db, actor, query.unitId);
    if (!unit) throw notFound('Tổ chức đảng');
    path = unit.path;
  }
  const { rows, total } = await repo.listEvaluations(db, actor, { ...query, periodId, path });
  return {
    items: rows.map(toRowDto),
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export type RowJoin = Awaited<ReturnType<typeof repo.listEvaluations>>['rows'][number];
export const toRowDto = (r: RowJoin): EvaluationRowDto => ({
  id: r.e.id,
  periodId: r.e.periodId,
  memberId: r.e.memberId,
  targetUnitId: r.e.targetUnitId,
  name: r.memberName ?? r.unitName,
  unitName: r.unitName,
  frameworkId: r.e.frameworkId,
  frameworkName: r.frameworkName,
  stage: r.e.stage,
  selfTotal: r.selfTotal === null ? null : Number(r.selfTotal),
  collectiveTotal: r.collectiveTotal === null ? null : Number(r.collectiveTotal),
  advisoryTotal: r.advisoryTotal === null ? null : Number(r.advisoryTotal),
  finalScore: r.e.finalScore === null ? null : Number(r.e.finalScore),
  rating: (r.e.rating as RatingCode | null) ?? null,
  version: r.e.version,
});

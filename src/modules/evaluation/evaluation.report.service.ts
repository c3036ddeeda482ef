/** Distribution of ratings per unit, xlsx export, a person's ratings over the years, feedback. */
import type { z } from 'zod';
import type {
  createFeedbackBody,
  FeedbackDto,
  FeedbackSource,
  MemberRatingDto,
  PeriodKind,
  RatingCode,
  StatsDto,
  StatsRowDto,
} from '../../contracts/evaluation.ts';
import { feedbackSourceLabels, ratingCodeLabels, stageLabels } from '../../contracts/evaluation.ts';
import { isInScope, requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { sheet, writeXlsx } from '../../core/office/xlsx.ts';
import { accessCheck, deny, explain } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { assertMemberVisible } from '../members/members.service.ts';
import { findUnit, namesOf } from '../units/units.repo.ts';
import * as bulkRepo from './evaluation.bulk.repo.ts';
import * as repo from './evaluation.repo.ts';
import { PERIOD, toRowDto } from './evaluation.periods.service.ts';

type Ctx = { db: Db; actor: Actor };

/** The subtree asked for: a unit of the actor's scope, or the deeper of period and scope. */
async function subtree(db: Db, actor: Actor, period: repo.PeriodRow, unitId?: number) {
  if (unitId) {
    const unit = await findUnit(db, actor, unitId);
    if (!unit) throw notFound('Tổ chức đảng');
    return { path: unit.path, name: unit.name, id: unit.id };
  }
  const path = period.unitPath.length >= actor.scopePath.length ? period.unitPath : actor.scopePath;
  const id = Number(path.split('/').filter(Boolean).pop());
  const name = (await namesOf(db, [id])).get(id) ?? '';
  return { path, name, id };
}

export async function statistics({
  db,
  actor,
  periodId,
  unitId,
}: Ctx & { periodId: number; unitId?: number }): Promise<StatsDto> {
  requireReader(actor);
  const period = await repo.findPeriod(db, actor, periodId);
  if (!period) throw notFound(PERIOD);
  const unit = await subtree(db, actor, period, unitId);
  const rows = await bulkRepo.ratingDistribution(db, periodId, unit.path);
  const childIds = rows.map((r) => Number(r.child)).filter((n) => n > 0);
  const names = await namesOf(db, childIds);
  const toRow = (r: (typeof rows)[number]): StatsRowDto => ({
    unitId: r.child ? Number(r.child) : unit.id,
    unitName: r.child ? (names.get(Number(r.child)) ?? '') : `${unit.name} (trực tiếp)`,
    total: Number(r.total),
    excellent: Number(r.excellent),
    good: Number(r.good),
    complete: Number(r.complete),
    incomplete: Number(r.incomplete),
    undecided: Number(r.undecided),
  });
  const out = rows.map(toRow).sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  const total = out.reduce(
    (t, r) => ({
      ...t,
      total: t.total + r.total,
      excellent: t.excellent + r.excellent,
      good: t.good + r.good,
      complete: t.complete + r.complete,
      incomplete: t.incomplete + r.incomplete,
      undecided: t.undecided + r.undecided,
    }),
    {
      unitId: unit.id,
      unitName: 'Tổng cộng',
      total: 0,
      excellent: 0,
      good: 0,
      complete: 0,
      incomplete: 0,
      undecided: 0,
    },
  );
  return { unitName: unit.name, rows: out, total };
}

const pctOf = (n: number, total: number) =>
  total ? `${((n * 100) / total).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%` : '';

/** Two sheets: the distribution per unit, then every evaluation of the subtree (read in pages). */
export async function exportPeriod({
  db,
  actor,
  periodId,
  unitId,
}: Ctx & { periodId: number; unitId?: number }) {
  const stats = await statistics({ db, actor, periodId, unitId });
  const period = (await repo.findPeriod(db, actor, periodId))!;
  const unit = await subtree(db, actor, period, unitId);
  async function* rows() {
    const pageSize = 2000;
    for (let page = 1; ; page++) {
      const { rows } = await repo.listEvaluations(db, actor, {
        periodId,
        path: unit.path,
        page,
        pageSize,
      });
      for (const r of rows) yield { dto: toRowDto(r), rule: r.e.ratingRule };
      if (rows.length < pageSize) return;
    }
  }
  const heading = [
    `Kết quả đánh giá, xếp loại — ${period.label}`,
    stats.unitName,
    `Từ ${formatDate(period.startDate)} đến ${formatDate(period.endDate)}`,
  ];
  const buffer = await writeXlsx([
    sheet<StatsRowDto>({
      name: 'Tổng hợp',
      heading,
      rows: [...stats.rows, stats.total],
      columns: [
        { header: 'Đơn vị', width: 40, value: (r) => r.unitName },
        { header: 'Tổng số', value: (r) => r.total },
        { header: 'Hoàn thành xuất sắc', value: (r) => r.excellent },
        { header: 'Tỷ lệ xuất sắc', value: (r) => pctOf(r.excellent, r.total) },
        { header: 'Hoàn thành tốt', value: (r) => r.good },
        { header: 'Hoàn thành', value: (r) => r.complete },
        { header: 'Không hoàn thành', value: (r) => r.incomplete },
        { header: 'Chưa xếp loại', value: (r) => r.undecided },
      ],
    }),
    sheet<{ dto: ReturnType<typeof toRowDto>; rule: string }>({
      name: 'Danh sách',
      heading,
      rows: rows(),
      columns: [
        { header: 'Họ và tên / Tập thể', width: 30, value: (r) => r.dto.name },
        { header: 'Đơn vị', width: 30, value: (r) => r.dto.unitName },
        { header: 'Khung tiêu chí', width: 30, value: (r) => r.dto.frameworkName },
        { header: 'Tự chấm', value: (r) => r.dto.selfTotal },
        { header: 'Tập thể', value: (r) => r.dto.collectiveTotal },
        { header: 'Đề xuất', value: (r) => r.dto.advisoryTotal },
        { header: 'Điểm quyết định', value: (r) => r.dto.finalScore },
        {
          header: 'Xếp loại',
          width: 28,
          value: (r) => (r.dto.rating ? ratingCodeLabels[r.dto.rating] : stageLabels[r.dto.stage]),
        },
        { header: 'Căn cứ xếp loại', width: 60, value: (r) => r.rule },
      ],
    }),
  ]);
  return { buffer, fileName: `Xep loai - ${period.label} - ${stats.unitName}.xlsx` };
}

/** A person's ratings over the years: their own, or anyone's in a reader's subtree. */
export async function memberRatings({
  db,
  actor,
  memberId,
}: Ctx & { memberId: number }): Promise<MemberRatingDto[]> {
  if (actor.memberId !== memberId) requireReader(actor);
  await assertMemberVisible(db, actor, memberId);
  const rows = await repo.memberEvaluations(db, memberId);
  return rows.map((r) => ({
    evaluationId: r.e.id,
    periodId: r.period.id,
    periodLabel: r.period.label,
    kind: r.period.kind as PeriodKind,
    year: r.period.year,
    stage: r.e.stage,
    finalScore: r.e.finalScore === null ? null : Number(r.e.finalScore),
    rating: (r.e.rating as RatingCode | null) ?? null,
    ratingRule: r.e.ratingRule,
    decidedAt: r.e.decidedAt?.toISOString() ?? null,
  }));
}

// ─── Feedback ───────────────────────────────────────────────────────────────────────────

/**
 * Feedback is for evaluators only, never for the person it concerns (nor shown to them through
 * another role): residents speak through the Front in confidence, and the person hears the
 * collective's conclusions in the comments of the evaluation.
 */
const FEEDBACK_RULE = accessCheck(
  'Thông tin đa chiều về cán bộ chỉ dành cho người đánh giá, không hiển thị cho chính người được phản ánh',
);

function refuseOwn(actor: Actor, memberId: number) {
  if (actor.memberId === memberId) {
    throw forbidden(
      `${explain(deny('Bạn không xem hoặc ghi thông tin phản ánh về chính mình', [FEEDBACK_RULE]))}.`,
    );
  }
}

const toFeedbackDto = (r: Awaited<ReturnType<typeof repo.listFeedback>>[number]): FeedbackDto => ({
  id: r.id,
  memberId: r.memberId,
  sourceKind: r.sourceKind as FeedbackSource,
  sourceName: r.sourceName,
  receivedDate: r.receivedDate,
  content: r.content,
  recordedBy: r.recordedBy,
  createdAt: r.createdAt.toISOString(),
});

export async function listFeedback({ db, actor, memberId }: Ctx & { memberId: number }) {
  requireReader(actor);
  refuseOwn(actor, memberId);
  await assertMemberVisible(db, actor, memberId);
  return (await repo.listFeedback(db, actor, memberId)).map(toFeedbackDto);
}

export async function addFeedback({
  db,
  actor,
  memberId,
  body,
}: Ctx & { memberId: number; body: z.output<typeof createFeedbackBody> }): Promise<FeedbackDto> {
  requireWriter(actor);
  refuseOwn(actor, memberId);
  return db.transaction(async (tx) => {
    const path = await repo.memberPath(tx, actor, memberId);
    if (!path || !isInScope(actor, path)) throw notFound('Đảng viên');
    const row = await repo.insertFeedback(tx, {
      memberId,
      unitPath: path,
      sourceKind: body.sourceKind,
      sourceName: body.sourceName,
      receivedDate: body.receivedDate,
      content: body.content,
      recordedBy: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'feedback',
      entityId: row.id,
      scopePath: path,
      summary: `Ghi nhận ý kiến của ${feedbackSourceLabels[body.sourceKind]} (${body.sourceName}) ngày ${formatDate(body.receivedDate)}`,
      after: {
        memberId,
        sourceKind: body.sourceKind,
        sourceName: body.sourceName,
        receivedDate: body.receivedDate,
      },
    });
    return toFeedbackDto(row);
  });
}

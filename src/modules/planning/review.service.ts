/**
 * Annual review (rà soát quy hoạch): proposes removals from the facts (age, discipline,
 * political standard, rating, leaving the party, appointment), lets the officer add people,
 * and records the decision with every accepted change in one transaction.
 */
import type {
  RecordReviewBody,
  RemovalProposalDto,
  ReviewDto,
  ReviewPreviewDto,
} from '../../contracts/planning.ts';
import {
  hasPermission,
  requireReader,
  requireWriter,
  type Actor,
} from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { addMonths, today } from '../../core/dates.ts';
import { fieldError, invalid, notFound } from '../../core/errors.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { loadRules } from '../rules/registry.ts';
import { findUnit } from '../units/units.repo.ts';
import { ACTIVE_STATUSES, retirementDateOf, rulesFor, targetOf } from './candidate.ts';
import * as repo from './planning.repo.ts';
import { removalTriggersOf } from './planning.rules.ts';
import { addChecked, removeOne, toEntryDtos, toPoolDto } from './planning.service.ts';
import { ratingsOf } from './ratings.ts';

type Ctx = { db: Db; actor: Actor };

async function subtreeUnit(ctx: Ctx, unitId: number) {
  const unit = await findUnit(ctx.db, ctx.actor, unitId);
  if (!unit) throw notFound('Tổ chức');
  return unit;
}

/** Removal proposals for the active people of these pools on `date`. */
async function proposalsFor(
  db: Db,
  actor: Actor,
  pools: repo.PoolView[],
  entries: repo.EntryView[],
  date: string,
): Promise<Map<number, RemovalProposalDto[]>> {
  const set = await loadRules(db);
  const ids = [...new Set(entries.map((e) => e.memberId))];
  const [discipline, appointments, ratings] = await Promise.all([
    repo.disciplineOf(db, ids),
    repo.appointmentsOf(db, ids),
    ratingsOf(db, ids),
  ]);
  const poolById = new Map(pools.map((p) => [p.id, p]));
  const showDetail = hasPermission(actor, 'sensitive');
  const out = new Map<number, RemovalProposalDto[]>();
  for (const e of entries) {
    if (e.status !== 'active') continue;
    const pool = poolById.get(e.poolId)!;
    const r = await rulesFor(db, pool.unitPath, date);
    const triggers = removalTriggersOf(
      {
        term: pool.term,
        target: targetOf(pool),
        politicalStandard: e.politicalStandard,
        retirementDate: retirementDateOf(e, set, pool.unitPath),
        memberLeft: e.memberArchived || !ACTIVE_STATUSES.includes(e.memberStatus),
        discipline: discipline.get(e.memberId) ?? [],
        appointments: appointments.filter((a) => a.memberId === e.memberId),
        latestRating: ratings.get(e.memberId) ?? null,
      },
      date,
      r,
      showDetail,
    );
    if (!triggers.length) continue;
    const list = out.get(e.poolId) ?? [];
    list.push({ entryId: e.id, memberId: e.memberId, fullName: e.fullName, triggers });
    out.set(e.poolId, list);
  }
  return out;
}

export async function previewReview({
  db,
  actor,
  unitId,
  term,
  date,
}: Ctx & { unitId: number; term: string; date?: string }): Promise<ReviewPreviewDto> {
  requireReader(actor);
  const unit = await subtreeUnit({ db, actor }, unitId);
  const on = date ?? today();
  const pools = await repo.poolsOfSubtree(db, actor, unit.path, term);
  const entries = await repo.entriesOfPools(
    db,
    pools.map((p) => p.id),
    true,
  );
  const proposals = await proposalsFor(db, actor, pools, entries, on);
  const dtos = await toEntryDtos(db, entries, on);
  const set = await loadRules(db);
  const every = set.get<number>('planning.review_interval_months', unit.path, on);
  const last = await repo.lastReviewDate(db, unit.id, term);
  const out: ReviewPreviewDto['pools'] = [];
  for (const p of pools) {
    const r = await rulesFor(db, p.unitPath, on);
    out.push({
      ...toPoolDto(p, r.maxPeople.value),
      entries: dtos.filter((e) => e.poolId === p.id),
      proposals: proposals.get(p.id) ?? [],
    });
  }
  return {
    unitId: unit.id,
    unitName: unit.name,
    term,
    date: on,
    lastReviewDate: last,
    nextReviewDue: last ? addMonths(last, every.value) : null,
    intervalCitation: every.citation,
    pools: out,
  };
}

/**
 * Records the review decision: accepted removals and additions, each checked again, all in one
 * transaction; one refusal leaves nothing written.
 */
export async function recordReview({
  db,
  actor,
  body,
}: Ctx & { body: RecordReviewBody }): Promise<ReviewDto> {
  requireWriter(actor);
  if (!body.removals.length && !body.additions.length && !body.note) {
    throw fieldError(
      'removals',
      'Nội dung rà soát',
      'chưa có thay đổi hoặc ghi chú nào để ghi nhận',
    );
  }
  return db.transaction(async (tx) => {
    const ctx = { db: tx, actor };
    const unit = await subtreeUnit(ctx, body.unitId);
    const review = await repo.insertReview(tx, {
      unitId: unit.id,
      term: body.term,
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
      note: body.note,
      recordedBy: `${actor.displayName} (${actor.username})`,
    });
    const pools = new Map(
      (await repo.poolsOfSubtree(tx, actor, unit.path, body.term)).map((p) => [p.id, p]),
    );
    const problems: { field: string; label: string; message: string }[] = [];
    for (const [i, rm] of body.removals.entries()) {
      const entry = await repo.findEntry(tx, actor, rm.entryId, true);
      const pool = entry && pools.get(entry.poolId);
      if (!entry || !pool) {
        problems.push({
          field: `removals.${i}`,
          label: 'Đưa ra khỏi quy hoạch',
          message: 'không thuộc các quỹ quy hoạch đang rà soát',
        });
        continue;
      }
      const [view] = (await repo.entriesOfPools(tx, [pool.id], true)).filter(
        (e) => e.id === rm.entryId,
      );
      if (!view) {
        problems.push({
          field: `removals.${i}`,
          label: 'Đưa ra khỏi quy hoạch',
          message: 'người này đã được đưa ra khỏi quy hoạch trước đó',
        });
        continue;
      }
      await removeOne(tx, actor, pool, view, entry.version, {
        removedDate: body.decisionDate,
        removalDecisionNumber: body.decisionNumber,
        removalReason: rm.reason,
        reviewId: review.id,
      });
    }
    if (problems.length) throw invalid(problems);
    for (const add of body.additions) {
      const pool = pools.get(add.poolId);
      if (!pool)
        throw fieldError('additions', 'Bổ sung quy hoạch', 'quỹ quy hoạch không thuộc đợt rà soát');
      await addChecked(tx, actor, pool, {
        ...add,
        decisionDate: body.decisionDate,
        decisionNumber: body.decisionNumber,
        note: `Bổ sung qua rà soát ${body.decisionNumber}`,
        addedReviewId: review.id,
      });
    }
    await repo.setReviewCounts(tx, review.id, body.removals.length, body.additions.length);
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'planning',
      entityId: review.id,
      scopePath: unit.path,
      summary: `Rà soát quy hoạch ${unit.name} nhiệm kỳ ${body.term}: quyết định ${body.decisionNumber} ngày ${formatDate(body.decisionDate)}, đưa ra ${body.removals.length}, bổ sung ${body.additions.length}`,
      after: {
        reviewId: review.id,
        decisionNumber: body.decisionNumber,
        decisionDate: body.decisionDate,
        removed: body.removals.map((r) => r.entryId),
        added: body.additions.map((a) => ({ poolId: a.poolId, memberId: a.memberId })),
      },
    });
    return {
      id: review.id,
      unitId: unit.id,
      unitName: unit.name,
      term: body.term,
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
      removedCount: body.removals.length,
      addedCount: body.additions.length,
      note: body.note,
      recordedBy: review.recordedBy,
    };
  });
}

export async function listReviews({
  db,
  actor,
  query,
}: Ctx & { query: { unitId?: number; page: number; pageSize: number } }) {
  requireReader(actor);
  const path = query.unitId
    ? (await subtreeUnit({ db, actor }, query.unitId)).path
    : actor.scopePath;
  const { items, total } = await repo.listReviews(db, actor, { ...query, path });
  return { items, total, totalIsCapped: false, page: query.page, pageSize: query.pageSize };
}

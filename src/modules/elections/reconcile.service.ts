/**
 * Reconciling the independent entries of a round ballot by ballot (A's reconcile), showing every
 * disagreement side by side, and the counting committee's resolutions (choose a version, enter
 * the ballot as read again, or declare it absent). Resolutions are append-only and logged.
 */
import type {
  CheckDto,
  EntryLogDto,
  ReconciliationDto,
  ResolveBody,
} from '../../contracts/elections.ts';
import type { Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, notFound } from '../../core/errors.ts';
import { dataCheck } from '../../core/rules/verdict.ts';
import { assertOpen, loadRound, lockRound, type RoundRow } from './elections.access.ts';
import * as repo from './elections.repo.ts';
import { ballotResolutions } from './elections.schema.ts';
import { judgementsFor } from './entry.service.ts';
import { roundState, type RoundState } from './final-ballots.ts';
import { checkCounts } from './reconcile.rules.ts';

type Ctx = { db: Db; actor: Actor };

const COUNTS_RULE = dataCheck('Số phiếu phát ra, thu vào và số phiếu đã nhập phải khớp nhau');

/** Why the round cannot be closed yet (empty = it can). */
export function closeBlockers(
  round: RoundRow,
  state: RoundState,
): { blockers: string[]; checks: CheckDto[] } {
  const blockers: string[] = [];
  if (!state.batches.length) blockers.push('Chưa có tập phiếu nào.');
  for (const name of state.unfinishedBatches) {
    blockers.push(`Tập phiếu "${name}" chưa đủ ${round.entryCopies} lần nhập xác nhận xong.`);
  }
  if (state.unresolved)
    blockers.push(`Còn ${state.unresolved} phiếu chênh lệch giữa các lần nhập chưa xử lý.`);
  const checks: CheckDto[] = [];
  if (round.ballotsIssued === null || round.ballotsReturned === null) {
    blockers.push('Chưa ghi số phiếu phát ra và số phiếu thu vào.');
  } else {
    const r = checkCounts({
      issued: round.ballotsIssued,
      returned: round.ballotsReturned,
      entered: state.final.length,
    });
    for (const p of r.problems) {
      checks.push({ ok: false, blocking: true, message: p.message, citations: [COUNTS_RULE] });
      blockers.push(p.message);
    }
    if (r.ok) {
      checks.push({
        ok: true,
        blocking: true,
        message: `Phát ra ${round.ballotsIssued}, thu vào ${round.ballotsReturned}, đã nhập ${state.final.length} phiếu: khớp.`,
        citations: [COUNTS_RULE],
      });
    }
  }
  return { blockers, checks };
}

export async function getReconciliation({
  db,
  actor,
  roundId,
}: Ctx & { roundId: number }): Promise<ReconciliationDto> {
  const { round } = await loadRound(db, actor, roundId, 'count');
  const list = (await repo.roundList(db, roundId)).map((l) => l.candidate.id);
  const state = await roundState(db, round);
  const judgementOf = judgementsFor(round, list);
  const batches = state.batches.map((b) => {
    const disagreements = b.disputed.map((serial) => {
      const versions = [...b.byCopy.entries()].map(([copy, rows]) => {
        const e = rows.find((r) => r.serial === serial);
        return {
          copy,
          present: Boolean(e),
          issued: e?.issued ?? false,
          struck: e?.struck ?? [],
          agree: e?.agree ?? [],
          disagree: e?.disagree ?? [],
          judgement: e ? judgementOf(e) : null,
        };
      });
      const r = b.resolutions.get(serial);
      return {
        serial,
        versions,
        resolution: r
          ? {
              copy: null,
              present: !r.deleted,
              issued: r.issued,
              struck: r.struck,
              agree: r.agree,
              disagree: r.disagree,
              judgement: r.deleted ? null : judgementOf(r),
              source: r.source,
              by: r.userName,
              at: r.resolvedAt.toISOString(),
            }
          : null,
      };
    });
    return {
      batchId: b.batch.id,
      batchName: b.batch.name,
      comparable: b.comparable,
      finishedCopies: b.finishedCopies,
      ballots: b.final.length,
      agreed: b.reconciliation?.agreed.length ?? 0,
      disagreements,
    };
  });
  const { blockers, checks } = closeBlockers(round, state);
  return {
    roundId,
    entryCopies: round.entryCopies,
    batches,
    counts: {
      issued: round.ballotsIssued,
      returned: round.ballotsReturned,
      entered: state.final.length,
      checks,
    },
    unresolved: state.unresolved,
    canClose: !round.closedAt && blockers.length === 0,
    blockers,
  };
}

export async function resolveBallot({
  db,
  actor,
  roundId,
  body,
}: Ctx & { roundId: number; body: ResolveBody }): Promise<ReconciliationDto> {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  const list = new Set((await repo.roundList(db, roundId)).map((l) => l.candidate.id));
  await db.transaction(async (tx) => {
    assertOpen(await lockRound(tx, roundId));
    const state = await roundState(tx, round);
    const b = state.batches.find((x) => x.batch.id === body.batchId);
    if (!b) throw notFound('Tập phiếu');
    if (!b.disputed.includes(body.serial)) {
      throw conflict(
        `Phiếu số ${body.serial} không có chênh lệch giữa các lần nhập, không cần xử lý.`,
      );
    }
    let marks = {
      issued: body.issued,
      struck: body.struck,
      agree: body.agree,
      disagree: body.disagree,
    };
    let deleted = body.source === 'absent';
    if (body.source.startsWith('copy_')) {
      const copy = Number(body.source.slice(5));
      const e = b.byCopy.get(copy)?.find((r) => r.serial === body.serial);
      if (!e) {
        if (!b.byCopy.has(copy))
          throw fieldError('source', 'Chọn bản nhập', 'không có lần nhập này');
        deleted = true;
      } else {
        marks = { issued: e.issued, struck: e.struck, agree: e.agree, disagree: e.disagree };
      }
    }
    const ids = round.form === 'strike' ? marks.struck : [...marks.agree, ...marks.disagree];
    const unknown = ids.find((id) => !list.has(id));
    if (unknown !== undefined) {
      throw fieldError(
        'struck',
        'Phiếu bầu',
        `mã ${unknown} không có trong danh sách của vòng bầu này`,
      );
    }
    const [row] = await tx
      .insert(ballotResolutions)
      .values({
        roundId,
        batchId: body.batchId,
        serial: body.serial,
        source: body.source,
        issued: marks.issued,
        struck: round.form === 'strike' ? marks.struck : [],
        agree: round.form === 'yesno' ? marks.agree : [],
        disagree: round.form === 'yesno' ? marks.disagree : [],
        deleted,
        note: body.note,
        userId: actor.userId,
        userName: actor.displayName,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}: ban kiểm phiếu xử lý chênh lệch phiếu số ${body.serial} ("${b.batch.name}") — ${sourceLabel(body.source)}`,
      after: { resolutionId: row!.id, ...marks, deleted, source: body.source, note: body.note },
    });
  });
  return getReconciliation({ db, actor, roundId });
}

const sourceLabel = (s: string) =>
  s === 'reread'
    ? 'nhập lại theo phiếu đọc lại'
    : s === 'absent'
      ? 'xác định không có phiếu này'
      : `lấy theo lần nhập ${s.slice(5)}`;

const describe = (r: repo.LogRow) => {
  if (r.deleted) return r.kind === 'entry' ? 'Bỏ phiếu nhập nhầm' : 'Không có phiếu này';
  const parts = [r.issued ? 'có dấu BKP' : 'KHÔNG do BKP phát ra'];
  if (r.struck.length) parts.push(`gạch: ${r.struck.join(', ')}`);
  if (r.agree.length) parts.push(`đồng ý: ${r.agree.join(', ')}`);
  if (r.disagree.length) parts.push(`không đồng ý: ${r.disagree.join(', ')}`);
  if (!r.struck.length && !r.agree.length && !r.disagree.length) parts.push('không gạch/đánh dấu');
  return (r.source ? `${sourceLabel(r.source)}; ` : '') + parts.join('; ');
};

/** The append-only entry log: who entered or resolved what, when (newest first). */
export async function entryLog({
  db,
  actor,
  roundId,
  page,
  pageSize,
}: Ctx & { roundId: number; page: number; pageSize: number }): Promise<EntryLogDto> {
  await loadRound(db, actor, roundId, 'write');
  const { rows, total } = await repo.entryLogPage(db, roundId, page, pageSize);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      batchName: r.batch_name,
      copy: r.copy,
      serial: r.serial,
      detail: describe(r),
      by: r.user_name,
      at: new Date(r.at).toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}

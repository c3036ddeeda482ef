/**
 * A round's life: opened on an approved list (round 1) or after the presidium decided another
 * round; ballot counts recorded; closed (frozen: results snapshotted, triggers refuse any later
 * change); a decision recorded when the result needs one; annulment by the higher level only.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  roundDecisionLabels,
  type annulBody,
  type BallotForm,
  type createRoundBody,
  type RoundDecisionKind,
} from '../../contracts/elections.ts';
import { isInScope, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { conflict, fieldError, forbidden, staleVersion } from '../../core/errors.ts';
import { accessCheck, dataCheck, deny, explain } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { electionAcceptances } from './acceptance.schema.ts';
import { congressInfo, thresholdBase } from './congress-link.ts';
import { loadElectionRules } from './election-rule-values.ts';
import {
  assertOpen,
  congressReader,
  loadElection,
  loadRound,
  lockRound,
} from './elections.access.ts';
import * as repo from './elections.repo.ts';
import {
  electionRounds,
  elections,
  roundAnnulments,
  roundCandidates,
  roundDecisions,
} from './elections.schema.ts';
import { roundState } from './final-ballots.ts';
import { ballotFormFor } from './list.rules.ts';
import { closeBlockers } from './reconcile.service.ts';
import { frozenResult, roundStatus } from './round-state.ts';
import { tally } from './tally.rules.ts';

const ANNULLED_ROUND_RULE = dataCheck(
  'Kết quả một vòng bầu đã bị hủy không còn hiệu lực; đại hội quyết định trên kết quả của vòng bầu khác',
);

type Ctx = { db: Db; actor: Actor };

/** Opens the next round: round 1 on the approved list; later ones on the remaining seats. */
export async function createRound({
  db,
  actor,
  electionId,
  body,
}: Ctx & { electionId: number; body: z.output<typeof createRoundBody> }) {
  const e = await loadElection(db, actor, electionId, 'write');
  if (e.listStatus !== 'approved') {
    throw conflict('Đại hội chưa biểu quyết thông qua danh sách bầu cử; chưa thể mở vòng bầu.');
  }
  const congress = await congressInfo(db, actor, e.congressId);
  const bodySeats = congress.bodies.find((b) => b.id === e.bodyId)?.seats ?? 0;
  return db.transaction(async (tx) => {
    await tx.select().from(elections).where(eq(elections.id, electionId)).for('update');
    const rounds = await repo.roundsOf(tx, electionId);
    const last = rounds.at(-1);
    let seats = bodySeats;
    let candidateIds = await repo.activeCandidateIds(tx, electionId);
    if (last) {
      const status = roundStatus(last.round, last.annulment);
      if (status === 'open') throw conflict(`Vòng ${last.round.number} chưa kết thúc.`);
      if (status === 'annulled') {
        // Voting again on the annulled round's seats and names.
        seats = last.round.seats;
        candidateIds = (await repo.roundList(tx, last.round.id)).map((l) => l.candidate.id);
      } else {
        const result = frozenResult(last.round)!;
        if (last.decision?.kind !== 'another_round') {
          throw conflict(
            `Vòng ${last.round.number} chưa có quyết định bầu tiếp của đoàn chủ tịch (theo kết quả vòng trước).`,
          );
        }
        const elected = new Set(result.elected.map(Number));
        seats = last.round.seats - elected.size;
        const remaining = (await repo.roundList(tx, last.round.id))
          .map((l) => l.candidate.id)
          .filter((id) => !elected.has(id));
        if (body.candidateIds?.length) {
          const bad = body.candidateIds.find((id) => !remaining.includes(id));
          if (bad !== undefined) {
            throw fieldError(
              'candidateIds',
              'Người được bầu tiếp',
              'chỉ chọn trong số người chưa trúng cử của vòng trước',
            );
          }
          candidateIds = body.candidateIds;
        } else {
          candidateIds = remaining;
        }
      }
    }
    if (seats < 1) throw conflict('Đã bầu đủ số lượng; không còn vị trí để bầu tiếp.');
    if (!candidateIds.length) throw conflict('Không còn người nào trong danh sách để bầu.');
    const cands = await repo.candidatesByIds(tx, candidateIds);
    cands.sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.id - b.id));
    const number = (last?.round.number ?? 0) + 1;
    const form: BallotForm = ballotFormFor(seats, cands.length);
    const [round] = await tx
      .insert(electionRounds)
      .values({
        electionId,
        unitPath: e.unitPath,
        number,
        seats,
        form,
        entryCopies: body.entryCopies,
      })
      .returning();
    await tx
      .insert(roundCandidates)
      .values(cands.map((c, i) => ({ roundId: round!.id, candidateId: c.id, position: i + 1 })));
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: electionId,
      scopePath: e.unitPath,
      summary: `Mở vòng ${number} bầu ${e.bodyName}: ${seats} vị trí, ${cands.length} người, nhập ${body.entryCopies} lần độc lập`,
      after: { roundId: round!.id, seats, form, candidates: cands.map((c) => c.fullName) },
    });
    return { id: round!.id };
  });
}

export async function setBallotCounts({
  db,
  actor,
  roundId,
  issued,
  returned,
  version,
}: Ctx & { roundId: number; issued: number; returned: number; version: number }) {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  if (returned > issued) {
    throw fieldError(
      'returned',
      'Số phiếu thu vào',
      `không được nhiều hơn số phiếu phát ra (${issued})`,
    );
  }
  await db.transaction(async (tx) => {
    const locked = await lockRound(tx, roundId);
    assertOpen(locked);
    if (locked.version !== version) throw staleVersion();
    await tx
      .update(electionRounds)
      .set({
        ballotsIssued: issued,
        ballotsReturned: returned,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(eq(electionRounds.id, roundId));
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}: phát ra ${issued}, thu vào ${returned} phiếu`,
      before: { issued: locked.ballotsIssued, returned: locked.ballotsReturned },
      after: { issued, returned },
    });
  });
}

/** Closing freezes the round: results and base are snapshotted; nothing can change after. */
export async function closeRound({
  db,
  actor,
  roundId,
  version,
}: Ctx & { roundId: number; version: number }) {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  const base = await thresholdBase(
    db,
    congressReader(actor, election.unitPath),
    election.congressId,
  );
  const rules = await loadElectionRules(db, election.unitPath, today());
  await db.transaction(async (tx) => {
    const locked = await lockRound(tx, roundId);
    assertOpen(locked);
    if (locked.version !== version) throw staleVersion();
    const state = await roundState(tx, locked);
    const { blockers } = closeBlockers(locked, state);
    if (blockers.length) throw conflict(`Chưa thể kết thúc vòng bầu: ${blockers.join(' ')}`);
    const list = await repo.roundList(tx, roundId);
    const result = tally({
      form: locked.form as BallotForm,
      candidates: list.map((l) => ({ id: String(l.candidate.id), name: l.candidate.fullName })),
      ballots: state.final,
      seats: locked.seats,
      base: base.value,
      rules,
    });
    const closed = await tx
      .update(electionRounds)
      .set({
        baseSnapshot: base,
        resultSnapshot: result,
        closedAt: new Date(),
        closedBy: actor.displayName,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(electionRounds.id, roundId), eq(electionRounds.version, version)))
      .returning({ id: electionRounds.id });
    if (!closed.length) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'close',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Kết thúc vòng ${round.number} bầu ${election.bodyName}: ${result.valid} phiếu hợp lệ, ${result.invalid} không hợp lệ, ${result.elected.length}/${locked.seats} người trúng cử; kết quả đã khóa`,
      after: {
        base: base.value,
        elected: result.elected,
        needsDecision: result.needsDecision?.code ?? null,
      },
    });
  });
}

/** The presidium's decision on a round that needs one (never taken silently). */
export async function decideRound({
  db,
  actor,
  roundId,
  kind,
  note,
}: Ctx & { roundId: number; kind: RoundDecisionKind; note: string }) {
  const { round, election } = await loadRound(db, actor, roundId, 'write');
  if (!round.closedAt) throw conflict('Vòng bầu chưa kết thúc; chưa có kết quả để quyết định.');
  const result = frozenResult(round)!;
  if (!result.needsDecision) {
    throw conflict('Kết quả vòng này đã đủ, không có gì cần đoàn chủ tịch quyết định.');
  }
  await db.transaction(async (tx) => {
    const [done] = await tx
      .select()
      .from(roundDecisions)
      .where(eq(roundDecisions.roundId, roundId));
    if (done) throw conflict('Đoàn chủ tịch đã quyết định cho vòng bầu này.');
    const [annulled] = await tx
      .select({ id: roundAnnulments.id })
      .from(roundAnnulments)
      .where(eq(roundAnnulments.roundId, roundId));
    if (annulled) {
      throw conflict(
        `${explain(
          deny('Kết quả vòng bầu này đã bị cấp trên hủy; không ghi quyết định cho vòng này', [
            ANNULLED_ROUND_RULE,
          ]),
        )}.`,
      );
    }
    await tx.insert(roundDecisions).values({ roundId, kind, note, decidedBy: actor.displayName });
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}: ${roundDecisionLabels[kind]}${note ? ` (${note})` : ''}`,
      after: { roundId, kind, note, reason: result.needsDecision!.reason },
    });
  });
}

const ANNUL_RULE = accessCheck(
  'Kết quả bầu cử đã khóa chỉ được cấp ủy cấp trên hủy, có quyết định và lý do, dữ liệu gốc được giữ nguyên',
);

const ANNUL_AFTER_APPROVAL_RULE = dataCheck(
  'Hủy kết quả bầu cử trước khi chuẩn y; sau chuẩn y, các chức vụ đã mở phải được xử lý bằng quyết định của cấp có thẩm quyền',
);

/** Annulment by an officer or administrator of a level ABOVE the congress's unit. */
export async function annulRound({
  db,
  actor,
  roundId,
  body,
}: Ctx & { roundId: number; body: z.output<typeof annulBody> }) {
  const { round, election } = await loadRound(db, actor, roundId, 'write');
  if (!(isInScope(actor, election.unitPath) && actor.scopePath !== election.unitPath)) {
    throw forbidden(
      `${explain(deny('Chỉ cấp trên của tổ chức đảng tổ chức đại hội được hủy kết quả bầu cử', [ANNUL_RULE]))}.`,
    );
  }
  if (!round.closedAt) throw conflict('Vòng bầu chưa kết thúc; không có kết quả để hủy.');
  await db.transaction(async (tx) => {
    const [done] = await tx
      .select()
      .from(roundAnnulments)
      .where(eq(roundAnnulments.roundId, roundId));
    if (done) throw conflict('Kết quả vòng bầu này đã bị hủy.');
    // The approval opened posts from these results: annulling under it would leave them open.
    const [accepted] = await tx
      .select()
      .from(electionAcceptances)
      .where(eq(electionAcceptances.electionId, election.id));
    if (accepted) {
      throw conflict(
        `${explain(
          deny(
            `Kết quả bầu cử đã được chuẩn y (${accepted.decisionNumber} ngày ${formatDate(accepted.decisionDate)}) và đã mở các chức vụ theo kết quả này; không hủy được vòng bầu`,
            [ANNUL_AFTER_APPROVAL_RULE],
          ),
        )}.`,
      );
    }
    await tx.insert(roundAnnulments).values({
      roundId,
      decision: body.decision,
      reason: body.reason,
      annulledBy: actor.displayName,
    });
    await recordAudit(tx, actor, {
      action: 'annul',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Cấp trên hủy kết quả vòng ${round.number} bầu ${election.bodyName} (${body.decision}): ${body.reason}`,
      after: { roundId, ...body },
    });
  });
}

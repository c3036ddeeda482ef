/**
 * Chuẩn y: recording the higher level's approval of an election's results. In one
 * transaction it closes the previous term's posts of that body in the congress's unit (the day
 * before the approval), opens the post for each person elected from the approval date (through
 * the posts module, so its checks and history apply), and records the approval. Refused, with
 * the reasons, unless every round is closed and nothing waits for the presidium.
 */
import { eq } from 'drizzle-orm';
import type { AcceptanceDto, AcceptBody } from '../../contracts/election-documents.ts';
import type { AppointmentDto } from '../../contracts/posts.ts';
import { requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { dayBefore, today } from '../../core/dates.ts';
import { conflict, fieldError } from '../../core/errors.ts';
import { explain } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { holdersInForce } from '../posts/posts.repo.ts';
import {
  createAppointment,
  listMemberAppointments,
  listPostTitles,
  updateAppointment,
} from '../posts/posts.service.ts';
import {
  acceptanceBlockers,
  APPROVAL_RULE,
  checkDecisionDate,
  postCodeOfBody,
  type RoundFacts,
} from './acceptance.rules.ts';
import { electionAcceptances } from './acceptance.schema.ts';
import type { BodyKind } from '../../contracts/congress.ts';
import { congressInfo, type CongressInfo } from './congress-link.ts';
import { isWriter, loadElection, type ElectionRow } from './elections.access.ts';
import * as repo from './elections.repo.ts';
import { elections } from './elections.schema.ts';
import { frozenResult, summaryOf } from './round-state.ts';

type Ctx = { db: Db; actor: Actor };

interface ElectionState {
  election: ElectionRow;
  congress: CongressInfo;
  body: CongressInfo['bodies'][number];
  rounds: RoundFacts[];
  lastClosedOn: string | null;
  elected: { memberId: number | null; fullName: string; votes: number }[];
  accepted: typeof electionAcceptances.$inferSelect | null;
}

/** The rounds, those elected in closed, not annulled rounds (most votes first within a round). */
async function stateOf(db: Db, actor: Actor, election: ElectionRow): Promise<ElectionState> {
  const congress = await congressInfo(db, actor, election.congressId);
  const body = congress.bodies.find((b) => b.id === election.bodyId) ?? {
    id: election.bodyId,
    name: election.bodyName,
    kind: '',
    seats: 0,
  };
  const rows = await repo.roundsOf(db, election.id);
  const rounds: RoundFacts[] = [];
  const electedIds: { id: number; votes: number }[] = [];
  let lastClosedOn: string | null = null;
  for (const row of rows) {
    const s = summaryOf(row);
    rounds.push({
      number: s.number,
      status: s.status,
      needsDecision: s.needsDecision,
      decision: s.decision,
    });
    const result = frozenResult(row.round);
    if (s.status !== 'closed' || !result) continue;
    lastClosedOn = today(row.round.closedAt!);
    const votes = new Map(result.candidates.map((c) => [c.id, c.votes]));
    for (const id of result.elected) electedIds.push({ id: Number(id), votes: votes.get(id) ?? 0 });
  }
  const candidates = new Map(
    (
      await repo.candidatesByIds(
        db,
        electedIds.map((e) => e.id),
      )
    ).map((c) => [c.id, c]),
  );
  const [accepted] = await db
    .select()
    .from(electionAcceptances)
    .where(eq(electionAcceptances.electionId, election.id));
  return {
    election,
    congress,
    body,
    rounds,
    lastClosedOn,
    elected: electedIds.map((e) => ({
      memberId: candidates.get(e.id)?.memberId ?? null,
      fullName: candidates.get(e.id)?.fullName ?? '',
      votes: e.votes,
    })),
    accepted: accepted ?? null,
  };
}

const blockersOf = (s: ElectionState) =>
  acceptanceBlockers({
    bodyKind: s.body.kind,
    bodyName: s.body.name,
    rounds: s.rounds,
    accepted: s.accepted !== null,
    elected: s.elected,
  });

async function titleFor(ctx: Ctx, kind: string) {
  const code = postCodeOfBody[kind as BodyKind];
  const titles = await listPostTitles({ ...ctx, includeInactive: false });
  return code ? (titles.find((t) => t.code === code) ?? null) : null;
}

function present(s: ElectionState, postTitle: string | null, canWrite: boolean): AcceptanceDto {
  const blockers = blockersOf(s);
  return {
    electionId: s.election.id,
    bodyName: s.body.name,
    postTitle,
    canAccept: canWrite && !blockers.length && postTitle !== null,
    blockers: blockers.map(explain),
    elected: s.elected,
    accepted: s.accepted
      ? {
          decisionNumber: s.accepted.decisionNumber,
          decisionDate: s.accepted.decisionDate,
          approvingBody: s.accepted.approvingBody,
          appointmentsCreated: s.accepted.appointmentsCreated,
          appointmentsClosed: s.accepted.appointmentsClosed,
          at: s.accepted.createdAt.toISOString(),
          by: s.accepted.acceptedBy,
        }
      : null,
    citations: [APPROVAL_RULE],
  };
}

export async function getAcceptance({
  db,
  actor,
  electionId,
}: Ctx & { electionId: number }): Promise<AcceptanceDto> {
  const election = await loadElection(db, actor, electionId, 'read');
  const state = await stateOf(db, actor, election);
  const title = await titleFor({ db, actor }, state.body.kind);
  return present(state, title?.name ?? null, isWriter(actor));
}

export async function acceptResults({
  db,
  actor,
  electionId,
  body,
}: Ctx & { electionId: number; body: AcceptBody }): Promise<AcceptanceDto> {
  requireWriter(actor);
  await loadElection(db, actor, electionId, 'write');
  await db.transaction(async (tx) => {
    const ctx = { db: tx, actor };
    // Locks the election: two approvals of the same results cannot both pass.
    const [election] = await tx
      .select()
      .from(elections)
      .where(eq(elections.id, electionId))
      .for('update');
    const state = await stateOf(tx, actor, election!);
    const blockers = blockersOf(state);
    if (blockers.length) {
      throw conflict(
        `Chưa thể chuẩn y kết quả bầu ${state.body.name}: ${blockers.map(explain).join('; ')}.`,
      );
    }
    const date = checkDecisionDate(body.decisionDate, state.lastClosedOn!, today());
    if (!date.ok) throw fieldError('decisionDate', 'Ngày chuẩn y', explain(date));
    const title = await titleFor(ctx, state.body.kind);
    if (!title) {
      throw conflict(
        `Danh mục chức danh chưa có chức danh ${postCodeOfBody[state.body.kind as BodyKind]} đang sử dụng cho ${state.body.name}.`,
      );
    }
    const { congress } = state;
    const decided = `QĐ số ${body.decisionNumber} ngày ${formatDate(body.decisionDate)}`;

    // The previous term's holders of this post in this unit end the day before the approval.
    const holders = (
      await holdersInForce(tx, actor, congress.unitPath, body.decisionDate, { activeOnly: false })
    ).filter(
      (h) =>
        h.unitId === congress.unitId &&
        h.postTitleId === title.id &&
        h.startDate < body.decisionDate,
    );
    for (const h of holders) {
      const a = (await listMemberAppointments({ ...ctx, memberId: h.memberId })).find(
        (x) => x.id === h.appointmentId,
      );
      if (!a) continue;
      await updateAppointment({
        ...ctx,
        id: a.id,
        body: {
          ...fieldsOf(a),
          endDate: dayBefore(body.decisionDate),
          endReason: `Hết nhiệm kỳ; cấp trên chuẩn y kết quả bầu nhiệm kỳ ${congress.term} (${decided})`,
          version: a.version,
        },
      });
    }
    const memberPost = !['secretary', 'deputy_secretary', 'inspection_chair'].includes(
      state.body.kind,
    );
    for (const e of state.elected) {
      await createAppointment({
        ...ctx,
        memberId: e.memberId!,
        body: {
          postTitleId: title.id,
          unitId: congress.unitId,
          startDate: body.decisionDate,
          endDate: null,
          decisionNumber: body.decisionNumber,
          decisionDate: body.decisionDate,
          method: 'elected',
          concurrent: memberPost,
          term: congress.term,
          endReason: '',
          note: `Trúng cử tại ${congress.name}; ${body.approvingBody || 'cấp trên'} chuẩn y theo ${decided}`,
        },
      });
    }
    await tx.insert(electionAcceptances).values({
      electionId,
      unitPath: state.election.unitPath,
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
      approvingBody: body.approvingBody,
      appointmentsCreated: state.elected.length,
      appointmentsClosed: holders.length,
      acceptedBy: actor.displayName || actor.username,
    });
    await recordAudit(tx, actor, {
      action: 'approve',
      entityType: 'election',
      entityId: electionId,
      scopePath: state.election.unitPath,
      summary: `Ghi chuẩn y kết quả bầu ${state.body.name} (${decided}): ${state.elected.length} đồng chí giữ chức ${title.name} từ ${formatDate(body.decisionDate)}, thôi chức vụ nhiệm kỳ trước của ${holders.length} đồng chí`,
      after: {
        decisionNumber: body.decisionNumber,
        decisionDate: body.decisionDate,
        approvingBody: body.approvingBody,
        elected: state.elected.map((e) => e.fullName),
        closedAppointments: holders.map((h) => h.appointmentId),
      },
    });
  });
  return getAcceptance({ db, actor, electionId });
}

const fieldsOf = (a: AppointmentDto) => ({
  postTitleId: a.postTitleId,
  unitId: a.unitId,
  startDate: a.startDate,
  endDate: a.endDate,
  decisionNumber: a.decisionNumber,
  decisionDate: a.decisionDate,
  method: a.method,
  concurrent: a.concurrent,
  term: a.term,
  endReason: a.endReason,
  note: a.note,
});

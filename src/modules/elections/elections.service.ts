/**
 * Results of a round and the record the minutes are written from. A closed round reads its
 * frozen snapshot (base and tally as they were at closing); an open round shows a provisional
 * tally of the ballots agreed or resolved so far, marked as such.
 */
import { eq } from 'drizzle-orm';
import {
  ballotFormLabels,
  candidateSourceLabels,
  roundDecisionLabels,
  roundStatusLabels,
  type BallotForm,
  type CandidateSource,
  type ListStatus,
  type RoundDecisionKind,
  type RoundReport,
} from '../../contracts/elections.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { congressInfo, thresholdBase, type BaseInfo } from './congress-link.ts';
import { loadElectionRules } from './election-rule-values.ts';
import { loadRound } from './elections.access.ts';
import * as repo from './elections.repo.ts';
import { countingCommitteeMembers, roundAnnulments, roundDecisions } from './elections.schema.ts';
import { roundState } from './final-ballots.ts';
import { frozenResult, roundStatus } from './round-state.ts';
import { tally, type TallyResult } from './tally.rules.ts';

/** The whole record of one round for the minutes and the announcement. */
export async function getRoundReport({
  db,
  actor,
  roundId,
}: {
  db: Db;
  actor: Actor;
  roundId: number;
}): Promise<RoundReport> {
  const { round, election } = await loadRound(db, actor, roundId, 'read');
  const [congress, list, committee, [decision], [annulment]] = await Promise.all([
    congressInfo(db, actor, election.congressId),
    repo.roundList(db, roundId),
    db
      .select()
      .from(countingCommitteeMembers)
      .where(eq(countingCommitteeMembers.congressId, election.congressId))
      .orderBy(countingCommitteeMembers.sortOrder, countingCommitteeMembers.id),
    db.select().from(roundDecisions).where(eq(roundDecisions.roundId, roundId)),
    db.select().from(roundAnnulments).where(eq(roundAnnulments.roundId, roundId)),
  ]);
  const body = congress.bodies.find((b) => b.id === election.bodyId);
  const form = round.form as BallotForm;
  let base: BaseInfo;
  let result: TallyResult | null = frozenResult(round);
  const provisional = !result;
  if (result) {
    base = round.baseSnapshot as BaseInfo;
  } else {
    base = await thresholdBase(db, actor, election.congressId);
    const state = await roundState(db, round);
    const rules = await loadElectionRules(db, election.unitPath, today());
    result =
      base.value > 0
        ? tally({
            form,
            candidates: list.map((l) => ({
              id: String(l.candidate.id),
              name: l.candidate.fullName,
            })),
            ballots: state.final,
            seats: round.seats,
            base: base.value,
            rules,
          })
        : null;
  }
  const byId = new Map(list.map((l) => [String(l.candidate.id), l.candidate]));
  const status = roundStatus(round, annulment ?? null);
  const invalidBallots = (result?.invalidBallots ?? []).map((b) => ({
    serial: b.ballot,
    reason: b.reason,
  }));
  const reasons = new Map<string, number>();
  for (const b of invalidBallots) reasons.set(b.reason, (reasons.get(b.reason) ?? 0) + 1);
  const candidates = (result?.candidates ?? []).map((c) => ({
    candidateId: Number(c.id),
    memberId: byId.get(c.id)?.memberId ?? null,
    fullName: c.name,
    votes: c.votes,
    percent: c.percent,
    elected: c.elected,
    rank: c.rank,
  }));
  const elected = (result?.elected ?? []).map((id, i) => {
    const c = candidates.find((x) => String(x.candidateId) === id)!;
    return { ...c, rank: i + 1 };
  });
  return {
    congress: {
      id: congress.id,
      name: congress.name,
      unitId: congress.unitId,
      unitName: congress.unitName,
      term: congress.term,
      kind: congress.kind,
      kindLabel: congress.kindLabel,
      startDate: congress.startDate,
      endDate: congress.endDate,
    },
    body: {
      id: election.bodyId,
      name: body?.name ?? election.bodyName,
      kind: body?.kind ?? '',
      seats: body?.seats ?? round.seats,
    },
    election: {
      id: election.id,
      listStatus: election.listStatus as ListStatus,
      listApproval:
        election.approvedAt && election.approveAgree !== null && election.approvePresent !== null
          ? {
              agree: election.approveAgree,
              present: election.approvePresent,
              at: election.approvedAt.toISOString(),
              by: election.approvedBy ?? '',
            }
          : null,
    },
    round: {
      id: round.id,
      number: round.number,
      seats: round.seats,
      form,
      formLabel: ballotFormLabels[form],
      entryCopies: round.entryCopies,
      status,
      statusLabel: roundStatusLabels[status],
      frozenAt: round.closedAt?.toISOString() ?? null,
      frozenBy: round.closedBy,
      annulment: annulment
        ? {
            decision: annulment.decision,
            reason: annulment.reason,
            at: annulment.annulledAt.toISOString(),
            by: annulment.annulledBy,
          }
        : null,
    },
    list: list.map((l) => ({
      candidateId: l.candidate.id,
      memberId: l.candidate.memberId,
      fullName: l.candidate.fullName,
      source: l.candidate.source as CandidateSource,
      sourceLabel: candidateSourceLabels[l.candidate.source as CandidateSource],
      position: l.position,
    })),
    countingCommittee: committee.map((m) => ({ fullName: m.fullName, role: m.role })),
    attendance: { summoned: base.summoned, present: base.present, absent: base.absent },
    base: { value: base.value, breakdown: base.breakdown, citations: base.citations },
    ballots: {
      issued: round.ballotsIssued ?? 0,
      returned: round.ballotsReturned ?? 0,
      valid: result?.valid ?? 0,
      invalid: result?.invalid ?? 0,
      invalidBallots,
      invalidReasons: [...reasons].map(([reason, count]) => ({ reason, count })),
    },
    candidates,
    elected,
    needsDecision: {
      needed: Boolean(result?.needsDecision),
      reason: result?.needsDecision?.reason ?? null,
    },
    decision: decision
      ? {
          kind: decision.kind as RoundDecisionKind,
          label: roundDecisionLabels[decision.kind as RoundDecisionKind],
          note: decision.note || null,
          at: decision.decidedAt.toISOString(),
          by: decision.decidedBy,
        }
      : null,
    provisional,
    citations: [...(result?.citations ?? []), ...base.citations],
  };
}

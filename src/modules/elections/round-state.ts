/** A round's status and summary, derived from its row, decision and annulment. */
import {
  roundStatusLabels,
  type BallotForm,
  type RoundDecisionKind,
  type RoundStatus,
  type RoundSummaryDto,
} from '../../contracts/elections.ts';
import type { RoundRow } from './elections.access.ts';
import type { roundAnnulments, roundDecisions } from './elections.schema.ts';
import type { TallyResult } from './tally.rules.ts';

type DecisionRow = typeof roundDecisions.$inferSelect;
type AnnulmentRow = typeof roundAnnulments.$inferSelect;

export function roundStatus(round: RoundRow, annulment: AnnulmentRow | null): RoundStatus {
  if (annulment) return 'annulled';
  return round.closedAt ? 'closed' : 'open';
}

export const frozenResult = (round: RoundRow) => round.resultSnapshot as TallyResult | null;

export function summaryOf({
  round,
  decision,
  annulment,
}: {
  round: RoundRow;
  decision: DecisionRow | null;
  annulment: AnnulmentRow | null;
}): RoundSummaryDto {
  const status = roundStatus(round, annulment);
  const result = frozenResult(round);
  return {
    id: round.id,
    number: round.number,
    seats: round.seats,
    form: round.form as BallotForm,
    entryCopies: round.entryCopies,
    status,
    statusLabel: roundStatusLabels[status],
    closedAt: round.closedAt?.toISOString() ?? null,
    electedCount: result ? result.elected.length : null,
    needsDecision: Boolean(result?.needsDecision),
    decision: (decision?.kind as RoundDecisionKind | undefined) ?? null,
  };
}

/**
 * Nomination rounds of the personnel plan (the 5-step procedure, CT 45-CT/TW): at each step a
 * meeting votes by secret ballot and a name passes with MORE than
 * `congress.nomination_pass_percent` (50) % of the ballots.
 *
 * Base: the number of people SUMMONED to that meeting (the members of the committee, standing
 * committee or conference called to the step), not the ballots returned — the same reading as
 * the election threshold in QĐ 190-QĐ/TW ("so với tổng số được triệu tập"), and what DOMAIN.md
 * and the seed describe as "more than 50%" of the meeting. The caller passes it explicitly so
 * a locality whose guidance differs can pass another base without changing this code.
 */
import { allow, deny, type Verdict } from '../../core/rules/verdict.ts';
import type { ElectionRules } from './election-rule-values.ts';
import { passesThreshold, percentOf } from './tally.rules.ts';

export type NominationRules = Pick<ElectionRules, 'nominationPassPercent'>;

export interface NominationVote {
  id: string;
  name: string;
  /** Ballots naming this person at the step. */
  votes: number;
}

export interface NominationOutcome extends NominationVote {
  percent: number;
  passed: boolean;
  verdict: Verdict;
}

export interface NominationStepResult {
  /** The base used: people summoned to the meeting. */
  summoned: number;
  entered: number;
  passed: number;
  /** In input order. */
  outcomes: NominationOutcome[];
}

/** One name at one step: passes with strictly more than the pass percentage of `summoned`. */
export function nominationPasses(input: {
  votes: number;
  summoned: number;
  rules: NominationRules;
}): Verdict & { percent: number } {
  const { votes, summoned, rules } = input;
  const min = rules.nominationPassPercent.value;
  const citations = [rules.nominationPassPercent.citation];
  if (!Number.isInteger(summoned) || summoned < 1 || !Number.isInteger(votes) || votes < 0) {
    return { ...deny('Số được triệu tập phải dương và số phiếu không âm.', citations), percent: 0 };
  }
  if (votes > summoned) {
    return {
      ...deny(`Số phiếu (${votes}) lớn hơn số người được triệu tập (${summoned}).`, citations),
      percent: percentOf(votes, summoned),
    };
  }
  const percent = percentOf(votes, summoned);
  const shown = percent.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return passesThreshold(votes, summoned, min)
    ? { ...allow(`Đạt ${votes}/${summoned} phiếu (${shown}%), trên ${min}%.`, citations), percent }
    : {
        ...deny(`Chỉ đạt ${votes}/${summoned} phiếu (${shown}%), cần trên ${min}%.`, citations),
        percent,
      };
}

/** Every name of one step's ballot. */
export function nominationStep(input: {
  summoned: number;
  votes: readonly NominationVote[];
  rules: NominationRules;
}): NominationStepResult {
  const outcomes = input.votes.map((v) => {
    const verdict = nominationPasses({
      votes: v.votes,
      summoned: input.summoned,
      rules: input.rules,
    });
    const { percent, ...rest } = verdict;
    return { ...v, percent, passed: verdict.ok, verdict: rest };
  });
  return {
    summoned: input.summoned,
    entered: outcomes.length,
    passed: outcomes.filter((o) => o.passed).length,
    outcomes,
  };
}

export interface FunnelStep {
  label: string;
  entered: number;
  passed: number;
}

/**
 * The funnel view (seed 001: 151 → 75 → 34): how many entered and passed each step, and the
 * share kept, in step order. Entered counts are the caller's (a step may add names).
 */
export function nominationFunnel(
  steps: readonly FunnelStep[],
): (FunnelStep & { keptPercent: number })[] {
  return steps.map((s) => ({ ...s, keptPercent: percentOf(s.passed, s.entered) }));
}

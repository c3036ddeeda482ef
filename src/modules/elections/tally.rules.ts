/**
 * Counting one round (QĐ 190-QĐ/TW): votes per candidate on the valid ballots, percentage of
 * the BASE (those summoned minus exclusions, see base.rules.ts) — not of the ballots — and who
 * is elected: strictly more than `election.elected_min_percent` of the base, ranked by votes,
 * up to the seats. A tie at the last seat or fewer elected than seats is never settled here:
 * `needsDecision` says why and lists what the rules let the congress choose.
 */
import type { Citation } from '../../core/rules/verdict.ts';
import { QD190 } from '../rules/rules.catalog.ts';
import {
  BallotInputError,
  indexedBallotJudge,
  type Ballot,
  type BallotForm,
} from './ballot.rules.ts';
import type { ElectionRules } from './election-rule-values.ts';

export interface TallyCandidate {
  id: string;
  name: string;
}

export interface TallyInput {
  form: BallotForm;
  /** The election list, in list order. */
  candidates: readonly TallyCandidate[];
  ballots: readonly Ballot[];
  seats: number;
  /** Threshold base: summoned minus exclusions (`thresholdBase`). */
  base: number;
  rules: Pick<ElectionRules, 'electedMinPercent'>;
}

export interface CandidateResult {
  id: string;
  name: string;
  votes: number;
  /** Of the base, two decimals (14.08); the UI writes the decimal comma. */
  percent: number;
  elected: boolean;
  /** 1 = most votes; equal votes share a rank (1, 2, 2, 4). */
  rank: number;
  /** Strictly more than the threshold percentage of the base. */
  passedThreshold: boolean;
}

export type DecisionCode = 'tie_at_last_seat' | 'fewer_elected';

export interface DecisionOption {
  code: 'another_round' | 'stop';
  /** Vietnamese, for the presidium. */
  label: string;
  /** Seats the option fills: the remaining seats for another round; 0 for stop. */
  seats: number;
  /** Candidates of the next round (not-elected, list order); empty for stop. */
  candidateIds: string[];
}

export interface NeedsDecision {
  code: DecisionCode;
  reason: string;
  /** Tie: the candidates with equal votes competing for the last seat(s). */
  tiedCandidateIds: string[];
  options: DecisionOption[];
}

export interface InvalidBallotResult {
  ballot: string;
  code: string;
  reason: string;
}

export interface TallyResult {
  base: number;
  seats: number;
  /** Ballots returned (entered). */
  returned: number;
  valid: number;
  invalid: number;
  invalidBallots: InvalidBallotResult[];
  /** In list order. */
  candidates: CandidateResult[];
  /** Elected ids in rank order (most votes first; equal votes keep list order). */
  elected: string[];
  needsDecision: NeedsDecision | null;
  citations: Citation[];
}

const congressDecides: Citation = {
  rule: 'Bầu không đủ số lượng hoặc số phiếu bằng nhau ở vị trí cuối: đại hội quyết định bầu tiếp hay dừng',
  document: QD190,
};

/** `votes` elect when votes / base > minPercent %; exact in integers for whole percentages. */
export function passesThreshold(votes: number, base: number, minPercent: number): boolean {
  return votes * 100 > base * minPercent;
}

/** Two decimals of the base, 0 when the base is 0. */
export function percentOf(votes: number, base: number): number {
  return base > 0 ? Math.round((votes * 10000) / base) / 100 : 0;
}

export function tally(input: TallyInput): TallyResult {
  const { form, candidates, ballots, seats, base, rules } = input;
  if (!Number.isInteger(base) || base < 1) {
    throw new BallotInputError(
      'bad_context',
      'Tổng số được triệu tập làm căn cứ tính kết quả phải là số nguyên dương.',
    );
  }
  const ids = candidates.map((c) => c.id);
  const judge = indexedBallotJudge({ form, candidateIds: ids, seats });
  // Strike form: a valid ballot votes for every name it does not strike, so counting the
  // strikes is enough (votes = valid ballots − strikes).
  const struckCount = new Int32Array(ids.length);
  const votes = new Int32Array(ids.length);
  const seen = new Set<string>();
  const invalidBallots: InvalidBallotResult[] = [];
  let valid = 0;
  let issued = 0;
  for (const ballot of ballots) {
    if (seen.has(ballot.serial)) {
      throw new BallotInputError(
        'duplicate_serial',
        `Số phiếu ${ballot.serial} bị nhập hai lần.`,
        ballot.serial,
      );
    }
    seen.add(ballot.serial);
    if (ballot.issued) issued++;
    const j = judge(ballot);
    if (!j.valid) {
      invalidBallots.push({ ballot: ballot.serial, code: j.code, reason: j.reason });
      continue;
    }
    valid++;
    if (j.struck) for (const i of j.struck) struckCount[i]!++;
    else for (const i of j.agree) votes[i]!++;
  }
  if (form === 'strike') for (let i = 0; i < ids.length; i++) votes[i] = valid - struckCount[i]!;
  if (issued > base) {
    throw new BallotInputError(
      'bad_context',
      `Có ${issued} phiếu do ban kiểm phiếu phát ra, nhiều hơn tổng số được triệu tập làm căn cứ (${base}).`,
    );
  }

  const min = rules.electedMinPercent.value;
  // Rank order: votes down, list order among equals (stable sort).
  const order = ids.map((_, i) => i).sort((a, b) => votes[b]! - votes[a]!);
  const rankOf = new Int32Array(ids.length);
  order.forEach((ci, pos) => {
    const prev = order[pos - 1];
    rankOf[ci] = prev !== undefined && votes[prev] === votes[ci] ? rankOf[prev]! : pos + 1;
  });
  const passing = order.filter((ci) => passesThreshold(votes[ci]!, base, min));

  let electedIdx = passing.slice(0, seats);
  let needsDecision: NeedsDecision | null = null;
  const tieVotes = passing.length > seats ? votes[passing[seats - 1]!]! : undefined;
  if (tieVotes !== undefined && votes[passing[seats]!] === tieVotes) {
    // Equal votes across the last seat: none of the tied is elected until the congress decides.
    const tied = passing.filter((ci) => votes[ci] === tieVotes);
    electedIdx = passing.filter((ci) => votes[ci]! > tieVotes);
    const remaining = seats - electedIdx.length;
    needsDecision = decision(
      'tie_at_last_seat',
      `${tied.length} người cùng đạt ${tieVotes} phiếu (${formatPercent(percentOf(tieVotes, base))} so với tổng số được triệu tập) cho ${remaining} vị trí còn lại: chưa xác định được người trúng cử. Đoàn chủ tịch báo cáo đại hội quyết định.`,
      tied.map((ci) => ids[ci]!),
    );
  } else if (electedIdx.length < seats) {
    needsDecision = decision(
      'fewer_elected',
      `Chỉ ${electedIdx.length}/${seats} người được trên ${min}% số phiếu so với tổng số được triệu tập (${base}). Đoàn chủ tịch báo cáo đại hội quyết định bầu tiếp hay dừng.`,
      [],
    );
  }

  function decision(code: DecisionCode, reason: string, tiedIds: string[]): NeedsDecision {
    const electedSet = new Set(electedIdx);
    const others = ids.filter((_, i) => !electedSet.has(i));
    const remaining = seats - electedIdx.length;
    return {
      code,
      reason,
      tiedCandidateIds: tiedIds,
      options: [
        {
          code: 'another_round',
          label: `Bầu tiếp vòng sau: ${remaining} vị trí còn lại, trong số ${others.length} người chưa trúng cử`,
          seats: remaining,
          candidateIds: others,
        },
        {
          code: 'stop',
          label: `Dừng, không bầu tiếp: cơ quan có ${electedIdx.length}/${seats} người trúng cử`,
          seats: 0,
          candidateIds: [],
        },
      ],
    };
  }

  const electedSet = new Set(electedIdx);
  return {
    base,
    seats,
    returned: ballots.length,
    valid,
    invalid: invalidBallots.length,
    invalidBallots,
    candidates: candidates.map((c, i) => ({
      id: c.id,
      name: c.name,
      votes: votes[i]!,
      percent: percentOf(votes[i]!, base),
      elected: electedSet.has(i),
      rank: rankOf[i]!,
      passedThreshold: passesThreshold(votes[i]!, base, min),
    })),
    elected: electedIdx.map((ci) => ids[ci]!),
    needsDecision,
    citations: [
      rules.electedMinPercent.citation,
      {
        rule: 'Phiếu bầu hợp lệ, không hợp lệ',
        document: `${QD190}; Hướng dẫn 04-HD/TW năm 2024`,
      },
      ...(needsDecision ? [congressDecides] : []),
    ],
  };
}

/** "14,08%" for messages built here; the UI formats numbers itself. */
function formatPercent(p: number): string {
  return `${p.toFixed(2).replace('.', ',')}%`;
}

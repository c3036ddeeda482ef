/**
 * Checks of an election list (QĐ 190-QĐ/TW): surplus limits, the convening committee's own
 * surplus, small bodies, floor and self nominations; which ballot form the list uses; the
 * Vietnamese alphabetical order of the names. Each check returns a Verdict with its rule;
 * a refused one blocks approving the list.
 */
import { allow, deny, type Citation, type Verdict } from '../../core/rules/verdict.ts';
import { vietnameseNameSortKey } from '../../core/vietnamese/name-sort.ts';
import type { BallotForm } from './ballot.rules.ts';
import type { ElectionRules, RuleValue } from './election-rule-values.ts';

export type NominationSource = 'committee' | 'floor' | 'self';
export const nominationSourceLabels: Record<NominationSource, string> = {
  committee: 'Cấp ủy triệu tập đại hội giới thiệu',
  floor: 'Đại hội giới thiệu',
  self: 'Tự ứng cử',
};

export type ListRules = Pick<
  ElectionRules,
  | 'surplusMaxPercent'
  | 'committeeSurplusMinPercent'
  | 'committeeSurplusMaxPercent'
  | 'smallBodyMinSeats'
  | 'smallBodyMaxSeats'
  | 'smallBodyMaxSurplus'
  | 'floorNominationMinPercent'
>;

const cite = (...values: RuleValue[]): Citation[] => {
  const seen = new Set<string>();
  return values.map((v) => v.citation).filter((c) => !seen.has(c.rule) && (seen.add(c.rule), true));
};
const pct = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Whether the body is a small one (3–5 seats by default) whose surplus is capped by a count. */
export function isSmallBody(seats: number, rules: ListRules): boolean {
  return seats >= rules.smallBodyMinSeats.value && seats <= rules.smallBodyMaxSeats.value;
}

/** The largest surplus allowed for `seats`: 1 for a small body, else ⌊seats × 30%⌋. */
export function maxSurplus(seats: number, rules: ListRules): number {
  return isSmallBody(seats, rules)
    ? rules.smallBodyMaxSurplus.value
    : Math.floor((seats * rules.surplusMaxPercent.value) / 100);
}

/**
 * The whole list (committee + floor + self nominations): surplus at most 30% of the seats, or
 * at most 1 for a body of 3–5 seats. Fewer names than seats is refused too (nothing to elect
 * the full body from).
 */
export function checkListSurplus(input: {
  seats: number;
  candidates: number;
  rules: ListRules;
}): Verdict {
  const { seats, candidates, rules } = input;
  const surplus = candidates - seats;
  const small = isSmallBody(seats, rules);
  const citations = small
    ? cite(rules.smallBodyMinSeats, rules.smallBodyMaxSeats, rules.smallBodyMaxSurplus)
    : cite(rules.surplusMaxPercent);
  if (surplus < 0) {
    return deny(`Danh sách có ${candidates} người, ít hơn số lượng cần bầu (${seats}).`, citations);
  }
  const max = maxSurplus(seats, rules);
  if (surplus > max) {
    return deny(
      small
        ? `Cơ quan có ${seats} người chỉ được bầu dư tối đa ${max} người; danh sách đang dư ${surplus}.`
        : `Số dư ${surplus} người (${pct(surplusPercent(seats, candidates))}%) vượt quá ${rules.surplusMaxPercent.value}% số lượng cần bầu (tối đa ${max} người).`,
      citations,
    );
  }
  return allow(
    `Số dư ${surplus} người (${pct(surplusPercent(seats, candidates))}%) trong giới hạn cho phép.`,
    citations,
  );
}

/** Surplus as a percentage of the seats, two decimals (81 for 71 → 14.08). */
export function surplusPercent(seats: number, candidates: number): number {
  return Math.round(((candidates - seats) * 10000) / seats) / 100;
}

/**
 * The convening committee's own list: surplus 10–15% of the seats, for bodies larger than a
 * small body (a body of 3–5 seats follows the count cap, and 1–2 seats have no whole number in
 * that range). When no whole number of people falls inside the range (e.g. 8 seats: 0.8–1.2),
 * the nearest whole numbers on either side are accepted.
 */
export function checkCommitteeSurplus(input: {
  seats: number;
  committeeCandidates: number;
  rules: ListRules;
}): Verdict {
  const { seats, committeeCandidates, rules } = input;
  const citations = cite(rules.committeeSurplusMinPercent, rules.committeeSurplusMaxPercent);
  if (seats <= rules.smallBodyMaxSeats.value) {
    return allow('Cơ quan nhỏ: áp dụng giới hạn số dư theo số người.', citations);
  }
  const min = rules.committeeSurplusMinPercent.value;
  const max = rules.committeeSurplusMaxPercent.value;
  let low = Math.ceil((seats * min) / 100);
  let high = Math.floor((seats * max) / 100);
  if (low > high) [low, high] = [high, low];
  const surplus = committeeCandidates - seats;
  const range = low === high ? `${low} người` : `${low}–${high} người`;
  if (surplus < low || surplus > high) {
    return deny(
      `Danh sách do cấp ủy chuẩn bị dư ${surplus} người (${pct(surplusPercent(seats, committeeCandidates))}%); phải từ ${min}% đến ${max}% số lượng cần bầu (${range}).`,
      citations,
    );
  }
  return allow(
    `Danh sách do cấp ủy chuẩn bị dư ${surplus} người (${pct(surplusPercent(seats, committeeCandidates))}%), trong khoảng ${min}%–${max}%.`,
    citations,
  );
}

/**
 * A floor or self nominee goes on the list only when MORE than 30% of those present agree
 * (recorded vote). `present` is the number in the room at the vote.
 */
export function checkFloorNomination(input: {
  agree: number;
  present: number;
  rules: ListRules;
}): Verdict {
  const { agree, present, rules } = input;
  const min = rules.floorNominationMinPercent.value;
  const citations = cite(rules.floorNominationMinPercent);
  if (!Number.isInteger(present) || present < 1 || agree < 0 || agree > present) {
    return deny(
      `Số đồng ý (${agree}) phải từ 0 đến số có mặt (${present}), số có mặt phải dương.`,
      citations,
    );
  }
  const share = Math.round((agree * 10000) / present) / 100;
  return agree * 100 > present * min
    ? allow(
        `Được ${agree}/${present} người có mặt đồng ý (${pct(share)}%), trên ${min}%.`,
        citations,
      )
    : deny(
        `Chỉ được ${agree}/${present} người có mặt đồng ý (${pct(share)}%), cần trên ${min}% để đưa vào danh sách bầu cử.`,
        citations,
      );
}

export interface ListCandidate {
  id: string;
  name: string;
  source: NominationSource;
  /** Floor/self nominees: the recorded vote putting them on the list. */
  floorVote?: { agree: number; present: number };
}

export interface ListCheck {
  code: 'surplus' | 'committee_surplus' | 'floor_nomination';
  /** The candidate a floor-nomination check is about. */
  candidateId?: string;
  verdict: Verdict;
}

/** Every check of a list; `ok` is false when any refuses (approving the list is blocked). */
export function checkElectionList(input: {
  seats: number;
  candidates: readonly ListCandidate[];
  rules: ListRules;
}): { ok: boolean; form: BallotForm; checks: ListCheck[] } {
  const { seats, candidates, rules } = input;
  const checks: ListCheck[] = [
    {
      code: 'surplus',
      verdict: checkListSurplus({ seats, candidates: candidates.length, rules }),
    },
  ];
  const committee = candidates.filter((c) => c.source === 'committee').length;
  checks.push({
    code: 'committee_surplus',
    verdict: checkCommitteeSurplus({ seats, committeeCandidates: committee, rules }),
  });
  for (const c of candidates) {
    if (c.source === 'committee') continue;
    const verdict = c.floorVote
      ? checkFloorNomination({ ...c.floorVote, rules })
      : deny(
          `${c.name}: chưa ghi kết quả biểu quyết của đại hội về việc đưa vào danh sách bầu cử.`,
          cite(rules.floorNominationMinPercent),
        );
    checks.push({
      code: 'floor_nomination',
      candidateId: c.id,
      verdict: c.floorVote ? { ...verdict, message: `${c.name}: ${verdict.message}` } : verdict,
    });
  }
  return {
    ok: checks.every((c) => c.verdict.ok),
    form: ballotFormFor(seats, candidates.length),
    checks,
  };
}

/** Strike form when the list has a surplus; đồng ý / không đồng ý form otherwise. */
export function ballotFormFor(seats: number, candidates: number): BallotForm {
  return candidates > seats ? 'strike' : 'yesno';
}

/** The list in Vietnamese alphabetical order by given name (the ballot order). */
export function sortListByName<T extends { name: string }>(candidates: readonly T[]): T[] {
  return candidates
    .map((c) => ({ c, key: vietnameseNameSortKey(c.name) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.c);
}

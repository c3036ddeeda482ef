import { describe, expect, it } from 'vitest';
import { shippedElectionRules } from './election-rule-values.ts';
import {
  ballotFormFor,
  checkCommitteeSurplus,
  checkElectionList,
  checkFloorNomination,
  checkListSurplus,
  maxSurplus,
  sortListByName,
  surplusPercent,
  type ListCandidate,
} from './list.rules.ts';

const rules = shippedElectionRules('2025-09-01');

describe('surplus of the list', () => {
  it('seed 001: 81 for 71 seats is a surplus of 14,08%, within 30%', () => {
    expect(surplusPercent(71, 81)).toBe(14.08);
    const v = checkListSurplus({ seats: 71, candidates: 81, rules });
    expect(v.ok).toBe(true);
    expect(v.citations[0]!.document).toContain('190-QĐ/TW');
  });

  it('at most 30% of the seats: 10 seats allow 3 more, not 4', () => {
    expect(maxSurplus(10, rules)).toBe(3);
    expect(checkListSurplus({ seats: 10, candidates: 13, rules }).ok).toBe(true);
    const v = checkListSurplus({ seats: 10, candidates: 14, rules });
    expect(v.ok).toBe(false);
    expect(v.message).toContain('vượt quá 30%');
  });

  it('a body of 3–5 seats: at most 1 more, although 30% of 5 is 1.5', () => {
    for (const seats of [3, 4, 5]) {
      expect(checkListSurplus({ seats, candidates: seats + 1, rules }).ok).toBe(true);
      const v = checkListSurplus({ seats, candidates: seats + 2, rules });
      expect(v.ok).toBe(false);
      expect(v.message).toContain('tối đa 1');
      expect(v.citations.map((c) => c.rule).join()).toContain('Cơ quan nhỏ');
    }
    // 6 seats is no longer small: 30% of 6 = 1.8 → 1
    expect(maxSurplus(6, rules)).toBe(1);
  });

  it('one seat (secretary) allows no surplus; fewer names than seats is refused', () => {
    expect(checkListSurplus({ seats: 1, candidates: 2, rules }).ok).toBe(false);
    expect(checkListSurplus({ seats: 1, candidates: 1, rules }).ok).toBe(true);
    expect(checkListSurplus({ seats: 5, candidates: 4, rules }).message).toContain('ít hơn');
  });
});

describe('the convening committee’s list', () => {
  it('must be 10–15% over the seats: 71 seats → 8 to 10 more', () => {
    expect(checkCommitteeSurplus({ seats: 71, committeeCandidates: 81, rules }).ok).toBe(true);
    expect(checkCommitteeSurplus({ seats: 71, committeeCandidates: 79, rules }).ok).toBe(true);
    const low = checkCommitteeSurplus({ seats: 71, committeeCandidates: 78, rules });
    expect(low.ok).toBe(false);
    expect(low.message).toContain('từ 10% đến 15%');
    expect(checkCommitteeSurplus({ seats: 71, committeeCandidates: 82, rules }).ok).toBe(false);
  });

  it('accepts the nearest whole numbers when none falls inside the range', () => {
    // 6 seats: 0.6 to 0.9 people → 0 or 1 accepted
    expect(checkCommitteeSurplus({ seats: 6, committeeCandidates: 7, rules }).ok).toBe(true);
    expect(checkCommitteeSurplus({ seats: 6, committeeCandidates: 6, rules }).ok).toBe(true);
    expect(checkCommitteeSurplus({ seats: 6, committeeCandidates: 8, rules }).ok).toBe(false);
  });

  it('does not apply to small bodies', () => {
    expect(checkCommitteeSurplus({ seats: 5, committeeCandidates: 5, rules }).ok).toBe(true);
  });
});

describe('floor and self nominations', () => {
  it('need MORE than 30% of those present', () => {
    expect(checkFloorNomination({ agree: 30, present: 100, rules }).ok).toBe(false);
    expect(checkFloorNomination({ agree: 31, present: 100, rules }).ok).toBe(true);
    const v = checkFloorNomination({ agree: 3, present: 10, rules });
    expect(v.message).toContain('cần trên 30%');
    expect(v.citations[0]!.document).toContain('190-QĐ/TW');
  });

  it('refuses impossible counts', () => {
    expect(checkFloorNomination({ agree: 11, present: 10, rules }).ok).toBe(false);
    expect(checkFloorNomination({ agree: 0, present: 0, rules }).ok).toBe(false);
  });
});

describe('checkElectionList', () => {
  const committee = (n: number): ListCandidate[] =>
    Array.from({ length: n }, (_, i) => ({ id: `k${i}`, name: `Người ${i}`, source: 'committee' }));

  it('passes a committee list of 11 for 10 and picks the strike form', () => {
    const r = checkElectionList({ seats: 10, candidates: committee(11), rules });
    expect(r.ok).toBe(true);
    expect(r.form).toBe('strike');
  });

  it('blocks a floor nominee without a recorded vote or below the bar, naming them', () => {
    const r = checkElectionList({
      seats: 10,
      candidates: [
        ...committee(11),
        { id: 'f1', name: 'Lê Văn Sàn', source: 'floor', floorVote: { agree: 40, present: 100 } },
        { id: 'f2', name: 'Trần Thị Tự', source: 'self', floorVote: { agree: 20, present: 100 } },
        { id: 'f3', name: 'Đỗ Văn Chưa', source: 'floor' },
      ],
      rules,
    });
    expect(r.ok).toBe(false);
    const floor = r.checks.filter((c) => c.code === 'floor_nomination');
    expect(floor.map((c) => [c.candidateId, c.verdict.ok])).toEqual([
      ['f1', true],
      ['f2', false],
      ['f3', false],
    ]);
    expect(floor[1]!.verdict.message).toMatch(/^Trần Thị Tự: /);
    expect(floor[2]!.verdict.message).toContain('chưa ghi kết quả biểu quyết');
  });

  it('blocks a list whose total surplus exceeds 30% even when the committee part is fine', () => {
    const floor: ListCandidate[] = Array.from({ length: 3 }, (_, i) => ({
      id: `f${i}`,
      name: `Sàn ${i}`,
      source: 'floor',
      floorVote: { agree: 50, present: 100 },
    }));
    const r = checkElectionList({ seats: 10, candidates: [...committee(11), ...floor], rules });
    expect(r.checks.find((c) => c.code === 'surplus')!.verdict.ok).toBe(false);
    expect(r.ok).toBe(false);
  });

  it('picks the đồng ý / không đồng ý form without surplus', () => {
    expect(ballotFormFor(5, 5)).toBe('yesno');
    expect(ballotFormFor(5, 6)).toBe('strike');
  });
});

describe('sortListByName', () => {
  it('orders by given name in the Vietnamese alphabet, then family and middle names', () => {
    const names = ['Nguyễn Văn Đức', 'Trần Thị Ánh', 'Lê Anh', 'Phạm Văn Dũng', 'Bùi Thị Anh'];
    const sorted = sortListByName(names.map((name) => ({ name }))).map((c) => c.name);
    expect(sorted).toEqual([
      'Bùi Thị Anh',
      'Lê Anh',
      'Trần Thị Ánh',
      'Phạm Văn Dũng',
      'Nguyễn Văn Đức',
    ]);
  });
});

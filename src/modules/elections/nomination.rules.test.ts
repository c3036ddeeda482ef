import { describe, expect, it } from 'vitest';
import { shippedElectionRules } from './election-rule-values.ts';
import { nominationFunnel, nominationPasses, nominationStep } from './nomination.rules.ts';

const rules = shippedElectionRules('2025-09-01');

describe('nominationPasses', () => {
  it('passes with more than 50% of those summoned to the meeting, not of the ballots', () => {
    expect(nominationPasses({ votes: 16, summoned: 31, rules }).ok).toBe(true);
    const half = nominationPasses({ votes: 15, summoned: 30, rules });
    expect(half.ok).toBe(false);
    expect(half.percent).toBe(50);
    expect(half.message).toContain('cần trên 50%');
    expect(half.citations[0]!.document).toContain('45-CT/TW');
  });

  it('refuses impossible counts', () => {
    expect(nominationPasses({ votes: 32, summoned: 31, rules }).ok).toBe(false);
    expect(nominationPasses({ votes: 1, summoned: 0, rules }).ok).toBe(false);
    expect(nominationPasses({ votes: -1, summoned: 5, rules }).ok).toBe(false);
  });

  it('follows the percentage it is given', () => {
    const two = { nominationPassPercent: { value: 66, citation: { rule: 'r', document: 'd' } } };
    expect(nominationPasses({ votes: 6, summoned: 9, rules: two }).ok).toBe(true);
    expect(nominationPasses({ votes: 5, summoned: 9, rules: two }).ok).toBe(false);
  });
});

describe('nominationStep and the funnel', () => {
  it('counts who entered and passed a step', () => {
    const r = nominationStep({
      summoned: 17,
      rules,
      votes: [
        { id: 'a', name: 'Nguyễn Văn A', votes: 9 },
        { id: 'b', name: 'Trần Thị B', votes: 8 },
        { id: 'c', name: 'Lê Văn C', votes: 17 },
      ],
    });
    expect(r).toMatchObject({ summoned: 17, entered: 3, passed: 2 });
    expect(r.outcomes.map((o) => [o.id, o.passed, o.percent])).toEqual([
      ['a', true, 52.94],
      ['b', false, 47.06],
      ['c', true, 100],
    ]);
  });

  it('seed 001: 151 → 75 → 34', () => {
    const f = nominationFunnel([
      { label: 'Rà soát nguồn', entered: 151, passed: 75 },
      { label: 'Các bước giới thiệu', entered: 75, passed: 34 },
    ]);
    expect(f.map((s) => s.keptPercent)).toEqual([49.67, 45.33]);
  });
});

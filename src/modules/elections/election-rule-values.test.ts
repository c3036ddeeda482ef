import { describe, expect, it } from 'vitest';
import { RuleSet } from '../rules/registry.ts';
import type { RuleEntry } from '../rules/rules.resolve.ts';
import { electionRulesFrom, shippedElectionRules } from './election-rule-values.ts';

describe('election rule values', () => {
  it('the shipped catalogue gives every value with its document', () => {
    const r = shippedElectionRules('2025-09-01');
    expect(r.electedMinPercent.value).toBe(50);
    expect(r.electedMinPercent.citation.document).toContain('190-QĐ/TW');
    expect(r.surplusMaxPercent.value).toBe(30);
    expect(r.committeeSurplusMinPercent.value).toBe(10);
    expect(r.committeeSurplusMaxPercent.value).toBe(15);
    expect(r.smallBodyMaxSurplus.value).toBe(1);
    expect(r.floorNominationMinPercent.value).toBe(30);
    expect(r.nominationPassPercent.citation.document).toContain('45-CT/TW');
    expect(r.youngMaxAgeYears.value).toBe(40);
  });

  it('a local override applies in its subtree only, and a missing rule is a clear error', () => {
    const base = shippedElectionRules('2025-09-01');
    const entries: RuleEntry[] = Object.entries({
      'election.elected_min_percent': 50,
      'election.surplus_max_percent': 30,
      'election.committee_surplus_min_percent': 10,
      'election.committee_surplus_max_percent': 15,
      'election.small_body_min_seats': 3,
      'election.small_body_max_seats': 5,
      'election.small_body_max_surplus': 1,
      'election.floor_nomination_min_percent': 30,
      'congress.nomination_pass_percent': 50,
      'congress.young_max_age_years': 40,
    }).map(([key, value], i) => ({
      id: i + 1,
      key,
      value,
      valueUnit: 'percent',
      document: 'Văn bản trung ương',
      article: '',
      unitPath: '',
      validFrom: '2024-01-01',
      validTo: null,
    }));
    entries.push({
      ...entries[9]!,
      id: 99,
      value: 42,
      document: 'Hướng dẫn của tỉnh',
      unitPath: '001.002.',
    });
    const set = new RuleSet(entries);
    expect(electionRulesFrom(set, '001.002.005.', '2025-09-01').youngMaxAgeYears).toEqual({
      value: 42,
      citation: { rule: expect.stringContaining('trẻ'), document: 'Hướng dẫn của tỉnh' },
    });
    expect(electionRulesFrom(set, '001.003.', '2025-09-01').youngMaxAgeYears.value).toBe(40);
    expect(() => electionRulesFrom(set, '001.', '2023-01-01')).toThrow('Chưa có quy định');
    expect(base.youngMaxAgeYears.citation.document).toContain('35-CT/TW');
  });
});

describe('shippedElectionRules', () => {
  it('resolves exactly as the shipped rule set of the registry does', async () => {
    const { shippedRuleSet } = await import('../rules/registry.ts');
    for (const date of ['2025-09-01', '2026-12-06']) {
      expect(shippedElectionRules(date)).toEqual(electionRulesFrom(shippedRuleSet(), '', date));
    }
    expect(() => shippedElectionRules('2019-01-01')).toThrow('Chưa có quy định');
  });
});

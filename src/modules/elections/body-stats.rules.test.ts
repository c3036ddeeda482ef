import { describe, expect, it } from 'vitest';
import { ageMonthsAt, bodyStats, type PersonFacts } from './body-stats.rules.ts';
import { shippedElectionRules } from './election-rule-values.ts';

const rules = shippedElectionRules('2025-09-01');

function person(i: number, over: Partial<PersonFacts> = {}): PersonFacts {
  return {
    id: `p${i}`,
    gender: 'male',
    birthDate: '1970-01-15',
    ethnicMinority: false,
    incumbent: false,
    ...over,
  };
}

describe('bodyStats', () => {
  it('seed 001: 81 for 71 seats → 14,08%; 47 re-elected = 58,02%; 34 first-time = 41,98%', () => {
    const list = Array.from({ length: 81 }, (_, i) => person(i, { incumbent: i < 47 }));
    const s = bodyStats({ seats: 71, list, referenceMonth: '2025-09', rules });
    expect(s.surplus).toEqual({ count: 10, percent: 14.08 });
    expect(s.list.reElected).toEqual({ count: 47, percent: 58.02 });
    expect(s.list.firstTime).toEqual({ count: 34, percent: 41.98 });
    expect(s.elected).toBeNull();
  });

  it('women, young (under 40 at the reference month), ethnic minority and average age, of the list and the elected', () => {
    const list = [
      person(1, { gender: 'female', birthDate: '1985-10-01' }), // 39y11m at 2025-09 → young
      person(2, { birthDate: '1985-09-20' }), // exactly 40 → not young
      person(3, { ethnicMinority: true, birthDate: '1975-09-01', incumbent: true }), // 50
      person(4, { gender: 'female', birthDate: '1965-09-01', incumbent: true }), // 60
    ];
    const s = bodyStats({
      seats: 3,
      list,
      electedIds: ['p1', 'p3', 'p4'],
      referenceMonth: '2025-09',
      rules,
    });
    expect(s.list.women).toEqual({ count: 2, percent: 50 });
    expect(s.list.young).toEqual({ count: 1, percent: 25 });
    expect(s.list.ethnicMinority).toEqual({ count: 1, percent: 25 });
    expect(s.list.averageAge).toBe(47.48); // (479 + 480 + 600 + 720) / 4 / 12
    expect(s.elected).toMatchObject({
      size: 3,
      women: { count: 2, percent: 66.67 },
      reElected: { count: 2, percent: 66.67 },
      firstTime: { count: 1, percent: 33.33 },
    });
    expect(s.citations[0]!.document).toContain('35-CT/TW');
  });

  it('age in whole months at the reference month', () => {
    expect(ageMonthsAt('1985-04-30', '2025-04')).toBe(480);
    expect(ageMonthsAt('1985-05-01', '2025-04')).toBe(479);
  });

  it('an empty group has no average age', () => {
    const s = bodyStats({ seats: 5, list: [], referenceMonth: '2025-04', rules });
    expect(s.list.averageAge).toBeNull();
    expect(s.surplus).toEqual({ count: 0, percent: 0 });
  });
});

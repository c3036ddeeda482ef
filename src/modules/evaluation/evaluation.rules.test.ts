import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../rules/registry.ts';
import {
  applyQuota,
  checkExcellentQuota,
  checkScores,
  excellentQuota,
  noTasks,
  rateCollective,
  rateIndividual,
  rateScoreBand,
  ratingRuleHead,
  ratingRulesFor,
  scoreThresholds,
  type Rating,
  type TaskCounts,
} from './evaluation.rules.ts';

const set = shippedRuleSet();
const rules = ratingRulesFor(set, '/1/', '2026-01-15');
const quota = set.get('evaluation.excellent_quota_percent', '/1/', '2026-01-15');
const tasks = (over: Partial<TaskCounts>): TaskCounts => {
  const t = { ...noTasks, ...over };
  return { ...t, total: t.exceeded + t.onTime + t.late + t.notDone + t.open };
};
const rate = (score: number, t: TaskCounts) => rateIndividual(score, t, rules).rating;

describe('rating boundaries (QĐ 366-QĐ/TW)', () => {
  const allOnTime3of10 = tasks({ exceeded: 3, onTime: 7 });
  it('90 with all on time and 30% exceeded is xuất sắc; 89,99 is tốt', () => {
    expect(rate(90, allOnTime3of10)).toBe('excellent');
    expect(rate(89.99, allOnTime3of10)).toBe('good');
    const r = rateIndividual(90, allOnTime3of10, rules);
    expect(r.rule).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(r.citations.map((c) => c.document).join()).toContain('366-QĐ/TW');
  });
  it('xuất sắc needs at least 30% exceeded: 29% is tốt', () => {
    expect(rate(95, tasks({ exceeded: 29, onTime: 71 }))).toBe('good');
    expect(rate(95, tasks({ exceeded: 30, onTime: 70 }))).toBe('excellent');
  });
  it('70 with all on time is tốt; 69,99 is hoàn thành', () => {
    const t = tasks({ onTime: 4 });
    expect(rate(70, t)).toBe('good');
    expect(rate(69.99, t)).toBe('complete');
  });
  it('one late task takes a 95 down to hoàn thành', () => {
    expect(rate(95, tasks({ exceeded: 5, late: 1 }))).toBe('complete');
  });
  it('exactly 20% behind is hoàn thành; above 20% is không hoàn thành', () => {
    expect(rate(60, tasks({ onTime: 4, late: 1 }))).toBe('complete');
    const over = rateIndividual(60, tasks({ onTime: 3, late: 1, notDone: 1 }), rules);
    expect(over.rating).toBe('incomplete');
    expect(over.rule).toContain('40% > 20%');
  });
  it('open tasks at decision time count as behind schedule', () => {
    expect(rate(80, tasks({ onTime: 3, open: 1 }))).toBe('incomplete');
    expect(rate(80, tasks({ onTime: 4, open: 1 }))).toBe('complete');
  });
  it('50 is hoàn thành; 49,99 is không hoàn thành', () => {
    expect(rate(50, noTasks)).toBe('complete');
    expect(rate(49.99, noTasks)).toBe('incomplete');
  });
  it('no registered task: at most tốt, and the rule says why', () => {
    const r = rateIndividual(98, noTasks, rules);
    expect(r.rating).toBe('good');
    expect(r.rule).toContain('không đăng ký nhiệm vụ nào');
    expect(r.citations.some((c) => c.rule.startsWith('Không đăng ký nhiệm vụ'))).toBe(true);
  });
  it('reads thresholds from the registry: a local override moves the boundary', () => {
    const local = ratingRulesFor(set, '/1/', '2026-01-15');
    const stricter = {
      ...local,
      excellentMinScore: { ...local.excellentMinScore, value: 95 },
    };
    expect(rateIndividual(92, allOnTime3of10, stricter).rating).toBe('good');
  });
});

describe('collectives', () => {
  const qd = { rule: 'Tập thể xuất sắc', document: 'QĐ 366-QĐ/TW' };
  const t = tasks({ exceeded: 4, onTime: 6 });
  it('a disciplined member keeps a collective from xuất sắc', () => {
    expect(rateCollective(95, t, { members: 0, subUnits: 0 }, rules, qd).rating).toBe('excellent');
    const r = rateCollective(95, t, { members: 1, subUnits: 0 }, rules, qd);
    expect(r.rating).toBe('good');
    expect(r.rule).toContain('bị kỷ luật');
  });
  it('a disciplined sub-unit does too', () => {
    expect(rateCollective(95, t, { members: 0, subUnits: 1 }, rules, qd).rating).toBe('good');
  });
});

describe('quota of xuất sắc (rounded down)', () => {
  it('rounds down: 12 × 20% = 2,4 → 2; 4 × 20% → 0; 15 × 20% = 3 exactly', () => {
    expect(excellentQuota(12, 20)).toBe(2);
    expect(excellentQuota(4, 20)).toBe(0);
    expect(excellentQuota(5, 20)).toBe(1);
    expect(excellentQuota(15, 20)).toBe(3);
    expect(excellentQuota(10, 15.5)).toBe(1);
    expect(excellentQuota(0, 20)).toBe(0);
  });
  it('the check shows the calculation and refuses one too many', () => {
    const ok = checkExcellentQuota({ excellent: 1, goodOrAbove: 12 }, quota);
    expect(ok.ok).toBe(true);
    expect(ok.message).toContain('12 × 20% = 2,4, làm tròn xuống 2');
    const refused = checkExcellentQuota({ excellent: 2, goodOrAbove: 12 }, quota);
    expect(refused.ok).toBe(false);
    expect(refused.citation.document).toContain('335/2025');
  });
  it('bulk keeps the highest scores in each unit and moves the rest to tốt', () => {
    const rows: { id: number; unitId: number; score: number; rating: Rating }[] = [
      ...Array.from({ length: 7 }, (_, i) => ({
        id: i + 1,
        unitId: 1,
        score: 80,
        rating: 'good' as Rating,
      })),
      { id: 20, unitId: 1, score: 91, rating: 'excellent' },
      { id: 21, unitId: 1, score: 97, rating: 'excellent' },
      { id: 22, unitId: 1, score: 93, rating: 'excellent' },
      { id: 30, unitId: 2, score: 99, rating: 'excellent' },
    ];
    const demoted = applyQuota(rows, (_u, n) => excellentQuota(n, 20));
    // Unit 1: 10 tốt or above → 2 allowed: 97 and 93 stay. Unit 2: 1 → 0 allowed.
    expect([...demoted].sort()).toEqual([20, 30]);
  });
});

describe('scores', () => {
  const parts = {
    general: set.get('evaluation.general_points', '/1/', '2026-01-15'),
    tasks: set.get('evaluation.task_points', '/1/', '2026-01-15'),
  };
  const criteria = [
    { id: 1, part: 'general', name: 'Chính trị', maxPoints: 30 },
    { id: 2, part: 'tasks', name: 'Nhiệm vụ', maxPoints: 70 },
  ];
  it('adds up to two decimals', () => {
    const r = checkScores({ 1: 29.99, 2: 60 }, criteria, parts);
    expect(r).toMatchObject({ ok: true, total: 89.99 });
  });
  it('refuses a score above the criterion maximum or a missing criterion', () => {
    expect(checkScores({ 1: 31, 2: 60 }, criteria, parts).problems[0]).toContain('ngoài khoảng');
    expect(checkScores({ 2: 60 }, criteria, parts).problems[0]).toContain('Chưa chấm');
  });
  it('refuses a framework whose criteria exceed the 30 general points', () => {
    const wide = [...criteria, { id: 3, part: 'general', name: 'Thêm', maxPoints: 10 }];
    const r = checkScores({ 1: 25, 2: 60, 3: 10 }, wide, parts);
    expect(r.problems.join()).toContain('Tiêu chí chung 35 điểm > 30 điểm');
  });
});

describe('rating by score band (rate a year)', () => {
  const t = tasks({ exceeded: 3, onTime: 7 });
  it('the thresholds split the scale into bands that share one verdict', () => {
    expect(scoreThresholds(rules)).toEqual([50, 70, 90]);
    const band = rateScoreBand({ minScore: 70, maxScore: 89.99 }, t, rules);
    expect(band.rating).toBe('good');
    for (const score of [70, 80.5, 89.99]) {
      expect(ratingRuleHead(score) + band.tail).toBe(rateIndividual(score, t, rules).rule);
    }
  });
  it('refuses a band that crosses a threshold instead of guessing', () => {
    expect(() => rateScoreBand({ minScore: 89.99, maxScore: 90 }, t, rules)).toThrow();
  });
});

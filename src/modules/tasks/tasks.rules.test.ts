import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../rules/registry.ts';
import {
  canAssessTask,
  canDecideTask,
  canEditTask,
  canRecognize,
  canReportProgress,
  checkCompletedDate,
  checkSelfAssessment,
  checkTaskPlan,
  classifyOutcome,
  isOverdue,
  itemsPerCadre,
  ratePercent,
  taskCoversYear,
} from './tasks.rules.ts';

const exceededRule = shippedRuleSet().get('tasks.exceeded_above_percent', '/1/', '2025-01-01');
const plan = {
  periodKind: 'year' as const,
  startYear: 2025,
  endYear: 2025,
  deadline: '2025-12-31',
  milestones: [{ title: 'Khảo sát', dueDate: '2025-03-31' }],
};

describe('checkTaskPlan', () => {
  it('accepts a consistent one-year plan', () => {
    expect(checkTaskPlan(plan)).toEqual([]);
  });
  it('refuses periods that contradict their kind', () => {
    expect(checkTaskPlan({ ...plan, endYear: 2026, deadline: '2026-06-30' })[0]!.field).toBe(
      'endYear',
    );
    expect(checkTaskPlan({ ...plan, periodKind: 'multi_year' })[0]!.field).toBe('endYear');
    expect(checkTaskPlan({ ...plan, endYear: 2024 })[0]!.verdict.message).toContain(
      'trước năm bắt đầu',
    );
    expect(
      checkTaskPlan({ ...plan, periodKind: 'term', endYear: 2030, deadline: '2030-06-30' }),
    ).toEqual([]);
  });
  it('keeps the deadline and every milestone inside the period', () => {
    const late = checkTaskPlan({ ...plan, deadline: '2026-01-01' });
    expect(late.map((p) => p.field)).toContain('deadline');
    expect(late[0]!.verdict.citations[0]!.document).toContain('CanBo');
    const ms = checkTaskPlan({
      ...plan,
      milestones: [{ title: 'Sau hạn', dueDate: '2026-01-02' }],
    });
    expect(ms.map((p) => p.field)).toContain('milestones.0.dueDate');
    expect(ms.find((p) => p.field === 'milestones.0.dueDate')!.verdict.message).toContain(
      '02/01/2026',
    );
    expect(
      checkTaskPlan({ ...plan, milestones: [{ title: 'Sớm', dueDate: '2024-12-31' }] }),
    ).toHaveLength(1);
    // The deadline itself is a valid milestone date.
    expect(
      checkTaskPlan({ ...plan, milestones: [{ title: 'Cuối', dueDate: '2025-12-31' }] }),
    ).toEqual([]);
  });
  it('counts a multi-year registration in each of its years', () => {
    const t = { startYear: 2023, endYear: 2025 };
    expect([2022, 2023, 2024, 2025, 2026].map((y) => taskCoversYear(t, y))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('workflow', () => {
  it('edits only while waiting or returned', () => {
    expect(canEditTask('submitted').ok).toBe(true);
    expect(canEditTask('returned').ok).toBe(true);
    expect(canEditTask('approved').ok).toBe(false);
    expect(canEditTask('rejected').message).toContain('Không phê duyệt');
  });
  it('decides only a waiting task of someone else, with a reason to return or reject', () => {
    expect(canDecideTask('submitted', false, '', 'approve').ok).toBe(true);
    expect(canDecideTask('submitted', true, '', 'approve').message).toContain('tự phê duyệt');
    expect(canDecideTask('returned', false, 'x', 'approve').ok).toBe(false);
    expect(canDecideTask('submitted', false, '  ', 'return').message).toContain('lý do');
    expect(canDecideTask('submitted', false, 'Chưa có chỉ tiêu rõ', 'reject').ok).toBe(true);
  });
  it('reports progress and assesses only approved, open tasks; never one’s own', () => {
    expect(canReportProgress('approved', null).ok).toBe(true);
    expect(canReportProgress('submitted', null).ok).toBe(false);
    expect(canReportProgress('approved', 'late').ok).toBe(false);
    expect(canAssessTask('approved', null, false).ok).toBe(true);
    expect(canAssessTask('approved', null, true).ok).toBe(false);
    expect(canAssessTask('approved', 'on_time', false).ok).toBe(false);
    expect(canAssessTask('returned', null, false).ok).toBe(false);
  });
  it('is overdue only when approved, open and past the deadline (not on the day itself)', () => {
    const t = { status: 'approved', outcome: null, deadline: '2025-06-30' };
    expect(isOverdue(t, '2025-06-30')).toBe(false);
    expect(isOverdue(t, '2025-07-01')).toBe(true);
    expect(isOverdue({ ...t, outcome: 'late' }, '2025-07-01')).toBe(false);
    expect(isOverdue({ ...t, status: 'submitted' }, '2025-07-01')).toBe(false);
  });
});

describe('classifyOutcome', () => {
  const base = {
    deadline: '2025-06-30',
    exceededAbovePercent: exceededRule,
    targets: [
      { name: 'Hộ dân vận động', targetValue: 10, achievedValue: 10 as number | null },
      { name: 'Vụ việc hòa giải', targetValue: 4, achievedValue: 4 as number | null },
    ],
  };
  it('on the deadline with every target exactly met: on time', () => {
    expect(classifyOutcome({ ...base, completedDate: '2025-06-30' }).outcome).toBe('on_time');
  });
  it('one day after the deadline: late', () => {
    const r = classifyOutcome({ ...base, completedDate: '2025-07-01' });
    expect(r.outcome).toBe('late');
    expect(r.verdict.message).toContain('01/07/2025');
  });
  it('any target above 100% on time: exceeded, citing the registry entry', () => {
    const targets = [base.targets[0]!, { ...base.targets[1]!, achievedValue: 5 }];
    const r = classifyOutcome({ ...base, targets, completedDate: '2025-06-01' });
    expect(r.outcome).toBe('exceeded');
    expect(r.verdict.message).toContain('125%');
    expect(r.verdict.citations.map((c) => c.rule)).toContain(exceededRule.title);
  });
  it('exceeding but late is late; a missed target is not done', () => {
    const targets = [base.targets[0]!, { ...base.targets[1]!, achievedValue: 9 }];
    expect(classifyOutcome({ ...base, targets, completedDate: '2025-07-02' }).outcome).toBe('late');
    const missed = [base.targets[0]!, { ...base.targets[1]!, achievedValue: 3.99 }];
    expect(classifyOutcome({ ...base, targets: missed, completedDate: '2025-06-01' }).outcome).toBe(
      'not_done',
    );
    const unknown = [base.targets[0]!, { ...base.targets[1]!, achievedValue: null }];
    expect(
      classifyOutcome({ ...base, targets: unknown, completedDate: '2025-06-01' }).outcome,
    ).toBe('not_done');
    expect(classifyOutcome({ ...base, completedDate: null }).outcome).toBe('not_done');
  });
  it('follows a subtree that raises the bar to 120%', () => {
    const raised = { ...exceededRule, value: 120 };
    const t = [{ name: 'A', targetValue: 10, achievedValue: 12 }];
    expect(
      classifyOutcome({
        ...base,
        targets: t,
        exceededAbovePercent: raised,
        completedDate: '2025-06-01',
      }).outcome,
    ).toBe('on_time');
    const t2 = [{ name: 'A', targetValue: 10, achievedValue: 12.01 }];
    expect(
      classifyOutcome({
        ...base,
        targets: t2,
        exceededAbovePercent: raised,
        completedDate: '2025-06-01',
      }).outcome,
    ).toBe('exceeded');
  });
  it('never calls a task done when a target is below its value (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 9.999, noNaN: true }),
        fc.boolean(),
        (achieved, early) => {
          const t = [{ name: 'A', targetValue: 10, achievedValue: achieved }];
          const r = classifyOutcome({
            ...base,
            targets: t,
            completedDate: early ? '2025-01-01' : '2025-12-01',
          });
          return r.outcome === 'not_done';
        },
      ),
    );
  });
  it('refuses completion dates in the future or before the period', () => {
    expect(checkCompletedDate('2025-06-02', 2025, '2025-06-01').ok).toBe(false);
    expect(checkCompletedDate('2024-12-31', 2025, '2025-06-01').ok).toBe(false);
    expect(checkCompletedDate('2025-06-01', 2025, '2025-06-01').ok).toBe(true);
    expect(checkCompletedDate(null, 2025, '2025-06-01').ok).toBe(true);
  });
});

describe('rates', () => {
  it('reproduces seed 003: 7,126 of 7,560 members = 94%', () => {
    expect(ratePercent(7126, 7560)).toBe(94.3);
    expect(Math.round(ratePercent(7126, 7560))).toBe(94);
    expect(ratePercent(0, 0)).toBe(0);
    expect(ratePercent(5, 5)).toBe(100);
  });
  it('items per cadre: 53 of 51 in 2022, 163 of 54 in 2023', () => {
    expect(itemsPerCadre(53, 51)).toBe(1.04);
    expect(itemsPerCadre(163, 54)).toBe(3.02);
    expect(itemsPerCadre(3, 0)).toBe(0);
  });
});

describe('4 tốt', () => {
  const criteria = [
    { code: 'a', name: 'Tiêu chí A' },
    { code: 'b', name: 'Tiêu chí B' },
  ];
  it('needs every criterion scored once and nothing else', () => {
    expect(checkSelfAssessment(criteria, [{ code: 'a' }, { code: 'b' }]).ok).toBe(true);
    expect(checkSelfAssessment(criteria, [{ code: 'a' }]).message).toContain('Tiêu chí B');
    expect(checkSelfAssessment(criteria, [{ code: 'a' }, { code: 'b' }, { code: 'c' }]).ok).toBe(
      false,
    );
    expect(checkSelfAssessment(criteria, [{ code: 'a' }, { code: 'a' }, { code: 'b' }]).ok).toBe(
      false,
    );
  });
  const facts = {
    kind: 'cell' as const,
    unitPath: '/1/2/3/',
    actorScopePath: '/1/2/',
    actorIsAssessedMember: false,
    status: 'submitted',
    allMet: true,
    recognized: true,
  };
  it('a cell is recognised by the level above, never by itself', () => {
    expect(canRecognize(facts).ok).toBe(true);
    expect(canRecognize({ ...facts, actorScopePath: '/1/2/3/' }).ok).toBe(false);
    expect(canRecognize({ ...facts, actorScopePath: '/1/9/' }).ok).toBe(false);
  });
  it('a member is never recognised by themselves; all criteria must be met to recognise', () => {
    expect(canRecognize({ ...facts, kind: 'member', actorScopePath: '/1/2/3/' }).ok).toBe(true);
    expect(canRecognize({ ...facts, kind: 'member', actorIsAssessedMember: true }).ok).toBe(false);
    expect(canRecognize({ ...facts, allMet: false }).message).toContain('mọi tiêu chí');
    expect(canRecognize({ ...facts, allMet: false, recognized: false }).ok).toBe(true);
    expect(canRecognize({ ...facts, status: 'recognized' }).ok).toBe(false);
  });
});

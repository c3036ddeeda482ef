import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from './rules.catalog.ts';
import { checkNewEnd, checkRuleValue, planNewVersion } from './rules.rules.ts';

const v = (id: number, validFrom: string, validTo: string | null) => ({
  id,
  validFrom,
  validTo,
  document: `Văn bản ${id}`,
});

describe('planNewVersion', () => {
  it('ends the open version the day before the new one starts', () => {
    const plan = planNewVersion([v(1, '2020-01-01', null)], '2025-03-01', null);
    expect(plan.verdict.ok).toBe(true);
    expect(plan.close).toEqual({ id: 1, validTo: '2025-02-28' });
  });

  it('refuses a version inside a closed one, and one starting on the open one’s first day', () => {
    const closed = planNewVersion([v(1, '2020-01-01', '2022-12-31')], '2022-12-31', null);
    expect(closed.verdict.ok).toBe(false);
    expect(closed.verdict.citations[0]!.document).toBe('Quy tắc kiểm tra dữ liệu của CanBo');
    expect(planNewVersion([v(1, '2020-01-01', null)], '2020-01-01', null).verdict.ok).toBe(false);
  });

  it('fits a version into a gap that touches neither neighbour', () => {
    const plan = planNewVersion(
      [v(1, '2020-01-01', '2020-12-31'), v(2, '2022-01-01', null)],
      '2021-01-01',
      '2021-12-31',
    );
    expect(plan.verdict.ok).toBe(true);
    expect(plan.close).toBeUndefined();
  });

  it('an open-ended version before a later one overlaps it', () => {
    const plan = planNewVersion([v(2, '2022-01-01', null)], '2021-01-01', null);
    expect(plan.verdict.ok).toBe(false);
  });
});

describe('checkNewEnd and checkRuleValue', () => {
  it('an end date before the start is refused; reopening onto a later version too', () => {
    expect(checkNewEnd(v(1, '2020-01-01', '2021-01-01'), [], '2019-12-31').ok).toBe(false);
    expect(checkNewEnd(v(1, '2020-01-01', '2021-12-31'), [v(2, '2022-01-01', null)], null).ok).toBe(
      false,
    );
    expect(
      checkNewEnd(v(1, '2020-01-01', '2021-12-31'), [v(2, '2022-01-01', null)], '2021-06-30').ok,
    ).toBe(true);
  });

  it('values fit their unit', () => {
    const percent = ruleDefinitions['election.surplus_max_percent'];
    expect(checkRuleValue(percent, 14.08).ok).toBe(true);
    expect(checkRuleValue(percent, 100.5).ok).toBe(false);
    expect(checkRuleValue(ruleDefinitions['tenure.max_months_head'], 96.5).ok).toBe(false);
    expect(checkRuleValue(ruleDefinitions['tenure.max_months_head'], -1).ok).toBe(false);
    expect(checkRuleValue(ruleDefinitions['tenure.max_months_head'], '96').ok).toBe(false);
    const month = ruleDefinitions['congress.age_reference_month.commune'];
    expect(checkRuleValue(month, '2025-07').ok).toBe(true);
    expect(checkRuleValue(month, '2025-7').ok).toBe(false);
  });
});

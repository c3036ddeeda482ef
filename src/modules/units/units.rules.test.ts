import { describe, expect, it } from 'vitest';
import type { UnitType } from '../../contracts/enums.ts';
import { canHoldChildren, canMerge, canMoveUnder, canTakeEffect } from './units.rules.ts';

const unit = (
  id: number,
  path: string,
  type: UnitType = 'grassroots_committee',
  status = 'active',
) => ({
  id,
  path,
  type,
  status,
});

describe('units rules', () => {
  it('a party cell holds no party organisation beneath it, citing the Charter', () => {
    const v = canHoldChildren('cell');
    expect(v.ok).toBe(false);
    expect(v.citations[0]?.document).toMatch(/Điều lệ Đảng/);
    expect(canHoldChildren('grassroots_cell').ok).toBe(false);
    expect(canHoldChildren('grassroots_committee').ok).toBe(true);
  });

  it('a unit cannot move beneath itself or its descendants', () => {
    const a = unit(2, '/1/2/');
    expect(canMoveUnder(a, unit(3, '/1/2/3/')).ok).toBe(false);
    expect(canMoveUnder(a, unit(2, '/1/2/')).ok).toBe(false);
    expect(canMoveUnder(a, unit(4, '/1/4/')).ok).toBe(true);
    expect(canMoveUnder(a, unit(4, '/1/4/', 'grassroots_committee', 'merged')).ok).toBe(false);
  });

  it('merging needs two distinct active units, neither inside the other', () => {
    expect(canMerge([unit(2, '/1/2/')]).ok).toBe(false);
    expect(canMerge([unit(2, '/1/2/'), unit(3, '/1/3/')]).ok).toBe(true);
    expect(canMerge([unit(2, '/1/2/'), unit(3, '/1/2/3/')]).ok).toBe(false);
    expect(canMerge([unit(2, '/1/2/'), unit(3, '/1/3/', 'cell', 'merged')]).ok).toBe(false);
  });

  it('a change may not take effect before the version in force', () => {
    expect(canTakeEffect('2025-06-30', '2025-07-01').ok).toBe(false);
    expect(canTakeEffect('2025-06-30', '2025-07-01').message).toContain('01/07/2025');
    expect(canTakeEffect('2025-07-01', '2025-07-01').ok).toBe(true);
    expect(canTakeEffect('2026-01-01', '2025-07-01').ok).toBe(true);
  });
});

describe('every refusal says which rule and document it used', () => {
  it('cites a source for each refused unit operation', () => {
    const refusals = [
      canHoldChildren('cell'),
      canMoveUnder(unit(2, '/1/2/'), unit(3, '/1/2/3/')),
      canMoveUnder(unit(2, '/1/2/'), unit(4, '/1/4/', 'grassroots_committee', 'merged')),
      canMerge([unit(2, '/1/2/')]),
      canMerge([unit(2, '/1/2/'), unit(3, '/1/2/3/')]),
      canTakeEffect('2025-06-30', '2025-07-01'),
    ];
    for (const v of refusals) {
      expect(v.ok).toBe(false);
      expect(v.citations.length, v.message).toBeGreaterThan(0);
    }
  });
});

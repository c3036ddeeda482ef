import { describe, expect, it } from 'vitest';
import {
  Rng,
  addYears,
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  hashSeed,
  mulberry32,
  toDayNumber,
  weightedTable,
  yearsBetween,
} from './rng.ts';

describe('seeded rng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('hashSeed separates labels', () => {
    expect(hashSeed(1, 'units')).toBe(hashSeed(1, 'units'));
    expect(hashSeed(1, 'units')).not.toBe(hashSeed(1, 'members'));
    expect(hashSeed(1, 'units')).not.toBe(hashSeed(2, 'units'));
  });

  it('int is inclusive and covers the range', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('weightedPick and weightedTable follow the weights', () => {
    const rng = new Rng(11);
    let a = 0;
    let b = 0;
    const table = weightedTable([
      ['a', 9],
      ['b', 1],
      ['never', 0],
    ] as const);
    for (let i = 0; i < 20_000; i++) {
      if (rng.weightedPick(['a', 'b'], [3, 1]) === 'a') a++;
      const t = table(rng);
      expect(t).not.toBe('never');
      if (t === 'b') b++;
    }
    expect(a / 20_000).toBeCloseTo(0.75, 1);
    expect(b / 20_000).toBeCloseTo(0.1, 1);
    expect(() => rng.pick([])).toThrow();
  });

  it('dateBetween stays inside the bounds', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 500; i++) {
      const d = rng.dateBetween('2025-12-30', '2026-01-02');
      expect(d >= '2025-12-30' && d <= '2026-01-02').toBe(true);
    }
  });
});

describe('day numbers', () => {
  it('match the JavaScript calendar from 1900 to 2100', () => {
    const start = Date.UTC(1900, 0, 1) / 86_400_000;
    const end = Date.UTC(2100, 11, 31) / 86_400_000;
    const problems: string[] = [];
    for (let day = start; day <= end; day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== iso) problems.push(`from ${day}`);
      if (toDayNumber(iso) !== day) problems.push(`to ${iso}`);
      const [y, m, d] = civilFromDays(day);
      if (daysFromCivil(y, m, d) !== day) problems.push(`civil ${day}`);
    }
    expect(problems).toEqual([]);
  });

  it('adds years and measures ages', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('1999-12-31', 1)).toBe('2000-12-31');
    expect(yearsBetween('2000-11-02', '2026-11-01')).toBe(25);
    expect(yearsBetween('2000-11-01', '2026-11-01')).toBe(26);
    expect(() => toDayNumber('2026-13-01')).toThrow();
  });
});

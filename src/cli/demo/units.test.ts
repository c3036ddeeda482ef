import { describe, expect, it } from 'vitest';
import { type UnitType, unitTypes } from '../../contracts/enums.ts';
import {
  type DemoUnit,
  LAST_DAY_BEFORE_REORGANISATION,
  REORGANISATION_DATE,
  allocate,
  generateUnitTree,
  grassrootsTypes,
  holdsMembers,
} from './units.ts';

/** Structural checks every generated tree must pass; returns the problems found. */
function treeProblems(units: DemoUnit[]): { problems: string[]; maxDepth: number } {
  const problems: string[] = [];
  const byKey = new Map<string, DemoUnit>();
  const codes = new Set<string>();
  const allowedParents: Partial<Record<UnitType, UnitType[]>> = {
    district: ['province'],
    commune: ['province'],
    grassroots_committee: ['commune', 'district'],
    grassroots_cell: ['commune', 'district'],
    sub_committee: ['grassroots_committee'],
    cell: ['grassroots_committee', 'sub_committee'],
  };
  let maxDepth = 0;
  const depth = new Map<string, number>();
  for (const u of units) {
    // parents (and successors) come first
    const parent = u.parentKey === null ? undefined : byKey.get(u.parentKey);
    if (u.parentKey !== null && !parent) problems.push(`${u.code}: parent not before it`);
    if (u.successorKey && !byKey.has(u.successorKey)) problems.push(`${u.code}: successor`);
    if (byKey.has(u.key)) problems.push(`${u.code}: duplicate key`);
    if (codes.has(u.code)) problems.push(`${u.code}: duplicate code`);
    byKey.set(u.key, u);
    codes.add(u.code);
    if (!unitTypes.includes(u.type)) problems.push(`${u.code}: type ${u.type}`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(u.validFrom)) problems.push(`${u.code}: validFrom`);
    if (u.validTo !== null && u.validTo < u.validFrom) problems.push(`${u.code}: validTo`);
    if (u.name !== u.name.normalize('NFC')) problems.push(`${u.code}: not NFC`);
    if (!u.locality) problems.push(`${u.code}: no locality`);
    const d = (parent ? (depth.get(parent.key) ?? 0) : 0) + 1;
    depth.set(u.key, d);
    maxDepth = Math.max(maxDepth, d);
    if (!parent) {
      if (u.code !== 'HN') problems.push(`${u.code}: unexpected root`);
      continue;
    }
    if (!allowedParents[u.type]?.includes(parent.type)) {
      problems.push(`${u.code}: ${u.type} under ${parent.type}`);
    }
    if (!u.code.startsWith(`${parent.code}.`)) problems.push(`${u.code}: code not under parent`);
    // a current unit sits under a current unit, and inside its lifetime
    if (u.validTo === null && parent.validTo !== null) problems.push(`${u.code}: closed parent`);
    if (u.validFrom < parent.validFrom) problems.push(`${u.code}: older than parent`);
  }
  if (maxDepth > 6) problems.push(`depth ${maxDepth}`);
  return { problems, maxDepth };
}

function checkTree(units: DemoUnit[]) {
  const result = treeProblems(units);
  expect(result.problems).toEqual([]);
  return result;
}

const current = (units: DemoUnit[]) => units.filter((u) => u.validTo === null);
const grassroots = (units: DemoUnit[]) => units.filter((u) => grassrootsTypes.includes(u.type));

describe('generateUnitTree (demo shape)', () => {
  const units = generateUnitTree();

  it('is deterministic for a seed', () => {
    expect(generateUnitTree()).toEqual(units);
    expect(generateUnitTree({ seed: 99 })).toEqual(generateUnitTree({ seed: 99 }));
    expect(generateUnitTree({ seed: 99 })).not.toEqual(units);
  });

  it('is a well-formed tree with unique codes', () => {
    const { maxDepth } = checkTree(units);
    expect(maxDepth).toBeGreaterThanOrEqual(5);
  });

  it('has about 70 current grassroots organisations, of both kinds', () => {
    const g = grassroots(current(units));
    expect(g.length).toBeGreaterThanOrEqual(65);
    expect(g.length).toBeLessThanOrEqual(75);
    const committees = g.filter((u) => u.type === 'grassroots_committee').length;
    expect(committees).toBeGreaterThan(15);
    expect(g.length - committees).toBeGreaterThan(25);
    expect(units.some((u) => u.type === 'sub_committee')).toBe(true);
    expect(units.filter((u) => u.type === 'cell').length).toBeGreaterThan(40);
  });

  it('has the post-2025 commune-level units of former Tây Hồ and Thanh Trì', () => {
    const communes = units.filter((u) => u.type === 'commune');
    expect(communes.map((c) => c.name)).toEqual([
      'Đảng bộ phường Tây Hồ',
      'Đảng bộ phường Phú Thượng',
      'Đảng bộ xã Thanh Trì',
      'Đảng bộ xã Đại Thanh',
      'Đảng bộ xã Nam Phù',
      'Đảng bộ xã Ngọc Hồi',
      'Đảng bộ phường Thanh Liệt',
    ]);
    for (const c of communes) {
      expect(c.validFrom).toBe(REORGANISATION_DATE);
      expect(c.validTo).toBeNull();
      expect(c.parentKey).toBe('u:HN');
    }
    expect(units[0]).toMatchObject({ code: 'HN', type: 'province', locality: 'Hà Nội' });
    const names = units.map((u) => u.name);
    expect(names).toContain('Đảng bộ Công an phường Tây Hồ');
    expect(names).toContain('Chi bộ Trạm Y tế xã Thanh Trì');
    expect(names.some((n) => /^Chi bộ (Tổ dân phố|Khu dân cư) số \d+$/.test(n))).toBe(true);
    expect(names.some((n) => /^(Đảng bộ|Chi bộ) Trường (THCS|Tiểu học|Mầm non) /.test(n))).toBe(
      true,
    );
  });

  it('keeps the history of the abolished districts and their wards', () => {
    const districts = units.filter((u) => u.type === 'district');
    expect(districts.map((d) => d.name).sort()).toEqual([
      'Đảng bộ huyện Thanh Trì',
      'Đảng bộ quận Tây Hồ',
    ]);
    for (const d of districts) {
      expect(d.validTo).toBe(LAST_DAY_BEFORE_REORGANISATION);
      expect(d.validFrom < '2000-01-01').toBe(true);
    }
    const former = units.filter((u) => u.validTo !== null && u.type !== 'district');
    expect(former.length).toBeGreaterThanOrEqual(5);
    const byKey = new Map(units.map((u) => [u.key, u]));
    for (const f of former) {
      expect(f.validTo).toBe(LAST_DAY_BEFORE_REORGANISATION);
      expect(districts.map((d) => d.key)).toContain(f.parentKey);
      const successor = byKey.get(f.successorKey ?? '');
      expect(successor?.type).toBe('commune');
      expect(successor?.validTo).toBeNull();
    }
    const quangAn = former.find((f) => f.name === 'Đảng bộ phường Quảng An');
    expect(byKey.get(quangAn?.successorKey ?? '')?.name).toBe('Đảng bộ phường Tây Hồ');
    // no historic unit holds members
    expect(former.some(holdsMembers)).toBe(false);
  });

  it('gives each current unit the locality of its commune', () => {
    const byKey = new Map(units.map((u) => [u.key, u]));
    for (const u of current(units)) {
      if (u.type === 'province') continue;
      let c: DemoUnit = u;
      while (c.type !== 'commune') c = byKey.get(c.parentKey ?? '') as DemoUnit;
      expect(u.locality).toBe(c.locality);
      expect(u.locality).toMatch(/^(Phường|Xã) /);
    }
  });
});

describe('generateUnitTree (scale)', () => {
  it('builds a 20,000-unit tree', () => {
    const units = generateUnitTree({ grassrootsTarget: 9_000, seed: 5 });
    expect(units.length).toBeGreaterThanOrEqual(20_000);
    expect(grassroots(current(units))).toHaveLength(9_000);
    checkTree(units);
    const communes = units.filter((u) => u.type === 'commune');
    expect(new Set(communes.map((c) => c.name)).size).toBe(communes.length);
    expect(communes.length).toBeGreaterThan(100);
    // names are unique among siblings
    const siblings = new Set<string>();
    for (const u of units) {
      const k = `${u.parentKey} ${u.name}`;
      expect(siblings.has(k), k).toBe(false);
      siblings.add(k);
    }
  });

  it('handles tiny targets', () => {
    for (const target of [1, 3, 12, 150, 400]) {
      const units = generateUnitTree({ grassrootsTarget: target });
      checkTree(units);
      expect(grassroots(current(units))).toHaveLength(target);
    }
  });

  it('allocate splits exactly', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([3, 3, 4]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    const parts = allocate(1_000, [0.3, 5, 2.2, 0, 9]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(parts[3]).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { memberStatuses } from '../../contracts/enums.ts';
import { ethnicities, provinces, religions } from '../../contracts/reference-lists.ts';
import { DEMO_REFERENCE_DATE, type DemoMember, generateMembers } from './members.ts';
import { isVietnameseName } from './names.ts';
import { addYears, toDayNumber, yearsBetween } from './rng.ts';
import { type DemoUnit, generateUnitTree, holdsMembers } from './units.ts';

const units = generateUnitTree();
const byKey = new Map(units.map((u) => [u.key, u]));
const N = 20_000;
const members: DemoMember[] = [...generateMembers(units, N)];

const share = (pred: (m: DemoMember) => boolean, list = members) =>
  list.filter(pred).length / list.length;
const age = (m: DemoMember) => yearsBetween(m.birthDate, DEMO_REFERENCE_DATE);
const kindOf = (m: DemoMember) => (byKey.get(m.unitKey) as DemoUnit).kind;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('generateMembers', () => {
  it('generates exactly the requested count, deterministically', () => {
    expect(members).toHaveLength(N);
    const again = [...generateMembers(units, N)];
    expect(again).toEqual(members);
    const other = generateMembers(units, N, 7).next().value;
    expect(other).not.toEqual(members[0]);
  });

  it('puts members only in current chi bộ, unevenly', () => {
    const sizes = new Map<string, number>();
    const misplaced = new Set<string>();
    for (const m of members) {
      const u = byKey.get(m.unitKey);
      const ok = u?.validTo === null && (u.type === 'grassroots_cell' || u.type === 'cell');
      if (!ok || !holdsMembers(u)) misplaced.add(m.unitKey);
      sizes.set(m.unitKey, (sizes.get(m.unitKey) ?? 0) + 1);
    }
    expect([...misplaced]).toEqual([]);
    const counts = [...sizes.values()];
    expect(sizes.size).toBe(units.filter(holdsMembers).length);
    expect(Math.max(...counts) / Math.min(...counts)).toBeGreaterThan(5);
    // residential chi bộ are the big ones
    const bigKinds = [...sizes.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([k]) => byKey.get(k)?.kind);
    expect(bigKinds.filter((k) => k === 'residential').length).toBeGreaterThanOrEqual(6);
  });

  it('has unique, well-formed id and card numbers', () => {
    const ids = new Set<string>();
    const cards = new Set<string>();
    const problems: string[] = [];
    for (const m of members) {
      const id = m.idNumber;
      if (!/^\d{12}$/.test(id) || ids.has(id)) problems.push(`id ${id}`);
      ids.add(id);
      const year = Number(m.birthDate.slice(0, 4));
      const digit = (year >= 2000 ? 2 : 0) + (m.gender === 'female' ? 1 : 0);
      if (id[3] !== String(digit)) problems.push(`gender/century digit ${id} ${m.birthDate}`);
      if (id.slice(4, 6) !== m.birthDate.slice(2, 4)) problems.push(`year ${id} ${m.birthDate}`);
      // born in Hà Nội → 001
      if (m.birthplace.endsWith(', Hà Nội') && !id.startsWith('001')) problems.push(`code ${id}`);
      if (m.status === 'probationary') {
        if (m.cardNumber !== null) problems.push(`card for probationary ${m.cardNumber}`);
      } else if (
        m.cardNumber === null ||
        !/^\d{8}$/.test(m.cardNumber) ||
        cards.has(m.cardNumber)
      ) {
        problems.push(`card ${m.cardNumber}`);
      } else {
        cards.add(m.cardNumber);
      }
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBe(N);
    expect(members.filter((m) => m.birthplace.endsWith(', Hà Nội')).length).toBeGreaterThan(N / 2);
  });

  it('has realistic statuses', () => {
    for (const m of members) expect(memberStatuses).toContain(m.status);
    const full = share((m) => m.status === 'full');
    const probationary = share((m) => m.status === 'probationary');
    expect(full).toBeGreaterThan(0.93);
    expect(full).toBeLessThan(0.97);
    expect(probationary).toBeGreaterThan(0.03);
    expect(probationary).toBeLessThan(0.055);
    const other = 1 - full - probationary;
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(0.015);
    expect(members.some((m) => m.status === 'transferred_out')).toBe(true);
    expect(members.some((m) => m.status === 'deceased')).toBe(true);
  });

  it('has consistent dates', () => {
    const ref = DEMO_REFERENCE_DATE;
    const yearBefore = addYears(ref, -1);
    const problems: string[] = [];
    for (const m of members) {
      const bad = (what: string) => problems.push(`${what}: ${JSON.stringify(m)}`);
      const a = age(m);
      if (a < 18 || a > 95) bad('age');
      if (yearsBetween(m.birthDate, m.joinDate) < 18) bad('join age');
      if (m.joinDate > ref) bad('join after today');
      if (toDayNumber(m.birthDate) >= toDayNumber(m.joinDate)) bad('join before birth');
      if (m.status === 'probationary') {
        if (m.officialDate !== null) bad('official date');
        if (m.joinDate <= yearBefore) bad('probation over 12 months');
      } else if (m.officialDate !== addYears(m.joinDate, 1) || m.officialDate > ref) {
        bad('official date');
      }
    }
    expect(problems).toEqual([]);
  });

  it('makes residential chi bộ older and schools and agencies younger and more educated', () => {
    const residential = members.filter((m) => kindOf(m) === 'residential');
    const working = members.filter((m) =>
      ['school', 'agency', 'party_mass'].includes(kindOf(m) ?? ''),
    );
    expect(residential.length).toBeGreaterThan(N / 3);
    expect(working.length).toBeGreaterThan(N / 20);
    expect(mean(residential.map(age))).toBeGreaterThan(mean(working.map(age)) + 15);
    expect(share((m) => age(m) >= 60, residential)).toBeGreaterThan(0.5);
    expect(share((m) => age(m) >= 62, working)).toBe(0);
    const degree = (m: DemoMember) =>
      ['bachelor', 'master', 'doctor', 'assoc_prof', 'professor'].includes(m.professionalLevel);
    expect(share(degree, working)).toBeGreaterThan(share(degree, residential) + 0.3);
    expect(share((m) => m.generalEducation === 'grade_9', residential)).toBeGreaterThan(
      share((m) => m.generalEducation === 'grade_9', working),
    );
    const schools = members.filter((m) => kindOf(m) === 'school');
    expect(share((m) => m.gender === 'female', schools)).toBeGreaterThan(0.65);
    const female = share((m) => m.gender === 'female');
    expect(female).toBeGreaterThan(0.38);
    expect(female).toBeLessThan(0.52);
    for (const m of members) {
      expect(m.professionalField === null).toBe(m.professionalLevel === 'none');
    }
  });

  it('uses valid names and reference-list values', () => {
    const ethnicitySet = new Set<string>(ethnicities);
    const religionSet = new Set<string>(religions);
    const provinceSet = new Set<string>(provinces);
    const problems: string[] = [];
    for (const m of members) {
      if (!isVietnameseName(m.fullName)) problems.push(`name ${m.fullName}`);
      if (m.otherNames !== null && !isVietnameseName(m.otherNames)) {
        problems.push(`other name ${m.otherNames}`);
      }
      if (!ethnicitySet.has(m.ethnicity)) problems.push(`ethnicity ${m.ethnicity}`);
      if (!religionSet.has(m.religion)) problems.push(`religion ${m.religion}`);
      if (!provinceSet.has(m.hometownProvince)) problems.push(`province ${m.hometownProvince}`);
      if (!/^(Phường|Xã) /.test(m.hometownCommune)) problems.push(`hometown ${m.hometownCommune}`);
      const [, birthProvince] = m.birthplace.split(', ');
      if (!/^(Phường|Xã) /.test(m.birthplace) || !provinceSet.has(birthProvince ?? '')) {
        problems.push(`birthplace ${m.birthplace}`);
      }
      if (!m.residence.endsWith(', Hà Nội')) problems.push(`residence ${m.residence}`);
    }
    expect(problems).toEqual([]);
    expect(members.some((m) => m.otherNames !== null)).toBe(true);
    const kinh = share((m) => m.ethnicity === 'Kinh');
    expect(kinh).toBeGreaterThan(0.92);
    expect(kinh).toBeLessThan(0.98);
    expect(new Set(members.map((m) => m.ethnicity)).size).toBeGreaterThan(5);
    const none = share((m) => m.religion === 'Không');
    expect(none).toBeGreaterThan(0.88);
    expect(none).toBeLessThan(0.96);
    expect(share((m) => m.hometownProvince === 'Hà Nội')).toBeGreaterThan(0.5);
    // many members are local to the commune of their chi bộ (for the local/non-local rule)
    expect(share((m) => m.hometownCommune === byKey.get(m.unitKey)?.locality)).toBeGreaterThan(
      0.25,
    );
    expect(new Set(members.map((m) => m.fullName)).size).toBeGreaterThan(N * 0.5);
  });

  it('streams lazily', () => {
    // A huge count costs nothing until members are pulled.
    const it = generateMembers(units, 1_000_000_000);
    expect(it.next().done).toBe(false);
    const big = generateUnitTree({ grassrootsTarget: 2_000 });
    let n = 0;
    for (const m of generateMembers(big, 20_000)) if (m.fullName) n++;
    expect(n).toBe(20_000);
  });

  it('handles edge cases', () => {
    expect([...generateMembers(units, 0)]).toEqual([]);
    expect(() => [
      ...generateMembers(
        units.filter((u) => !holdsMembers(u)),
        5,
      ),
    ]).toThrow();
    expect([...generateMembers(units, 3)]).toHaveLength(3);
  });
});

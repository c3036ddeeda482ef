import { describe, expect, it } from 'vitest';
import { addMonths } from '../../core/dates.ts';
import {
  canHoldMembers,
  canTransfer,
  checkBirthDate,
  checkExemption,
  checkJoinDate,
  checkMemberRecord,
  checkOfficialDate,
  checkStatusDates,
  checkTempAttendance,
  memberRuleValues,
  type MemberRecordFacts,
} from './members.rules.ts';
import { RuleSet, shippedRuleSet } from '../rules/registry.ts';

const TODAY = '2025-10-15';
/** The Party Statute's numbers as CanBo ships them in the rule registry. */
const P = memberRuleValues(shippedRuleSet(), '/1/', TODAY);

const valid: MemberRecordFacts = {
  birthDate: '1980-05-17',
  joinDate: '2005-03-02',
  officialDate: '2006-03-02',
  status: 'full',
  tempAttendancePlace: null,
  tempAttendanceFrom: null,
  tempAttendanceTo: null,
  exempted: false,
  exemptionFrom: null,
  exemptionReason: null,
};

const fieldsOf = (f: Partial<MemberRecordFacts>) =>
  checkMemberRecord({ ...valid, ...f }, TODAY, P).map((p) => p.field);

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2005-03-02', 12)).toBe('2006-03-02');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2006-02-28', 18 * 12)).toBe('2024-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 2)).toBe('2026-01-30');
  });
});

describe('join age (Điều lệ Đảng, Điều 1)', () => {
  it('allows a member who was 18 on the join date, citing the charter', () => {
    const v = checkJoinDate('2000-06-10', '2018-06-10', TODAY, P);
    expect(v.ok).toBe(true);
    expect(v.citations[0]!.document).toContain('Điều 1');
  });
  it('refuses a member one day short of 18, with the citation', () => {
    const v = checkJoinDate('2000-06-10', '2018-06-09', TODAY, P);
    expect(v.ok).toBe(false);
    expect(v.message).toContain('18 tuổi');
    expect(v.message).toContain('10/06/2018');
    expect(v.citations[0]!.document).toContain('Điều lệ Đảng');
    expect(v.citations[0]!.document).toContain('Điều 1');
  });
  it('refuses a join date in the future or before birth', () => {
    expect(checkJoinDate('1980-01-01', '2025-10-16', TODAY, P).ok).toBe(false);
    expect(checkJoinDate('1980-01-01', '1979-12-31', TODAY, P).ok).toBe(false);
    expect(checkJoinDate('1980-01-01', '1979-12-31', TODAY, P).citations).toHaveLength(1);
  });
});

describe('probation (Điều lệ Đảng, Điều 5)', () => {
  it('allows an official date 12 months after joining', () => {
    const v = checkOfficialDate('2005-03-02', '2006-03-02', TODAY, P);
    expect(v.ok).toBe(true);
    expect(v.citations[0]!.document).toContain('Điều 5');
  });
  it('refuses an official date before 12 months of probation, citing Điều 5', () => {
    const v = checkOfficialDate('2005-03-02', '2006-03-01', TODAY, P);
    expect(v.ok).toBe(false);
    expect(v.message).toContain('12 tháng');
    expect(v.citations[0]!.document).toContain('Điều 5');
  });
  it('refuses an official date in the future', () => {
    expect(checkOfficialDate('2024-10-15', '2025-10-16', TODAY, P).ok).toBe(false);
  });
  it('reads the numbers from the rule registry: a changed probation applies', () => {
    const shipped = shippedRuleSet();
    const changed = new RuleSet([
      ...shipped.entries.filter((e) => e.key !== 'membership.probation_months'),
      {
        ...shipped.entries.find((e) => e.key === 'membership.probation_months')!,
        value: 18,
        document: 'Điều lệ thử nghiệm',
      },
    ]);
    const v = checkOfficialDate(
      '2005-03-02',
      '2006-03-02',
      TODAY,
      memberRuleValues(changed, '/1/', TODAY),
    );
    expect(v.ok).toBe(false);
    expect(v.message).toContain('18 tháng');
    expect(v.citations[0]!.document).toContain('Điều lệ thử nghiệm');
  });
});

describe('status and dates', () => {
  it('accepts full with an official date and probationary without one', () => {
    expect(checkStatusDates('full', '2005-03-02', '2006-03-02')).toEqual([]);
    expect(checkStatusDates('probationary', '2025-03-02', null)).toEqual([]);
    expect(checkStatusDates('deceased', null, null)).toEqual([]);
  });
  it('refuses full without an official date', () => {
    const [p] = checkStatusDates('full', '2005-03-02', null);
    expect(p!.field).toBe('officialDate');
    expect(p!.verdict.citations[0]!.document).toContain('Điều lệ Đảng');
  });
  it('refuses probationary with an official date', () => {
    const [p] = checkStatusDates('probationary', '2025-03-02', '2026-03-02');
    expect(p!.field).toBe('officialDate');
    expect(p!.verdict.citations.length).toBeGreaterThan(0);
  });
  it('refuses a current member without a join date', () => {
    expect(checkStatusDates('probationary', null, null).map((p) => p.field)).toEqual(['joinDate']);
  });
});

describe('birth date', () => {
  it('accepts a plausible date', () => {
    const v = checkBirthDate('1980-05-17', TODAY);
    expect(v.ok).toBe(true);
    expect(v.citations).toHaveLength(1);
  });
  it('refuses the future and dates before 1900', () => {
    expect(checkBirthDate('2025-10-16', TODAY).ok).toBe(false);
    const old = checkBirthDate('1899-12-31', TODAY);
    expect(old.ok).toBe(false);
    expect(old.message).toContain('1900');
    expect(old.citations).toHaveLength(1);
  });
});

describe('temporary attendance', () => {
  it('accepts from ≤ to with a place', () => {
    expect(checkTempAttendance('Chi bộ X', '2025-01-01', '2025-01-01')).toEqual([]);
    expect(checkTempAttendance(null, null, null)).toEqual([]);
  });
  it('refuses to before from, citing the data rule', () => {
    const [p] = checkTempAttendance('Chi bộ X', '2025-02-01', '2025-01-31');
    expect(p!.field).toBe('tempAttendanceTo');
    expect(p!.verdict.citations).toHaveLength(1);
  });
  it('needs a place when dates are given', () => {
    expect(checkTempAttendance(null, '2025-02-01', null).map((p) => p.field)).toEqual([
      'tempAttendancePlace',
    ]);
  });
});

describe('exemption (Điều lệ Đảng, Điều 7)', () => {
  it('accepts an exemption with a reason, or no exemption', () => {
    expect(checkExemption(true, 'Tuổi cao, sức yếu').ok).toBe(true);
    expect(checkExemption(false, null).ok).toBe(true);
  });
  it('refuses an exemption without a reason, citing the charter', () => {
    const v = checkExemption(true, null);
    expect(v.ok).toBe(false);
    expect(v.citations[0]!.document).toContain('Điều 7');
  });
});

describe('checkMemberRecord', () => {
  it('passes a consistent record', () => {
    expect(checkMemberRecord(valid, TODAY, P)).toEqual([]);
  });
  it('maps each failure to its field', () => {
    expect(
      fieldsOf({ birthDate: '2026-01-01', joinDate: null, officialDate: null, status: 'deceased' }),
    ).toEqual(['birthDate']);
    expect(fieldsOf({ joinDate: '1997-01-01', officialDate: '1998-01-01' })).toEqual(['joinDate']);
    expect(fieldsOf({ officialDate: '2005-09-01' })).toEqual(['officialDate']);
    expect(fieldsOf({ status: 'probationary' })).toEqual(['officialDate']);
    expect(fieldsOf({ officialDate: null })).toEqual(['officialDate']);
    expect(fieldsOf({ exempted: true })).toEqual(['exemptionReason']);
    expect(
      fieldsOf({
        tempAttendancePlace: 'Chi bộ Y',
        tempAttendanceFrom: '2025-05-01',
        tempAttendanceTo: '2025-04-01',
      }),
    ).toEqual(['tempAttendanceTo']);
  });
  it('reports several fields at once, one problem per field', () => {
    const problems = checkMemberRecord(
      { ...valid, joinDate: '1990-01-01', officialDate: '1990-06-01', exempted: true },
      TODAY,
      P,
    );
    expect(problems.map((p) => p.field)).toEqual(['joinDate', 'officialDate', 'exemptionReason']);
    for (const p of problems) expect(p.verdict.citations.length).toBeGreaterThan(0);
  });
});

describe('units that hold members (Điều lệ Đảng, Chương V)', () => {
  it('accepts cells and grassroots committees that are active', () => {
    for (const type of ['grassroots_cell', 'cell', 'grassroots_committee', 'sub_committee']) {
      const v = canHoldMembers({ type, status: 'active' });
      expect(v.ok, type).toBe(true);
    }
  });
  it('refuses province, district, commune and central committees, citing the charter', () => {
    for (const type of ['province', 'district', 'commune', 'central']) {
      const v = canHoldMembers({ type, status: 'active' });
      expect(v.ok, type).toBe(false);
      expect(v.citations[0]!.document).toContain('Điều lệ Đảng');
    }
  });
  it('refuses a unit that has closed', () => {
    expect(canHoldMembers({ type: 'cell', status: 'merged' }).ok).toBe(false);
  });
});

describe('transfer', () => {
  const m = { status: 'full', archived: false, unitId: 1, currentFrom: '2005-03-02' };
  it('allows a current member to move to another unit after the period in force began', () => {
    expect(canTransfer(m, 2, '2025-10-01', TODAY)).toEqual([]);
  });
  it('refuses the same unit, a future date, or a date not after the current period', () => {
    expect(canTransfer(m, 1, '2025-10-01', TODAY).map((p) => p.field)).toEqual(['toUnitId']);
    expect(canTransfer(m, 2, '2025-10-16', TODAY).map((p) => p.field)).toEqual(['effectiveDate']);
    expect(canTransfer(m, 2, '2005-03-02', TODAY).map((p) => p.field)).toEqual(['effectiveDate']);
  });
  it('refuses archived or former members', () => {
    expect(canTransfer({ ...m, archived: true }, 2, '2025-10-01', TODAY)).toHaveLength(1);
    const p = canTransfer({ ...m, status: 'deceased' }, 2, '2025-10-01', TODAY);
    expect(p).toHaveLength(1);
    expect(p[0]!.verdict.citations).toHaveLength(1);
  });
});

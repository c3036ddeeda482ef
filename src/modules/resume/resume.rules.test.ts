import { describe, expect, it } from 'vitest';
import {
  formatPartialDate,
  parsePartialDate,
  partialDateEnd,
  partialDateStart,
} from '../../contracts/resume.ts';
import {
  canSeeSensitive,
  canWriteSensitive,
  checkPeriod,
  checkProfileDates,
} from './resume.rules.ts';

const facts = { birthDate: '1985-04-12', today: '2026-11-20' };
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('partial dates of the 2C form', () => {
  it('reads what people type and shows it back the 2C way', () => {
    expect(parsePartialDate('2005')).toBe('2005');
    expect(parsePartialDate('9/2005')).toBe('2005-09');
    expect(parsePartialDate('1/9/2005')).toBe('2005-09-01');
    expect(parsePartialDate('29/02/2023')).toBeNull();
    expect(parsePartialDate('29/02/2024')).toBe('2024-02-29');
    expect(parsePartialDate('13/2005')).toBeNull();
    expect(parsePartialDate('05')).toBeNull();
    expect(formatPartialDate('2005-09')).toBe('09/2005');
    expect(formatPartialDate('2005-09-01')).toBe('01/09/2005');
    expect(formatPartialDate('2005')).toBe('2005');
  });

  it('spans the whole period it names', () => {
    expect([partialDateStart('2005'), partialDateEnd('2005')]).toEqual([
      '2005-01-01',
      '2005-12-31',
    ]);
    expect(partialDateEnd('2024-02')).toBe('2024-02-29');
    expect(partialDateEnd('2023-02')).toBe('2023-02-28');
    expect(partialDateEnd('2023-02-10')).toBe('2023-02-10');
  });
});

describe('periods of table rows', () => {
  it('accepts a row in the birth year and month, and one running to this month', () => {
    expect(checkPeriod('training', '1985', null, facts)).toEqual([]);
    expect(checkPeriod('training', '1985-04', '2026-11', facts)).toEqual([]);
    expect(checkPeriod('training', '2005', '2005-03', facts)).toEqual([]);
  });

  it('refuses before birth, in the future, reversed, missing or out of place', () => {
    expect(fields(checkPeriod('training', '1985-03', null, facts))).toEqual(['from']);
    expect(fields(checkPeriod('training', '2026-12', null, facts))).toEqual(['from']);
    expect(fields(checkPeriod('training', '2006', '2005-12', facts))).toEqual(['to']);
    expect(fields(checkPeriod('training', null, null, facts))).toEqual(['from']);
    expect(fields(checkPeriod('family', '2000', null, facts))).toEqual(['from']);
    expect(fields(checkPeriod('awards', '2010', '2011', facts))).toEqual(['to']);
    expect(checkPeriod('personal_history', null, null, facts)).toEqual([]);
    const [p] = checkPeriod('training', '2006', '2005-12', facts);
    expect(p!.verdict.message).toBe('12/2005 trước thời gian bắt đầu 2006');
    expect(p!.verdict.citations[0]!.document).toBe('Quy tắc kiểm tra dữ liệu của CanBo');
  });

  it('checks profile dates: discharge after enlistment, after birth', () => {
    expect(checkProfileDates({ enlistDate: '2003', dischargeDate: '2003-05' }, facts)).toEqual([]);
    expect(
      fields(checkProfileDates({ enlistDate: '2004', dischargeDate: '2003-05' }, facts)),
    ).toEqual(['dischargeDate']);
    expect(fields(checkProfileDates({ youthUnionDate: '1984' }, facts))).toEqual([
      'youthUnionDate',
    ]);
  });
});

describe('the protected part', () => {
  it('is seen with the permission or on one’s own record, and changed only with the permission', () => {
    expect(canSeeSensitive({ hasPermission: false, ownRecord: false }).ok).toBe(false);
    expect(canSeeSensitive({ hasPermission: true, ownRecord: false }).ok).toBe(true);
    expect(canSeeSensitive({ hasPermission: false, ownRecord: true }).ok).toBe(true);
    const refused = canWriteSensitive('Mục “Kỷ luật”', false);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('phần mật');
    expect(refused.citations[0]!.document).toBe('Quy định phân quyền của CanBo');
    expect(canWriteSensitive('Mục “Kỷ luật”', true).ok).toBe(true);
  });
});

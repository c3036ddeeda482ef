import { describe, expect, it } from 'vitest';
import { explain } from '../../core/rules/verdict.ts';
import { checkAppointmentDates, checkNoOverlap, checkUnitInForce } from './posts.rules.ts';

const person = { birthDate: '1980-05-17', fullName: 'Nguyễn Văn An' };
const base = {
  postTitleId: 1,
  unitId: 7,
  startDate: '2020-07-01',
  endDate: null as string | null,
  decisionDate: null as string | null,
  method: 'appointed' as const,
  endReason: '',
};

describe('appointment dates', () => {
  it('accepts a plain appointment', () => {
    expect(checkAppointmentDates(base, person)).toEqual([]);
  });
  it('refuses an end before the start, citing CanBo data rules', () => {
    const [p] = checkAppointmentDates({ ...base, endDate: '2020-06-30' }, person);
    expect(p!.field).toBe('endDate');
    expect(explain(p!.verdict)).toBe(
      'Ngày thôi giữ chức vụ (30/06/2020) trước ngày bắt đầu (01/07/2020) (theo Quy tắc kiểm tra dữ liệu của CanBo)',
    );
  });
  it('accepts the end on the start day', () => {
    expect(checkAppointmentDates({ ...base, endDate: '2020-07-01' }, person)).toEqual([]);
  });
  it('refuses a decision after the start, except for an election approved afterwards', () => {
    expect(
      checkAppointmentDates({ ...base, decisionDate: '2020-07-02' }, person).map((p) => p.field),
    ).toEqual(['decisionDate']);
    expect(
      checkAppointmentDates({ ...base, method: 'elected', decisionDate: '2020-07-20' }, person),
    ).toEqual([]);
  });
  it('refuses a start before the 18th birthday, and accepts it on that day', () => {
    expect(
      checkAppointmentDates({ ...base, startDate: '1998-05-16' }, person).map((p) => p.field),
    ).toEqual(['startDate']);
    expect(checkAppointmentDates({ ...base, startDate: '1998-05-17' }, person)).toEqual([]);
  });
  it('refuses an end reason without an end date', () => {
    expect(
      checkAppointmentDates({ ...base, endReason: 'Nghỉ hưu' }, person).map((p) => p.field),
    ).toEqual(['endReason']);
  });
});

describe('unit in force', () => {
  const unit = { name: 'Đảng bộ xã Tứ Hiệp', validFrom: '1990-01-01', validTo: '2025-06-30' };
  it('refuses a start before the unit existed', () => {
    expect(checkUnitInForce({ startDate: '1989-12-31', endDate: '1995-01-01' }, unit).ok).toBe(
      false,
    );
  });
  it('refuses an open or later end in a closed unit', () => {
    const open = checkUnitInForce({ startDate: '2020-07-01', endDate: null }, unit);
    expect(open.ok).toBe(false);
    expect(open.message).toContain('kết thúc hoạt động ngày 30/06/2025');
    expect(checkUnitInForce({ startDate: '2020-07-01', endDate: '2025-07-01' }, unit).ok).toBe(
      false,
    );
    expect(checkUnitInForce({ startDate: '2020-07-01', endDate: '2025-06-30' }, unit).ok).toBe(
      true,
    );
  });
  it('refuses a start after the unit closed', () => {
    expect(checkUnitInForce({ startDate: '2025-07-01', endDate: '2025-08-01' }, unit).ok).toBe(
      false,
    );
  });
});

describe('no overlapping appointment to the same post in the same unit', () => {
  const names = { post: 'Bí thư', unit: 'Đảng bộ xã Tứ Hiệp' };
  const held = { id: 1, postTitleId: 1, unitId: 7, startDate: '2015-07-01', endDate: '2020-06-30' };
  it('refuses an overlap', () => {
    const v = checkNoOverlap({ ...base, startDate: '2020-06-30' }, [held], names);
    expect(v.ok).toBe(false);
    expect(v.message).toContain('từ 01/07/2015 đến 30/06/2020');
  });
  it('accepts the next day, another post, another unit, and the appointment itself', () => {
    expect(checkNoOverlap(base, [held], names).ok).toBe(true);
    expect(
      checkNoOverlap({ ...base, startDate: '2016-01-01', postTitleId: 2 }, [held], names).ok,
    ).toBe(true);
    expect(checkNoOverlap({ ...base, startDate: '2016-01-01', unitId: 8 }, [held], names).ok).toBe(
      true,
    );
    expect(checkNoOverlap({ ...base, id: 1, startDate: '2016-01-01' }, [held], names).ok).toBe(
      true,
    );
  });
  it('treats an open appointment as running on', () => {
    const open = { ...held, endDate: null };
    expect(checkNoOverlap({ ...base, startDate: '2030-01-01' }, [open], names).ok).toBe(false);
  });
});

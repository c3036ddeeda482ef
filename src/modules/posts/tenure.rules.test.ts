import { describe, expect, it } from 'vitest';
import { addMonths, lastDayOfMonth, monthIndex, monthOfIndex } from '../../core/dates.ts';
import { RuleSet } from '../rules/registry.ts';
import { ruleDefinitions, shippedRules, type RuleKey } from '../rules/rules.catalog.ts';
import { retirementOf } from '../rules/retirement.rules.ts';
import type { RuleEntry } from '../rules/rules.resolve.ts';
import { retirementBirthWindow } from './retirement-window.ts';
import {
  localityCheck,
  retirementCheck,
  runOf,
  samePostCheck,
  serviceLeftCheck,
  termLimitCheck,
  type TenureAppointment,
} from './tenure.rules.ts';

const TAY_HO = '/1/7/';
const TAY_HO_DOC = 'Quy định của Quận ủy Tây Hồ về luân chuyển, sắp xếp cán bộ';
const national: RuleEntry[] = shippedRules.map((r, i) => ({
  id: i + 1,
  key: r.key,
  value: r.value,
  valueUnit: ruleDefinitions[r.key].valueUnit,
  document: r.document,
  article: r.article ?? '',
  unitPath: '',
  validFrom: r.validFrom,
  validTo: r.validTo ?? null,
}));
let nextId = 1000;
const entry = (
  key: RuleKey,
  value: number | string,
  validFrom: string,
  rest: Partial<RuleEntry> = {},
): RuleEntry => ({
  id: nextId++,
  key,
  value,
  valueUnit: ruleDefinitions[key].valueUnit,
  document: 'Văn bản thử nghiệm',
  article: '',
  unitPath: '',
  validFrom,
  validTo: null,
  ...rest,
});
const rules = new RuleSet([
  ...national,
  entry('tenure.max_months_head', 96, '2021-01-01', { unitPath: TAY_HO, document: TAY_HO_DOC }),
  entry('tenure.max_months_deputy', 60, '2021-01-01', { unitPath: TAY_HO, document: TAY_HO_DOC }),
]);

let seq = 0;
const appt = (over: Partial<TenureAppointment> = {}): TenureAppointment => ({
  id: ++seq,
  postTitleId: 1,
  postTitleName: 'Bí thư',
  unitId: 10,
  unitPath: '/1/5/10/',
  unitName: 'Đảng bộ xã Thử',
  startDate: '2015-07-01',
  endDate: null,
  term: '',
  level: 'head',
  isKey: true,
  ...over,
});
const limitOn = (a: TenureAppointment, date: string, all = [a], set = rules) =>
  termLimitCheck(a, runOf(a, all, set, date), set, date);

describe('addMonths', () => {
  it('keeps the day of the month, clamped to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2015-07-01', 120)).toBe('2025-07-01');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
});

describe('continuous run in the same post in the same place', () => {
  const first = appt({ startDate: '2010-01-01', endDate: '2015-06-30', term: '2010-2015' });
  it('joins a re-election after a gap up to tenure.consecutive_gap_days (31 days unheld)', () => {
    const second = appt({ startDate: '2015-08-01', term: '2015-2020' });
    const run = runOf(second, [first, second], rules, '2020-07-01');
    expect(run.since).toBe('2010-01-01');
    expect(run.terms).toBe(2);
    expect(run.months).toBe(126);
    expect(run.citations.map((c) => c.document)).toContain(
      'Quy tắc cảnh báo của CanBo (tham số do đơn vị điều chỉnh)',
    );
  });
  it('breaks the run on a gap of 32 days', () => {
    const second = appt({ startDate: '2015-08-02', term: '2015-2020' });
    const run = runOf(second, [first, second], rules, '2020-07-01');
    expect(run.since).toBe('2015-08-02');
    expect(run.terms).toBe(1);
  });
  it('joins only back-to-back appointments on dates before the gap rule was in force', () => {
    const second = appt({ startDate: '2015-07-31', term: '2015-2020' });
    expect(runOf(second, [first, second], rules, '2016-01-01').since).toBe('2015-07-31');
    const next = appt({ startDate: '2015-07-01', term: '2015-2020' });
    expect(runOf(next, [first, next], rules, '2016-01-01').since).toBe('2010-01-01');
  });
  it('does not join the same post in another unit', () => {
    const elsewhere = appt({ unitId: 11, startDate: '2015-07-01' });
    expect(runOf(elsewhere, [first, elsewhere], rules, '2016-01-01').since).toBe('2015-07-01');
  });
  it('estimates the terms from the length when terms are not written', () => {
    const run = runOf(appt({ startDate: '2013-01-01' }), [], rules, '2024-01-01');
    expect(run.terms).toBe(3); // 132 months / 60 → 3 terms
    expect(run.termsEstimated).toBe(true);
  });
});

describe('term limit of a key head post (QĐ 65: 120 months, 2 consecutive terms)', () => {
  const a = appt({ startDate: '2015-07-01', term: '2015-2020' });
  it('is ok before the warning window', () => {
    expect(limitOn(a, '2024-06-30').status).toBe('ok');
  });
  it('is near from 12 months (tenure.warning_months) before the limit', () => {
    const c = limitOn(a, '2024-07-01');
    expect(c.status).toBe('near');
    expect(c.dueDate).toBe('2025-07-01');
    expect(c.message).toContain('120 tháng theo Quy định 65-QĐ/TW');
  });
  it('is near, not over, exactly at the limit, and over the day after', () => {
    expect(limitOn(a, '2025-07-01').status).toBe('near');
    const over = limitOn(a, '2025-07-02');
    expect(over.status).toBe('over');
    expect(over.message).toContain('đã quá giới hạn từ 02/07/2025');
    expect(over.citations.map((x) => x.document)).toContain(
      'Quy định 65-QĐ/TW năm 2022 về luân chuyển cán bộ',
    );
  });
  it('is over after more consecutive terms than allowed', () => {
    const t1 = appt({ startDate: '2010-07-01', endDate: '2015-06-30', term: '2010-2015' });
    const t2 = appt({ startDate: '2015-07-01', endDate: '2020-06-30', term: '2015-2020' });
    const t3 = appt({ startDate: '2020-07-01', term: '2020-2025' });
    const c = limitOn(t3, '2023-01-01', [t1, t2, t3]);
    expect(c.status).toBe('over');
    expect(c.message).toContain('3 nhiệm kỳ liên tiếp > 2 nhiệm kỳ');
  });
  it('says when the second term is the last one', () => {
    const t1 = appt({ startDate: '2020-07-01', endDate: '2025-06-30', term: '2020-2025' });
    const t2 = appt({ startDate: '2025-07-01', term: '2025-2030' });
    const c = limitOn(t2, '2025-08-01', [t1, t2]);
    expect(c.status).toBe('ok');
    expect(c.message).toContain('nhiệm kỳ liên tiếp thứ 2/2');
  });
  it('uses the rule in force on each date when the regulation changes', () => {
    const changed = new RuleSet([
      ...national.map((e) =>
        e.key === 'tenure.max_months_head' ? { ...e, validTo: '2024-12-31' } : e,
      ),
      entry('tenure.max_months_head', 96, '2025-01-01', { document: 'Quy định mới thử nghiệm' }),
    ]);
    const b = appt({ startDate: '2017-01-01' });
    expect(limitOn(b, '2024-12-31', [b], changed).status).toBe('ok'); // 120 months: 01/01/2027
    const after = limitOn(b, '2025-01-02', [b], changed);
    expect(after.status).toBe('over');
    expect(after.message).toContain('96 tháng theo Quy định mới thử nghiệm');
  });
  it('does not limit a non-key head nationally', () => {
    const c = limitOn(appt({ isKey: false, postTitleName: 'Chủ tịch HĐND' }), '2030-01-01');
    expect(c.status).toBe('none');
  });
});

describe("Tây Hồ's local rule (heads 8 years, deputies 5 years)", () => {
  const deputy = appt({
    level: 'deputy',
    isKey: false,
    postTitleName: 'Phó Chủ tịch UBND',
    unitPath: `${TAY_HO}20/`,
    startDate: '2018-01-01',
  });
  it('has no deputy limit before the override starts', () => {
    expect(limitOn(deputy, '2020-12-31').status).toBe('none');
  });
  it('counts the months from the start even when the override starts mid-term', () => {
    expect(limitOn(deputy, '2021-01-01').status).toBe('ok');
    expect(limitOn(deputy, '2022-01-01').status).toBe('near');
    const over = limitOn(deputy, '2023-01-02');
    expect(over.status).toBe('over');
    expect(over.message).toContain(`60 tháng theo ${TAY_HO_DOC}`);
  });
  it('limits any head there, key or not, to 96 months', () => {
    const head = appt({ isKey: false, unitPath: `${TAY_HO}20/`, startDate: '2015-01-01' });
    expect(limitOn(head, '2023-01-01').status).toBe('near');
    expect(limitOn(head, '2023-01-02').status).toBe('over');
  });
  it('does not reach outside its subtree', () => {
    expect(limitOn({ ...deputy, unitPath: '/1/8/20/' }, '2024-01-01').status).toBe('none');
  });
});

describe('periodic change of position (NĐ 59/2019, 60 months) for non-key posts', () => {
  const staff = appt({ isKey: false, level: 'deputy', startDate: '2019-01-01' });
  it('is over after 60 months in the same place', () => {
    const run = (d: string) => runOf(staff, [staff], rules, d);
    expect(samePostCheck(staff, run('2024-01-01'), rules, '2024-01-01').status).toBe('near');
    const over = samePostCheck(staff, run('2024-01-02'), rules, '2024-01-02');
    expect(over.status).toBe('over');
    expect(over.citations[0]!.document).toContain('Nghị định 59/2019/NĐ-CP');
  });
  it('leaves key posts to the term limit', () => {
    const key = appt();
    expect(
      samePostCheck(key, runOf(key, [key], rules, '2030-01-01'), rules, '2030-01-01').status,
    ).toBe('none');
  });
});

describe('retirement and service left', () => {
  const man = { birthDate: '1966-04-10', gender: 'male' };
  it('warns within tenure.warning_months of the retirement date (30/04/2028)', () => {
    expect(retirementCheck(man, rules, '/1/', '2027-04-29').check.status).toBe('ok');
    const near = retirementCheck(man, rules, '/1/', '2027-04-30');
    expect(near.check.status).toBe('near');
    expect(near.check.message).toContain('hết ngày 30/04/2028 (đủ 62 tuổi)');
    expect(near.monthsLeft).toBe(12);
    expect(retirementCheck(man, rules, '/1/', '2028-05-01').check.status).toBe('retired');
  });
  it('refuses re-election with 41 months left < 48 (Chỉ thị 45-CT/TW)', () => {
    const r = retirementCheck(
      { birthDate: '1966-11-05', gender: 'male' },
      rules,
      '/1/',
      '2025-07-01',
    );
    expect(r.monthsLeft).toBe(41);
    const c = serviceLeftCheck(
      'congress.reelection_min_service_months',
      'tái cử cấp ủy',
      r,
      rules,
      '/1/',
      '2025-07-01',
    );
    expect(c.status).toBe('ineligible');
    expect(c.message).toMatch(/^Còn 41 tháng công tác < 48 tháng theo Chỉ thị 45-CT\/TW/);
  });
  it('accepts a first-time member with a full term left, exactly at 60 months', () => {
    // Retires 30/06/2030 (born 06/1968, 62 tuổi): on 01/07/2025 exactly 60 months are left.
    const r = retirementCheck(
      { birthDate: '1968-06-20', gender: 'male' },
      rules,
      '/1/',
      '2025-07-01',
    );
    expect(r.monthsLeft).toBe(60);
    const c = serviceLeftCheck(
      'congress.first_time_min_service_months',
      'tham gia cấp ủy lần đầu',
      r,
      rules,
      '/1/',
      '2025-07-01',
    );
    expect(c.status).toBe('ok');
  });
  it('has no verdict before Chỉ thị 45 was in force', () => {
    const r = retirementCheck(man, rules, '/1/', '2025-01-01');
    const c = serviceLeftCheck(
      'congress.reelection_min_service_months',
      'tái cử cấp ủy',
      r,
      rules,
      '/1/',
      '2025-01-01',
    );
    expect(c.status).toBe('unknown');
  });
});

describe('birth-date window of people retiring in a period', () => {
  const brute = (gender: 'male' | 'female', from: string, to: string) => {
    const hits: number[] = [];
    for (let m = monthIndex(from) - 80 * 12; m <= monthIndex(to) - 40 * 12; m++) {
      let retires: string;
      try {
        retires = retirementOf(
          { birthDate: `${monthOfIndex(m)}-01`, gender },
          rules,
          '/1/',
        ).retirementDate;
      } catch {
        continue; // before any retirement rule in the registry
      }
      if (retires >= from && retires <= to) hits.push(m);
    }
    return hits.length
      ? { from: `${monthOfIndex(hits[0]!)}-01`, to: lastDayOfMonth(monthOfIndex(hits.at(-1)!)) }
      : null;
  };
  it.each([
    ['male', '2025-11-15', '2026-11-15'],
    ['female', '2025-11-15', '2026-11-15'],
    ['male', '2021-01-01', '2021-03-31'],
    ['female', '2020-06-01', '2022-06-01'],
    ['male', '2030-01-01', '2040-12-31'],
  ] as const)('%s %s → %s matches a month-by-month search', (gender, from, to) => {
    expect(retirementBirthWindow(gender, rules, '/1/', from, to)).toEqual(brute(gender, from, to));
  });
  it('is empty when the schedule skips the period', () => {
    // Nobody's retirement date falls in January–March 2021 for men: the ages jumped.
    expect(retirementBirthWindow('male', rules, '/1/', '2021-01-01', '2021-03-30')).toBeNull();
  });
});

describe('local or not', () => {
  const place = { locality: 'Xã Tứ Hiệp', province: 'Hà Nội' };
  const home = (hometownCommune: string | null, hometownProvince: string | null = 'Hà Nội') => ({
    hometownCommune,
    hometownProvince,
    residence: 'Thôn Yên Ngưu, xã Tứ Hiệp, Hà Nội',
  });
  const on = (h: ReturnType<typeof home>, p = place, set = rules) =>
    localityCheck(h, p, set, '/1/5/', '2023-06-30');
  it('compares the commune of the quê quán for a commune-level unit, ignoring accents and prefixes', () => {
    expect(on(home('Xã Tứ Hiệp')).status).toBe('local');
    expect(on(home('tu hiep')).status).toBe('local');
    expect(on(home('Xã Tứ Hiệp, huyện Thanh Trì')).status).toBe('local');
    const other = on(home('Xã Ngũ Hiệp'));
    expect(other.status).toBe('nonlocal');
    expect(other.message).toBe(
      'Quê quán Xã Ngũ Hiệp, Hà Nội ngoài địa bàn Xã Tứ Hiệp: không là người địa phương',
    );
    expect(other.citations.map((c) => c.document)).toContain(
      'Quy định 65-QĐ/TW năm 2022 về luân chuyển cán bộ',
    );
  });
  it('needs the same province when both are known', () => {
    expect(on(home('Xã Tứ Hiệp', 'Nam Định')).status).toBe('nonlocal');
  });
  it('compares the province for a province-level unit', () => {
    const city = { locality: 'Hà Nội', province: 'Hà Nội' };
    expect(on(home('Xã Hải Hậu', 'Hà Nội'), city).status).toBe('local');
    expect(on(home('Xã Hải Hậu', 'Nam Định'), city).status).toBe('nonlocal');
  });
  it('cannot tell without a quê quán', () => {
    expect(on(home(null)).status).toBe('unknown');
  });
  it('does not call everyone non-local in a district-level unit (no district of quê quán)', () => {
    const district = { locality: 'Huyện Thanh Trì', province: 'Hà Nội' };
    const c = on(home('Xã Tứ Hiệp', 'Hà Nội'), district);
    expect(c.status).toBe('unknown');
    expect(c.message).toContain('Huyện Thanh Trì là địa bàn cấp huyện');
  });
  it('counts the residence only where the basis rule says so, and says what it cannot check', () => {
    expect(on(home('Xã Ngũ Hiệp')).status).toBe('nonlocal');
    const withResidence = new RuleSet([
      ...national,
      entry('nonlocal.basis', 'hometown_or_residence', '2020-01-01', { unitPath: '/1/' }),
    ]);
    const c = on(home('Xã Ngũ Hiệp'), place, withResidence);
    expect(c.status).toBe('local');
    expect(c.message).toContain('cư trú từ 10 năm');
    expect(c.message).toContain('chưa lưu ngày bắt đầu cư trú');
  });
});

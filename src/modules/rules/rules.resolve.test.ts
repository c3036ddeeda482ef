import { describe, expect, it } from 'vitest';
import { RuleSet } from './registry.ts';
import { formatRuleValue, resolveEntry, type RuleEntry } from './rules.resolve.ts';

let id = 0;
const entry = (over: Partial<RuleEntry>): RuleEntry => ({
  id: ++id,
  key: 'tenure.max_months_head',
  value: 120,
  valueUnit: 'months',
  document: 'Quy định 65-QĐ/TW',
  article: '',
  unitPath: '',
  validFrom: '2022-06-28',
  validTo: null,
  ...over,
});

describe('resolveEntry: the entry in force for a unit on a date', () => {
  const national = entry({});
  const city = entry({ unitPath: '/1/', value: 108, document: 'Quy định của Thành ủy' });
  const ward = entry({
    unitPath: '/1/7/',
    value: 96,
    document: 'Quy định của Quận ủy Tây Hồ',
    validFrom: '2023-03-15',
  });
  const all = [national, city, ward];

  it('takes the deepest subtree that contains the unit', () => {
    expect(resolveEntry(all, 'tenure.max_months_head', '/1/7/42/', '2024-01-01')).toBe(ward);
    expect(resolveEntry(all, 'tenure.max_months_head', '/1/8/', '2024-01-01')).toBe(city);
    expect(resolveEntry(all, 'tenure.max_months_head', '/2/', '2024-01-01')).toBe(national);
  });

  it('an override that starts mid-term applies from its first day only', () => {
    expect(resolveEntry(all, 'tenure.max_months_head', '/1/7/42/', '2023-03-14')).toBe(city);
    expect(resolveEntry(all, 'tenure.max_months_head', '/1/7/42/', '2023-03-15')).toBe(ward);
  });

  it('a path that merely starts with the same digits is not inside the subtree', () => {
    expect(resolveEntry(all, 'tenure.max_months_head', '/1/70/', '2024-01-01')).toBe(city);
  });

  it('a rule changed between two dates gives each date the value then in force', () => {
    const old = entry({ key: 'k', value: 10, validFrom: '2020-01-01', validTo: '2024-12-31' });
    const next = entry({ key: 'k', value: 12, validFrom: '2025-01-01' });
    expect(resolveEntry([old, next], 'k', '/1/', '2024-12-31')?.value).toBe(10);
    expect(resolveEntry([old, next], 'k', '/1/', '2025-01-01')?.value).toBe(12);
    expect(resolveEntry([old, next], 'k', '/1/', '2019-12-31')).toBeUndefined();
  });

  it('an ended override falls back to the level above', () => {
    const ended = entry({ unitPath: '/1/', value: 60, validTo: '2023-12-31' });
    expect(resolveEntry([national, ended], 'tenure.max_months_head', '/1/5/', '2024-01-01')).toBe(
      national,
    );
  });
});

describe('RuleSet', () => {
  const set = new RuleSet([entry({ value: 120, article: 'Điều 5' })]);

  it('get returns the value with its citation', () => {
    const r = set.get('tenure.max_months_head', '/1/', '2025-01-01');
    expect(r.value).toBe(120);
    expect(r.citation).toEqual({
      rule: 'Cấp trưởng giữ một chức vụ không quá',
      document: 'Quy định 65-QĐ/TW, Điều 5',
    });
  });

  it('get refuses to answer when no entry is in force; find returns nothing', () => {
    expect(() => set.get('tenure.max_months_head', '/1/', '2020-01-01')).toThrow(
      /Chưa có quy định/,
    );
    expect(set.find('tenure.max_months_deputy', '/1/', '2025-01-01')).toBeUndefined();
  });
});

describe('formatRuleValue', () => {
  it('writes values the Vietnamese way with their unit', () => {
    expect(formatRuleValue(48, 'months')).toBe('48 tháng');
    expect(formatRuleValue(14.08, 'percent')).toBe('14,08%');
    expect(formatRuleValue('2025-07', 'month')).toBe('07/2025');
  });
});

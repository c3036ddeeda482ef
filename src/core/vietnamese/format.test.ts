import { describe, it, expect } from 'vitest';
import { formatDate, formatNumber, formatPercent, parseDate } from './format.ts';

describe('formatDate', () => {
  it('formats ISO date strings without timezone shift', () => {
    expect(formatDate('2024-01-05')).toBe('05/01/2024');
    expect(formatDate('1975-04-30')).toBe('30/04/1975');
    expect(formatDate('2024-12-31T23:30:00Z')).toBe('31/12/2024');
  });

  it('formats Date objects in local time', () => {
    expect(formatDate(new Date(2024, 1, 29))).toBe('29/02/2024');
    expect(formatDate(new Date(1945, 8, 2, 23, 59))).toBe('02/09/1945');
  });

  it('returns empty string for missing or invalid input', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('05/01/2024')).toBe('');
    expect(formatDate(new Date('not a date'))).toBe('');
  });
});

describe('parseDate', () => {
  it('parses dd/mm/yyyy into ISO', () => {
    expect(parseDate('05/01/2024')).toBe('2024-01-05');
    expect(parseDate('30/04/1975')).toBe('1975-04-30');
    expect(parseDate(' 5/1/2024 ')).toBe('2024-01-05');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
  });

  it('rejects dates that do not exist', () => {
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('29/02/1900')).toBeNull();
    expect(parseDate('31/04/2024')).toBeNull();
    expect(parseDate('00/01/2024')).toBeNull();
    expect(parseDate('01/13/2024')).toBeNull();
    expect(parseDate('01/00/2024')).toBeNull();
    expect(parseDate('01/01/0000')).toBeNull();
  });

  it('rejects malformed input', () => {
    expect(parseDate('')).toBeNull();
    expect(parseDate('2024-01-05')).toBeNull();
    expect(parseDate('05/01/24')).toBeNull();
    expect(parseDate('05/01/2024x')).toBeNull();
    expect(parseDate('a5/01/2024')).toBeNull();
    expect(parseDate('123/01/2024')).toBeNull();
  });

  it('round-trips with formatDate', () => {
    for (const iso of ['2024-01-05', '1999-12-31', '2000-02-29']) {
      expect(parseDate(formatDate(iso))).toBe(iso);
    }
  });
});

describe('formatNumber', () => {
  it('uses . for thousands and , for decimals', () => {
    expect(formatNumber(12405)).toBe('12.405');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234567.891)).toBe('1.234.567,891');
    expect(formatNumber(-1234567)).toBe('-1.234.567');
    expect(formatNumber(14.0845, 2)).toBe('14,08');
    expect(formatNumber(3, 2)).toBe('3,00');
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(1 / 3)).toBe('0,333');
  });

  it('never shows a negative zero and handles non-finite input', () => {
    expect(formatNumber(-0.001, 2)).toBe('0,00');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
  });

  const hasVi = Intl.NumberFormat.supportedLocalesOf(['vi-VN']).length > 0;
  it.skipIf(!hasVi)('matches Intl.NumberFormat("vi-VN")', () => {
    const values = [0, 7, 12405, 1000000, -98765.4321, 0.5, 14.08450704, 53.125, 123456789.987];
    for (const digits of [undefined, 0, 1, 2, 3]) {
      const intl = new Intl.NumberFormat(
        'vi-VN',
        digits === undefined
          ? {}
          : { minimumFractionDigits: digits, maximumFractionDigits: digits },
      );
      for (const v of values) expect(formatNumber(v, digits)).toBe(intl.format(v));
    }
  });
});

describe('formatPercent', () => {
  it('formats part/whole as a Vietnamese percentage', () => {
    expect(formatPercent(10, 71)).toBe('14,08%');
    expect(formatPercent(17, 32, 1)).toBe('53,1%');
    expect(formatPercent(1, 1)).toBe('100,00%');
    expect(formatPercent(0, 5)).toBe('0,00%');
    expect(formatPercent(1, 3, 0)).toBe('33%');
  });

  it('returns empty string when the whole is zero', () => {
    expect(formatPercent(0, 0)).toBe('');
    expect(formatPercent(3, 0)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { RuleSet } from './registry.ts';
import { ruleDefinitions, shippedRules } from './rules.catalog.ts';
import { formatAge, retirementOf, serviceMonthsLeft } from './retirement.rules.ts';

const shipped = new RuleSet(
  shippedRules.map((r, i) => ({
    id: i + 1,
    key: r.key,
    value: r.value,
    valueUnit: ruleDefinitions[r.key].valueUnit,
    document: r.document,
    article: r.article ?? '',
    unitPath: '',
    validFrom: r.validFrom,
    validTo: r.validTo ?? null,
  })),
);
const at = (birthDate: string, gender: 'male' | 'female') =>
  retirementOf({ birthDate, gender }, shipped, '/1/');

describe('statutory retirement age (BLLĐ 2019, NĐ 135/2020 appendix I)', () => {
  // Rows of the appendix: birth month → age → the month retirement falls in.
  it.each([
    ['1960-12-20', 'male', '60 tuổi', '2020-12'],
    ['1961-01-01', 'male', '60 tuổi 3 tháng', '2021-04'],
    ['1961-09-30', 'male', '60 tuổi 3 tháng', '2021-12'],
    ['1961-10-01', 'male', '60 tuổi 6 tháng', '2022-04'],
    ['1962-06-15', 'male', '60 tuổi 6 tháng', '2022-12'],
    ['1962-07-15', 'male', '60 tuổi 9 tháng', '2023-04'],
    ['1966-01-01', 'male', '61 tuổi 9 tháng', '2027-10'],
    ['1966-04-10', 'male', '62 tuổi', '2028-04'],
    ['1975-08-02', 'male', '62 tuổi', '2037-08'],
    ['1965-12-31', 'female', '55 tuổi', '2020-12'],
    ['1966-01-01', 'female', '55 tuổi 4 tháng', '2021-05'],
    ['1966-08-31', 'female', '55 tuổi 4 tháng', '2021-12'],
    ['1966-09-01', 'female', '55 tuổi 8 tháng', '2022-05'],
    ['1970-05-17', 'female', '57 tuổi 4 tháng', '2027-09'],
    ['1975-05-01', 'female', '60 tuổi', '2035-05'],
    ['1980-05-17', 'female', '60 tuổi', '2040-05'],
  ] as const)('born %s (%s): %s, in %s', (birth, gender, age, month) => {
    const r = at(birth, gender);
    expect(formatAge(r.ageMonths)).toBe(age);
    expect(r.reachMonth).toBe(month);
  });

  it('retires at the end of the last day of the month and is paid from the next', () => {
    const r = at('1961-10-01', 'male');
    expect(r.retirementDate).toBe('2022-04-30');
    expect(r.pensionFrom).toBe('2022-05-01');
  });

  it('cites the labour code, the decree and the timing rule', () => {
    const docs = at('1970-05-17', 'female').citations.map((c) => c.document);
    expect(docs.some((d) => d.includes('Bộ luật Lao động 2019'))).toBe(true);
    expect(docs.some((d) => d.includes('135/2020'))).toBe(true);
  });

  it('people who reached the age before 2021 keep the 2012 code', () => {
    const r = at('1958-03-03', 'male');
    expect(r.reachMonth).toBe('2018-03');
    expect(r.citations.some((c) => c.document.includes('2012'))).toBe(true);
  });

  it('early or late retirement moves the month by the given months', () => {
    expect(
      retirementOf({ birthDate: '1970-05-17', gender: 'female' }, shipped, '/', -24).reachMonth,
    ).toBe('2025-09');
  });
});

describe('months of service left', () => {
  const r = at('1966-01-01', 'male'); // retires 31/10/2027
  it('counts whole months to the retirement date', () => {
    expect(serviceMonthsLeft(r, '2027-10-01')).toBe(1);
    expect(serviceMonthsLeft(r, '2027-10-02')).toBe(0);
    expect(serviceMonthsLeft(r, '2025-07-01')).toBe(28);
    expect(serviceMonthsLeft(r, '2030-01-01')).toBe(0);
  });
  it('exactly 48 months before the end is 48', () => {
    expect(serviceMonthsLeft(r, '2023-11-01')).toBe(48);
    expect(serviceMonthsLeft(r, '2023-11-02')).toBe(47);
  });
});

import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../rules/registry.ts';
import {
  ageOn,
  disciplineCheck,
  dossierCheck,
  isEthnicMinority,
  percentOf,
  planStructure,
  serviceCheck,
} from './plan.rules.ts';

const rules = shippedRuleSet();
const path = '/1/';

describe('percentages as the minutes print them', () => {
  it('reproduces seed 001: 81 for 71 seats, 47 re-elected, 34 first-time', () => {
    expect(percentOf(10, 71)).toBe(14.08);
    expect(percentOf(47, 81)).toBe(58.02);
    expect(percentOf(34, 81)).toBe(41.98);
    expect(percentOf(1, 0)).toBe(0);
  });
});

describe('age at the reference month', () => {
  it('counts whole years, the birthday month included', () => {
    expect(ageOn('1980-07-01', '2025-07-01')).toBe(45);
    expect(ageOn('1980-07-02', '2025-07-01')).toBe(44);
  });
});

describe('service left (CT 45): a full term for the first time, 48 months for re-election', () => {
  // A man born 05/1966 retires at 61y9m in 02/2028 (BLLĐ 2019 schedule): about 31 months left
  // at 07/2025 — too little either way.
  it('refuses a man retiring in 2028 both ways', () => {
    const first = serviceCheck(
      { birthDate: '1966-05-10', gender: 'male', reelected: false },
      '2025-07',
      path,
      rules,
    );
    const again = serviceCheck(
      { birthDate: '1966-05-10', gender: 'male', reelected: true },
      '2025-07',
      path,
      rules,
    );
    expect(first.status).toBe('ineligible');
    expect(again.status).toBe('ineligible');
    expect(again.message).toContain('48 tháng');
    expect(again.citations.map((c) => c.document).join()).toContain('45-CT/TW');
  });

  it('lets someone with 4–5 years left be re-elected but not start', () => {
    // Born 03/1968: retires at 62 in 03/2030 → 56 months from 07/2025.
    const p = { birthDate: '1968-03-15', gender: 'male' };
    expect(serviceCheck({ ...p, reelected: true }, '2025-07', path, rules).status).toBe('ok');
    expect(serviceCheck({ ...p, reelected: false }, '2025-07', path, rules).status).toBe(
      'ineligible',
    );
  });

  it('passes a young first-timer, and says when gender is unknown', () => {
    expect(
      serviceCheck(
        { birthDate: '1985-01-01', gender: 'female', reelected: false },
        '2025-07',
        path,
        rules,
      ).status,
    ).toBe('ok');
    expect(
      serviceCheck(
        { birthDate: '1985-01-01', gender: 'other', reelected: false },
        '2025-07',
        path,
        rules,
      ).status,
    ).toBe('unknown');
  });
});

describe('discipline and dossier', () => {
  it('never reports a clean record to someone who cannot read it', () => {
    expect(disciplineCheck(null).status).toBe('unknown');
    expect(disciplineCheck([]).status).toBe('ok');
    const c = disciplineCheck([{ form: 'Khiển trách', from: '2019-03-01', to: null }]);
    expect(c.status).toBe('near');
    expect(c.message).toContain('Khiển trách (01/03/2019)');
  });

  it('names what the dossier lacks', () => {
    expect(dossierCheck({ required: 11, verified: 11, missing: [] }, 'QĐ 190').status).toBe('ok');
    const c = dossierCheck(
      { required: 11, verified: 9, missing: ['Bản tự kiểm điểm', 'Phiếu lý lịch'] },
      'QĐ 190',
    );
    expect(c.status).toBe('ineligible');
    expect(c.message).toContain('9/11');
    expect(c.message).toContain('Bản tự kiểm điểm');
  });
});

describe('structure of the list', () => {
  const person = (gender: string, birthDate: string, reelected: boolean, ethnicity = 'Kinh') => ({
    gender,
    birthDate,
    reelected,
    ethnicity,
  });
  const opts = {
    bodyKind: 'executive_committee' as const,
    referenceMonth: '2025-09',
    unitPath: path,
    rules,
    standingWomen: 0,
  };

  it('checks women ≥ 15% and a woman in the standing committee', () => {
    const people = [
      ...Array.from({ length: 6 }, () => person('male', '1975-01-01', true)),
      person('female', '1990-01-01', false, 'Tày'),
    ];
    const lines = planStructure(people, opts);
    const get = (k: string) => lines.find((l) => l.key === k)!;
    expect(get('women').count).toBe(1);
    expect(get('women').percent).toBe(14.29);
    expect(get('women').check!.status).toBe('ineligible');
    expect(get('standing_woman').check!.status).toBe('ineligible');
    expect(get('young').count).toBe(1);
    expect(get('ethnic_minority').count).toBe(1);
    expect(get('reelected').count).toBe(6);
    expect(get('first_time').count).toBe(1);
    const more = planStructure([...people, person('female', '1980-01-01', false)], {
      ...opts,
      standingWomen: 1,
    });
    expect(more.find((l) => l.key === 'women')!.check!.status).toBe('ok');
    expect(more.find((l) => l.key === 'standing_woman')!.check!.status).toBe('ok');
  });

  it('does not judge the share of women for bodies other than the committee', () => {
    const lines = planStructure([person('male', '1975-01-01', true)], {
      ...opts,
      bodyKind: 'inspection_committee',
    });
    expect(lines.find((l) => l.key === 'women')!.check).toBeNull();
    expect(lines.find((l) => l.key === 'standing_woman')).toBeUndefined();
    expect(isEthnicMinority('Kinh')).toBe(false);
    expect(isEthnicMinority('Mường')).toBe(true);
  });
});

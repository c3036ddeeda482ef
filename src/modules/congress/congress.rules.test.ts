import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../rules/registry.ts';
import {
  ageReferenceKey,
  checkBodies,
  checkDates,
  checkReplacement,
  checkRole,
  checkStatusChange,
  defaultAgeReferenceMonth,
  looksLikeCardCode,
  memberRoleOf,
  newCardCode,
  seatChecks,
} from './congress.rules.ts';

const rules = shippedRuleSet();
const commune = { type: 'commune', path: '/1/2/' };

describe('age reference month (CT 45)', () => {
  it('follows the level of the unit', () => {
    expect(ageReferenceKey('province')).toBe('congress.age_reference_month.province');
    expect(ageReferenceKey('commune')).toBe('congress.age_reference_month.commune');
    expect(ageReferenceKey('grassroots_cell')).toBe('congress.age_reference_month.grassroots');
    expect(defaultAgeReferenceMonth('commune', '/1/', '2025-07-20', rules)?.value).toBe('2025-07');
    expect(defaultAgeReferenceMonth('province', '/1/', '2025-10-01', rules)?.value).toBe('2025-09');
    const g = defaultAgeReferenceMonth('grassroots_committee', '/1/', '2025-05-01', rules);
    expect(g?.value).toBe('2025-04');
    expect(g?.citation.document).toContain('45-CT/TW');
  });

  it('has none before the directive', () => {
    expect(defaultAgeReferenceMonth('commune', '/1/', '2020-01-01', rules)).toBeUndefined();
  });
});

describe('seat counts against the registry', () => {
  const body = (kind: 'executive_committee' | 'standing_committee', seats: number) => ({
    kind,
    name: kind === 'executive_committee' ? 'Ban Chấp hành' : 'Ban Thường vụ',
    seats,
  });

  it('warns outside 27–33 and 9–11 at commune level, at the edges it is fine', () => {
    const checks = seatChecks(
      [body('executive_committee', 27), body('standing_committee', 12)],
      commune,
      '2025-07-20',
      rules,
    );
    expect(checks.map((c) => c.status)).toEqual(['ok', 'over']);
    expect(checks[1]!.message).toContain('9–11 người');
    expect(checks[1]!.citations[0]!.document).toContain('45-CT/TW');
    const edges = seatChecks(
      [body('executive_committee', 33), body('standing_committee', 9)],
      commune,
      '2025-07-20',
      rules,
    );
    expect(edges.every((c) => c.status === 'ok')).toBe(true);
    expect(
      seatChecks([body('executive_committee', 26)], commune, '2025-07-20', rules)[0]!.status,
    ).toBe('over');
  });

  it('has no range for other levels', () => {
    expect(
      seatChecks(
        [body('executive_committee', 71)],
        { type: 'province', path: '/1/' },
        '2025-10-01',
        rules,
      ),
    ).toEqual([]);
  });
});

describe('bodies and dates', () => {
  it('refuses two secretaries, a secretary of 2 seats, a kind twice', () => {
    expect(checkBodies([{ kind: 'secretary', seats: 2 }]).ok).toBe(false);
    expect(
      checkBodies([
        { kind: 'secretary', seats: 1 },
        { kind: 'secretary', seats: 1 },
      ]).ok,
    ).toBe(false);
    expect(
      checkBodies([
        { kind: 'executive_committee', seats: 9 },
        { kind: 'executive_committee', seats: 3 },
      ]).ok,
    ).toBe(false);
    expect(
      checkBodies([
        { kind: 'executive_committee', seats: 9 },
        { kind: 'secretary', seats: 1 },
      ]).ok,
    ).toBe(true);
  });

  it('refuses an end before the start, allows one day', () => {
    expect(checkDates('2025-07-10', '2025-07-09').ok).toBe(false);
    expect(checkDates('2025-07-10', '2025-07-10').ok).toBe(true);
  });
});

describe('people summoned', () => {
  it('matches roles to the kind of congress', () => {
    expect(checkRole('members', 'delegate').ok).toBe(false);
    expect(checkRole('delegates', 'full_member').ok).toBe(false);
    expect(checkRole('delegates', 'alternate').ok).toBe(true);
    expect(checkRole('members', 'probationary_member').ok).toBe(true);
    expect(memberRoleOf('full')).toBe('full_member');
    expect(memberRoleOf('probationary')).toBe('probationary_member');
    expect(memberRoleOf('transferred_out')).toBeNull();
  });

  const absentDelegate = {
    role: 'delegate' as const,
    status: 'absent_excused' as const,
    replacedByAttendeeId: null,
  };
  const freeAlternate = {
    role: 'alternate' as const,
    status: 'present' as const,
    alreadyReplacing: false,
  };

  it('lets a free alternate replace an absent delegate, and nothing else', () => {
    expect(checkReplacement(absentDelegate, freeAlternate).ok).toBe(true);
    expect(checkReplacement({ ...absentDelegate, status: 'present' }, freeAlternate).ok).toBe(
      false,
    );
    expect(checkReplacement({ ...absentDelegate, replacedByAttendeeId: 3 }, freeAlternate).ok).toBe(
      false,
    );
    expect(checkReplacement({ ...absentDelegate, role: 'alternate' }, freeAlternate).ok).toBe(
      false,
    );
    expect(checkReplacement(absentDelegate, { ...freeAlternate, role: 'delegate' }).ok).toBe(false);
    expect(checkReplacement(absentDelegate, { ...freeAlternate, alreadyReplacing: true }).ok).toBe(
      false,
    );
    expect(
      checkReplacement(absentDelegate, { ...freeAlternate, status: 'absent_excused' }).ok,
    ).toBe(false);
  });

  it('keeps "replaced" tied to an actual replacement', () => {
    expect(checkStatusChange({ role: 'delegate', replacedByAttendeeId: null }, 'replaced').ok).toBe(
      false,
    );
    expect(checkStatusChange({ role: 'delegate', replacedByAttendeeId: 5 }, 'present').ok).toBe(
      false,
    );
    expect(checkStatusChange({ role: 'delegate', replacedByAttendeeId: null }, 'present').ok).toBe(
      true,
    );
  });

  it('makes card codes a scanner can type back', () => {
    let i = 0;
    const code = newCardCode(12, () => (i++ % 10) / 10);
    expect(code).toMatch(/^DH12-[A-Z2-9]{6}$/);
    expect(code.slice(5)).not.toMatch(/[01IO]/);
    expect(looksLikeCardCode(code)).toBe(true);
    expect(looksLikeCardCode('nguyen van a')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canBindToUnit,
  canChangeOwnAccount,
  canGrantPermissions,
  canLinkMember,
  normalizePermissions,
  normalizeRoles,
  type MemberFacts,
  type UnitFacts,
} from './accounts.rules.ts';

const unit: UnitFacts = { id: 7, path: '/1/7/', status: 'active' };
const member = (overrides: Partial<MemberFacts> = {}): MemberFacts => ({
  id: 99,
  unitPath: '/1/7/42/',
  status: 'full',
  archived: false,
  ...overrides,
});

describe('canBindToUnit', () => {
  it('accepts an active unit', () => {
    expect(canBindToUnit(unit).ok).toBe(true);
  });

  it.each(['merged', 'split', 'dissolved'])('refuses a %s unit', (status) => {
    const v = canBindToUnit({ ...unit, status });
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/hết hiệu lực/);
  });
});

describe('canLinkMember', () => {
  it('requires a member record for the member role', () => {
    const v = canLinkMember(['member'], unit, null);
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/phải gắn với một hồ sơ đảng viên/);
  });

  it('lets staff roles go without a member record', () => {
    expect(canLinkMember(['officer'], unit, null).ok).toBe(true);
    expect(canLinkMember(['admin', 'reader'], unit, null).ok).toBe(true);
  });

  it('accepts a member in the unit itself or below it', () => {
    expect(canLinkMember(['member'], unit, member({ unitPath: '/1/7/' })).ok).toBe(true);
    expect(canLinkMember(['member'], unit, member({ unitPath: '/1/7/42/' })).ok).toBe(true);
  });

  it('refuses a member outside the account subtree, whatever the roles', () => {
    for (const unitPath of ['/1/', '/1/8/', '/1/70/']) {
      expect(canLinkMember(['member'], unit, member({ unitPath })).ok).toBe(false);
      expect(canLinkMember(['officer'], unit, member({ unitPath })).ok).toBe(false);
    }
  });

  it('gives the member role only to current members', () => {
    for (const status of ['transferred_out', 'deceased', 'expelled', 'removed', 'resigned']) {
      expect(canLinkMember(['member'], unit, member({ status })).ok).toBe(false);
    }
    expect(canLinkMember(['member'], unit, member({ status: 'probationary' })).ok).toBe(true);
    expect(canLinkMember(['member'], unit, member({ archived: true })).ok).toBe(false);
  });

  it('lets an officer stay linked to their own record after it leaves active status', () => {
    expect(canLinkMember(['officer'], unit, member({ status: 'transferred_out' })).ok).toBe(true);
  });
});

describe('canChangeOwnAccount', () => {
  const current = { unitId: 7 };

  it('allows harmless changes to oneself', () => {
    expect(canChangeOwnAccount(current, {}).ok).toBe(true);
    expect(canChangeOwnAccount(current, { roles: ['admin', 'officer'] }).ok).toBe(true);
    expect(canChangeOwnAccount(current, { active: true, unitId: 7 }).ok).toBe(true);
  });

  it('refuses dropping one’s own admin role', () => {
    const v = canChangeOwnAccount(current, { roles: ['officer'] });
    expect(v.ok).toBe(false);
    expect(v.field).toBe('roles');
    expect(v.message).toMatch(/Quản trị hệ thống/);
  });

  it('refuses deactivating oneself', () => {
    const v = canChangeOwnAccount(current, { active: false });
    expect(v).toMatchObject({ ok: false, field: 'active' });
  });

  it('refuses moving oneself to another unit', () => {
    expect(canChangeOwnAccount(current, { unitId: 8 })).toMatchObject({
      ok: false,
      field: 'unitId',
    });
  });
});

describe('normalizeRoles', () => {
  it('orders roles as the contract lists them and drops repeats', () => {
    expect(normalizeRoles(['member', 'admin', 'member', 'officer'])).toEqual([
      'admin',
      'officer',
      'member',
    ]);
  });
});

describe('canGrantPermissions', () => {
  it('grants the protected-résumé permission to staff accounts only, and lists it once', () => {
    expect(canGrantPermissions(['member'], []).ok).toBe(true);
    expect(canGrantPermissions(['reader'], ['sensitive']).ok).toBe(true);
    expect(canGrantPermissions(['officer', 'member'], ['sensitive']).ok).toBe(true);
    const refused = canGrantPermissions(['member'], ['sensitive']);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('phần mật');
    expect(refused.citations[0]!.document).toBe('Quy định phân quyền của CanBo');
    expect(normalizePermissions(['sensitive', 'sensitive'])).toEqual(['sensitive']);
  });

  it('refuses it to counting-committee accounts, which only enter ballots', () => {
    expect(canGrantPermissions(['counter'], ['sensitive']).ok).toBe(false);
    expect(canGrantPermissions(['counter', 'reader'], ['sensitive']).ok).toBe(true);
  });
});

describe('every account refusal says which rule and document it used', () => {
  it('cites a source', () => {
    const unit = { id: 1, path: '/1/', status: 'active' };
    const refusals = [
      canBindToUnit({ ...unit, status: 'merged' }),
      canLinkMember(['member'], unit, null),
      canLinkMember(['officer'], unit, { id: 1, unitPath: '/2/', status: 'full', archived: false }),
      canLinkMember(['member'], unit, {
        id: 1,
        unitPath: '/1/',
        status: 'deceased',
        archived: false,
      }),
      canChangeOwnAccount({ unitId: 1 }, { roles: ['officer'] }),
      canChangeOwnAccount({ unitId: 1 }, { active: false }),
      canChangeOwnAccount({ unitId: 1 }, { unitId: 2 }),
    ];
    for (const v of refusals) {
      expect(v.ok, v.message).toBe(false);
      expect(v.citations[0]?.document, v.message).toBeTruthy();
    }
  });
});

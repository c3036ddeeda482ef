import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDto } from '../../contracts/accounts.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  TEST_PASSWORD,
  type Client,
  type UnitRow,
} from '../../testing/factories.ts';
import { users } from './accounts.schema.ts';
import { ensureAdmin } from './accounts.service.ts';

// Login is rate-limited (20 a minute per address) and every test here shares one app, so the
// tests sign in sparingly.

let t: TestApp;
let city: UnitRow;
let wardA: UnitRow;
let cellA: UnitRow;
let wardB: UnitRow;
let cityAdmin: Client;
let cityAdminId: number;
let wardAdmin: Client;
let officer: Client;
let reader: Client;
let seq = 0;

type Page = { items: AccountDto[]; total: number; totalIsCapped: boolean };
type ErrorBody = { error: string; message: string; fields?: { field: string; label: string }[] };

const newAccount = (overrides: Record<string, unknown> = {}) => ({
  username: `tk.thu${++seq}`,
  displayName: `Người dùng thử ${seq}`,
  password: 'mat-khau-moi-rat-dai',
  unitId: cellA.id,
  roles: ['officer'],
  ...overrides,
});

async function create(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/accounts', newAccount(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AccountDto>();
}

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  wardA = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Tây Hồ', type: 'commune' });
  cellA = await makeUnit(t.db, { parent: wardA, name: 'Chi bộ Khu dân cư số 1', type: 'cell' });
  wardB = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Ba Đình', type: 'commune' });
  const admin = await makeUser(t.db, city, { roles: ['admin'] });
  cityAdminId = admin.id;
  cityAdmin = await signIn(t.app, admin.username);
  wardAdmin = await signIn(t.app, (await makeUser(t.db, wardA, { roles: ['admin'] })).username);
  officer = await signIn(t.app, (await makeUser(t.db, city, { roles: ['officer'] })).username);
  reader = await signIn(t.app, (await makeUser(t.db, city, { roles: ['reader'] })).username);
});
afterAll(() => t.close());

describe('creating accounts', () => {
  it('an admin creates an officer in a sub-unit, who can then sign in to that unit', async () => {
    const res = await cityAdmin.post('/api/accounts', newAccount({ username: 'Can.Bo.TayHo' }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<AccountDto>();
    expect(body).toMatchObject({
      username: 'can.bo.tayho',
      unitId: cellA.id,
      unitName: 'Chi bộ Khu dân cư số 1',
      roles: ['officer'],
      memberId: null,
      active: true,
      lockedUntil: null,
      lastLoginAt: null,
      version: 1,
    });
    expect(res.body).not.toMatch(/password/i);

    const newcomer = await signIn(t.app, 'can.bo.tayho', 'mat-khau-moi-rat-dai');
    const me = await newcomer.get('/api/auth/me');
    expect(me.json()).toMatchObject({
      username: 'can.bo.tayho',
      unitId: cellA.id,
      unitName: 'Chi bộ Khu dân cư số 1',
      roles: ['officer'],
    });
  });

  it('refuses a username that exists, naming the field', async () => {
    await create(cityAdmin, { username: 'trung.ten' });
    const res = await cityAdmin.post('/api/accounts', newAccount({ username: 'TRUNG.TEN' }));
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.message).toContain('Tên đăng nhập đã tồn tại');
    expect(body.fields?.[0]).toMatchObject({ field: 'username', label: 'Tên đăng nhập' });
  });

  it('refuses a weak password', async () => {
    const res = await cityAdmin.post('/api/accounts', newAccount({ password: 'ngan' }));
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.message).toContain('Mật khẩu');
    expect(body.fields?.[0]?.field).toBe('password');
  });

  it('refuses a unit outside the admin subtree', async () => {
    const res = await wardAdmin.post('/api/accounts', newAccount({ unitId: wardB.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().fields?.[0]?.field).toBe('unitId');
  });

  it('ties a member-role account to a current member of its own subtree', async () => {
    const inCell = await makeMember(t.db, cellA);
    const inWardA = await makeMember(t.db, wardA);
    const inWardB = await makeMember(t.db, wardB);
    const gone = await makeMember(t.db, cellA, { status: 'transferred_out' });

    const cases: [Record<string, unknown>, string][] = [
      [{ roles: ['member'] }, 'phải gắn với một hồ sơ đảng viên'],
      [{ roles: ['member'], memberId: inWardB.id }, 'nằm ngoài phạm vi'],
      [{ roles: ['member'], memberId: inWardA.id }, 'phải thuộc tổ chức của tài khoản'],
      [{ roles: ['member'], memberId: gone.id }, 'đang sinh hoạt'],
    ];
    for (const [overrides, message] of cases) {
      const res = await wardAdmin.post('/api/accounts', newAccount(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json<ErrorBody>().fields?.[0]?.field).toBe('memberId');
      expect(res.json<ErrorBody>().message).toContain(message);
    }

    const ok = await create(wardAdmin, { roles: ['member'], memberId: inCell.id });
    expect(ok.memberId).toBe(inCell.id);
    const again = await wardAdmin.post(
      '/api/accounts',
      newAccount({ roles: ['member'], memberId: inCell.id }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json<ErrorBody>().message).toContain('đã có tài khoản');
  });
});

describe('who may manage accounts', () => {
  it('answers 403 to non-admins on every accounts route', async () => {
    const target = await create(cityAdmin);
    for (const client of [officer, reader]) {
      const answers = [
        await client.get('/api/accounts'),
        await client.get(`/api/accounts/${target.id}`),
        await client.post('/api/accounts', newAccount()),
        await client.patch(`/api/accounts/${target.id}`, {
          version: target.version,
          displayName: 'Đổi tên',
        }),
        await client.post(`/api/accounts/${target.id}/password`, { password: 'mat-khau-khac-dai' }),
        await client.post(`/api/accounts/${target.id}/unlock`),
      ];
      expect(answers.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    }
  });

  it('keeps an admin of one subtree away from accounts of another', async () => {
    const inB = await create(cityAdmin, { unitId: wardB.id });
    const inA = await create(cityAdmin, { unitId: cellA.id });

    const list = (await wardAdmin.get('/api/accounts?pageSize=200')).json<Page>();
    const ids = list.items.map((a) => a.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    expect(ids).not.toContain(cityAdminId);
    expect(list.items.every((a) => [wardA.id, cellA.id].includes(a.unitId))).toBe(true);

    const answers = [
      await wardAdmin.get(`/api/accounts/${inB.id}`),
      await wardAdmin.patch(`/api/accounts/${inB.id}`, { version: inB.version, active: false }),
      await wardAdmin.post(`/api/accounts/${inB.id}/password`, { password: 'mat-khau-khac-dai' }),
      await wardAdmin.post(`/api/accounts/${inB.id}/unlock`),
      await wardAdmin.patch(`/api/accounts/${cityAdminId}`, { version: 1, roles: ['reader'] }),
      // Moving an own account out of reach is refused too.
      await wardAdmin.patch(`/api/accounts/${inA.id}`, { version: inA.version, unitId: wardB.id }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 400]);

    const untouched = (await cityAdmin.get(`/api/accounts/${inB.id}`)).json<AccountDto>();
    expect(untouched).toMatchObject({ active: true, version: inB.version });
  });

  it('finds accounts by username or by name without diacritics, page by page', async () => {
    await create(cityAdmin, { username: 'tim.kiem1', displayName: 'Nguyễn Thị Hằng' });
    await create(cityAdmin, { username: 'tim.kiem2', displayName: 'TRẦN MINH ĐỨC' });
    await create(cityAdmin, { username: 'khac.han', displayName: 'Lê Văn Tìm' });

    const names = async (q: string) =>
      (await cityAdmin.get(`/api/accounts?q=${encodeURIComponent(q)}`))
        .json<Page>()
        .items.map((a) => a.username);
    expect(await names('nguyen thi hang')).toEqual(['tim.kiem1']);
    expect(await names('đức')).toEqual(['tim.kiem2']);
    expect(await names('Duc')).toEqual(['tim.kiem2']);
    expect(await names('tim')).toEqual(['khac.han', 'tim.kiem1', 'tim.kiem2']);
    expect(await names('%')).toEqual([]);

    const first = (await cityAdmin.get('/api/accounts?q=tim&pageSize=2')).json<Page>();
    expect(first).toMatchObject({ total: 3, totalIsCapped: false, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    const second = (await cityAdmin.get('/api/accounts?q=tim&pageSize=2&page=2')).json<Page>();
    expect(second.items.map((a) => a.username)).toEqual(['tim.kiem2']);
  });
});

describe('changing accounts', () => {
  it('updates with the version it read, and answers 409 to a stale one', async () => {
    const acc = await create(cityAdmin);
    const res = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      displayName: 'Tên mới',
      roles: ['reader', 'officer'],
      unitId: wardA.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: 'Tên mới',
      roles: ['officer', 'reader'],
      unitId: wardA.id,
      version: acc.version + 1,
    });

    const stale = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      displayName: 'Tên cũ hơn',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error).toBe('CONFLICT');
  });

  it('does not let an admin cut off their own access', async () => {
    const me = (await cityAdmin.get(`/api/accounts/${cityAdminId}`)).json<AccountDto>();
    for (const change of [{ roles: ['officer'] }, { active: false }, { unitId: wardA.id }]) {
      const res = await cityAdmin.patch(`/api/accounts/${cityAdminId}`, {
        version: me.version,
        ...change,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
    }
    const own = await cityAdmin.post(`/api/accounts/${cityAdminId}/password`, {
      password: 'mat-khau-khac-dai',
    });
    expect(own.statusCode).toBe(403);
    expect((await cityAdmin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('a role change applies from the very next request of an open session', async () => {
    const acc = await create(cityAdmin, { password: 'mat-khau-ban-dau-1' });
    const session = await signIn(t.app, acc.username, 'mat-khau-ban-dau-1');
    expect((await session.get('/api/members')).statusCode).toBe(200);
    const res = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      roles: ['member'],
    });
    expect(res.statusCode).toBe(400); // a member role needs a member record
    const reader = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      roles: ['reader'],
    });
    expect(reader.statusCode, reader.body).toBe(200);
    expect((await session.get('/api/auth/me')).json().roles).toEqual(['reader']);
    const write = await session.post('/api/units', {
      parentId: city.id,
      type: 'commune',
      code: 'ROLE-CHANGE',
      name: 'Đảng bộ thử quyền',
      validFrom: '2026-01-01',
    });
    expect(write.statusCode).toBe(403);
  });

  it('a password reset ends the sessions the account had', async () => {
    const acc = await create(cityAdmin, { password: 'mat-khau-ban-dau-1' });
    const session = await signIn(t.app, acc.username, 'mat-khau-ban-dau-1');
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);

    const res = await cityAdmin.post(`/api/accounts/${acc.id}/password`, {
      password: 'mat-khau-dat-lai-2',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(/password|argon2/i);

    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await session.get('/api/accounts')).statusCode).toBe(401);
    expect((await login(acc.username, 'mat-khau-ban-dau-1')).statusCode).toBe(401);
    expect((await login(acc.username, 'mat-khau-dat-lai-2')).statusCode).toBe(200);
  });

  it('a deactivated account loses its session and cannot sign in; reactivation restores it', async () => {
    const acc = await create(cityAdmin);
    const session = await signIn(t.app, acc.username, 'mat-khau-moi-rat-dai');
    const off = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json<AccountDto>().active).toBe(false);

    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const denied = await login(acc.username, 'mat-khau-moi-rat-dai');
    expect(denied.statusCode).toBe(401);

    const on = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: off.json<AccountDto>().version,
      active: true,
    });
    expect(on.json<AccountDto>().active).toBe(true);
    expect((await login(acc.username, 'mat-khau-moi-rat-dai')).statusCode).toBe(200);
  });

  it('unlocks an account locked by wrong passwords', async () => {
    const acc = await create(cityAdmin);
    await t.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: new Date(Date.now() + 15 * 60_000) })
      .where(eq(users.id, acc.id));
    const locked = (await cityAdmin.get(`/api/accounts/${acc.id}`)).json<AccountDto>();
    expect(locked.lockedUntil).not.toBeNull();
    expect((await login(acc.username, 'mat-khau-moi-rat-dai')).statusCode).toBe(423);

    const res = await cityAdmin.post(`/api/accounts/${acc.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AccountDto>().lockedUntil).toBeNull();
    expect((await login(acc.username, 'mat-khau-moi-rat-dai')).statusCode).toBe(200);
  });
});

describe('the permission for the protected parts of the résumé', () => {
  it('an admin grants and revokes it; the open session sees it at once; it is audited', async () => {
    const acc = await create(cityAdmin, { password: 'mat-khau-ban-dau-2' });
    expect(acc.permissions).toEqual([]);
    const session = await signIn(t.app, acc.username, 'mat-khau-ban-dau-2');
    expect((await session.get('/api/auth/me')).json().permissions).toEqual([]);
    const granted = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      permissions: ['sensitive', 'sensitive'],
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json<AccountDto>().permissions).toEqual(['sensitive']);
    expect((await session.get('/api/auth/me')).json().permissions).toEqual(['sensitive']);
    const revoked = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: granted.json<AccountDto>().version,
      permissions: [],
    });
    expect(revoked.json<AccountDto>().permissions).toEqual([]);
    expect((await session.get('/api/auth/me')).json().permissions).toEqual([]);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, acc.id));
    const summaries = rows.map((r) => r.summary).join('\n');
    expect(summaries).toContain('cấp quyền “Xem và sửa phần mật');
    expect(summaries).toContain('thu hồi quyền');
  });

  it('is given at creation, but not to a member-only account, and only by an admin', async () => {
    const acc = await create(cityAdmin, { roles: ['reader'], permissions: ['sensitive'] });
    expect(acc.permissions).toEqual(['sensitive']);
    const member = await makeMember(t.db, cellA, { fullName: 'Đỗ Văn Quyền' });
    const refused = await cityAdmin.post(
      '/api/accounts',
      newAccount({ roles: ['member'], memberId: member.id, permissions: ['sensitive'] }),
    );
    expect(refused.statusCode).toBe(400);
    const body = refused.json<ErrorBody>();
    expect(body.fields?.[0]?.field).toBe('permissions');
    expect(body.message).toContain('Quy định phân quyền của CanBo');
    // Nor kept when the account is cut down to a member-only one.
    const demoted = await cityAdmin.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      roles: ['member'],
      memberId: member.id,
    });
    expect(demoted.statusCode).toBe(400);
    expect(demoted.json<ErrorBody>().fields?.[0]?.field).toBe('permissions');
    const byOfficer = await officer.patch(`/api/accounts/${acc.id}`, {
      version: acc.version,
      permissions: [],
    });
    expect(byOfficer.statusCode).toBe(403);
  });
});

describe('ensureAdmin', () => {
  it('creates the admin once with a random password, then does nothing', async () => {
    const first = await ensureAdmin(t.db, { rootUnitId: city.id });
    expect(first.created).toBe(true);
    expect(first.password?.length).toBeGreaterThanOrEqual(16);

    const admin = await signIn(t.app, 'admin', first.password!);
    const me = (await admin.get('/api/auth/me')).json<{ roles: string[]; unitId: number }>();
    expect(me).toMatchObject({ roles: ['admin'], unitId: city.id });

    const second = await ensureAdmin(t.db, { rootUnitId: city.id, password: 'mot-mat-khau-khac' });
    expect(second).toEqual({ created: false });
    const rows = await t.db.select().from(users).where(eq(users.username, 'admin'));
    expect(rows).toHaveLength(1);
  });

  it('refuses a short given password or a missing root, and does not echo a given password', async () => {
    // On a database without an admin; the checks run before anything is written.
    const other = await createTestApp();
    try {
      const root = await makeUnit(other.db, { type: 'province' });
      await expect(
        ensureAdmin(other.db, { rootUnitId: root.id, password: 'ngan' }),
      ).rejects.toThrow(/ít nhất 10 ký tự/);
      await expect(ensureAdmin(other.db, { rootUnitId: 999_999 })).rejects.toThrow(/tổ chức gốc/);
      const given = await ensureAdmin(other.db, { rootUnitId: root.id, password: TEST_PASSWORD });
      expect(given).toEqual({ created: true });
    } finally {
      await other.close();
    }
  });
});

describe('audit', () => {
  it('records every account change and never a password hash', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'user'));
    const actions = new Set(rows.map((r) => r.action));
    expect(actions).toEqual(new Set(['create', 'update', 'password']));
    expect(rows.some((r) => r.summary.startsWith('Mở khóa'))).toBe(true);
    expect(rows.some((r) => r.summary.startsWith('Ngừng hoạt động'))).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/);
    expect(text).not.toContain('mat-khau');

    const created = rows.find((r) => r.action === 'create' && r.summary.includes('can.bo.tayho'))!;
    expect(created.scopePath).toBe(cellA.path);
    expect(created.after).toMatchObject({ username: 'can.bo.tayho', roles: ['officer'] });
  });
});

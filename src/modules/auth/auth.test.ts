import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeUnit,
  makeUser,
  signIn,
  TEST_PASSWORD,
  type UnitRow,
} from '../../testing/factories.ts';

let t: TestApp;
let unit: UnitRow;

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

beforeAll(async () => {
  t = await createTestApp();
  unit = await makeUnit(t.db, { name: 'Đảng bộ Đăng nhập Thử', type: 'province' });
});
afterAll(() => t.close());

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the user', async () => {
    const user = await makeUser(t.db, unit, { roles: ['officer'] });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'canbo_session');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('strict');
    expect(cookie!.path).toBe('/');
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      username: user.username,
      unitId: unit.id,
      unitName: 'Đảng bộ Đăng nhập Thử',
      roles: ['officer'],
    });
    expect(typeof body['csrfToken']).toBe('string');
    expect(res.body).not.toMatch(/passwordHash|argon2/);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const user = await makeUser(t.db, unit, { username: 'hoa.thuong' });
    expect((await login('  Hoa.Thuong ', TEST_PASSWORD)).statusCode).toBe(200);
    expect(user.username).toBe('hoa.thuong');
  });

  it('answers a wrong password or unknown user with the same Vietnamese 401', async () => {
    const user = await makeUser(t.db, unit);
    const wrong = await login(user.username, 'khong-dung-mat-khau');
    const unknown = await login('khong.ton.tai', TEST_PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        error: 'BAD_CREDENTIALS',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      });
      expect(res.cookies.find((c) => c.name === 'canbo_session')).toBeUndefined();
    }
  });

  it('locks the account after 5 wrong passwords, even against the right one', async () => {
    const user = await makeUser(t.db, unit);
    for (let i = 0; i < 4; i++) {
      expect((await login(user.username, `sai-mat-khau-${i}`)).statusCode).toBe(401);
    }
    expect((await login(user.username, 'sai-mat-khau-cuoi')).statusCode).toBe(401);
    const locked = await login(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json<{ message: string }>().message).toMatch(/tạm khóa/);
  });

  it('rejects an empty body with a Vietnamese field message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/Tên đăng nhập|Mật khẩu/);
  });
});

describe('session', () => {
  it('refuses a state-changing request without the x-csrf-token header', async () => {
    const user = await makeUser(t.db, unit, { roles: ['admin'] });
    const client = await signIn(t.app, user.username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `canbo_session=${client.cookie}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: 'CSRF' });
    const wrongToken = await t.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${user.id}`,
      headers: {
        cookie: `canbo_session=${client.cookie}`,
        'x-csrf-token': 'x'.repeat(client.csrf.length),
      },
      payload: { version: 1, displayName: 'Không được đổi' },
    });
    expect(wrongToken.statusCode).toBe(403);
    // The session survived both attempts.
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const user = await makeUser(t.db, unit);
    const client = await signIn(t.app, user.username);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((c) => c.name === 'canbo_session');
    expect(cleared?.value ?? '').toBe('');
    // Replaying the old cookie does not work.
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.get('/api/units/children')).statusCode).toBe(401);
  });

  it('changing one’s own password needs the current one and ends the sessions', async () => {
    const user = await makeUser(t.db, unit);
    const client = await signIn(t.app, user.username);
    const bad = await client.post('/api/auth/password', {
      currentPassword: 'khong-phai',
      newPassword: 'mat-khau-moi-cua-toi',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('currentPassword');
    const ok = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mat-khau-moi-cua-toi',
    });
    expect(ok.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login(user.username, 'mat-khau-moi-cua-toi')).statusCode).toBe(200);
  });
});

describe('anonymous access', () => {
  it('answers 401 to anonymous API calls', async () => {
    for (const url of ['/api/members', '/api/accounts', '/api/units/children', '/api/audit']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json<{ message: string }>().message).toBe('Bạn cần đăng nhập để tiếp tục.');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('a forged cookie is no session', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/members',
      headers: { cookie: 'canbo_session=gia-mao' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps /api/health public', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });
});

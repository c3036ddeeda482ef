import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeUnit, makeUser, signIn, type Client, type UnitRow } from '../../testing/factories.ts';
import { loadRules } from './registry.ts';
import { shippedRules } from './rules.catalog.ts';
import { shipRules } from './rules.ship.ts';

let t: TestApp;
let city: UnitRow;
let ward: UnitRow;
let cell: UnitRow;
let otherWard: UnitRow;
let rootAdmin: Client;
let wardAdmin: Client;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố', type: 'province' });
  ward = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Tây Hồ', type: 'commune' });
  cell = await makeUnit(t.db, { parent: ward, name: 'Chi bộ 1', type: 'grassroots_cell' });
  otherWard = await makeUnit(t.db, { parent: city, name: 'Đảng bộ xã Khác', type: 'commune' });
  rootAdmin = await signIn(t.app, (await makeUser(t.db, city, { roles: ['admin'] })).username);
  wardAdmin = await signIn(t.app, (await makeUser(t.db, ward, { roles: ['admin'] })).username);
  officer = await signIn(t.app, (await makeUser(t.db, city, { roles: ['officer'] })).username);
});
afterAll(() => t.close());

describe('shipped national entries', () => {
  it('are in the database after migration, once', async () => {
    const rows = await t.database.query<{ n: number }>(
      'select count(*)::int n from rule_entries where shipped_id is not null',
    );
    expect(rows[0]!.n).toBe(shippedRules.length);
    expect(await shipRules(t.db)).toBe(0);
  });

  it('the list shows each parameter with its national value and source', async () => {
    const res = await officer.get('/api/rules');
    expect(res.statusCode).toBe(200);
    const surplus = res
      .json()
      .find((r: { key: string }) => r.key === 'election.surplus_max_percent');
    expect(surplus.current.valueText).toBe('30%');
    expect(surplus.current.document).toContain('190-QĐ/TW');
  });
});

describe('overrides and new versions', () => {
  it('a ward admin adds a local rule; it applies in the ward only, from its date', async () => {
    const res = await wardAdmin.post('/api/rules/tenure.max_months_head/entries', {
      value: 96,
      document: 'Quy định của Quận ủy Tây Hồ',
      unitId: ward.id,
      validFrom: '2023-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const inWard = await officer.get(
      `/api/rules/tenure.max_months_head/resolve?unitId=${cell.id}&date=2024-05-01`,
    );
    expect(inWard.json()).toMatchObject({
      value: 96,
      overriddenBy: 'Đảng bộ phường Tây Hồ',
      explanation:
        'Cấp trưởng giữ một chức vụ không quá: 96 tháng (theo Quy định của Quận ủy Tây Hồ)',
    });
    const before = await officer.get(
      `/api/rules/tenure.max_months_head/resolve?unitId=${cell.id}&date=2022-12-31`,
    );
    expect(before.json().value).toBe(120);
    const elsewhere = await officer.get(
      `/api/rules/tenure.max_months_head/resolve?unitId=${otherWard.id}&date=2024-05-01`,
    );
    expect(elsewhere.json()).toMatchObject({ value: 120, overriddenBy: null });
    const rules = await loadRules(t.db);
    expect(rules.get('tenure.max_months_head', cell.path, '2024-05-01').value).toBe(96);
  });

  it('a new version ends the previous one the day before and keeps it for the past', async () => {
    const res = await rootAdmin.post('/api/rules/election.surplus_max_percent/entries', {
      value: 25,
      document: 'Quy định thử nghiệm 999-QĐ/TW',
      article: 'Điều 8',
      unitId: null,
      validFrom: '2030-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await officer.get('/api/rules/election.surplus_max_percent')).json();
    const national = detail.entries.filter((e: { unitId: number | null }) => e.unitId === null);
    expect(
      national.map((e: { value: number; validTo: string | null }) => [e.value, e.validTo]),
    ).toEqual([
      [30, '2029-12-31'],
      [25, null],
    ]);
    const rules = await loadRules(t.db);
    expect(rules.get('election.surplus_max_percent', cell.path, '2029-12-31').value).toBe(30);
    expect(rules.get('election.surplus_max_percent', cell.path, '2030-01-01').value).toBe(25);
    const history = (await officer.get('/api/rules/election.surplus_max_percent/history')).json();
    expect(history.map((h: { action: string }) => h.action).sort()).toEqual(['create', 'update']);
  });

  it('refuses overlapping versions, wrong values and national entries below the top', async () => {
    const overlap = await wardAdmin.post('/api/rules/tenure.max_months_head/entries', {
      value: 90,
      document: 'Văn bản khác',
      unitId: ward.id,
      validFrom: '2022-01-01',
      validTo: '2023-06-30',
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().fields[0].message).toContain('trùng thời gian');
    const percent = await rootAdmin.post('/api/rules/congress.women_min_percent/entries', {
      value: 150,
      document: 'Văn bản thử',
      unitId: null,
      validFrom: '2031-01-01',
    });
    expect(percent.statusCode).toBe(400);
    expect(percent.json().message).toContain('không quá 100');
    const month = await rootAdmin.post('/api/rules/congress.age_reference_month.commune/entries', {
      value: '2030-13',
      document: 'Văn bản thử',
      unitId: null,
      validFrom: '2030-01-01',
    });
    expect(month.statusCode).toBe(400);
    const national = await wardAdmin.post('/api/rules/tenure.max_months_head/entries', {
      value: 10,
      document: 'Văn bản thử',
      unitId: null,
      validFrom: '2031-01-01',
    });
    expect(national.statusCode).toBe(403);
    expect(national.json().message).toContain('Quy định phân quyền của CanBo');
    const notAdmin = await officer.post('/api/rules/tenure.max_months_head/entries', {
      value: 10,
      document: 'Văn bản thử',
      unitId: ward.id,
      validFrom: '2031-01-01',
    });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('an entry can be closed but not made to overlap; the value is never rewritten', async () => {
    const detail = (await wardAdmin.get('/api/rules/tenure.max_months_head')).json();
    const local = detail.entries.find((e: { unitId: number | null }) => e.unitId === ward.id);
    const closed = await wardAdmin.patch(`/api/rules/entries/${local.id}`, {
      version: local.version,
      validTo: '2025-06-30',
      note: 'Hết hiệu lực khi sáp nhập',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ validTo: '2025-06-30', value: 96, state: 'ended' });
    const stale = await wardAdmin.patch(`/api/rules/entries/${local.id}`, {
      version: local.version,
      note: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const rules = await loadRules(t.db);
    expect(rules.get('tenure.max_months_head', cell.path, '2025-07-01').value).toBe(120);
  });

  it("another subtree's local rules are not listed to outsiders", async () => {
    const outsider = await signIn(
      t.app,
      (await makeUser(t.db, otherWard, { roles: ['admin'] })).username,
    );
    const detail = (await outsider.get('/api/rules/tenure.max_months_head')).json();
    expect(detail.entries.every((e: { unitId: number | null }) => e.unitId === null)).toBe(true);
  });
});

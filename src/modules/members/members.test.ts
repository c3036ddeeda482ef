import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVietnameseNames } from '../../core/vietnamese/index.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type MemberRow,
  type UnitRow,
} from '../../testing/factories.ts';

let t: TestApp;
let city: UnitRow;
let ward: UnitRow;
let cell: UnitRow;
let otherProvince: UnitRow;
let officer: Client;
let reader: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  ward = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Tây Hồ', type: 'commune' });
  cell = await makeUnit(t.db, {
    parent: ward,
    name: 'Chi bộ Khu dân cư 1',
    type: 'grassroots_cell',
  });
  otherProvince = await makeUnit(t.db, { name: 'Đảng bộ Tỉnh Khác', type: 'province' });
  officer = await signIn(t.app, (await makeUser(t.db, city, { roles: ['officer'] })).username);
  reader = await signIn(t.app, (await makeUser(t.db, city, { roles: ['reader'] })).username);
  outsider = await signIn(
    t.app,
    (await makeUser(t.db, otherProvince, { roles: ['officer'] })).username,
  );
});
afterAll(() => t.close());

const body = (unitId: number, over: Record<string, unknown> = {}) => ({
  unitId,
  fullName: 'Nguyễn Thị Thu Hằng',
  gender: 'female',
  birthDate: '1985-04-12',
  ethnicity: 'Kinh',
  religion: 'Không',
  status: 'full',
  joinDate: '2010-05-19',
  officialDate: '2011-05-19',
  ...over,
});

const counts = async () => {
  const [row] = await t.database.query<{ m: number; h: number; a: number }>(
    `select (select count(*)::int from members) as m,
            (select count(*)::int from member_unit_history) as h,
            (select count(*)::int from audit_log) as a`,
  );
  return row!;
};

type Page = {
  items: { id: number; fullName: string; unitName: string }[];
  total: number;
  totalIsCapped: boolean;
};
const list = async (client: Client, query: string) => {
  const res = await client.get(`/api/members?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
};
const ids = (p: Page) => p.items.map((i) => i.id).sort((a, b) => a - b);

describe('creating a member', () => {
  it('refuses a record that breaks a rule, names the field in Vietnamese, saves nothing', async () => {
    const before = await counts();
    const res = await officer.post(
      '/api/members',
      body(cell.id, { joinDate: '2001-01-01', officialDate: '2002-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    const err = res.json<{
      message: string;
      fields: { field: string; label: string; message: string }[];
    }>();
    expect(err.fields.map((f) => f.field)).toEqual(['joinDate']);
    expect(err.message).toContain('Ngày vào Đảng');
    expect(err.message).toContain('18 tuổi');
    expect(err.message).toContain('Điều lệ Đảng');
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed input with the field label, saves nothing', async () => {
    const before = await counts();
    const res = await officer.post('/api/members', body(cell.id, { idNumber: '12345' }));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Số CCCD/định danh');
    expect(await counts()).toEqual(before);
  });

  it('refuses a unit that does not hold members, citing the charter', async () => {
    const before = await counts();
    const res = await officer.post('/api/members', body(ward.id));
    expect(res.statusCode).toBe(400);
    const err = res.json<{ message: string; fields: { field: string }[] }>();
    expect(err.fields[0]!.field).toBe('unitId');
    expect(err.message).toContain('Chương V');
    expect(await counts()).toEqual(before);
  });

  it('refuses a unit outside the subtree without saying what it is', async () => {
    const res = await outsider.post('/api/members', body(cell.id));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).not.toContain(cell.name);
  });

  it('saves a good record with its first membership period and audit row', async () => {
    const before = await counts();
    const res = await officer.post('/api/members', body(cell.id, { idNumber: '001085004321' }));
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<{ id: number; unitName: string; version: number; unitHistory: unknown[] }>();
    expect(m.unitName).toBe(cell.name);
    expect(m.version).toBe(1);
    expect(m.unitHistory).toEqual([
      expect.objectContaining({
        unitId: cell.id,
        fromDate: '2010-05-19',
        toDate: null,
        reason: 'joined',
      }),
    ]);
    expect(await counts()).toEqual({ m: before.m + 1, h: before.h + 1, a: before.a + 1 });
    const found = await list(officer, `q=${encodeURIComponent('thu hằng')}`);
    expect(found.items.map((i) => i.id)).toContain(m.id);
    const history = (await officer.get(`/api/history/member/${m.id}`)).json<
      { action: string; after: Record<string, unknown> }[]
    >();
    expect(history[0]!.action).toBe('create');
    expect(history[0]!.after['fullName']).toBe('Nguyễn Thị Thu Hằng');
  });

  it('keeps ID numbers unique across the whole system without revealing the other record', async () => {
    const far = await makeUnit(t.db, { parent: otherProvince, type: 'grassroots_cell' });
    await makeMember(t.db, far, { fullName: 'Hoàng Văn Bí Mật', idNumber: '079090001234' });
    const res = await officer.post('/api/members', body(cell.id, { idNumber: '079090001234' }));
    expect(res.statusCode).toBe(400);
    const text = res.body;
    expect(res.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('idNumber');
    expect(text).not.toContain('Bí Mật');
    expect(text).not.toContain(far.name);
  });
});

describe('search and order', () => {
  let unit: UnitRow;
  beforeAll(async () => {
    unit = await makeUnit(t.db, { parent: ward, type: 'grassroots_cell', name: 'Chi bộ Tìm kiếm' });
    for (const fullName of [
      'Nguyễn Văn Bình',
      'Lê Thị Bình',
      'Phạm Thị Ánh',
      'Trần Văn An',
      'Đỗ Văn Anh',
      'Trần Minh Đức',
      'Nguyễn Thị Thu Hằng',
    ]) {
      await makeMember(t.db, unit, { fullName });
    }
  });

  it('ignores diacritics and đ', async () => {
    const names = async (q: string) =>
      (await list(officer, `unitId=${unit.id}&q=${encodeURIComponent(q)}`)).items.map(
        (i) => i.fullName,
      );
    expect(await names('nguyen thi thu hang')).toEqual(['Nguyễn Thị Thu Hằng']);
    expect(await names('duc')).toEqual(['Trần Minh Đức']);
    expect(await names('ĐỨC')).toEqual(['Trần Minh Đức']);
    expect(await names('hang nguyen')).toEqual(['Nguyễn Thị Thu Hằng']);
    // Short words match the start of a name word only.
    expect(await names('an')).toEqual(['Trần Văn An', 'Đỗ Văn Anh', 'Phạm Thị Ánh']);
    expect(await names('50%')).toEqual([]);
  });

  it('sorts by given name first, in Vietnamese alphabetical order', async () => {
    const page = await list(officer, `unitId=${unit.id}`);
    const expected = [
      'Trần Văn An',
      'Đỗ Văn Anh',
      'Phạm Thị Ánh',
      'Lê Thị Bình',
      'Nguyễn Văn Bình',
      'Trần Minh Đức',
      'Nguyễn Thị Thu Hằng',
    ];
    expect(page.items.map((i) => i.fullName)).toEqual(expected);
    expect([...expected].sort(compareVietnameseNames)).toEqual(expected);
    expect(page.items[0]!.unitName).toBe('Chi bộ Tìm kiếm');
  });
});

describe('filters and pages', () => {
  let gc: UnitRow;
  let gcCell: UnitRow;
  const m: Record<string, MemberRow> = {};
  beforeAll(async () => {
    gc = await makeUnit(t.db, {
      parent: ward,
      type: 'grassroots_committee',
      name: 'Đảng bộ cơ sở Lọc',
    });
    gcCell = await makeUnit(t.db, { parent: gc, type: 'cell', name: 'Chi bộ Lọc 1' });
    m.a = await makeMember(t.db, gc, {
      fullName: 'Vũ Thị An',
      gender: 'female',
      birthDate: '1970-02-01',
      professionalLevel: 'bachelor',
      hometownProvince: 'Hà Nội',
    });
    m.b = await makeMember(t.db, gc, {
      fullName: 'Vũ Văn Bắc',
      birthDate: '1995-06-01',
      status: 'probationary',
      joinDate: '2025-03-01',
      officialDate: null,
      professionalLevel: 'master',
    });
    m.c = await makeMember(t.db, gcCell, {
      fullName: 'Vũ Thị Cúc',
      gender: 'female',
      birthDate: '1985-09-09',
      exempted: true,
      exemptionReason: 'Sức khỏe',
      tempAttendancePlace: 'Chi bộ nơi cư trú',
      tempAttendanceFrom: '2024-01-01',
    });
    m.d = await makeMember(t.db, gcCell, {
      fullName: 'Vũ Văn Dũng',
      birthDate: '1960-01-01',
      status: 'deceased',
      ethnicity: 'Tày',
      politicalTheory: 'advanced',
    });
    m.e = await makeMember(t.db, gcCell, { fullName: 'Vũ Văn Em', archivedAt: new Date() });
  });
  const idsOf = (...keys: string[]) => keys.map((k) => m[k]!.id).sort((a, b) => a - b);
  const q = (s: string) => list(officer, `unitId=${gc.id}&${s}`);

  it('narrows by each filter', async () => {
    expect(ids(await q(''))).toEqual(idsOf('a', 'b', 'c', 'd'));
    expect(ids(await q('subtree=false'))).toEqual(idsOf('a', 'b'));
    expect(ids(await list(officer, `unitId=${gcCell.id}&subtree=false`))).toEqual(idsOf('c', 'd'));
    expect(ids(await q('gender=female'))).toEqual(idsOf('a', 'c'));
    expect(ids(await q('status=full,probationary'))).toEqual(idsOf('a', 'b', 'c'));
    expect(ids(await q('status=deceased'))).toEqual(idsOf('d'));
    expect(ids(await q('birthFrom=1980-01-01&birthTo=1990-12-31'))).toEqual(idsOf('c'));
    expect(ids(await q('birthTo=1969-12-31'))).toEqual(idsOf('d'));
    expect(ids(await q('joinFrom=2025-01-01'))).toEqual(idsOf('b'));
    expect(ids(await q('professionalLevel=bachelor,master'))).toEqual(idsOf('a', 'b'));
    expect(ids(await q('politicalTheory=advanced'))).toEqual(idsOf('d'));
    expect(ids(await q(`ethnicity=${encodeURIComponent('Tày')}`))).toEqual(idsOf('d'));
    expect(ids(await q(`hometownProvince=${encodeURIComponent('Hà Nội')}`))).toEqual(idsOf('a'));
    expect(ids(await q('exempted=true'))).toEqual(idsOf('c'));
    expect(ids(await q('tempAttendance=true'))).toEqual(idsOf('c'));
    expect(ids(await q('tempAttendance=false'))).toEqual(idsOf('a', 'b', 'd'));
    expect(ids(await q('archived=archived'))).toEqual(idsOf('e'));
    expect(ids(await q('archived=all'))).toEqual(idsOf('a', 'b', 'c', 'd', 'e'));
  });

  it('rejects an unknown filter value with the field named', async () => {
    const res = await officer.get(`/api/members?status=alive`);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('Tình trạng đảng viên');
  });

  it('pages in order with an exact total', async () => {
    const all = await q('archived=all');
    expect(all.total).toBe(5);
    expect(all.totalIsCapped).toBe(false);
    const pages = [
      await q('archived=all&pageSize=2&page=1'),
      await q('archived=all&pageSize=2&page=2'),
      await q('archived=all&pageSize=2&page=3'),
    ];
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((i) => i.id));
    expect(pages.every((p) => p.total === 5)).toBe(true);
    expect((await q('archived=all&pageSize=2&page=4')).items).toEqual([]);
  });
});

describe('editing', () => {
  let member: MemberRow;
  beforeAll(async () => {
    member = await makeMember(t.db, cell, {
      fullName: 'Bùi Văn Sửa',
      exempted: true,
      exemptionReason: 'Tuổi cao',
    });
  });

  it('saves only the fields sent, bumps the version and records a diff', async () => {
    const res = await officer.patch(`/api/members/${member.id}`, {
      version: 1,
      residence: 'Số 5 Quảng An',
      fullName: 'Bùi Văn Sửa Đổi',
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<{
      version: number;
      residence: string;
      exempted: boolean;
      exemptionReason: string;
      professionalLevel: string;
    }>();
    expect(saved).toMatchObject({
      version: 2,
      residence: 'Số 5 Quảng An',
      exempted: true,
      exemptionReason: 'Tuổi cao',
    });
    expect((await list(officer, 'q=sua doi')).items.map((i) => i.id)).toContain(member.id);
    const history = (await officer.get(`/api/history/member/${member.id}`)).json<
      { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[]
    >();
    expect(history[0]).toMatchObject({
      action: 'update',
      before: { residence: null, fullName: 'Bùi Văn Sửa' },
      after: { residence: 'Số 5 Quảng An', fullName: 'Bùi Văn Sửa Đổi' },
    });
    expect(Object.keys(history[0]!.after).sort()).toEqual(['fullName', 'residence']);
  });

  it('answers 409 to a stale version and leaves the record as it was', async () => {
    const res = await officer.patch(`/api/members/${member.id}`, {
      version: 1,
      residence: 'Chỗ khác',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('vừa được người khác sửa');
    const now = (await officer.get(`/api/members/${member.id}`)).json<{
      version: number;
      residence: string;
    }>();
    expect(now).toMatchObject({ version: 2, residence: 'Số 5 Quảng An' });
  });

  it('refuses an edit that breaks a rule', async () => {
    const res = await officer.patch(`/api/members/${member.id}`, {
      version: 2,
      status: 'probationary',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ fields: { field: string }[] }>().fields[0]!.field).toBe('officialDate');
  });

  it('keeps an imported inconsistent record editable, but blocks new problems', async () => {
    const legacy = await makeMember(t.db, cell, { fullName: 'Đào Văn Cũ', officialDate: null });
    const ok = await officer.patch(`/api/members/${legacy.id}`, {
      version: 1,
      residence: 'Thôn Đông',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await officer.patch(`/api/members/${legacy.id}`, {
      version: 2,
      joinDate: '1995-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ fields: { field: string }[] }>().fields.map((f) => f.field)).toEqual([
      'joinDate',
    ]);
  });

  it('archives and restores, hiding the record from the default list meanwhile', async () => {
    const archived = await officer.post(`/api/members/${member.id}/archive`, {
      version: 2,
      reason: 'Chuyển đi nơi khác',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json<{ archivedAt: string | null }>().archivedAt).not.toBeNull();
    expect(ids(await list(officer, `unitId=${cell.id}`))).not.toContain(member.id);
    expect(
      (await officer.post(`/api/members/${member.id}/archive`, { version: 3 })).statusCode,
    ).toBe(409);
    const restored = await officer.post(`/api/members/${member.id}/restore`, { version: 3 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json<{ archivedAt: string | null; version: number }>()).toMatchObject({
      archivedAt: null,
      version: 4,
    });
    expect(ids(await list(officer, `unitId=${cell.id}`))).toContain(member.id);
  });
});

describe('access', () => {
  let member: MemberRow;
  let self: MemberRow;
  let memberClient: Client;
  beforeAll(async () => {
    member = await makeMember(t.db, cell, { fullName: 'Đinh Văn Riêng' });
    self = await makeMember(t.db, cell, { fullName: 'Mai Thị Tự' });
    const user = await makeUser(t.db, cell, { roles: ['member'], memberId: self.id });
    memberClient = await signIn(t.app, user.username);
  });

  it('hides everything from a user of another subtree', async () => {
    expect((await outsider.get(`/api/members/${member.id}`)).statusCode).toBe(404);
    expect(
      (await outsider.patch(`/api/members/${member.id}`, { version: 1, residence: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await outsider.post(`/api/members/${member.id}/archive`, { version: 1 })).statusCode,
    ).toBe(404);
    expect((await outsider.get(`/api/history/member/${member.id}`)).statusCode).toBe(404);
    const all = await list(outsider, '');
    expect(all.items.map((i) => i.fullName)).not.toContain('Đinh Văn Riêng');
    expect((await list(outsider, `unitId=${cell.id}`)).items).toEqual([]);
    expect((await list(outsider, 'q=dinh van rieng')).total).toBe(0);
  });

  it('lets a reader read but not write', async () => {
    expect((await reader.get(`/api/members/${member.id}`)).statusCode).toBe(200);
    expect(
      (await reader.patch(`/api/members/${member.id}`, { version: 1, residence: 'x' })).statusCode,
    ).toBe(403);
    expect((await reader.post('/api/members', body(cell.id))).statusCode).toBe(403);
  });

  it('lets a member see and edit only the own-record fields of their own record', async () => {
    const mine = await memberClient.get('/api/me/member');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<{ id: number }>().id).toBe(self.id);
    expect((await memberClient.get(`/api/members/${self.id}`)).statusCode).toBe(200);
    expect((await memberClient.get(`/api/members/${member.id}`)).statusCode).toBe(403);
    expect((await memberClient.get('/api/members')).statusCode).toBe(403);

    const refused = await memberClient.patch('/api/me/member', {
      version: 1,
      fullName: 'Mai Thị Khác',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toContain('Họ và tên khai sinh');

    const ok = await memberClient.patch('/api/me/member', {
      version: 1,
      residence: 'Ngõ 12 Tô Ngọc Vân',
      otherNames: 'Mai Tự',
      professionalField: 'Kế toán',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      fullName: 'Mai Thị Tự',
      residence: 'Ngõ 12 Tô Ngọc Vân',
      otherNames: 'Mai Tự',
      professionalField: 'Kế toán',
      version: 2,
    });
    expect((await list(officer, 'q=mai tu')).items.map((i) => i.id)).toContain(self.id);
    expect(
      (await memberClient.patch(`/api/members/${self.id}`, { version: 2, residence: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('tells a user without a member record so', async () => {
    const res = await officer.get('/api/me/member');
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toContain('chưa được gắn');
  });

  it('documents the routes in the OpenAPI description', async () => {
    const res = await officer.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/members', '/api/members/{id}', '/api/me/member']),
    );
  });
});

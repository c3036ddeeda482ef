import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, today } from '../../core/dates.ts';
import { ruleEntries } from '../rules/rules.schema.ts';
import { forgetCachedRules } from '../rules/registry.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type UnitRow,
} from '../../testing/factories.ts';
import type {
  AppointmentDto,
  PostTitleDto,
  TenureDto,
  WarningsDto,
} from '../../contracts/posts.ts';

let t: TestApp;
let officer: Client;
let reader: Client;
let root: UnitRow;
let commune: UnitRow;
let cell: UnitRow;
let titles: Map<string, PostTitleDto>;
const id = (code: string) => titles.get(code)!.id;
const now = today();

beforeAll(async () => {
  t = await createTestApp();
  root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Hà Nội', locality: 'Hà Nội' });
  commune = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ xã Tứ Hiệp',
    locality: 'Xã Tứ Hiệp',
    validFrom: '1990-01-01',
  });
  cell = await makeUnit(t.db, {
    parent: commune,
    type: 'grassroots_cell',
    validFrom: '1990-01-01',
  });
  await makeUser(t.db, root, { username: 'posts.admin', roles: ['admin', 'officer'] });
  await makeUser(t.db, commune, { username: 'posts.reader', roles: ['reader'] });
  await makeUser(t.db, commune, { username: 'posts.commune.admin', roles: ['admin'] });
  officer = await signIn(t.app, 'posts.admin');
  reader = await signIn(t.app, 'posts.reader');
  const list = (await reader.get('/api/post-titles')).json<PostTitleDto[]>();
  titles = new Map(list.map((p) => [p.code, p]));
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  postTitleId: id('BT'),
  unitId: commune.id,
  startDate: '2020-07-01',
  method: 'elected',
  term: '2020-2025',
  decisionNumber: '12-QĐ/HU',
  ...over,
});

describe('post titles catalogue', () => {
  it('ships the national list with key posts marked', () => {
    expect(titles.get('BT')).toMatchObject({ name: 'Bí thư', level: 'head', isKey: true });
    expect(titles.get('PBT')).toMatchObject({ level: 'deputy', isKey: false });
    expect(titles.get('CT-UBND')!.isKey).toBe(true);
    expect(titles.get('CT-HDND')!.isKey).toBe(false);
  });
  it('lets only an administrator of the whole tree change it, audited', async () => {
    const payload = { code: 'TB-DV', name: 'Trưởng Ban Dân vận', level: 'head', sector: 'party' };
    const local = await signIn(t.app, 'posts.commune.admin');
    const refused = await local.post('/api/post-titles', payload);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('(theo Quy định phân quyền của CanBo)');
    const res = await officer.post('/api/post-titles', payload);
    expect(res.statusCode).toBe(201);
    const created = res.json<PostTitleDto>();
    expect((await officer.post('/api/post-titles', payload)).json().fields[0].field).toBe('code');
    const off = await officer.patch(`/api/post-titles/${created.id}`, {
      version: 1,
      active: false,
    });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect(
      (await officer.patch(`/api/post-titles/${created.id}`, { version: 1, name: 'X' })).statusCode,
    ).toBe(409);
    const listed = (await reader.get('/api/post-titles')).json<PostTitleDto[]>();
    expect(listed.some((p) => p.id === created.id)).toBe(false);
    const audit = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'post_title' and entity_id = $1`,
      [created.id],
    );
    expect(audit[0]!.n).toBe(2);
  });
});

describe('appointments', () => {
  it('adds, edits, ends and deletes a post, each audited in the member history', async () => {
    const m = await makeMember(t.db, cell, { fullName: 'Lê Văn Bình', birthDate: '1975-03-02' });
    const res = await officer.post(`/api/members/${m.id}/appointments`, body());
    expect(res.statusCode).toBe(201);
    const a = res.json<AppointmentDto>();
    expect(a).toMatchObject({
      postTitleName: 'Bí thư',
      unitName: 'Đảng bộ xã Tứ Hiệp',
      current: true,
    });
    const ended = await officer.patch(`/api/appointments/${a.id}`, {
      ...body(),
      version: 1,
      endDate: '2025-06-30',
      endReason: 'Hết nhiệm kỳ',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json<AppointmentDto>()).toMatchObject({ current: false, version: 2 });
    const stale = await officer.patch(`/api/appointments/${a.id}`, { ...body(), version: 1 });
    expect(stale.statusCode).toBe(409);
    const history = (await officer.get(`/api/history/member/${m.id}`)).body;
    expect(history).toContain('Thêm chức vụ Bí thư tại Đảng bộ xã Tứ Hiệp từ 01/07/2020');
    expect(history).toContain('Thôi giữ chức vụ Bí thư');
    const listed = (await reader.get(`/api/members/${m.id}/appointments`)).json<AppointmentDto[]>();
    expect(listed.map((x) => x.id)).toEqual([a.id]);
    expect((await officer.delete(`/api/appointments/${a.id}?version=2`)).statusCode).toBe(200);
    expect((await reader.get(`/api/members/${m.id}/appointments`)).json()).toEqual([]);
    expect((await officer.get(`/api/history/member/${m.id}`)).body).toContain('Xóa chức vụ Bí thư');
  });

  it('refuses an overlap, saving nothing, with the rule and its source', async () => {
    const m = await makeMember(t.db, cell);
    expect((await officer.post(`/api/members/${m.id}/appointments`, body())).statusCode).toBe(201);
    const res = await officer.post(
      `/api/members/${m.id}/appointments`,
      body({ startDate: '2024-01-01', term: '' }),
    );
    expect(res.statusCode).toBe(400);
    const f = res.json().fields[0];
    expect(f.field).toBe('startDate');
    expect(f.message).toContain('trùng thời gian');
    expect(f.message).toContain('(theo Quy tắc kiểm tra dữ liệu của CanBo)');
    expect((await reader.get(`/api/members/${m.id}/appointments`)).json()).toHaveLength(1);
  });

  it('refuses a unit that did not exist on the start date, and readers cannot write', async () => {
    const m = await makeMember(t.db, cell, { birthDate: '1950-01-01' });
    const res = await officer.post(
      `/api/members/${m.id}/appointments`,
      body({ startDate: '1985-01-01', term: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: 'unitId',
      label: 'Tổ chức nơi giữ chức vụ',
    });
    expect((await reader.post(`/api/members/${m.id}/appointments`, body())).statusCode).toBe(403);
  });

  it('checks the term format', async () => {
    const m = await makeMember(t.db, cell);
    const res = await officer.post(
      `/api/members/${m.id}/appointments`,
      body({ term: '2025-2020' }),
    );
    expect(res.statusCode).toBe(400);
  });
});

describe('tenure of one person', () => {
  it('gives retirement, eligibility and per-post status with citations', async () => {
    const m = await makeMember(t.db, cell, {
      gender: 'male',
      birthDate: '1966-11-05',
      hometownCommune: 'Xã Ngũ Hiệp',
      hometownProvince: 'Hà Nội',
    });
    await officer.post(
      `/api/members/${m.id}/appointments`,
      body({ startDate: '2010-07-01', endDate: '2015-06-30', term: '2010-2015' }),
    );
    await officer.post(
      `/api/members/${m.id}/appointments`,
      body({ startDate: '2015-07-01', endDate: '2020-06-30', term: '2015-2020' }),
    );
    await officer.post(`/api/members/${m.id}/appointments`, body());
    const res = await reader.get(`/api/members/${m.id}/tenure?date=2025-07-01`);
    expect(res.statusCode).toBe(200);
    const tenure = res.json<TenureDto>();
    expect(tenure.serviceMonthsLeft).toBe(41);
    expect(tenure.reelection.status).toBe('ineligible');
    expect(tenure.reelection.message).toContain(
      'Còn 41 tháng công tác < 48 tháng theo Chỉ thị 45-CT/TW',
    );
    const [post] = tenure.posts;
    expect(post).toMatchObject({ continuousSince: '2010-07-01', terms: 3 });
    expect(post!.termLimit.status).toBe('over');
    expect(post!.locality.status).toBe('nonlocal');
  });
});

let boss: Client;
describe('warnings dashboard', () => {
  let dash: UnitRow;
  beforeAll(async () => {
    await makeUser(t.db, root, { username: 'posts.boss', roles: ['reader'] });
    boss = await signIn(t.app, 'posts.boss');
    dash = await makeUnit(t.db, {
      parent: root,
      type: 'commune',
      name: 'Đảng bộ phường Cảnh Báo',
      locality: 'Phường Cảnh Báo',
      validFrom: '2000-01-01',
    });
    const dcell = await makeUnit(t.db, {
      parent: dash,
      type: 'grassroots_cell',
      validFrom: '2000-01-01',
    });
    const add = async (name: string, birthDate: string, code: string, startDate: string) => {
      const m = await makeMember(t.db, dcell, { fullName: name, birthDate, gender: 'male' });
      const r = await officer.post(
        `/api/members/${m.id}/appointments`,
        body({ postTitleId: id(code), unitId: dash.id, startDate, term: '' }),
      );
      expect(r.statusCode).toBe(201);
      return m;
    };
    await add('Trần Văn Quá', '1975-01-01', 'BT', addMonths(now, -121)); // key head, over 120
    await add('Phạm Văn Gần', '1976-01-01', 'CT-UBND', addMonths(now, -115)); // near
    await add('Đỗ Văn Lâu', '1977-01-01', 'PTP', addMonths(now, -61)); // non-key, over 60
    await add('Vũ Văn Mới', '1985-01-01', 'PBT', addMonths(now, -3)); // nothing
    // Retires in about 6 months, without a post (men: 60y3m in 2021, +3 months a year, to 62).
    const target = addMonths(now, 6);
    const age = Math.min(723 + 3 * (Number(target.slice(0, 4)) - 2021), 744);
    await makeMember(t.db, dcell, {
      fullName: 'Hoàng Văn Hưu',
      gender: 'male',
      birthDate: addMonths(target, -age),
    });
  });

  it('counts each kind and lists the rows with reasons and citations', async () => {
    const res = await boss.get(`/api/warnings?unitId=${dash.id}`);
    expect(res.statusCode).toBe(200);
    const w = res.json<WarningsDto>();
    expect(w.counts).toMatchObject({ term_limit: 2, retirement: 1, same_post: 1 });
    expect(w.items.map((r) => [r.fullName, r.status])).toEqual([
      ['Trần Văn Quá', 'over'],
      ['Phạm Văn Gần', 'near'],
    ]);
    expect(w.items[0]!.citations.map((c) => c.document)).toContain(
      'Quy định 65-QĐ/TW năm 2022 về luân chuyển cán bộ',
    );
    const retire = (
      await boss.get(`/api/warnings?unitId=${dash.id}&kind=retirement`)
    ).json<WarningsDto>();
    expect(retire.items.map((r) => r.fullName)).toEqual(['Hoàng Văn Hưu']);
    const r3 = await boss.get(`/api/warnings?unitId=${dash.id}&kind=retirement&withinMonths=3`);
    expect(r3.json().total).toBe(0);
    const same = (
      await boss.get(`/api/warnings?unitId=${dash.id}&kind=same_post`)
    ).json<WarningsDto>();
    expect(same.items[0]!.reason).toContain('60 tháng theo Nghị định 59/2019/NĐ-CP');
    const page2 = (
      await boss.get(`/api/warnings?unitId=${dash.id}&pageSize=1&page=2`)
    ).json<WarningsDto>();
    expect(page2.items.map((r) => r.fullName)).toEqual(['Phạm Văn Gần']);
  });

  const exported = async (kind: string) => {
    const res = await boss.get(`/api/warnings/export.xlsx?unitId=${dash.id}&kind=${kind}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    // Sheet rows are sparse (1-based); Array.from fills the holes.
    const values = Array.from(ws.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    const header = values.findIndex((r) => r[0] === 'STT');
    return { header: values[header]!, rows: values.slice(header + 1) };
  };

  it('exports a list with the columns of the screen', async () => {
    const terms = await exported('term_limit');
    expect(terms.header).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Chức vụ',
      'Tổ chức',
      'Giữ liên tục từ',
      'Đến hạn',
      'Tình trạng',
      'Lý do',
      'Căn cứ',
    ]);
    expect(terms.rows[0]![1]).toBe('Trần Văn Quá');
    expect(terms.rows[1]![1]).toBe('Phạm Văn Gần');
    // The retirement tab shows no post and no run in post.
    const retiring = await exported('retirement');
    expect(retiring.header).not.toContain('Chức vụ');
    expect(retiring.header).not.toContain('Giữ liên tục từ');
    expect(retiring.header).toContain('Đến hạn');
    expect(retiring.rows[0]![1]).toBe('Hoàng Văn Hưu');
  });
});

describe('non-local share of key posts', () => {
  it('counts key posts in force and compares with the target', async () => {
    const area = await makeUnit(t.db, {
      parent: root,
      type: 'district',
      name: 'Đảng bộ huyện Thống Kê',
      validFrom: '2000-01-01',
    });
    const place = async (name: string) =>
      makeUnit(t.db, {
        parent: area,
        name: `Đảng bộ xã ${name}`,
        locality: `Xã ${name}`,
        validFrom: '2000-01-01',
      });
    const [a, b] = [await place('Yên Mỹ'), await place('Duyên Hà')];
    const host = await makeUnit(t.db, {
      parent: a,
      type: 'grassroots_cell',
      validFrom: '2000-01-01',
    });
    const hold = async (code: string, unit: UnitRow, hometownCommune: string) => {
      const m = await makeMember(t.db, host, { hometownCommune, hometownProvince: 'Hà Nội' });
      await officer.post(
        `/api/members/${m.id}/appointments`,
        body({ postTitleId: id(code), unitId: unit.id, startDate: '2021-01-01', term: '' }),
      );
    };
    await hold('BT', a, 'Xã Yên Mỹ');
    await hold('BT', b, 'Xã Ngọc Hồi');
    await hold('CT-UBND', a, 'Xã Đông Mỹ');
    await hold('PBT', a, 'Xã Vạn Phúc'); // not a key post
    const before = (
      await boss.get(`/api/statistics/non-local?unitId=${area.id}&date=2023-06-30`)
    ).json();
    expect(before).toMatchObject({
      total: 3,
      nonLocal: 2,
      percentText: '66,7%',
      verdict: 'chưa có chỉ tiêu',
    });
    await t.db.insert(ruleEntries).values({
      key: 'nonlocal.key_posts_target_percent',
      value: 70,
      valueUnit: 'percent',
      document: 'Nghị quyết thử nghiệm',
      unitId: root.id,
      unitPath: root.path,
      validFrom: '2020-10-01',
    });
    forgetCachedRules();
    const after = (
      await boss.get(`/api/statistics/non-local?unitId=${area.id}&date=2023-06-30`)
    ).json();
    expect(after.verdict).toBe('66,7% (2/3) < chỉ tiêu 70% theo Nghị quyết thử nghiệm: chưa đạt');
    expect(after.reached).toBe(false);
    expect(after.citations.map((c: { document: string }) => c.document)).toContain(
      'Nghị quyết thử nghiệm',
    );
    expect(after.byPost).toEqual([
      expect.objectContaining({
        postTitleName: 'Bí thư',
        total: 2,
        nonLocal: 1,
        percentText: '50,0%',
      }),
      expect.objectContaining({ postTitleName: 'Chủ tịch Ủy ban nhân dân', total: 1, nonLocal: 1 }),
    ]);
    const early = (
      await boss.get(`/api/statistics/non-local?unitId=${area.id}&date=2020-12-31`)
    ).json();
    expect(early).toMatchObject({
      total: 0,
      reached: null,
      verdict: 'Chưa có chức danh chủ chốt nào để so với chỉ tiêu 70% theo Nghị quyết thử nghiệm',
    });
  });
});

describe('warnings name only people whose record the caller may see', () => {
  it('a post held in the subtree by a member registered elsewhere is counted there, not named', async () => {
    const ward = await makeUnit(t.db, {
      parent: root,
      type: 'commune',
      name: 'Đảng bộ phường Phạm Vi',
      locality: 'Phường Phạm Vi',
      validFrom: '2000-01-01',
    });
    const elsewhere = await makeUnit(t.db, {
      parent: root,
      type: 'grassroots_cell',
      name: 'Chi bộ Nơi Khác',
      validFrom: '2000-01-01',
    });
    const m = await makeMember(t.db, elsewhere, {
      fullName: 'Lý Văn Ngoài',
      birthDate: '1975-01-01',
      gender: 'male',
    });
    const added = await officer.post(
      `/api/members/${m.id}/appointments`,
      body({ postTitleId: id('BT'), unitId: ward.id, startDate: addMonths(now, -121), term: '' }),
    );
    expect(added.statusCode).toBe(201);
    await makeUser(t.db, ward, { username: 'posts.ward.reader', roles: ['reader'] });
    const local = await signIn(t.app, 'posts.ward.reader');
    const seen = (await local.get('/api/warnings?kind=term_limit')).json<WarningsDto>();
    expect(seen.items.map((r) => r.fullName)).not.toContain('Lý Văn Ngoài');
    const above = (
      await boss.get(`/api/warnings?unitId=${ward.id}&kind=term_limit`)
    ).json<WarningsDto>();
    expect(above.items.map((r) => r.fullName)).toEqual(['Lý Văn Ngoài']);
  });
});

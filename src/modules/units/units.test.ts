import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type UnitRow,
} from '../../testing/factories.ts';

let t: TestApp;
let city: UnitRow;
let wardA: UnitRow;
let wardB: UnitRow;
let other: UnitRow;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  wardA = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Tây Hồ', type: 'commune' });
  wardB = await makeUnit(t.db, {
    parent: city,
    name: 'Đảng bộ phường Phú Thượng',
    type: 'commune',
  });
  other = await makeUnit(t.db, { name: 'Đảng bộ Tỉnh Khác', type: 'province' });
  const user = await makeUser(t.db, city, { roles: ['officer'] });
  officer = await signIn(t.app, user.username);
});
afterAll(() => t.close());

const create = async (parentId: number, name: string, code: string, type = 'grassroots_cell') => {
  const res = await officer.post('/api/units', {
    parentId,
    type,
    code,
    name,
    locality: 'Hà Nội',
    validFrom: '2025-07-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; version: number }>();
};

describe('unit tree', () => {
  it('lists the actor root, then children, and counts the whole subtree', async () => {
    const roots = (await officer.get('/api/units/children')).json<
      { id: number; childCount: number }[]
    >();
    expect(roots.map((r) => r.id)).toEqual([city.id]);
    expect(roots[0]?.childCount).toBe(2);
    const kids = (await officer.get(`/api/units/children?parentId=${city.id}`)).json<
      { id: number }[]
    >();
    expect(kids.map((k) => k.id).sort()).toEqual([wardA.id, wardB.id].sort());

    const cell = await makeUnit(t.db, { parent: wardA, type: 'grassroots_cell' });
    await makeMember(t.db, cell, { gender: 'female' });
    await makeMember(t.db, cell, { status: 'probationary', officialDate: null });
    await makeMember(t.db, cell, { status: 'deceased' });
    const detail = (await officer.get(`/api/units/${city.id}`)).json<{
      stats: Record<string, number>;
      ancestors: unknown[];
    }>();
    expect(detail.stats).toMatchObject({
      units: 3,
      grassroots: 1,
      activeMembers: 2,
      fullMembers: 1,
      probationaryMembers: 1,
      femaleMembers: 1,
    });
    expect(detail.ancestors).toEqual([]);
    const wardDetail = (await officer.get(`/api/units/${wardA.id}`)).json<{
      ancestors: { id: number }[];
    }>();
    expect(wardDetail.ancestors.map((a) => a.id)).toEqual([city.id]);
  });

  it('finds units ignoring diacritics', async () => {
    const found = (await officer.get('/api/units/search?q=tay%20ho')).json<{ name: string }[]>();
    expect(found.map((f) => f.name)).toContain('Đảng bộ phường Tây Hồ');
  });

  it('never shows a unit outside the actor subtree', async () => {
    expect((await officer.get(`/api/units/${other.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/units/children?parentId=${other.id}`)).statusCode).toBe(404);
    const found = (await officer.get('/api/units/search?q=tinh%20khac')).json<unknown[]>();
    expect(found).toEqual([]);
  });

  it('refuses a child under a party cell, naming the rule and its source', async () => {
    const cell = await create(wardA.id, 'Chi bộ Khu dân cư số 1', 'TH-KDC1');
    const res = await officer.post('/api/units', {
      parentId: cell.id,
      type: 'cell',
      code: 'TH-KDC1-X',
      name: 'Chi bộ con',
      locality: '',
      validFrom: '2025-07-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Điều lệ Đảng/);
    expect(res.json().fields[0].field).toBe('parentId');
  });

  it('rejects bad input with a Vietnamese message naming the field, saving nothing', async () => {
    const before = (await officer.get(`/api/units/children?parentId=${wardB.id}`)).json<unknown[]>()
      .length;
    const res = await officer.post('/api/units', {
      parentId: wardB.id,
      type: 'cell',
      code: 'có dấu',
      name: 'X',
      validFrom: '31/02/2025',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ message: string; fields: { label: string }[] }>();
    expect(body.fields.map((f) => f.label)).toEqual(
      expect.arrayContaining(['Mã tổ chức', 'Tên tổ chức', 'Ngày có hiệu lực']),
    );
    const after = (await officer.get(`/api/units/children?parentId=${wardB.id}`)).json<unknown[]>()
      .length;
    expect(after).toBe(before);
  });

  it('renames with history, and the second of two concurrent saves gets a conflict', async () => {
    const unit = await create(wardB.id, 'Chi bộ Trường Tiểu học Phú Thượng', 'PT-TH');
    const renamed = await officer.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      effectiveDate: '2026-01-01',
      name: 'Chi bộ Trường Tiểu học Phú Thượng A',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await officer.patch(`/api/units/${unit.id}`, {
      version: unit.version,
      effectiveDate: '2026-02-01',
      name: 'Tên khác',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/người khác sửa/);
    const detail = (await officer.get(`/api/units/${unit.id}`)).json<{
      unit: { name: string };
      versions: { name: string; validTo: string | null }[];
    }>();
    expect(detail.unit.name).toBe('Chi bộ Trường Tiểu học Phú Thượng A');
    expect(detail.versions).toEqual([
      expect.objectContaining({ name: 'Chi bộ Trường Tiểu học Phú Thượng', validTo: '2025-12-31' }),
      expect.objectContaining({ name: 'Chi bộ Trường Tiểu học Phú Thượng A', validTo: null }),
    ]);
    const history = (await officer.get(`/api/history/unit/${unit.id}`)).json<
      { action: string; before: object; after: object }[]
    >();
    expect(history[0]).toMatchObject({
      action: 'rename',
      before: { name: 'Chi bộ Trường Tiểu học Phú Thượng' },
      after: { name: 'Chi bộ Trường Tiểu học Phú Thượng A' },
    });
  });

  it('moves a subtree and its members follow into the new scope', async () => {
    const committee = await create(
      wardA.id,
      'Đảng bộ Công an phường Tây Hồ',
      'TH-CA',
      'grassroots_committee',
    );
    const cell = await makeUnit(t.db, {
      parent: (await t.db.query.units.findFirst({ where: (u, { eq }) => eq(u.id, committee.id) }))!,
      type: 'cell',
    });
    await makeMember(t.db, cell, { fullName: 'Phạm Thị Di Chuyển' });
    const res = await officer.post(`/api/units/${committee.id}/move`, {
      version: committee.version,
      newParentId: wardB.id,
      effectiveDate: '2026-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const wardBUser = await makeUser(t.db, wardB, { roles: ['reader'] });
    const reader = await signIn(t.app, wardBUser.username);
    const list = (await reader.get('/api/members?q=di%20chuyen')).json<{
      items: { fullName: string }[];
    }>();
    expect(list.items.map((i) => i.fullName)).toEqual(['Phạm Thị Di Chuyển']);
    const movedCell = (await reader.get(`/api/units/${cell.id}`)).json<{
      ancestors: { id: number }[];
    }>();
    expect(movedCell.ancestors.map((a) => a.id)).toEqual([wardB.id, committee.id]);
  });

  it('merges communes into a new unit: sub-units follow and the old units end', async () => {
    const a = await makeUnit(t.db, {
      parent: city,
      type: 'commune',
      name: 'Đảng bộ xã Cũ Một',
      validFrom: '2015-01-01',
    });
    const b = await makeUnit(t.db, {
      parent: city,
      type: 'commune',
      name: 'Đảng bộ xã Cũ Hai',
      validFrom: '2015-01-01',
    });
    const cellA = await makeUnit(t.db, {
      parent: a,
      type: 'grassroots_cell',
      name: 'Chi bộ thôn 1',
      validFrom: '2015-01-01',
    });
    const cellB = await makeUnit(t.db, {
      parent: b,
      type: 'grassroots_cell',
      name: 'Chi bộ thôn 2',
    });
    await makeMember(t.db, cellA);
    await makeMember(t.db, cellB);
    const res = await officer.post('/api/units/merge', {
      sourceIds: [a.id, b.id],
      effectiveDate: '2025-07-01',
      decision: '1234-QĐ/TU',
      newUnit: {
        parentId: city.id,
        type: 'commune',
        code: 'XA-MOI',
        name: 'Đảng bộ xã Mới',
        locality: 'xã Mới',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { targetId } = res.json<{ targetId: number }>();
    const target = (await officer.get(`/api/units/${targetId}`)).json<{
      stats: { activeMembers: number; units: number };
      events: { kind: string; sources: { name: string }[] }[];
    }>();
    expect(target.stats).toMatchObject({ activeMembers: 2, units: 2 });
    expect(target.events[0]?.sources.map((s) => s.name).sort()).toEqual([
      'Đảng bộ xã Cũ Hai',
      'Đảng bộ xã Cũ Một',
    ]);
    const oldA = (await officer.get(`/api/units/${a.id}`)).json<{
      unit: { status: string; validTo: string };
      stats: { activeMembers: number };
    }>();
    expect(oldA.unit).toMatchObject({ status: 'merged', validTo: '2025-06-30' });
    expect(oldA.stats.activeMembers).toBe(0);
    const cell = (await officer.get(`/api/units/${cellA.id}`)).json<{
      ancestors: { id: number }[];
      versions: { parentName: string; validTo: string | null }[];
    }>();
    expect(cell.ancestors.map((x) => x.id)).toEqual([city.id, targetId]);
    expect(cell.versions).toEqual([
      expect.objectContaining({ parentName: 'Đảng bộ xã Cũ Một', validTo: '2025-06-30' }),
      expect.objectContaining({ parentName: 'Đảng bộ xã Mới', validTo: null }),
    ]);
  });

  it('merges cells into one of them: members move and keep the old cell in their history', async () => {
    const x = await makeUnit(t.db, {
      parent: wardA,
      type: 'grassroots_cell',
      name: 'Chi bộ Tổ dân phố 5',
    });
    const y = await makeUnit(t.db, {
      parent: wardA,
      type: 'grassroots_cell',
      name: 'Chi bộ Tổ dân phố 6',
    });
    const moving = await makeMember(t.db, y, { joinDate: '2001-05-19' });
    const res = await officer.post('/api/units/merge', {
      sourceIds: [x.id, y.id],
      targetId: x.id,
      effectiveDate: '2026-01-01',
      decision: '15-QĐ/ĐU',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ targetId: x.id, movedMembers: 1 });
    const member = (await officer.get(`/api/members/${moving.id}`)).json<{
      unitId: number;
      unitHistory: { unitNameThen: string; toDate: string | null; reason: string }[];
    }>();
    expect(member.unitId).toBe(x.id);
    expect(member.unitHistory).toEqual([
      expect.objectContaining({ unitNameThen: 'Chi bộ Tổ dân phố 6', toDate: '2025-12-31' }),
      expect.objectContaining({
        unitNameThen: 'Chi bộ Tổ dân phố 5',
        reason: 'merge',
        toDate: null,
      }),
    ]);
  });

  it('splits a unit, handing sub-units and members to the new units', async () => {
    const source = await makeUnit(t.db, {
      parent: wardA,
      type: 'grassroots_committee',
      name: 'Đảng bộ Trường Liên cấp',
    });
    const c1 = await makeUnit(t.db, { parent: source, type: 'cell', name: 'Chi bộ Tiểu học' });
    const c2 = await makeUnit(t.db, { parent: source, type: 'cell', name: 'Chi bộ THCS' });
    await makeMember(t.db, c1);
    const incomplete = await officer.post(`/api/units/${source.id}/split`, {
      version: source.version,
      effectiveDate: '2026-09-01',
      closeSource: true,
      parts: [
        {
          type: 'grassroots_committee',
          code: 'TLC-TH',
          name: 'Đảng bộ Trường Tiểu học',
          locality: '',
          childUnitIds: [c1.id],
        },
      ],
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().message).toMatch(/còn 1 tổ chức/);
    expect((await officer.get(`/api/units/${c1.id}`)).json().ancestors.at(-1).id).toBe(source.id);
    const res = await officer.post(`/api/units/${source.id}/split`, {
      version: source.version,
      effectiveDate: '2026-09-01',
      closeSource: true,
      parts: [
        {
          type: 'grassroots_committee',
          code: 'TLC-TH',
          name: 'Đảng bộ Trường Tiểu học',
          locality: '',
          childUnitIds: [c1.id],
        },
        {
          type: 'grassroots_committee',
          code: 'TLC-THCS',
          name: 'Đảng bộ Trường THCS',
          locality: '',
          childUnitIds: [c2.id],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { newUnitIds } = res.json<{ newUnitIds: number[] }>();
    const first = (await officer.get(`/api/units/${newUnitIds[0]}`)).json<{
      stats: { activeMembers: number };
    }>();
    expect(first.stats.activeMembers).toBe(1);
    expect((await officer.get(`/api/units/${source.id}`)).json().unit.status).toBe('split');
  });
});

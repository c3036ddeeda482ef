import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/actor.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type UnitRow,
} from '../../testing/factories.ts';
import { units, unitVersions } from '../units/units.schema.ts';
import {
  assertMemberVisible,
  countMembersInUnit,
  relocateMembers,
  rewriteMemberUnitPaths,
} from './members.service.ts';

let t: TestApp;
let city: UnitRow;
let ward: UnitRow;
let cellA: UnitRow;
let cellB: UnitRow;
let otherProvince: UnitRow;
let officer: Client;
let actor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  ward = await makeUnit(t.db, { parent: city, name: 'Đảng bộ phường Thử', type: 'commune' });
  cellA = await makeUnit(t.db, { parent: ward, name: 'Chi bộ Cũ', type: 'grassroots_cell' });
  cellB = await makeUnit(t.db, { parent: ward, name: 'Chi bộ Mới Đến', type: 'grassroots_cell' });
  otherProvince = await makeUnit(t.db, { name: 'Đảng bộ Tỉnh Khác', type: 'province' });
  const user = await makeUser(t.db, city, { roles: ['officer'] });
  officer = await signIn(t.app, user.username);
  actor = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: city.id,
    scopePath: city.path,
    roles: ['officer'],
    permissions: [],
    memberId: null,
  };
});
afterAll(() => t.close());

const query = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);

type History = {
  unitId: number;
  unitNameThen: string;
  unitNameNow: string;
  fromDate: string;
  toDate: string | null;
  reason: string;
  note: string | null;
};

describe('chuyển sinh hoạt (transfer)', () => {
  it('moves the member and keeps the period in the old unit', async () => {
    const m = await makeMember(t.db, cellA, { fullName: 'Cao Văn Chuyển' });
    const res = await officer.post(`/api/members/${m.id}/transfer`, {
      version: 1,
      toUnitId: cellB.id,
      effectiveDate: '2025-09-01',
      note: 'Theo giấy giới thiệu số 12',
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json<{
      unitId: number;
      unitName: string;
      version: number;
      unitHistory: History[];
    }>();
    expect(moved).toMatchObject({ unitId: cellB.id, unitName: cellB.name, version: 2 });
    expect(moved.unitHistory).toEqual([
      expect.objectContaining({
        unitId: cellA.id,
        fromDate: '2005-03-02',
        toDate: '2025-08-31',
        reason: 'joined',
      }),
      expect.objectContaining({
        unitId: cellB.id,
        fromDate: '2025-09-01',
        toDate: null,
        reason: 'transfer',
        note: 'Theo giấy giới thiệu số 12',
      }),
    ]);
    const list = (await officer.get(`/api/members?unitId=${cellB.id}`)).json<{
      items: { id: number }[];
    }>();
    expect(list.items.map((i) => i.id)).toContain(m.id);

    const history = (await officer.get(`/api/history/member/${m.id}`)).json<
      { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[]
    >();
    expect(history[0]).toMatchObject({
      action: 'transfer',
      before: { unitId: cellA.id, unitName: 'Chi bộ Cũ' },
      after: { unitId: cellB.id, unitName: 'Chi bộ Mới Đến', effectiveDate: '2025-09-01' },
    });
  });

  it('shows the unit name as it was then and as it is now', async () => {
    const unit = await makeUnit(t.db, { parent: ward, name: 'Chi bộ Tên Cũ', type: 'cell' });
    const m = await makeMember(t.db, unit, { fullName: 'Hà Văn Đổi Tên' });
    await t.db
      .update(unitVersions)
      .set({ validTo: '2025-09-30' })
      .where(eq(unitVersions.unitId, unit.id));
    await t.db.insert(unitVersions).values({
      unitId: unit.id,
      validFrom: '2025-10-01',
      parentId: ward.id,
      type: 'cell',
      code: unit.code,
      name: 'Chi bộ Tên Mới',
      locality: '',
    });
    await t.db.update(units).set({ name: 'Chi bộ Tên Mới' }).where(eq(units.id, unit.id));
    const dto = (await officer.get(`/api/members/${m.id}`)).json<{
      unitName: string;
      unitHistory: History[];
    }>();
    expect(dto.unitName).toBe('Chi bộ Tên Mới');
    expect(dto.unitHistory[0]).toMatchObject({
      unitNameThen: 'Chi bộ Tên Cũ',
      unitNameNow: 'Chi bộ Tên Mới',
    });
  });

  it('refuses a unit that does not hold members, a unit out of scope, a stale version and a bad date', async () => {
    const m = await makeMember(t.db, cellA, { fullName: 'Lý Văn Ở Lại' });
    const [before] = await query<{ n: number }>(
      'select count(*)::int as n from member_unit_history',
    );
    const send = (over: object) =>
      officer.post(`/api/members/${m.id}/transfer`, {
        version: 1,
        toUnitId: cellB.id,
        effectiveDate: '2025-09-01',
        ...over,
      });
    const fieldOf = async (over: object) => {
      const res = await send(over);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<{ fields: { field: string }[] }>().fields[0]!.field;
    };
    expect(await fieldOf({ toUnitId: ward.id })).toBe('toUnitId');
    const far = await makeUnit(t.db, { parent: otherProvince, type: 'grassroots_cell' });
    expect(await fieldOf({ toUnitId: far.id })).toBe('toUnitId');
    expect(await fieldOf({ toUnitId: cellA.id })).toBe('toUnitId');
    expect(await fieldOf({ effectiveDate: '2005-03-02' })).toBe('effectiveDate');
    expect((await send({ version: 7 })).statusCode).toBe(409);
    const [after] = await query<{ n: number }>(
      'select count(*)::int as n from member_unit_history',
    );
    expect(after!.n).toBe(before!.n);
    const dto = (await officer.get(`/api/members/${m.id}`)).json<{
      unitId: number;
      version: number;
    }>();
    expect(dto).toMatchObject({ unitId: cellA.id, version: 1 });
  });
});

describe('functions for the units module', () => {
  it('relocateMembers moves every member of the sources, archived too, with history and audit', async () => {
    const src = await makeUnit(t.db, { parent: ward, type: 'cell', name: 'Chi bộ Nguồn' });
    const dst = await makeUnit(t.db, { parent: ward, type: 'cell', name: 'Chi bộ Đích' });
    const N = 30;
    const ids: number[] = [];
    for (let i = 0; i < N; i++) {
      const m = await makeMember(t.db, src, {
        fullName: `Trịnh Văn Số ${String.fromCharCode(65 + (i % 26))}`,
        archivedAt: i < 2 ? new Date() : null,
      });
      ids.push(m.id);
    }
    const [auditBefore] = await query<{ n: number }>('select count(*)::int as n from audit_log');
    const moved = await t.db.transaction((tx) =>
      relocateMembers(tx, actor, {
        fromUnitIds: [src.id],
        to: { id: dst.id, path: dst.path, name: dst.name },
        effectiveDate: '2025-07-01',
        reason: 'merge',
        note: 'QĐ 01-QĐ/TU',
      }),
    );
    expect(moved).toBe(N);

    const [rows] = await query<{
      in_dst: number;
      path_ok: number;
      open_dst: number;
      closed: number;
      audits: number;
      versions: number;
    }>(
      `select
         (select count(*)::int from members where id = any($1::int[]) and unit_id = $2) as in_dst,
         (select count(*)::int from members where id = any($1::int[]) and unit_path = $3) as path_ok,
         (select count(*)::int from member_unit_history where member_id = any($1::int[])
            and unit_id = $2 and to_date is null and from_date = '2025-07-01' and reason = 'merge'
            and note = 'QĐ 01-QĐ/TU') as open_dst,
         (select count(*)::int from member_unit_history where member_id = any($1::int[])
            and unit_id = $4 and to_date = '2025-06-30') as closed,
         (select count(*)::int from audit_log where entity_type = 'member' and action = 'merge'
            and entity_id = any($1::int[]) and (before->>'unitId')::int = $4
            and (after->>'unitId')::int = $2 and scope_path = $3) as audits,
         (select count(*)::int from members where id = any($1::int[]) and version = 2) as versions`,
      [`{${ids.join(',')}}`, dst.id, dst.path, src.id],
    );
    expect(rows).toEqual({ in_dst: N, path_ok: N, open_dst: N, closed: N, audits: N, versions: N });
    const [auditAfter] = await query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(auditAfter!.n - auditBefore!.n).toBe(N);

    const stats = await query<{ unit_id: number; active: number; archived: number }>(
      'select unit_id, active, archived from unit_member_stats where unit_id = any($1::int[]) order by unit_id',
      [`{${src.id},${dst.id}}`],
    );
    expect(stats).toEqual([
      { unit_id: src.id, active: 0, archived: 0 },
      { unit_id: dst.id, active: N - 2, archived: 2 },
    ]);
    expect(await countMembersInUnit(t.db, src.id)).toBe(0);
    expect(await countMembersInUnit(t.db, dst.id)).toBe(N);
  });

  it('relocateMembers with requireUnitId moves only listed members of that unit', async () => {
    const src = await makeUnit(t.db, { parent: ward, type: 'cell' });
    const elsewhere = await makeUnit(t.db, { parent: ward, type: 'cell' });
    const dst = await makeUnit(t.db, { parent: ward, type: 'cell' });
    const a = await makeMember(t.db, src);
    await makeMember(t.db, src);
    const b = await makeMember(t.db, elsewhere);
    const moved = await t.db.transaction((tx) =>
      relocateMembers(tx, actor, {
        memberIds: [a.id, b.id],
        requireUnitId: src.id,
        to: { id: dst.id, path: dst.path, name: dst.name },
        effectiveDate: '2025-07-01',
        reason: 'split',
      }),
    );
    expect(moved).toBe(1);
    expect(await countMembersInUnit(t.db, dst.id)).toBe(1);
    expect(await countMembersInUnit(t.db, src.id)).toBe(1);
  });

  it('relocateMembers ignores members outside the actor scope', async () => {
    const far = await makeUnit(t.db, { parent: otherProvince, type: 'cell' });
    const dst = await makeUnit(t.db, { parent: ward, type: 'cell' });
    await makeMember(t.db, far);
    const moved = await t.db.transaction((tx) =>
      relocateMembers(tx, actor, {
        fromUnitIds: [far.id],
        to: { id: dst.id, path: dst.path, name: dst.name },
        effectiveDate: '2025-07-01',
        reason: 'merge',
      }),
    );
    expect(moved).toBe(0);
  });

  it('rewriteMemberUnitPaths re-roots the copied paths of a subtree only', async () => {
    const gc = await makeUnit(t.db, { parent: ward, type: 'grassroots_committee' });
    const inner = await makeUnit(t.db, { parent: gc, type: 'cell' });
    const a = await makeMember(t.db, inner);
    const b = await makeMember(t.db, cellA);
    const newPrefix = `${city.path}${gc.id}/`;
    await t.db.transaction((tx) => rewriteMemberUnitPaths(tx, gc.path, newPrefix));
    const rows = await query<{ id: number; unit_path: string }>(
      'select id, unit_path from members where id = any($1::int[]) order by id',
      [`{${a.id},${b.id}}`],
    );
    expect(rows).toEqual([
      { id: a.id, unit_path: `${newPrefix}${inner.id}/` },
      { id: b.id, unit_path: cellA.path },
    ]);
  });

  it('assertMemberVisible hides members outside the scope, except the actor own record', async () => {
    const far = await makeUnit(t.db, { parent: otherProvince, type: 'cell' });
    const m = await makeMember(t.db, far);
    await expect(assertMemberVisible(t.db, actor, m.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      assertMemberVisible(t.db, { ...actor, memberId: m.id }, m.id),
    ).resolves.toBeUndefined();
    const near = await makeMember(t.db, cellA);
    await expect(assertMemberVisible(t.db, actor, near.id)).resolves.toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AttendeePage,
  CheckInResult,
  CongressDto,
  CongressPage,
  ThresholdBaseDto,
} from '../../contracts/congress.ts';
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
let officer: Client;
let reader: Client;
let commune: UnitRow;
let cell: UnitRow;
let people: MemberRow[];

beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  commune = await makeUnit(t.db, { parent: root, type: 'commune', name: 'Đảng bộ xã Tứ Hiệp' });
  cell = await makeUnit(t.db, {
    parent: commune,
    type: 'grassroots_cell',
    name: 'Chi bộ thôn Một',
  });
  people = [];
  // 11 full members (A's example: 10 present → 5 votes do not elect, 6 do), 1 probationary.
  for (let i = 0; i < 11; i++)
    people.push(
      await makeMember(t.db, cell, { fullName: `Nguyễn Văn Đảng ${String.fromCharCode(65 + i)}` }),
    );
  people.push(
    await makeMember(t.db, cell, {
      fullName: 'Lê Thị Dự Bị',
      gender: 'female',
      status: 'probationary',
    }),
  );
  await makeMember(t.db, cell, { fullName: 'Trần Văn Đã Chuyển', status: 'transferred_out' });
  await makeUser(t.db, commune, { username: 'congress.officer', roles: ['officer'] });
  await makeUser(t.db, commune, { username: 'congress.reader', roles: ['reader'] });
  officer = await signIn(t.app, 'congress.officer');
  reader = await signIn(t.app, 'congress.reader');
});
afterAll(() => t.close());

const newCongress = (over: Record<string, unknown> = {}) => ({
  unitId: commune.id,
  name: 'Đại hội Đảng bộ xã Tứ Hiệp lần thứ I',
  term: '2025-2030',
  kind: 'members',
  startsOn: '2025-07-20',
  endsOn: '2025-07-21',
  bodies: [
    { kind: 'executive_committee', name: 'Ban Chấp hành', seats: 9 },
    { kind: 'standing_committee', name: 'Ban Thường vụ', seats: 3 },
  ],
  ...over,
});

describe('congress', () => {
  it('takes the age reference month from the rule of the level, and warns on seats with the rule', async () => {
    const res = await officer.post('/api/congresses', newCongress());
    expect(res.statusCode).toBe(201);
    const c = res.json<CongressDto>();
    expect(c.ageReferenceMonth).toBe('2025-07');
    expect(c.bodies.map((b) => b.seats)).toEqual([9, 3]);
    expect(c.seatChecks.map((s) => s.status)).toEqual(['over', 'over']);
    expect(c.seatChecks[0]!.message).toContain('27–33');
    expect(c.seatChecks[0]!.citations[0]!.document).toContain('45-CT/TW');
    const history = await reader.get(`/api/congresses/${c.id}/history`);
    expect(history.body).toContain('Tạo Đại hội Đảng bộ xã Tứ Hiệp');
  });

  it('refuses bad input in Vietnamese and saves nothing', async () => {
    const before = (await reader.get('/api/congresses')).json<CongressPage>().total;
    const res = await officer.post('/api/congresses', newCongress({ endsOn: '2025-07-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain(
      'Ngày bế mạc không được trước ngày khai mạc',
    );
    const two = await officer.post(
      '/api/congresses',
      newCongress({ bodies: [{ kind: 'secretary', name: 'Bí thư', seats: 2 }] }),
    );
    expect(two.statusCode).toBe(400);
    expect((await reader.get('/api/congresses')).json<CongressPage>().total).toBe(before);
    expect((await reader.post('/api/congresses', newCongress())).statusCode).toBe(403);
  });

  it('edits with an optimistic version, and keeps bodies that have a plan', async () => {
    const c = (
      await officer.post('/api/congresses', newCongress({ name: 'Đại hội sửa' }))
    ).json<CongressDto>();
    const edited = await officer.patch(`/api/congresses/${c.id}`, {
      version: c.version,
      name: 'Đại hội đã sửa',
      bodies: [
        ...c.bodies.map((b) => ({
          id: b.id,
          kind: b.kind,
          name: b.name,
          seats: b.seats === 9 ? 27 : b.seats,
        })),
      ],
    });
    expect(edited.statusCode).toBe(200);
    const saved = edited.json<CongressDto>();
    expect(saved.name).toBe('Đại hội đã sửa');
    expect(saved.seatChecks[0]!.status).toBe('ok');
    expect(
      (await officer.patch(`/api/congresses/${c.id}`, { version: c.version, name: 'Cũ' }))
        .statusCode,
    ).toBe(409);
    await officer.post(`/api/congresses/${c.id}/bodies/${c.bodies[0]!.id}/candidates`, {
      memberIds: [people[0]!.id],
    });
    const drop = await officer.patch(`/api/congresses/${c.id}`, {
      version: saved.version,
      bodies: [],
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.body).toContain('Ban Chấp hành');
  });

  it('keeps a body that already has an election, saying why', async () => {
    const c = (
      await officer.post('/api/congresses', newCongress({ name: 'Đại hội có cuộc bầu' }))
    ).json<CongressDto>();
    const [executive, standing] = c.bodies as [
      CongressDto['bodies'][number],
      CongressDto['bodies'][number],
    ];
    const election = await officer.post(`/api/congresses/${c.id}/elections`, {
      bodyId: standing.id,
    });
    expect(election.statusCode, election.body).toBe(201);
    const drop = await officer.patch(`/api/congresses/${c.id}`, {
      version: c.version,
      bodies: [{ id: executive.id, kind: executive.kind, name: executive.name, seats: 9 }],
    });
    expect(drop.statusCode, drop.body).toBe(409);
    expect(drop.json().message).toContain('Ban Thường vụ');
  });

  it('lists congresses of the subtree, searchable without diacritics', async () => {
    const page = (await reader.get('/api/congresses?q=tu hiep&pageSize=1')).json<CongressPage>();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(page.items[0]!.unitName).toBe('Đảng bộ xã Tứ Hiệp');
  });
});

describe("members' congress: summon, statuses, base, check-in", () => {
  let c: CongressDto;
  const list = async (q = '') =>
    (await reader.get(`/api/congresses/${c.id}/attendees?pageSize=200${q}`)).json<AttendeePage>();

  beforeAll(async () => {
    c = (
      await officer.post('/api/congresses', newCongress({ name: 'Đại hội đảng viên' }))
    ).json<CongressDto>();
  });

  it('summons every full and probationary member of the subtree once', async () => {
    const res = await officer.post(`/api/congresses/${c.id}/attendees/summon-members`);
    expect(res.json()).toEqual({ added: 12, alreadySummoned: 0 });
    expect(
      (await officer.post(`/api/congresses/${c.id}/attendees/summon-members`)).json(),
    ).toMatchObject({ added: 0 });
    const page = await list();
    expect(page.total).toBe(12);
    expect(page.counts.byRole).toEqual({ full_member: 11, probationary_member: 1 });
    expect(page.items.map((a) => a.fullName)).not.toContain('Trần Văn Đã Chuyển');
  });

  it('computes the base from the statuses with its breakdown and citation', async () => {
    const page = await list();
    const byName = new Map(page.items.map((a) => [a.fullName, a]));
    const set = async (name: string, status: string) => {
      const a = byName.get(name)!;
      const res = await officer.patch(`/api/congress-attendees/${a.id}`, {
        version: a.version,
        status,
        statusNote: 'Lý do',
      });
      expect(res.statusCode).toBe(200);
    };
    await set('Nguyễn Văn Đảng A', 'absent_excused');
    await set('Nguyễn Văn Đảng B', 'absent_unexcused');
    const base = (
      await reader.get(`/api/congresses/${c.id}/threshold-base`)
    ).json<ThresholdBaseDto>();
    // 11 full members − 1 absent with an accepted reason; the one absent without reason stays.
    expect(base.summoned).toBe(11);
    expect(base.base).toBe(10);
    expect(base.explanation).toBe('11 − 1 = 10: trúng cử phải được trên một nửa của 10');
    expect(base.citations[0]!.document).toContain('190-QĐ/TW');
    const stale = await officer.patch(
      `/api/congress-attendees/${byName.get('Nguyễn Văn Đảng A')!.id}`,
      {
        version: 1,
        status: 'present',
      },
    );
    expect(stale.statusCode).toBe(409);
    const bad = await officer.patch(
      `/api/congress-attendees/${byName.get('Nguyễn Văn Đảng C')!.id}`,
      {
        version: 1,
        status: 'replaced',
      },
    );
    expect(bad.statusCode).toBe(400);
  });

  it('checks in by the card code a scanner types, and by a name without diacritics', async () => {
    const page = await list();
    const d = page.items.find((a) => a.fullName === 'Nguyễn Văn Đảng D')!;
    const byCode = (
      await officer.post(`/api/congresses/${c.id}/check-in`, { query: d.cardCode.toLowerCase() })
    ).json<CheckInResult>();
    expect(byCode.outcome).toBe('checked_in');
    expect(byCode.attendee!.checkedInAt).not.toBeNull();
    expect(byCode.counts.present).toBe(1);
    const again = (
      await officer.post(`/api/congresses/${c.id}/check-in`, { query: d.cardCode })
    ).json<CheckInResult>();
    expect(again.outcome).toBe('already_present');
    const byName = (
      await officer.post(`/api/congresses/${c.id}/check-in`, { query: 'le thi du bi' })
    ).json<CheckInResult>();
    expect(byName.outcome).toBe('checked_in');
    expect(byName.attendee!.fullName).toBe('Lê Thị Dự Bị');
    const many = (
      await officer.post(`/api/congresses/${c.id}/check-in`, { query: 'nguyen van dang' })
    ).json<CheckInResult>();
    expect(many.outcome).toBe('ambiguous');
    expect(many.matches.length).toBeGreaterThan(5);
    const pick = (
      await officer.post(
        `/api/congress-attendees/${many.matches.find((m) => m.fullName.endsWith(' E'))!.id}/check-in`,
      )
    ).json<CheckInResult>();
    expect(pick.outcome).toBe('checked_in');
    expect(pick.counts.present).toBe(3);
    const none = (
      await officer.post(`/api/congresses/${c.id}/check-in`, { query: 'khong co ai' })
    ).json<CheckInResult>();
    expect(none.outcome).toBe('not_found');
    expect(
      (await reader.post(`/api/congresses/${c.id}/check-in`, { query: d.cardCode })).statusCode,
    ).toBe(403);
    expect((await list('&status=present')).total).toBe(3);
  });

  it('refuses to check in someone suspended', async () => {
    const f = (await list('&q=dang f')).items[0]!;
    await officer.patch(`/api/congress-attendees/${f.id}`, {
      version: f.version,
      status: 'suspended',
    });
    const res = (
      await officer.post(`/api/congresses/${c.id}/check-in`, { query: f.cardCode })
    ).json<CheckInResult>();
    expect(res.outcome).toBe('not_allowed');
    expect(res.message).toContain('đình chỉ');
  });

  it('prints the delegate cards as a PDF', async () => {
    const res = await reader.get(`/api/congresses/${c.id}/cards.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe("delegates' congress: delegates, alternates, replacement", () => {
  it('replaces an absent delegate by an alternate, keeping the base', async () => {
    const c = (
      await officer.post(
        '/api/congresses',
        newCongress({ name: 'Đại hội đại biểu', kind: 'delegates' }),
      )
    ).json<CongressDto>();
    const ids = people.slice(0, 5).map((p) => p.id);
    expect(
      (
        await officer.post(`/api/congresses/${c.id}/attendees`, {
          memberIds: ids.slice(0, 4),
          role: 'delegate',
        })
      ).json(),
    ).toEqual({ added: 4, alreadySummoned: 0 });
    await officer.post(`/api/congresses/${c.id}/attendees`, {
      memberIds: [ids[4]],
      role: 'alternate',
    });
    const wrong = await officer.post(`/api/congresses/${c.id}/attendees/summon-members`);
    expect(wrong.statusCode).toBe(409);
    const page = (await reader.get(`/api/congresses/${c.id}/attendees`)).json<AttendeePage>();
    const delegate = page.items.find((a) => a.memberId === ids[0])!;
    const other = page.items.find((a) => a.memberId === ids[1])!;
    const alternate = page.items.find((a) => a.role === 'alternate')!;
    // Outgoing committee member, absent: excluded from the base.
    await officer.patch(`/api/congress-attendees/${other.id}`, {
      version: other.version,
      conveningCommittee: true,
      status: 'absent_excused',
    });
    const absent = await officer.patch(`/api/congress-attendees/${delegate.id}`, {
      version: delegate.version,
      status: 'absent_excused',
    });
    const replaced = await officer.post(`/api/congress-attendees/${delegate.id}/replace`, {
      version: absent.json<{ version: number }>().version,
      alternateId: alternate.id,
      statusNote: 'Ốm',
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      status: 'replaced',
      replacedByName: alternate.fullName,
    });
    const base = (
      await reader.get(`/api/congresses/${c.id}/threshold-base`)
    ).json<ThresholdBaseDto>();
    expect(base.summoned).toBe(4);
    expect(base.base).toBe(3);
    // The alternate cannot take a second seat.
    const third = page.items.find((a) => a.memberId === ids[2])!;
    const t2 = await officer.patch(`/api/congress-attendees/${third.id}`, {
      version: third.version,
      status: 'absent_excused',
    });
    const twice = await officer.post(`/api/congress-attendees/${third.id}/replace`, {
      version: t2.json<{ version: number }>().version,
      alternateId: alternate.id,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('đã thay một đại biểu khác');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CongressDto, NominationDto, NomineeDto, PlanDto } from '../../contracts/congress.ts';
import type { PostTitleDto } from '../../contracts/posts.ts';
import { listNominees } from './congress.service.ts';
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
let c: CongressDto;
let committee: number;
const m: Record<string, MemberRow> = {};

beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', type: 'province' });
  commune = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Kế Hoạch',
    validFrom: '1990-01-01',
  });
  const cell = await makeUnit(t.db, { parent: commune, type: 'grassroots_cell' });
  m.old = await makeMember(t.db, cell, { fullName: 'Phạm Văn Tái', birthDate: '1968-03-15' });
  m.young = await makeMember(t.db, cell, {
    fullName: 'Hà Thị Trẻ',
    gender: 'female',
    birthDate: '1990-02-01',
    ethnicity: 'Tày',
  });
  m.late = await makeMember(t.db, cell, { fullName: 'Đỗ Văn Muộn', birthDate: '1968-03-20' });
  for (const n of ['Một', 'Hai', 'Ba'])
    m[n] = await makeMember(t.db, cell, { fullName: `Vũ Văn ${n}`, birthDate: '1982-01-01' });
  await makeUser(t.db, commune, { username: 'plan.officer', roles: ['officer'] });
  await makeUser(t.db, commune, { username: 'plan.reader', roles: ['reader'] });
  officer = await signIn(t.app, 'plan.officer');
  reader = await signIn(t.app, 'plan.reader');
  c = (
    await officer.post('/api/congresses', {
      unitId: commune.id,
      name: 'Đại hội Đảng bộ phường Kế Hoạch',
      term: '2025-2030',
      kind: 'delegates',
      startsOn: '2025-07-20',
      endsOn: '2025-07-21',
      bodies: [
        { kind: 'executive_committee', name: 'Ban Chấp hành', seats: 2 },
        { kind: 'standing_committee', name: 'Ban Thường vụ', seats: 1 },
      ],
    })
  ).json<CongressDto>();
  committee = c.bodies[0]!.id;
  // Phạm Văn Tái sits on the outgoing committee: re-elected, read from the posts module.
  const titles = (await reader.get('/api/post-titles')).json<PostTitleDto[]>();
  const uv = titles.find((p) => p.code === 'UV-BCH')!;
  const res = await officer.post(`/api/members/${m.old!.id}/appointments`, {
    postTitleId: uv.id,
    unitId: commune.id,
    startDate: '2020-10-01',
    method: 'elected',
    term: '2020-2025',
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => t.close());

const planOf = async (body = committee) =>
  (await reader.get(`/api/congresses/${c.id}/bodies/${body}/plan`)).json<PlanDto>();

describe('personnel plan', () => {
  it("checks each candidate with the rule used, and the list's structure", async () => {
    const add = await officer.post(`/api/congresses/${c.id}/bodies/${committee}/candidates`, {
      memberIds: [m.old!.id, m.young!.id, m.late!.id],
    });
    expect(add.json()).toMatchObject({ added: 3 });
    const plan = await planOf();
    const by = new Map(plan.candidates.map((x) => [x.fullName, x]));
    const old = by.get('Phạm Văn Tái')!;
    expect(old.reelected).toBe(true);
    expect(old.reelectedSource).toBe('posts');
    // Born 03/1968, retires 03/2030: 56 months at 07/2025 — enough to be re-elected (48)...
    expect(old.service.status).toBe('ok');
    expect(old.service.citations.map((x) => x.document).join()).toContain('45-CT/TW');
    // ...but the same age is not enough for a first term (60 months).
    expect(by.get('Đỗ Văn Muộn')!.service.status).toBe('ineligible');
    expect(by.get('Đỗ Văn Muộn')!.service.message).toContain('lần đầu');
    const young = by.get('Hà Thị Trẻ')!;
    expect(young).toMatchObject({
      young: true,
      ethnicMinority: true,
      reelected: false,
      ageAtReference: 35,
    });
    // The reader has no access to the protected résumé: discipline is not reported as clean.
    expect(young.discipline.status).toBe('unknown');
    expect(young.dossier.status).toBe('ineligible');
    expect(young.dossier.message).toContain('0/11');
    expect(plan.surplus).toBe(1);
    expect(plan.surplusPercent).toBe(50);
    const lines = new Map(plan.structure.map((l) => [l.key, l]));
    expect(lines.get('women')).toMatchObject({ count: 1, percent: 33.33 });
    expect(lines.get('women')!.check!.status).toBe('ok');
    expect(lines.get('reelected')).toMatchObject({ count: 1, percent: 33.33 });
    expect(lines.get('first_time')).toMatchObject({ count: 2, percent: 66.67 });
    expect(lines.get('standing_woman')!.check!.status).toBe('ineligible');
  });

  it('takes a hand mark of re-election over the posts module, with a version', async () => {
    const late = (await planOf()).candidates.find((x) => x.fullName === 'Đỗ Văn Muộn')!;
    const res = await officer.patch(`/api/congress-candidates/${late.id}`, {
      version: late.version,
      reelectedOverride: true,
    });
    expect(res.statusCode).toBe(200);
    const again = (await planOf()).candidates.find((x) => x.id === late.id)!;
    expect(again).toMatchObject({ reelected: true, reelectedSource: 'manual' });
    expect(again.service.status).toBe('ok');
    expect(
      (
        await officer.patch(`/api/congress-candidates/${late.id}`, {
          version: late.version,
          note: 'x',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await reader.patch(`/api/congress-candidates/${late.id}`, {
          version: again.version,
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses someone outside the organisation', async () => {
    const other = await makeUnit(t.db, { type: 'commune', name: 'Đảng bộ khác' });
    const outsider = await makeMember(t.db, other, { fullName: 'Người Ngoài' });
    const res = await officer.post(`/api/congresses/${c.id}/bodies/${committee}/candidates`, {
      memberIds: [outsider.id],
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('nomination rounds', () => {
  const get = async () =>
    (
      await reader.get(`/api/congresses/${c.id}/bodies/${committee}/nomination`)
    ).json<NominationDto>();

  it('creates the five steps of the guidance and records tallies as counts', async () => {
    const created = (
      await officer.post(`/api/congresses/${c.id}/bodies/${committee}/nomination-steps`, {})
    ).json<NominationDto>();
    expect(created.steps).toHaveLength(5);
    const [s1, s2] = created.steps;
    const everyone = [m.old, m.young, m.late, m.Một, m.Hai].map((x) => x!.id);
    // 10 summoned, 9 present: 6 votes pass (> 50% of 10), 5 do not.
    const r1 = await officer.patch(`/api/nomination-steps/${s1!.id}`, {
      version: s1!.version,
      summoned: 10,
      present: 9,
      meetingDate: '2025-03-01',
      tallies: everyone.map((id, i) => ({ memberId: id, votes: [9, 8, 6, 5, 2][i]! })),
    });
    expect(r1.statusCode).toBe(200);
    const step1 = r1.json<NominationDto>().steps[0]!;
    expect(step1.entered).toBe(5);
    expect(step1.passed).toBe(3);
    expect(step1.tallies.find((x) => x.votes === 5)!.passed).toBe(false);
    expect(step1.passRule.citations[0]!.document).toContain('45-CT/TW');

    // A name that did not pass step 1 cannot enter step 2.
    const refused = await officer.patch(`/api/nomination-steps/${s2!.id}`, {
      version: s2!.version,
      summoned: 20,
      present: 20,
      tallies: [{ memberId: m.Một!.id, votes: 15 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Chỉ người đã qua Bước 1');
    const over = await officer.patch(`/api/nomination-steps/${s2!.id}`, {
      version: s2!.version,
      summoned: 20,
      present: 10,
      tallies: [{ memberId: m.old!.id, votes: 11 }],
    });
    expect(over.statusCode).toBe(400);
    const ok = await officer.patch(`/api/nomination-steps/${s2!.id}`, {
      version: s2!.version,
      summoned: 20,
      present: 18,
      tallies: [
        { memberId: m.old!.id, votes: 15 },
        { memberId: m.young!.id, votes: 11 },
        { memberId: m.late!.id, votes: 10 },
      ],
    });
    expect(ok.statusCode).toBe(200);
    const funnel = (await get()).funnel;
    expect(funnel.slice(0, 2).map((f) => [f.entered, f.passed])).toEqual([
      [5, 3],
      [3, 2],
    ]);
  });

  it('refuses an edit of an earlier step that would drop a name a later step lists', async () => {
    const s1 = (await get()).steps[0]!;
    const res = await officer.patch(`/api/nomination-steps/${s1.id}`, {
      version: s1.version,
      tallies: [
        { memberId: m.old!.id, votes: 9 },
        { memberId: m.young!.id, votes: 2 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('không còn qua bước trước');
  });

  it('gives the names passing the last step as nominees, once steps are trimmed to two', async () => {
    expect(
      (await reader.get(`/api/congresses/${c.id}/bodies/${committee}/nominees`)).json(),
    ).toEqual([]);
    for (let i = 0; i < 3; i++) {
      const steps = (await get()).steps;
      const last = steps[steps.length - 1]!;
      expect(
        (await officer.delete(`/api/nomination-steps/${last.id}?version=${last.version}`))
          .statusCode,
      ).toBe(200);
    }
    const first = (await get()).steps[0]!;
    expect(
      (await officer.delete(`/api/nomination-steps/${first.id}?version=${first.version}`))
        .statusCode,
    ).toBe(409);
    const nominees = (
      await reader.get(`/api/congresses/${c.id}/bodies/${committee}/nominees`)
    ).json<NomineeDto[]>();
    expect(nominees.map((n) => n.fullName).sort()).toEqual(['Hà Thị Trẻ', 'Phạm Văn Tái']);
    expect(nominees.find((n) => n.fullName === 'Phạm Văn Tái')).toMatchObject({
      votes: 15,
      percent: 75,
    });
    // The same list through the function the elections module calls.
    const actor = {
      userId: 1,
      username: 'x',
      displayName: 'x',
      unitId: commune.id,
      scopePath: commune.path,
      roles: ['reader' as const],
      permissions: [],
      memberId: null,
    };
    const direct = await listNominees({ db: t.db, actor, congressId: c.id, bodyId: committee });
    expect(direct.map((n) => n.memberId).sort()).toEqual(nominees.map((n) => n.memberId).sort());
    expect(
      (await planOf()).candidates
        .filter((x) => x.nominated)
        .map((x) => x.fullName)
        .sort(),
    ).toEqual(['Hà Thị Trẻ', 'Phạm Văn Tái']);
  });
});

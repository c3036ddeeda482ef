import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ElectionDto,
  EntryRoundDto,
  ReconciliationDto,
  RoundReport,
} from '../../contracts/elections.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type UnitRow,
} from '../../testing/factories.ts';
import { makeCongress, type CongressFixture } from './elections.fixture.ts';

let t: TestApp;
let root: UnitRow;
let commune: UnitRow;
let officer: Client;
let communeAdmin: Client;
let counter1: Client;
let counter2: Client;
let strangerCounter: Client;
let fx: CongressFixture;
let electionId: number;
let roundId: number;
const names = ['Lê Thị Hoa', 'Trần Văn An', 'Phạm Minh Đức', 'Nguyễn Thị Bình'];

beforeAll(async () => {
  t = await createTestApp();
  root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố', type: 'province' });
  commune = await makeUnit(t.db, { parent: root, type: 'commune', name: 'Đảng bộ xã Yên Sở' });
  const other = await makeUnit(t.db, { parent: root, type: 'commune', name: 'Đảng bộ xã Khác' });
  // 11 full members summoned, 10 present: the base is 11 (absent without reason stays in it).
  fx = await makeCongress(t.db, commune, { summoned: 11, absent: 1, seats: 3, nominees: names });
  const otherFx = await makeCongress(t.db, other, {
    summoned: 3,
    absent: 0,
    seats: 1,
    nominees: [],
  });
  await makeUser(t.db, commune, { username: 'el.officer', roles: ['officer'] });
  await makeUser(t.db, commune, { username: 'el.admin', roles: ['admin', 'officer'] });
  await makeUser(t.db, commune, { username: 'el.counter1', roles: ['counter'] });
  await makeUser(t.db, commune, { username: 'el.counter2', roles: ['counter'] });
  await makeUser(t.db, other, { username: 'el.counter.other', roles: ['counter'] });
  await makeUser(t.db, other, { username: 'el.other.officer', roles: ['officer'] });
  officer = await signIn(t.app, 'el.officer');
  communeAdmin = await signIn(t.app, 'el.admin');
  counter1 = await signIn(t.app, 'el.counter1');
  counter2 = await signIn(t.app, 'el.counter2');
  strangerCounter = await signIn(t.app, 'el.counter.other');
  const otherOfficer = await signIn(t.app, 'el.other.officer');
  for (const u of ['el.counter1', 'el.counter2']) {
    const res = await officer.post(`/api/congresses/${fx.congressId}/counting-committee/counters`, {
      username: u,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const res = await otherOfficer.post(
    `/api/congresses/${otherFx.congressId}/counting-committee/counters`,
    { username: 'el.counter.other' },
  );
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

const put = (c: Client, url: string, payload: object) => c.send({ method: 'PUT', url, payload });

/** The database's own refusal (drizzle wraps it as the cause of "Failed query"). */
async function refusal(query: ReturnType<typeof sql>): Promise<string> {
  try {
    await t.db.execute(query);
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause;
    return String(cause instanceof Error ? cause.message : err);
  }
  return 'accepted';
}

describe('the election list', () => {
  it('starts from the convening committee nominees in Vietnamese order by given name', async () => {
    const res = await officer.post(`/api/congresses/${fx.congressId}/elections`, {
      bodyId: fx.bodyId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json<ElectionDto>();
    electionId = e.id;
    expect(e.candidates.map((c) => c.fullName)).toEqual([
      'Trần Văn An',
      'Nguyễn Thị Bình',
      'Phạm Minh Đức',
      'Lê Thị Hoa',
    ]);
    expect(e.checks.every((c) => c.ok)).toBe(true);
    expect(e.canApprove).toBe(true);
  });

  it('refuses a floor nominee with 30% or less of those present, citing the rule', async () => {
    const res = await officer.post(`/api/elections/${electionId}/candidates`, {
      source: 'floor',
      fullName: 'Đỗ Văn Giang',
      nominationAgree: 3,
      nominationPresent: 10,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('30%');
    expect(res.json().message).toContain('190');
  });

  it('takes committee members and floor nominees by record only from the congress subtree, and shows the committee in the congress history', async () => {
    await makeUser(t.db, root, { username: 'el.city.officer', roles: ['officer'] });
    const cityOfficer = await signIn(t.app, 'el.city.officer');
    const elsewhere = await makeUnit(t.db, { parent: root, type: 'commune' });
    const outsider = await makeMember(t.db, elsewhere, { fullName: 'Đỗ Văn Ngoài' });
    const cell = await makeUnit(t.db, { parent: commune, type: 'grassroots_cell' });
    const insider = await makeMember(t.db, cell, { fullName: 'Vương Thị Trong' });
    const committee = `/api/congresses/${fx.congressId}/counting-committee/members`;
    for (const client of [officer, cityOfficer]) {
      const res = await client.post(committee, { memberId: outsider.id, fullName: 'Đỗ Văn Ngoài' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('không thuộc Đảng bộ xã Yên Sở');
      const floor = await client.post(`/api/elections/${electionId}/candidates`, {
        source: 'floor',
        memberId: outsider.id,
        fullName: 'Đỗ Văn Ngoài',
        nominationAgree: 8,
        nominationPresent: 10,
      });
      expect(floor.statusCode, floor.body).toBe(400);
      expect(floor.body).toContain('không thuộc Đảng bộ xã Yên Sở');
    }
    // The record's name is kept, not what was typed.
    const ok = await officer.post(committee, { memberId: insider.id, fullName: 'Vuong Thi Trong' });
    expect(ok.statusCode, ok.body).toBe(200);
    const list = ok.json<{ members: { id: number; memberId: number | null; fullName: string }[] }>()
      .members;
    const added = list.find((m) => m.memberId === insider.id) as { id: number; fullName: string };
    expect(added.fullName).toBe('Vương Thị Trong');
    const removed = await officer.delete(`${committee}/${added.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const history = (await officer.get(`/api/congresses/${fx.congressId}/history`)).json<
      { summary: string }[]
    >();
    const lines = history.map((h) => h.summary).join('\n');
    expect(lines).toContain('thêm Vương Thị Trong (Ủy viên) vào ban kiểm phiếu');
    expect(lines).toContain('bỏ Vương Thị Trong khỏi ban kiểm phiếu');
    expect(lines).toContain('giao tài khoản');
  });

  it('blocks approval when the surplus exceeds what a 3-seat body allows, until a name withdraws', async () => {
    const added = await officer.post(`/api/elections/${electionId}/candidates`, {
      source: 'self',
      fullName: 'Đỗ Văn Giang',
      nominationAgree: 4,
      nominationPresent: 10,
    });
    expect(added.statusCode, added.body).toBe(200);
    const e = added.json<ElectionDto>();
    expect(e.canApprove).toBe(false);
    expect(e.checks.some((c) => !c.ok && c.citations.length > 0)).toBe(true);
    const refused = await officer.post(`/api/elections/${electionId}/approve-list`, {
      agree: 10,
      present: 10,
      version: e.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('Danh sách bầu cử');
    const giang = e.candidates.find((c) => c.fullName === 'Đỗ Văn Giang')!;
    const withdrawn = await officer.post(
      `/api/elections/${electionId}/candidates/${giang.id}/withdraw`,
      { reason: 'Xin rút tại đại hội' },
    );
    expect(withdrawn.json<ElectionDto>().canApprove).toBe(true);
    const approved = await officer.post(`/api/elections/${electionId}/approve-list`, {
      agree: 10,
      present: 10,
      version: e.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<ElectionDto>().listStatus).toBe('approved');
    const locked = await officer.post(`/api/elections/${electionId}/candidates`, {
      source: 'floor',
      fullName: 'Vũ Văn Hải',
      nominationAgree: 8,
      nominationPresent: 10,
    });
    expect(locked.statusCode).toBe(409);
  });

  it('keeps people on the list out of the counting committee', async () => {
    const res = await officer.post(`/api/congresses/${fx.congressId}/counting-committee/members`, {
      memberId: fx.nominees[0]!.id,
      fullName: fx.nominees[0]!.fullName,
      role: 'Ủy viên',
    });
    expect(res.statusCode).toBe(400);
    const ok = await officer.post(`/api/congresses/${fx.congressId}/counting-committee/members`, {
      fullName: 'Hoàng Văn Kiểm',
      role: 'Trưởng ban',
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

/** Strike form, 4 names for 3 seats: each ballot strikes the listed positions (1-based). */
describe('double entry, one disagreement, closing and freezing', () => {
  let ids: number[];
  let batchId: number;
  const enter = (c: Client, serial: string, struck: number[], issued = true) =>
    c.post(`/api/election-rounds/${roundId}/batches/${batchId}/ballots`, {
      serial,
      issued,
      struck,
    });

  it('opens round 1 with two independent entries', async () => {
    const res = await officer.post(`/api/elections/${electionId}/rounds`, { entryCopies: 2 });
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json<{ id: number }>().id;
    const home = (await counter1.get('/api/counting')).json();
    expect(home[0].rounds[0].roundId).toBe(roundId);
    const round = (
      await counter1.get(`/api/election-rounds/${roundId}/entry`)
    ).json<EntryRoundDto>();
    expect(round.round.form).toBe('strike');
    ids = round.candidates.map((c) => c.id);
    const batch = await counter1.post(`/api/election-rounds/${roundId}/batches`, {
      name: 'Hòm phiếu 1',
    });
    batchId = batch.json<EntryRoundDto>().batches[0]!.id;
    await counter1.post(`/api/election-rounds/${roundId}/batches/${batchId}/claim`);
    await counter2.post(`/api/election-rounds/${roundId}/batches/${batchId}/claim`);
    const third = await officer.post(`/api/election-rounds/${roundId}/batches/${batchId}/claim`);
    expect(third.statusCode).toBe(409);
  });

  it('judges each ballot at once and keeps the operators apart', async () => {
    // 10 ballots: An (1st) struck on 2, Bình (2nd) on 5, Đức (3rd) on 6, Hoa (4th) on 1.
    const plan: number[][] = [
      [ids[0]!],
      [ids[0]!],
      [ids[1]!],
      [ids[1]!],
      [ids[1]!],
      [ids[2]!],
      [ids[2]!],
      [ids[2]!],
      [ids[2]!],
      [ids[3]!],
    ];
    for (const [i, struck] of plan.entries()) {
      const a = await enter(counter1, String(i + 1), struck);
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json().judgement.valid).toBe(true);
      // Operator 2 reads ballot 7 differently (struck An instead of Đức).
      const b = await enter(counter2, String(i + 1), i === 6 ? [ids[0]!] : struck);
      expect(b.statusCode).toBe(200);
    }
    const blank = await enter(counter1, '11', []);
    expect(blank.json().judgement).toMatchObject({ valid: false });
    expect(blank.json().judgement.reason).toContain('không gạch');
    const again = await enter(counter1, '11', []);
    expect(again.statusCode).toBe(409);
    const withdrawn = await counter1.post(
      `/api/election-rounds/${roundId}/batches/${batchId}/ballots`,
      { serial: '11', issued: true, struck: [], deleted: true, correction: true },
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const mine = (
      await counter2.get(`/api/election-rounds/${roundId}/batches/${batchId}/my-entries`)
    ).json();
    expect(mine.copy).toBe(2);
    expect(mine.items.find((b: { serial: string }) => b.serial === '7').struck).toEqual([ids[0]]);
    expect(mine.total).toBe(10);
    // Not comparable while a copy is unfinished: no disagreement is shown to anyone.
    await counter1.post(`/api/election-rounds/${roundId}/batches/${batchId}/finish`);
    const early = (
      await counter1.get(`/api/election-rounds/${roundId}/reconciliation`)
    ).json<ReconciliationDto>();
    expect(early.batches[0]!.comparable).toBe(false);
    expect(early.batches[0]!.disagreements).toEqual([]);
    // The log is for officers, not for operators still entering.
    expect((await counter1.get(`/api/election-rounds/${roundId}/log`)).statusCode).toBe(404);
  });

  it('shows the disagreement side by side until the committee resolves it', async () => {
    await counter2.post(`/api/election-rounds/${roundId}/batches/${batchId}/finish`);
    const rec = (
      await counter1.get(`/api/election-rounds/${roundId}/reconciliation`)
    ).json<ReconciliationDto>();
    expect(rec.unresolved).toBe(1);
    const d = rec.batches[0]!.disagreements[0]!;
    expect(d.serial).toBe('7');
    expect(d.versions.map((v) => v.struck)).toEqual([[ids[2]], [ids[0]]]);
    await put(counter1, `/api/election-rounds/${roundId}/counts`, {
      issued: 10,
      returned: 10,
      version: 1,
    });
    const refused = await counter1.post(`/api/election-rounds/${roundId}/close`, { version: 2 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('chênh lệch');
    const resolved = await counter1.post(`/api/election-rounds/${roundId}/resolutions`, {
      batchId,
      serial: '7',
      source: 'copy_1',
      issued: true,
      note: 'Đọc lại phiếu gốc: gạch tên Phạm Minh Đức',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const after = resolved.json<ReconciliationDto>();
    expect(after.unresolved).toBe(0);
    expect(after.canClose).toBe(true);
    const log = (await officer.get(`/api/election-rounds/${roundId}/log?pageSize=100`)).json();
    expect(log.total).toBe(23);
    expect(log.items[0].kind).toBe('resolution');
  });

  it('closes the round: votes as % of the base (not of ballots), elected by rank', async () => {
    const closed = await counter1.post(`/api/election-rounds/${roundId}/close`, { version: 2 });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = (await officer.get(`/api/election-rounds/${roundId}/report`)).json<RoundReport>();
    expect(r.provisional).toBe(false);
    expect(r.round.status).toBe('closed');
    expect(r.base.value).toBe(11);
    expect(r.ballots).toMatchObject({ issued: 10, returned: 10, valid: 10, invalid: 0 });
    const votes = Object.fromEntries(r.candidates.map((c) => [c.fullName, c.votes]));
    expect(votes).toEqual({
      'Trần Văn An': 8,
      'Nguyễn Thị Bình': 7,
      'Phạm Minh Đức': 6,
      'Lê Thị Hoa': 9,
    });
    // 6 of 11 is more than half: elected; percent of the base 54,55.
    expect(r.candidates.find((c) => c.fullName === 'Phạm Minh Đức')!.percent).toBe(54.55);
    expect(r.elected.map((c) => c.fullName)).toEqual([
      'Lê Thị Hoa',
      'Trần Văn An',
      'Nguyễn Thị Bình',
    ]);
    expect(r.countingCommittee).toEqual([{ fullName: 'Hoàng Văn Kiểm', role: 'Trưởng ban' }]);
    expect(r.attendance).toMatchObject({ summoned: 11, present: 10, absent: 1 });
  });

  it('refuses every change to the frozen round, from an administrator too, and in SQL', async () => {
    await communeAdmin.post(`/api/election-rounds/${roundId}/batches/${batchId}/claim`);
    const entry = await enter(communeAdmin, '99', [ids[0]!]);
    expect(entry.statusCode).toBe(403);
    expect(entry.json().message).toContain('đã khóa');
    expect(
      (
        await put(communeAdmin, `/api/election-rounds/${roundId}/counts`, {
          issued: 9,
          returned: 9,
          version: 3,
        })
      ).statusCode,
    ).toBe(403);
    const res = await communeAdmin.post(`/api/election-rounds/${roundId}/resolutions`, {
      batchId,
      serial: '7',
      source: 'copy_2',
      issued: true,
    });
    expect(res.statusCode).toBe(403);
    expect(
      await refusal(sql`UPDATE election_rounds SET ballots_issued = 99 WHERE id = ${roundId}`),
    ).toMatch(/frozen/);
    expect(await refusal(sql`DELETE FROM ballot_resolutions WHERE round_id = ${roundId}`)).toMatch(
      /frozen|append-only/,
    );
    // A raw insert of a ballot into the closed round (as an administrator with SQL would).
    expect(
      await refusal(sql`INSERT INTO ballot_entries
        (round_id, batch_id, copy, serial, struck, agree, disagree, user_id, user_name)
        SELECT round_id, batch_id, copy, '100', '{}', '{}', '{}', user_id, 'SQL'
        FROM batch_operators WHERE round_id = ${roundId} LIMIT 1`),
    ).toMatch(/frozen/);
    expect(
      await refusal(sql`UPDATE ballot_batches SET name = 'x' WHERE round_id = ${roundId}`),
    ).toMatch(/frozen/);
    const r = (await officer.get(`/api/election-rounds/${roundId}/report`)).json<RoundReport>();
    expect(r.ballots.issued).toBe(10);
  });

  it('lets only a higher level annul, keeping the original data', async () => {
    const own = await communeAdmin.post(`/api/election-rounds/${roundId}/annul`, {
      decision: 'QĐ 1-QĐ/ĐU',
      reason: 'Thử hủy ở cấp mình',
    });
    expect(own.statusCode).toBe(403);
    await makeUser(t.db, root, { username: 'el.higher', roles: ['officer'] });
    const higher = await signIn(t.app, 'el.higher');
    const res = await higher.post(`/api/election-rounds/${roundId}/annul`, {
      decision: 'Quyết định số 12-QĐ/TU',
      reason: 'Vi phạm nguyên tắc bỏ phiếu kín',
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = (await officer.get(`/api/election-rounds/${roundId}/report`)).json<RoundReport>();
    expect(r.round.status).toBe('annulled');
    expect(r.round.annulment?.reason).toContain('bỏ phiếu kín');
    expect(r.elected).toHaveLength(3);
    const next = await officer.post(`/api/elections/${electionId}/rounds`, { entryCopies: 1 });
    expect(next.statusCode, next.body).toBe(201);
  });
});

describe('counting accounts', () => {
  it('see nothing of another congress and nothing else of the system', async () => {
    expect((await strangerCounter.get(`/api/election-rounds/${roundId}/entry`)).statusCode).toBe(
      404,
    );
    expect((await strangerCounter.get(`/api/elections/${electionId}`)).statusCode).toBe(404);
    expect((await strangerCounter.get(`/api/election-rounds/${roundId}/report`)).statusCode).toBe(
      404,
    );
    expect((await strangerCounter.get('/api/counting')).json()).toEqual([]);
    expect((await counter1.get(`/api/elections/${electionId}`)).statusCode).toBe(404);
    expect((await counter1.get('/api/members')).statusCode).toBe(403);
  });
});

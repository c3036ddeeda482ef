/** Rounds after the first and the đồng ý / không đồng ý form, end to end through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionDto, EntryRoundDto, RoundReport } from '../../contracts/elections.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeUnit, makeUser, signIn, type Client, type UnitRow } from '../../testing/factories.ts';
import { makeCongress } from './elections.fixture.ts';

let t: TestApp;
let root: UnitRow;

beforeAll(async () => {
  t = await createTestApp();
  root = await makeUnit(t.db, { name: 'Đảng bộ Tỉnh', type: 'province' });
});
afterAll(() => t.close());

const put = (c: Client, url: string, payload: object) => c.send({ method: 'PUT', url, payload });

/** A commune's congress with its list approved by all present and its first round opened. */
async function openFirstRound(
  name: string,
  username: string,
  o: { summoned: number; nominees: string[] },
) {
  const unit = await makeUnit(t.db, { parent: root, type: 'commune', name });
  const fx = await makeCongress(t.db, unit, {
    summoned: o.summoned,
    absent: 0,
    seats: 3,
    nominees: o.nominees,
  });
  await makeUser(t.db, unit, { username, roles: ['officer'] });
  const client = await signIn(t.app, username);
  const e = (
    await client.post(`/api/congresses/${fx.congressId}/elections`, { bodyId: fx.bodyId })
  ).json<ElectionDto>();
  expect(e.canApprove).toBe(true);
  await client.post(`/api/elections/${e.id}/approve-list`, {
    agree: o.summoned,
    present: o.summoned,
    version: e.version,
  });
  const rid = (await client.post(`/api/elections/${e.id}/rounds`, { entryCopies: 1 })).json<{
    id: number;
  }>().id;
  return { o: client, e, rid };
}

/** A commune's closed first round in which nobody gets more than half of 7: it needs a decision. */
async function roundElectingTooFew(name: string, username: string) {
  const { o, e, rid } = await openFirstRound(name, username, {
    summoned: 7,
    nominees: ['Cao Văn Ánh', 'Đinh Thị Bích', 'Hà Văn Cường', 'Mai Thị Dung'],
  });
  const round = (await o.get(`/api/election-rounds/${rid}/entry`)).json<EntryRoundDto>();
  const all = round.candidates.map((x) => x.id);
  const batch = (
    await o.post(`/api/election-rounds/${rid}/batches`, { name: 'Hòm phiếu 1' })
  ).json<EntryRoundDto>().batches[0]!.id;
  await o.post(`/api/election-rounds/${rid}/batches/${batch}/claim`);
  // Each ballot keeps one name (1, 1, 2, 2, 3, 3, 4): nobody gets more than half of 7.
  const struck = [0, 0, 1, 1, 2, 2, 3].map((k) => all.filter((_, i) => i !== k));
  for (const [i, s] of struck.entries()) {
    const res = await o.post(`/api/election-rounds/${rid}/batches/${batch}/ballots`, {
      serial: String(i + 1),
      issued: true,
      struck: s,
    });
    expect(res.json().judgement.valid).toBe(true);
  }
  await o.post(`/api/election-rounds/${rid}/batches/${batch}/finish`);
  const early = await o.post(`/api/election-rounds/${rid}/decision`, { kind: 'another_round' });
  expect(early.statusCode).toBe(409);
  await put(o, `/api/election-rounds/${rid}/counts`, { issued: 7, returned: 7, version: 1 });
  expect((await o.post(`/api/election-rounds/${rid}/close`, { version: 2 })).statusCode).toBe(200);
  return { o, e, rid };
}

describe('a round that elects too few', () => {
  it('shows the presidium the choice, records it, and opens the next round on the remaining seats', async () => {
    const { o, e, rid } = await roundElectingTooFew('Đảng bộ xã Ba Vòng', 'el.small');
    const r = (await o.get(`/api/election-rounds/${rid}/report`)).json<RoundReport>();
    expect(r.elected).toEqual([]);
    expect(r.needsDecision.needed).toBe(true);
    expect(r.needsDecision.reason).toContain('0/3');
    // No next round before the presidium decides.
    expect((await o.post(`/api/elections/${e.id}/rounds`, { entryCopies: 1 })).statusCode).toBe(
      409,
    );
    expect(
      (
        await o.post(`/api/election-rounds/${rid}/decision`, {
          kind: 'another_round',
          note: 'Đại hội biểu quyết bầu tiếp',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await o.post(`/api/election-rounds/${rid}/decision`, { kind: 'stop' })).statusCode,
    ).toBe(409);
    const next = await o.post(`/api/elections/${e.id}/rounds`, { entryCopies: 2 });
    expect(next.statusCode, next.body).toBe(201);
    const second = (
      await o.get(`/api/election-rounds/${next.json().id}/entry`)
    ).json<EntryRoundDto>();
    expect(second.round).toMatchObject({ number: 2, seats: 3, form: 'strike', entryCopies: 2 });
    expect(second.candidates).toHaveLength(4);
  });
});

describe('an annulled round', () => {
  it('takes no presidium decision once the level above has annulled it', async () => {
    const { o, rid } = await roundElectingTooFew('Đảng bộ xã Hủy Vòng', 'el.annulled');
    await makeUser(t.db, root, { username: 'el.province', roles: ['officer'] });
    const above = await signIn(t.app, 'el.province');
    const annul = await above.post(`/api/election-rounds/${rid}/annul`, {
      decision: 'Quyết định số 7-QĐ/TU',
      reason: 'Vi phạm nguyên tắc bỏ phiếu kín',
    });
    expect(annul.statusCode, annul.body).toBe(200);
    const res = await o.post(`/api/election-rounds/${rid}/decision`, { kind: 'another_round' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('đã bị cấp trên hủy');
    expect(res.json().message).toContain('Quy tắc kiểm tra dữ liệu của CanBo');
  });
});

describe('the đồng ý / không đồng ý form', () => {
  it('is used without surplus; a name with both or neither box is not counted, the ballot stays valid', async () => {
    const { o, rid } = await openFirstRound('Đảng bộ xã Đủ Số', 'el.yesno', {
      summoned: 5,
      nominees: ['Bùi Văn Khánh', 'Chu Thị Lan', 'Dương Văn Minh'],
    });
    const round = (await o.get(`/api/election-rounds/${rid}/entry`)).json<EntryRoundDto>();
    expect(round.round.form).toBe('yesno');
    const [a, b, c] = round.candidates.map((x) => x.id) as [number, number, number];
    const batch = (
      await o.post(`/api/election-rounds/${rid}/batches`, { name: 'Hòm phiếu 1' })
    ).json<EntryRoundDto>().batches[0]!.id;
    await o.post(`/api/election-rounds/${rid}/batches/${batch}/claim`);
    const res = await o.post(`/api/election-rounds/${rid}/batches/${batch}/ballots`, {
      serial: '1',
      issued: true,
      agree: [a, b],
      disagree: [b],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().judgement).toEqual({ valid: true, reason: null, uncounted: [b, c] });
    const foreign = await o.post(`/api/election-rounds/${rid}/batches/${batch}/ballots`, {
      serial: '2',
      issued: true,
      agree: [999999],
    });
    expect(foreign.statusCode).toBe(400);
  });
});

describe('a ballot entered in the wrong batch', () => {
  it('can be entered in its own batch once withdrawn from the wrong one, and not before', async () => {
    const { o, rid } = await openFirstRound('Đảng bộ xã Hai Hòm', 'el.twobox', {
      summoned: 7,
      nominees: ['Lý Văn Nam', 'Tô Thị Oanh', 'Vũ Văn Phúc', 'Hồ Thị Quỳnh'],
    });
    const [first] = (await o.get(`/api/election-rounds/${rid}/entry`)).json<EntryRoundDto>()
      .candidates;
    await o.post(`/api/election-rounds/${rid}/batches`, { name: 'Hòm phiếu 1' });
    const batches = (
      await o.post(`/api/election-rounds/${rid}/batches`, { name: 'Hòm phiếu 2' })
    ).json<EntryRoundDto>().batches;
    const [wrong, right] = batches.map((b) => b.id) as [number, number];
    for (const b of [wrong, right]) await o.post(`/api/election-rounds/${rid}/batches/${b}/claim`);
    const ballot = { serial: '1', issued: true, struck: [first!.id] };
    const url = (b: number) => `/api/election-rounds/${rid}/batches/${b}/ballots`;
    expect((await o.post(url(wrong), ballot)).statusCode).toBe(200);
    expect((await o.post(url(right), ballot)).statusCode).toBe(409);
    const withdrawn = await o.post(url(wrong), { ...ballot, deleted: true, correction: true });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const moved = await o.post(url(right), ballot);
    expect(moved.statusCode, moved.body).toBe(200);
  });
});

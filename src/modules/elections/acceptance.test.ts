import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AcceptanceDto, BodyStatsDto } from '../../contracts/election-documents.ts';
import type { ElectionDto, EntryRoundDto } from '../../contracts/elections.ts';
import type { AppointmentDto } from '../../contracts/posts.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { dayBefore, today } from '../../core/dates.ts';
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
import { makeCongress, type CongressFixture } from './elections.fixture.ts';

let t: TestApp;
let root: UnitRow;
let commune: UnitRow;
let officer: Client;
let reader: Client;
let stranger: Client;
let fx: CongressFixture;
let outgoing: MemberRow;
let electionId: number;
let roundId: number;
let uvBch: number;
const names = ['Lê Thị Hoa', 'Trần Văn An', 'Phạm Minh Đức', 'Nguyễn Thị Bình'];
const member = (name: string) => fx.nominees.find((m) => m.fullName === name)!;

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

beforeAll(async () => {
  t = await createTestApp();
  root = await makeUnit(t.db, {
    name: 'Đảng bộ Thành phố',
    type: 'province',
    validFrom: '2010-01-01',
  });
  commune = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ xã Yên Sở',
    validFrom: '2010-01-01',
  });
  const other = await makeUnit(t.db, { parent: root, type: 'commune', name: 'Đảng bộ xã Khác' });
  fx = await makeCongress(t.db, commune, { summoned: 11, absent: 1, seats: 3, nominees: names });
  outgoing = await makeMember(t.db, commune, { fullName: 'Vũ Văn Cũ' });
  await makeUser(t.db, commune, { username: 'acc.officer', roles: ['officer'] });
  await makeUser(t.db, commune, { username: 'acc.reader', roles: ['reader'] });
  await makeUser(t.db, other, { username: 'acc.stranger', roles: ['admin', 'officer'] });
  officer = await signIn(t.app, 'acc.officer');
  reader = await signIn(t.app, 'acc.reader');
  stranger = await signIn(t.app, 'acc.stranger');
  const titles = (await officer.get('/api/post-titles')).json<{ id: number; code: string }[]>();
  uvBch = titles.find((x) => x.code === 'UV-BCH')!.id;
  // The outgoing committee: Vũ Văn Cũ leaves, Lê Thị Hoa stands again.
  for (const m of [outgoing, member('Lê Thị Hoa')]) {
    const res = await officer.post(`/api/members/${m.id}/appointments`, {
      postTitleId: uvBch,
      unitId: commune.id,
      startDate: '2020-06-15',
      method: 'elected',
      term: '2020-2025',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const e = await officer.post(`/api/congresses/${fx.congressId}/elections`, { bodyId: fx.bodyId });
  expect(e.statusCode, e.body).toBe(201);
  electionId = e.json<ElectionDto>().id;
  const approved = await officer.post(`/api/elections/${electionId}/approve-list`, {
    agree: 10,
    present: 10,
    version: e.json<ElectionDto>().version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const head = await officer.post(`/api/congresses/${fx.congressId}/counting-committee/members`, {
    fullName: 'Hoàng Văn Kiểm',
    role: 'Trưởng ban',
  });
  expect(head.statusCode, head.body).toBe(200);
  const round = await officer.post(`/api/elections/${electionId}/rounds`, { entryCopies: 1 });
  expect(round.statusCode, round.body).toBe(201);
  roundId = round.json<{ id: number }>().id;
});
afterAll(() => t.close());

describe('before the round is closed', () => {
  it('prints numbered ballots but no minutes', async () => {
    const ballots = await officer.get(
      `/api/election-rounds/${roundId}/ballots.pdf?count=3&numbered=true&perPage=1`,
    );
    expect(ballots.statusCode, ballots.body).toBe(200);
    expect(ballots.headers['content-type']).toBe('application/pdf');
    expect(pageCount(ballots.rawPayload)).toBe(3);
    const tooMany = await officer.get(`/api/election-rounds/${roundId}/ballots.pdf?count=0`);
    expect(tooMany.statusCode).toBe(400);
    const minutes = await officer.get(`/api/election-rounds/${roundId}/minutes.docx`);
    expect(minutes.statusCode).toBe(409);
    expect(minutes.json().message).toContain('chưa kết thúc');
  });

  it('refuses the approval with the reasons', async () => {
    const a = (await officer.get(`/api/elections/${electionId}/acceptance`)).json<AcceptanceDto>();
    expect(a.canAccept).toBe(false);
    expect(a.postTitle).toBe('Ủy viên Ban Chấp hành (cấp ủy viên)');
    expect(a.blockers.join(' ')).toContain('Vòng bầu thứ 1 chưa kết thúc');
    const res = await officer.post(`/api/elections/${electionId}/acceptance`, {
      decisionNumber: '123-QĐ/TU',
      decisionDate: today(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Chưa thể chuẩn y');
  });
});

describe('after the count', () => {
  beforeAll(async () => {
    const entry = (
      await officer.get(`/api/election-rounds/${roundId}/entry`)
    ).json<EntryRoundDto>();
    const ids = entry.candidates.map((c) => c.id); // An, Bình, Đức, Hoa
    const batch = await officer.post(`/api/election-rounds/${roundId}/batches`, { name: 'Hòm 1' });
    const batchId = batch.json<EntryRoundDto>().batches[0]!.id;
    await officer.post(`/api/election-rounds/${roundId}/batches/${batchId}/claim`);
    const plan = [0, 0, 1, 1, 1, 2, 2, 2, 2, 3];
    for (const [i, k] of plan.entries()) {
      const res = await officer.post(`/api/election-rounds/${roundId}/batches/${batchId}/ballots`, {
        serial: String(i + 1),
        issued: true,
        struck: [ids[k]!],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // One ballot keeps all four names for three seats: invalid, with its reason in the minutes.
    await officer.post(`/api/election-rounds/${roundId}/batches/${batchId}/ballots`, {
      serial: '11',
      issued: true,
      struck: [],
    });
    await officer.post(`/api/election-rounds/${roundId}/batches/${batchId}/finish`);
    const counts = await officer.send({
      method: 'PUT',
      url: `/api/election-rounds/${roundId}/counts`,
      payload: { issued: 11, returned: 11, version: 1 },
    });
    expect(counts.statusCode, counts.body).toBe(200);
    const closed = await officer.post(`/api/election-rounds/${roundId}/close`, { version: 2 });
    expect(closed.statusCode, closed.body).toBe(200);
  });

  it('writes the minutes with every field, as .docx and PDF, and the announcement', async () => {
    const docx = await officer.get(`/api/election-rounds/${roundId}/minutes.docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const text = await docxText(docx.rawPayload);
    for (const s of [
      'BIÊN BẢN KIỂM PHIẾU',
      'Ban Chấp hành',
      'Số lượng bầu: 3 đồng chí.',
      'Danh sách bầu cử gồm 4 đồng chí (số dư 1)',
      'Hoàng Văn Kiểm',
      'Tổng số đảng viên được triệu tập: 11.',
      'Số đảng viên có mặt: 10.',
      'Số đảng viên vắng mặt: 1.',
      'Số đảng viên làm căn cứ tính kết quả bầu cử: 11',
      'Số phiếu phát ra: 11.',
      'Số phiếu thu vào: 11.',
      'Số phiếu hợp lệ: 10.',
      'Số phiếu không hợp lệ: 1, trong đó:',
      // Hoa 9 of a base of 11 = 81,82%; Đức's 6 = 54,55% is past half but fourth.
      '81,82%',
      '54,55%',
      '(3/3)',
    ]) {
      expect(text, s).toContain(s);
    }
    const elected = text.slice(text.indexOf('IV. Các đồng chí trúng cử'));
    const at = ['Lê Thị Hoa', 'Trần Văn An', 'Nguyễn Thị Bình'].map((n) => elected.indexOf(n));
    expect(at.every((p) => p > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(elected).not.toContain('Phạm Minh Đức');
    const pdf = await officer.get(`/api/election-rounds/${roundId}/minutes.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const ann = await reader.get(`/api/election-rounds/${roundId}/announcement.pdf`);
    expect(ann.statusCode).toBe(200);
    expect(ann.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('counts the elected body: one of three re-elected', async () => {
    const s = (await officer.get(`/api/elections/${electionId}/stats`)).json<BodyStatsDto>();
    expect(s.candidates).toBe(4);
    expect(s.surplus).toEqual({ count: 1, percent: 33.33 });
    expect(s.list.reElected.count).toBe(1);
    expect(s.elected!.size).toBe(3);
    expect(s.elected!.reElected).toEqual({ count: 1, percent: 33.33 });
  });

  it('nobody outside the subtree sees or approves anything', async () => {
    expect((await stranger.get(`/api/elections/${electionId}/acceptance`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/election-rounds/${roundId}/minutes.docx`)).statusCode).toBe(
      404,
    );
    const res = await reader.post(`/api/elections/${electionId}/acceptance`, {
      decisionNumber: '1',
      decisionDate: today(),
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an approval dated in the future, saving nothing', async () => {
    const res = await officer.post(`/api/elections/${electionId}/acceptance`, {
      decisionNumber: '123-QĐ/TU',
      decisionDate: '2999-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('sau ngày hôm nay');
    const a = (await officer.get(`/api/elections/${electionId}/acceptance`)).json<AcceptanceDto>();
    expect(a.accepted).toBeNull();
    expect(a.canAccept).toBe(true);
  });

  it('approval opens the new posts from its date and closes the previous term', async () => {
    const date = today();
    const res = await officer.post(`/api/elections/${electionId}/acceptance`, {
      decisionNumber: '123-QĐ/TU',
      decisionDate: date,
      approvingBody: 'Ban Thường vụ Thành ủy',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<AcceptanceDto>();
    expect(a.accepted).toMatchObject({
      decisionNumber: '123-QĐ/TU',
      decisionDate: date,
      appointmentsCreated: 3,
      appointmentsClosed: 2,
    });
    expect(a.canAccept).toBe(false);
    const posts = async (m: MemberRow) =>
      (await officer.get(`/api/members/${m.id}/appointments`)).json<AppointmentDto[]>();
    const hoa = await posts(member('Lê Thị Hoa'));
    expect(hoa.map((p) => [p.startDate, p.endDate, p.term])).toEqual([
      ['2020-06-15', dayBefore(date), '2020-2025'],
      [date, null, '2025-2030'],
    ]);
    expect(hoa[1]).toMatchObject({ decisionNumber: '123-QĐ/TU', method: 'elected', current: true });
    expect((await posts(member('Trần Văn An')))[0]).toMatchObject({ postTitleId: uvBch });
    expect(await posts(member('Phạm Minh Đức'))).toEqual([]);
    const old = await posts(outgoing);
    expect(old[0]!.endDate).toBe(dayBefore(date));
    expect(old[0]!.endReason).toContain('123-QĐ/TU');
    const audit = (
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'election'), eq(auditLog.action, 'approve')))
    ).filter((r) => r.summary.includes('chuẩn y'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('123-QĐ/TU');
  });

  it('the same results are approved only once', async () => {
    const res = await officer.post(`/api/elections/${electionId}/acceptance`, {
      decisionNumber: '124-QĐ/TU',
      decisionDate: today(),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('đã được chuẩn y');
  });

  it('the level above cannot annul a round whose results are approved (the posts stay valid)', async () => {
    await makeUser(t.db, root, { username: 'acc.city', roles: ['officer'] });
    const city = await signIn(t.app, 'acc.city');
    const res = await city.post(`/api/election-rounds/${roundId}/annul`, {
      decision: 'Quyết định số 9-QĐ/TU',
      reason: 'Thử hủy sau chuẩn y',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('đã được chuẩn y (123-QĐ/TU');
    const r = (await officer.get(`/api/election-rounds/${roundId}/report`)).json<{
      round: { status: string };
    }>();
    expect(r.round.status).not.toBe('annulled');
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EvaluationDto,
  EvaluationRowDto,
  MemberRatingDto,
  PeriodDto,
  RateResultDto,
  StatsDto,
} from '../../contracts/evaluation.ts';
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
import { appointments } from '../posts/posts.schema.ts';
import { latestRatings } from './evaluation.summary.ts';

let t: TestApp;
let officer: Client;
let member: Client;
let commune: UnitRow;
let cell: UnitRow;
let cell2: UnitRow;
let owner: MemberRow;
let others: MemberRow[];
let period: PeriodDto;

/** Scores of every criterion adding up to `total`: full marks, then points taken off in order. */
function scoresFor(criteria: EvaluationDto['criteria'], total: number) {
  let off = 100 - total;
  const scores: Record<string, number> = {};
  for (const c of criteria) {
    const cut = Math.min(off, c.maxPoints);
    scores[String(c.id)] = Math.round((c.maxPoints - cut) * 100) / 100;
    off = Math.round((off - cut) * 100) / 100;
  }
  return scores;
}

const evaluationOf = async (client: Client, memberId: number) => {
  const page = (
    await officer.get(`/api/evaluation/periods/${period.id}/evaluations?pageSize=200`)
  ).json<{ items: EvaluationRowDto[] }>();
  const row = page.items.find((r) => r.memberId === memberId)!;
  return (await client.get(`/api/evaluations/${row.id}`)).json<EvaluationDto>();
};

async function step(client: Client, e: EvaluationDto, name: string, total: number) {
  const res = await client.send({
    method: 'PUT',
    url: `/api/evaluations/${e.id}/steps/${name}`,
    payload: { version: e.version, scores: scoresFor(e.criteria, total), comment: `Bước ${name}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EvaluationDto>();
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Hà Nội' });
  commune = await makeUnit(t.db, { parent: root, type: 'commune', name: 'Đảng bộ phường Tây Hồ' });
  cell = await makeUnit(t.db, { parent: commune, type: 'grassroots_cell', name: 'Chi bộ Tổ 1' });
  cell2 = await makeUnit(t.db, { parent: commune, type: 'grassroots_cell', name: 'Chi bộ Tổ 2' });
  owner = await makeMember(t.db, cell, { fullName: 'Lê Thị Thu Hằng' });
  others = [];
  for (let i = 0; i < 6; i++) others.push(await makeMember(t.db, cell2));
  await makeUser(t.db, root, { username: 'eval.officer', roles: ['admin', 'officer'] });
  await makeUser(t.db, cell, { username: 'eval.member', roles: ['member'], memberId: owner.id });
  officer = await signIn(t.app, 'eval.officer');
  member = await signIn(t.app, 'eval.member');
  const res = await officer.post('/api/evaluation/periods', {
    unitId: commune.id,
    kind: 'year',
    subject: 'individual',
    year: 2025,
    startDate: '2025-01-01',
    endDate: '2025-12-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  period = res.json<PeriodDto>();
});
afterAll(() => t.close());

describe('periods and frameworks', () => {
  it('ships five QĐ 366 frameworks whose criteria add up to 30 + 70 points', async () => {
    const list = (await member.get('/api/evaluation/frameworks')).json<EvaluationDto[]>();
    expect(list).toHaveLength(5);
    for (const f of list as unknown as {
      criteria: { part: string; maxPoints: number; postTitleCode: string | null }[];
    }[]) {
      const generic = f.criteria.filter((c) => c.postTitleCode === null);
      const sum = (part: string) =>
        generic.filter((c) => c.part === part).reduce((n, c) => n + c.maxPoints, 0);
      expect([sum('general'), sum('tasks')]).toEqual([30, 70]);
    }
  });
  it('opening a period creates one evaluation per current member, audited', async () => {
    expect(period).toMatchObject({ label: 'Năm 2025', total: 7, decided: 0 });
    const audit = await t.database.query<{ summary: string }>(
      `select summary from audit_log where entity_type = 'evaluation' and entity_id = $1`,
      [period.id],
    );
    expect(audit[0]!.summary).toContain('Mở kỳ đánh giá "Năm 2025"');
  });
  it('refuses an end date before the start date with nothing saved', async () => {
    const res = await officer.post('/api/evaluation/periods', {
      unitId: commune.id,
      kind: 'quarter',
      subject: 'individual',
      year: 2025,
      startDate: '2025-06-30',
      endDate: '2025-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Ngày kết thúc kỳ phải sau ngày bắt đầu');
  });
});

describe('workflow of one person, and a task outcome changing the rating', () => {
  let e: EvaluationDto;
  let taskId: number;
  let taskVersion: number;

  it('the person self-assesses and sees only their own evaluation', async () => {
    e = await evaluationOf(member, owner.id);
    expect(e.can).toEqual({
      self: true,
      collective: false,
      advisory: false,
      decide: false,
      framework: false,
    });
    e = await step(member, e, 'self', 96);
    expect(e).toMatchObject({ stage: 'self', selfTotal: 96 });
    const mine = (await member.get('/api/evaluations/mine')).json<MemberRatingDto[]>();
    expect(mine.map((m) => m.evaluationId)).toEqual([e.id]);
    const other = await evaluationOf(officer, others[0]!.id);
    expect((await member.get(`/api/evaluations/${other.id}`)).statusCode).toBe(404);
    const list = await member.get(`/api/evaluation/periods/${period.id}/evaluations`);
    expect(list.statusCode).toBe(403);
  });

  it('the person cannot write the collective step, and scores above a maximum are refused', async () => {
    const res = await member.send({
      method: 'PUT',
      url: `/api/evaluations/${e.id}/steps/collective`,
      payload: { version: e.version, scores: scoresFor(e.criteria, 90) },
    });
    expect(res.statusCode).toBe(403);
    const first = e.criteria[0]!;
    const bad = await officer.send({
      method: 'PUT',
      url: `/api/evaluations/${e.id}/steps/collective`,
      payload: {
        version: e.version,
        scores: { ...scoresFor(e.criteria, 90), [first.id]: first.maxPoints + 1 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().fields)).toContain('ngoài khoảng');
    expect((await evaluationOf(officer, owner.id)).stage).toBe('self');
  });

  it('an approved task still open keeps the preview at "không hoàn thành"', async () => {
    e = await step(officer, e, 'collective', 95);
    e = await step(officer, e, 'advisory', 95);
    const reg = await officer.post('/api/tasks', {
      memberId: owner.id,
      periodKind: 'year',
      startYear: 2025,
      endYear: 2025,
      title: 'Số hóa hồ sơ đảng viên của chi bộ',
      targets: [{ name: 'Hồ sơ số hóa', unit: 'hồ sơ', targetValue: 100 }],
      deadline: '2025-06-30',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    taskId = reg.json<{ id: number }>().id;
    const approved = await officer.post(`/api/tasks/${taskId}/decision`, {
      version: reg.json<{ version: number }>().version,
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    e = await evaluationOf(officer, owner.id);
    expect(e.taskCounts).toMatchObject({ total: 1, open: 1 });
    expect(e.preview).toMatchObject({ rating: 'incomplete', score: 95 });
    taskVersion = approved.json<{ version: number }>().version;
  });

  it('recording the task as exceeded turns the same score into "xuất sắc"', async () => {
    const res = await officer.post(`/api/tasks/${taskId}/outcome`, {
      version: taskVersion,
      completedDate: '2025-06-01',
      achieved: [250],
      outcomeComment: 'Hoàn thành sớm, vượt chỉ tiêu',
    });
    expect(res.statusCode, res.body).toBe(200);
    e = await evaluationOf(officer, owner.id);
    expect(e.taskCounts).toMatchObject({ total: 1, exceeded: 1 });
    expect(e.preview!.rating).toBe('excellent');
    expect(e.preview!.rule).toContain('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('the level decides; the quota (1 × 20% = 0,2 → 0) keeps the rating at "tốt", rule shown', async () => {
    expect(e.can.decide).toBe(true);
    const res = await officer.post(`/api/evaluations/${e.id}/decide`, {
      version: e.version,
      comment: 'Thống nhất',
    });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json<EvaluationDto>();
    expect(decided).toMatchObject({ stage: 'decided', rating: 'good', finalScore: 95 });
    expect(decided.ratingRule).toContain('1 × 20% = 0,2, làm tròn xuống 0');
    expect(decided.ratingCitations.map((c) => c.document).join()).toContain('335/2025');
    expect(decided.decidedTaskCounts).toMatchObject({ exceeded: 1 });
    expect(decided.steps.map((s) => s.step)).toEqual([
      'self',
      'collective',
      'advisory',
      'decision',
    ]);
    const again = await officer.post(`/api/evaluations/${e.id}/decide`, {
      version: decided.version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('the person sees the rating over the years, with its rule', async () => {
    const list = (await member.get(`/api/members/${owner.id}/evaluations`)).json<
      MemberRatingDto[]
    >();
    expect(list[0]).toMatchObject({ periodLabel: 'Năm 2025', rating: 'good' });
    expect(list[0]!.ratingRule).toContain('Vượt tỷ lệ xuất sắc');
    const ratings = await latestRatings(t.db, { memberIds: [owner.id, others[0]!.id] });
    expect(ratings.get(owner.id)).toEqual({ rating: 'good', periodLabel: 'Năm 2025' });
    expect(ratings.has(others[0]!.id)).toBe(false);
  });
});

describe('rating a subtree at once', () => {
  it('rates everyone with a proposal, skips the rest, and shows the distribution', async () => {
    const totals = [80, 75, 45, 60, 88];
    for (const [i, m] of others.slice(0, 5).entries()) {
      const member = await makeUser(t.db, cell2, { roles: ['member'], memberId: m.id });
      const self = await signIn(t.app, member.username);
      let e = await evaluationOf(self, m.id);
      e = await step(self, e, 'self', totals[i]!);
      e = await step(officer, e, 'collective', totals[i]!);
      await step(officer, e, 'advisory', totals[i]!);
    }
    const res = await officer.post(`/api/evaluation/periods/${period.id}/rate`, {
      unitId: commune.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<RateResultDto>();
    // No registered task: at most "tốt" (80, 75, 88), 60 → hoàn thành, 45 → không hoàn thành.
    expect(result).toMatchObject({
      rated: 5,
      skipped: 1,
      byRating: { good: 3, complete: 1, incomplete: 1 },
    });
    const e = await evaluationOf(officer, others[0]!.id);
    expect(e.ratingRule).toContain('không đăng ký nhiệm vụ nào');
    expect(e).toMatchObject({ stage: 'decided', finalScore: 80, decidedBy: expect.any(String) });
    expect(e.steps.map((s) => s.step)).toEqual(['self', 'collective', 'advisory']);

    const stats = (
      await officer.get(`/api/evaluation/periods/${period.id}/statistics?unitId=${commune.id}`)
    ).json<StatsDto>();
    const tổ2 = stats.rows.find((r) => r.unitName === 'Chi bộ Tổ 2')!;
    expect(tổ2).toMatchObject({ total: 6, good: 3, complete: 1, incomplete: 1, undecided: 1 });
    expect(stats.total).toMatchObject({ total: 7, good: 4, undecided: 1 });

    const file = await officer.get(`/api/evaluation/periods/${period.id}/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const list = wb.getWorksheet('Danh sách')!;
    const names: string[] = [];
    list.eachRow((row) => names.push(String(row.getCell(1).value)));
    expect(names).toContain('Lê Thị Thu Hằng');
    const summary = wb.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    summary.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('Tổng cộng');
  });
});

describe('feedback from the Front, mass organisations and residents', () => {
  it('is recorded with source and date, shown to evaluators, audited, hidden from the person', async () => {
    const res = await officer.post(`/api/members/${owner.id}/feedback`, {
      sourceKind: 'front',
      sourceName: 'Ban công tác Mặt trận tổ dân phố số 5',
      receivedDate: '2025-09-12',
      content: 'Nhân dân đánh giá cao việc giải quyết kiến nghị về vệ sinh môi trường.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await officer.get(`/api/members/${owner.id}/feedback`)).json<
      { sourceName: string; receivedDate: string }[]
    >();
    expect(list[0]).toMatchObject({ receivedDate: '2025-09-12' });
    const audit = await t.database.query<{ summary: string }>(
      `select summary from audit_log where entity_type = 'feedback'`,
    );
    expect(audit[0]!.summary).toContain('Mặt trận Tổ quốc');
    const own = await member.get(`/api/members/${owner.id}/feedback`);
    expect(own.statusCode).toBe(403);
  });
});

// Last: the ad hoc period it opens adds evaluations the tests above do not expect.
describe('overlapping periods', () => {
  it('refuses a second year period over the same people (same unit, one above, one below)', async () => {
    const count = async () =>
      (
        await t.database.query<{ n: number }>('select count(*)::int as n from evaluation_periods')
      )[0]!.n;
    const before = await count();
    for (const unitId of [commune.id, cell.id]) {
      const res = await officer.post('/api/evaluation/periods', {
        unitId,
        kind: 'year',
        subject: 'individual',
        year: 2025,
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().message).toContain('Đã có kỳ đánh giá "Năm 2025"');
    }
    expect(await count()).toBe(before);
    // Ad hoc evaluations, another subject or another year remain possible.
    const adHoc = await officer.post('/api/evaluation/periods', {
      unitId: cell.id,
      kind: 'ad_hoc',
      subject: 'individual',
      year: 2025,
      label: 'Đánh giá khi cần',
      startDate: '2025-03-01',
      endDate: '2025-06-30',
    });
    expect(adHoc.statusCode, adHoc.body).toBe(201);
  });
});

describe('choosing the criteria framework', () => {
  it('the level picks one of the five frameworks before the first step, not after; not the person', async () => {
    const res = await officer.post('/api/evaluation/periods', {
      unitId: cell.id,
      kind: 'quarter',
      subject: 'individual',
      year: 2025,
      startDate: '2025-04-01',
      endDate: '2025-06-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    const quarter = res.json<PeriodDto>();
    const rows = (await officer.get(`/api/evaluation/periods/${quarter.id}/evaluations`)).json<{
      items: EvaluationRowDto[];
    }>().items;
    const id = rows.find((r) => r.memberId === owner.id)!.id;
    const frameworks = (await officer.get('/api/evaluation/frameworks')).json<
      {
        id: number;
        code: string;
        name: string;
        criteria: { id: number; postTitleCode: string | null }[];
      }[]
    >();
    const byCode = (code: string) => frameworks.find((f) => f.code === code)!;
    const put = (client: Client, version: number, code: string) =>
      client.send({
        method: 'PUT',
        url: `/api/evaluations/${id}/framework`,
        payload: { version, frameworkId: byCode(code).id },
      });
    let e = (await officer.get(`/api/evaluations/${id}`)).json<EvaluationDto>();
    expect(e.frameworkId).toBe(byCode('staff').id);
    expect(e.can.framework).toBe(true);

    const collective = await put(officer, e.version, 'collective');
    expect(collective.statusCode).toBe(400);
    expect(collective.json().message).toContain('khung tiêu chí đang dùng cho cá nhân');
    expect((await put(member, e.version, 'outside')).statusCode).toBe(403);

    const changed = await put(officer, e.version, 'outside');
    expect(changed.statusCode, changed.body).toBe(200);
    e = changed.json<EvaluationDto>();
    expect(e.frameworkName).toBe(byCode('outside').name);
    const own = byCode('outside').criteria.filter((c) => c.postTitleCode === null);
    expect(e.criteria.map((c) => c.id).sort()).toEqual(own.map((c) => c.id).sort());

    // The person self-assesses on those criteria; the framework is then fixed.
    e = await step(
      member,
      (await member.get(`/api/evaluations/${id}`)).json<EvaluationDto>(),
      'self',
      80,
    );
    expect(e.can.framework).toBe(false);
    const late = await put(officer, e.version, 'central');
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('Phiếu đã có bước đánh giá');
    const audit = await t.database.query<{ summary: string }>(
      `select summary from audit_log where entity_type = 'evaluation' and entity_id = $1`,
      [id],
    );
    expect(audit.map((h) => h.summary).join('\n')).toContain('Đổi khung tiêu chí');
  });
});

describe('opening a period: the framework from the posts held', () => {
  it('gives the leaders framework and post code to whoever held a post in the period, not a concurrent or an earlier one', async () => {
    const unit = await makeUnit(t.db, { parent: commune, type: 'grassroots_cell' });
    const [title] = await t.database.query<{ id: number; code: string }>(
      `select id, code from post_titles where code = 'BT'`,
    );
    const holder = await makeMember(t.db, unit, { fullName: 'Người Giữ Chức' });
    const former = await makeMember(t.db, unit, { fullName: 'Người Thôi Chức' });
    const concurrent = await makeMember(t.db, unit, { fullName: 'Người Kiêm Nhiệm' });
    const plain = await makeMember(t.db, unit, { fullName: 'Đảng Viên Thường' });
    const appoint = (memberId: number, startDate: string, over: Record<string, unknown> = {}) =>
      t.db.insert(appointments).values({
        memberId,
        postTitleId: title!.id,
        unitId: unit.id,
        unitPath: unit.path,
        startDate,
        method: 'appointed',
        ...over,
      });
    await appoint(holder.id, '2024-03-01');
    await appoint(former.id, '2020-01-01', { endDate: '2024-12-31' });
    await appoint(concurrent.id, '2025-02-01', { concurrent: true });
    const res = await officer.post('/api/evaluation/periods', {
      unitId: unit.id,
      kind: 'ad_hoc',
      subject: 'individual',
      year: 2025,
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await t.database.query<{ member_id: number; code: string; post: string | null }>(
      `select e.member_id, f.code, e.post_title_code as post from evaluations e
       join evaluation_frameworks f on f.id = e.framework_id where e.period_id = $1`,
      [res.json<PeriodDto>().id],
    );
    const of = (m: MemberRow) => rows.find((r) => r.member_id === m.id);
    expect(rows).toHaveLength(4);
    expect(of(holder)).toMatchObject({ code: 'leader', post: 'BT' });
    for (const m of [former, concurrent, plain])
      expect(of(m)).toMatchObject({ code: 'staff', post: null });
  });
});

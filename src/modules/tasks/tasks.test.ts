import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskDto, TaskPage, TaskStatsDto } from '../../contracts/tasks.ts';
import { today } from '../../core/dates.ts';
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
import { multipart, sampleExe, samplePdf } from '../dossiers/dossiers.fixtures.ts';
import { appointments, postTitles } from '../posts/posts.schema.ts';
import { taskOutcomeSummary } from './tasks.summary.ts';

let t: TestApp;
let ward: UnitRow;
let cell: UnitRow;
let person: MemberRow;
let officerPerson: MemberRow;
let me: Client;
let officer: Client;
let reader: Client;
let outsider: Client;
const year = Number(today().slice(0, 4));

const body = (over: object = {}) => ({
  periodKind: 'year',
  startYear: year,
  endYear: year,
  title: 'Vận động di dời phương tiện thủy khỏi đầm Bảy',
  description: 'Phối hợp với các phường ven hồ',
  targets: [
    { name: 'Phương tiện di dời', unit: 'chiếc', targetValue: 10 },
    { name: 'Hộ được vận động', unit: 'hộ', targetValue: 20 },
  ],
  milestones: [{ title: 'Khảo sát, lập danh sách', dueDate: `${year}-01-31` }],
  deadline: `${year}-12-31`,
  ...over,
});

const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`select count(*)::int n from ${table}`))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  const city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố', type: 'province' });
  ward = await makeUnit(t.db, { parent: city, type: 'commune', name: 'Đảng bộ phường Tây Hồ' });
  cell = await makeUnit(t.db, {
    parent: ward,
    type: 'grassroots_cell',
    name: 'Chi bộ Tổ dân phố 14',
  });
  const other = await makeUnit(t.db, {
    parent: city,
    type: 'commune',
    name: 'Đảng bộ phường Khác',
  });
  person = await makeMember(t.db, cell, { fullName: 'Lê Huy Hưng' });
  officerPerson = await makeMember(t.db, ward, { fullName: 'Trần Thị Thu' });
  await makeUser(t.db, cell, { username: 'hung', roles: ['member'], memberId: person.id });
  await makeUser(t.db, ward, { username: 'thu', roles: ['officer'], memberId: officerPerson.id });
  await makeUser(t.db, ward, { username: 'lanhdao', roles: ['reader'] });
  await makeUser(t.db, other, { username: 'ngoai', roles: ['officer'] });
  me = await signIn(t.app, 'hung');
  officer = await signIn(t.app, 'thu');
  reader = await signIn(t.app, 'lanhdao');
  outsider = await signIn(t.app, 'ngoai');
}, 120_000);
afterAll(() => t.close());

describe('registering and approving a task', () => {
  let task: TaskDto;

  it('a member registers their own task, with history and audit', async () => {
    const res = await me.post('/api/tasks', body());
    expect(res.statusCode, res.body).toBe(201);
    task = res.json<TaskDto>();
    expect(task).toMatchObject({ status: 'submitted', memberName: 'Lê Huy Hưng', version: 1 });
    expect(task.targets[1]).toEqual({
      name: 'Hộ được vận động',
      unit: 'hộ',
      targetValue: 20,
      achievedValue: null,
    });
    expect(task.events.map((e) => e.kind)).toEqual(['submit']);
    expect(task.can).toMatchObject({ edit: true, decide: false, assess: false });
    const audit = await t.database.query<{ summary: string }>(
      `select summary from audit_log where entity_type = 'task' and entity_id = $1`,
      [task.id],
    );
    expect(audit[0]!.summary).toContain('Vận động di dời');
  });

  it('refuses an inconsistent plan in Vietnamese and saves nothing', async () => {
    const before = [await count('tasks'), await count('task_events'), await count('audit_log')];
    const res = await me.post('/api/tasks', body({ deadline: `${year + 1}-03-31` }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Thời hạn hoàn thành');
    expect(res.json().message).toContain('nằm ngoài thời gian đăng ký');
    const empty = await me.post('/api/tasks', body({ targets: [] }));
    expect(empty.json().message).toBe('Chỉ tiêu: cần ít nhất một chỉ tiêu định lượng');
    expect([await count('tasks'), await count('task_events'), await count('audit_log')]).toEqual(
      before,
    );
  });

  it('a member cannot register for someone else nor see others’ tasks', async () => {
    expect((await me.post('/api/tasks', body({ memberId: officerPerson.id }))).statusCode).toBe(
      403,
    );
    const onBehalf = await officer.post(
      '/api/tasks',
      body({ memberId: person.id, title: 'Hòa giải tranh chấp đất đai ngõ 370' }),
    );
    expect(onBehalf.statusCode, onBehalf.body).toBe(201);
    const own = await officer.post('/api/tasks', body({ title: 'Việc của cán bộ tổ chức' }));
    expect(own.statusCode).toBe(201);
    const mine = (await me.get('/api/tasks')).json<TaskPage>();
    expect(mine.items.map((i) => i.memberName)).toEqual(['Lê Huy Hưng', 'Lê Huy Hưng']);
    expect((await me.get(`/api/tasks/${own.json<TaskDto>().id}`)).statusCode).toBe(404);
    // Access before rules: an inconsistent plan sent to a task out of reach is still not found.
    const badEdit = await outsider.send({
      method: 'PUT',
      url: `/api/tasks/${own.json<TaskDto>().id}`,
      payload: body({ version: 1, deadline: `${year + 1}-03-31` }),
    });
    expect(badEdit.statusCode, badEdit.body).toBe(404);
    const all = (await reader.get('/api/tasks')).json<TaskPage>();
    expect(all.total).toBe(3);
    expect((await outsider.get('/api/tasks')).json<TaskPage>().total).toBe(0);
    // An officer never approves their own registration.
    const self = await officer.post(`/api/tasks/${own.json<TaskDto>().id}/decision`, {
      version: 1,
      decision: 'approve',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toContain('tự phê duyệt');
  });

  it('returns with a reason, the member edits and resubmits, then it is approved', async () => {
    const noReason = await officer.post(`/api/tasks/${task.id}/decision`, {
      version: 1,
      decision: 'return',
    });
    expect(noReason.json().message).toContain('lý do');
    const returned = await officer.post(`/api/tasks/${task.id}/decision`, {
      version: 1,
      decision: 'return',
      reason: 'Cần ghi rõ số hộ',
    });
    expect(returned.json<TaskDto>()).toMatchObject({
      status: 'returned',
      decisionReason: 'Cần ghi rõ số hộ',
    });
    const stale = await me.send({
      method: 'PUT',
      url: `/api/tasks/${task.id}`,
      payload: { ...body(), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await me.send({
      method: 'PUT',
      url: `/api/tasks/${task.id}`,
      payload: { ...body({ title: 'Vận động di dời 10 phương tiện thủy' }), version: 2 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<TaskDto>()).toMatchObject({ status: 'submitted', version: 3 });
    expect(
      (await me.post(`/api/tasks/${task.id}/decision`, { version: 3, decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    const approved = await officer.post(`/api/tasks/${task.id}/decision`, {
      version: 3,
      decision: 'approve',
    });
    task = approved.json<TaskDto>();
    expect(task.status).toBe('approved');
    expect(task.events.map((e) => e.kind)).toEqual(['submit', 'return', 'resubmit', 'approve']);
    // Approved: no longer editable.
    const late = await me.send({
      method: 'PUT',
      url: `/api/tasks/${task.id}`,
      payload: { ...body(), version: 4 },
    });
    expect(late.statusCode).toBe(400);
  });

  it('progress with evidence files checked by their real content, downloads scoped', async () => {
    const report = await me.post(`/api/tasks/${task.id}/progress`, {
      version: 4,
      note: 'Đã di dời 6 phương tiện',
      progressPercent: 60,
    });
    expect(report.statusCode, report.body).toBe(200);
    const exe = multipart(
      { version: 5, note: 'Biên bản' },
      { name: 'bien-ban.pdf', content: sampleExe() },
    );
    const bad = await me.send({
      method: 'POST',
      url: `/api/tasks/${task.id}/evidence`,
      payload: exe.payload,
      headers: exe.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('EXE');
    const pdf = multipart(
      { version: 5, note: 'Biên bản di dời' },
      { name: 'bien-ban.pdf', content: samplePdf() },
    );
    const ok = await me.send({
      method: 'POST',
      url: `/api/tasks/${task.id}/evidence`,
      payload: pdf.payload,
      headers: pdf.headers,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    task = ok.json<TaskDto>();
    const ev = task.events.at(-1)!;
    expect(ev).toMatchObject({ kind: 'progress', note: 'Biên bản di dời' });
    const fileId = ev.evidence[0]!.id;
    const dl = await officer.get(`/api/task-evidence/${fileId}/file`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await outsider.get(`/api/task-evidence/${fileId}/file`)).statusCode).toBe(404);
  });

  it('the assessor records achieved values; the outcome is classified and feeds the evaluation', async () => {
    const selfAssess = await me.post(`/api/tasks/${task.id}/outcome`, {
      version: task.version,
      completedDate: today(),
      achieved: [12, 20],
      outcomeComment: 'Tự thấy tốt',
    });
    expect(selfAssess.statusCode).toBe(403);
    const wrongCount = await officer.post(`/api/tasks/${task.id}/outcome`, {
      version: task.version,
      completedDate: today(),
      achieved: [12],
      outcomeComment: 'Thiếu',
    });
    expect(wrongCount.statusCode).toBe(400);
    const res = await officer.post(`/api/tasks/${task.id}/outcome`, {
      version: task.version,
      completedDate: today(),
      achieved: [12, 20],
      outcomeComment: 'Vượt chỉ tiêu di dời',
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<TaskDto>();
    expect(done.outcome).toBe('exceeded');
    expect(done.targets.map((x) => x.achievedValue)).toEqual([12, 20]);
    expect(done.outcomeCitations.map((c) => c.document).join(' ')).toContain('việc mới, việc khó');
    expect(done.events.at(-1)!.note).toContain('120%');
    const summary = await taskOutcomeSummary(t.db, {
      memberIds: [person.id],
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    expect(summary.get(person.id)).toMatchObject({ total: 1, exceeded: 1, open: 0 });
    const again = await officer.post(`/api/tasks/${task.id}/outcome`, {
      version: done.version,
      completedDate: today(),
      achieved: [1, 1],
      outcomeComment: 'Sửa',
    });
    expect(again.statusCode).toBe(400);
  });

  it('flags a model; statistics count registrations, items and outcomes; export works', async () => {
    const flagged = await officer.post(`/api/tasks/${task.id}/model`, {
      version: task.version + 1,
      isModel: true,
    });
    expect(flagged.statusCode, flagged.body).toBe(200);
    const p = await t.db
      .insert(postTitles)
      .values({ code: `BT${Date.now()}`, name: 'Bí thư', level: 'head', sector: 'party' })
      .returning();
    await t.db.insert(appointments).values({
      memberId: officerPerson.id,
      postTitleId: p[0]!.id,
      unitId: ward.id,
      unitPath: ward.path,
      startDate: `${year - 2}-01-01`,
      method: 'elected',
    });
    const res = await reader.get(`/api/tasks/stats?year=${year}&unitId=${ward.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<TaskStatsDto>();
    expect(s.total.members).toEqual({ registered: 2, total: 2, percent: 100 });
    expect(s.total.cadres).toEqual({ registered: 1, total: 1, percent: 100 });
    expect(s.total.approvedItems).toBe(1);
    expect(s.outcomes.exceeded).toBe(1);
    expect(s.byStatus).toMatchObject({ approved: 1, submitted: 2 });
    expect(s.children.map((c) => c.unitName)).toEqual(['Chi bộ Tổ dân phố 14']);
    expect(s.models.map((m) => m.id)).toEqual([task.id]);
    const xlsx = await reader.get(`/api/tasks/stats/export?year=${year}&unitId=${ward.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await me.get(`/api/tasks/stats?year=${year}`)).statusCode).toBe(403);
  });

  it('an approved task past its deadline is overdue until assessed', async () => {
    const past = await officer.post(
      '/api/tasks',
      body({
        memberId: person.id,
        startYear: year - 1,
        endYear: year - 1,
        deadline: `${year - 1}-06-30`,
        milestones: [],
      }),
    );
    const id = past.json<TaskDto>().id;
    await officer.post(`/api/tasks/${id}/decision`, { version: 1, decision: 'approve' });
    const overdue = (await officer.get('/api/tasks?state=overdue')).json<TaskPage>();
    expect(overdue.items.map((i) => [i.id, i.overdue])).toEqual([[id, true]]);
    const warnings = await officer.get(`/api/warnings?kind=overdue_tasks&unitId=${ward.id}`);
    expect(warnings.statusCode, warnings.body).toBe(200);
    expect(warnings.json().counts.overdue_tasks).toBe(1);
    expect(warnings.json().items[0]).toMatchObject({
      fullName: 'Lê Huy Hưng',
      dueDate: `${year - 1}-06-30`,
    });
    expect(warnings.json().items[0].reason).toContain('chưa đánh giá kết quả');
    expect((await outsider.get('/api/warnings?kind=overdue_tasks')).json().total).toBe(0);
    const lateDone = await officer.post(`/api/tasks/${id}/outcome`, {
      version: 2,
      completedDate: `${year - 1}-07-15`,
      achieved: [10, 20],
      outcomeComment: 'Chậm nửa tháng',
    });
    expect(lateDone.json<TaskDto>().outcome).toBe('late');
    expect((await officer.get('/api/tasks?state=overdue')).json<TaskPage>().total).toBe(0);
  });
});

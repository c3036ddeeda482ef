import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDto, AssessmentPage, CriteriaSetDto } from '../../contracts/tasks.ts';
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
let ward: UnitRow;
let cell: UnitRow;
let cellOfficer: Client;
let wardOfficer: Client;
let member: Client;
let memberId: number;

const cellScores = (met = true) =>
  ['political_task', 'meetings', 'unity_discipline', 'cadres_members'].map((code, i) => ({
    code,
    met: met || i > 0,
    comment: '',
  }));

beforeAll(async () => {
  t = await createTestApp();
  const city = await makeUnit(t.db, { name: 'Thành phố', type: 'province' });
  ward = await makeUnit(t.db, { parent: city, type: 'commune', name: 'Đảng bộ phường Bưởi' });
  cell = await makeUnit(t.db, { parent: ward, type: 'grassroots_cell', name: 'Chi bộ 16' });
  const m = await makeMember(t.db, cell, { fullName: 'Đỗ Văn Thái' });
  memberId = m.id;
  await makeUser(t.db, cell, { username: 'chibo', roles: ['officer'] });
  await makeUser(t.db, ward, { username: 'phuong', roles: ['officer'] });
  await makeUser(t.db, cell, { username: 'thai', roles: ['member'], memberId: m.id });
  cellOfficer = await signIn(t.app, 'chibo');
  wardOfficer = await signIn(t.app, 'phuong');
  member = await signIn(t.app, 'thai');
}, 120_000);
afterAll(() => t.close());

describe('Chi bộ 4 tốt / Đảng viên 4 tốt', () => {
  it('ships default criteria for cells and members; a subtree may define its own', async () => {
    const def = (
      await cellOfficer.get(`/api/four-good/criteria?kind=cell&unitId=${cell.id}&year=2025`)
    ).json<CriteriaSetDto>();
    expect(def.shipped).toBe(true);
    expect(def.criteria.map((c) => c.name)).toEqual([
      'Thực hiện tốt nhiệm vụ chính trị',
      'Sinh hoạt tốt',
      'Đoàn kết, kỷ luật tốt',
      'Quản lý cán bộ, đảng viên tốt',
    ]);
    const own = await wardOfficer.post('/api/four-good/criteria', {
      kind: 'member',
      unitId: ward.id,
      name: 'Đảng viên 4 tốt phường Bưởi',
      fromYear: 2026,
      criteria: [
        { code: 'a', name: 'Gương mẫu' },
        { code: 'b', name: 'Dân vận khéo' },
      ],
    });
    expect(own.statusCode, own.body).toBe(201);
    const in2025 = (
      await member.get('/api/four-good/criteria?kind=member&year=2025')
    ).json<CriteriaSetDto>();
    expect(in2025.shipped).toBe(true);
    const in2026 = (
      await member.get('/api/four-good/criteria?kind=member&year=2026')
    ).json<CriteriaSetDto>();
    expect(in2026.criteria.map((c) => c.code)).toEqual(['a', 'b']);
    // The ward's set, seen by a member of a cell below it, names the ward.
    expect(in2026).toMatchObject({ shipped: false, unitName: 'Đảng bộ phường Bưởi' });
  });

  it('a cell assesses itself; only the level above recognises it, and only when all criteria are met', async () => {
    const notCell = await wardOfficer.post('/api/four-good/assessments', {
      kind: 'cell',
      year: 2025,
      unitId: ward.id,
      scores: cellScores(),
    });
    expect(notCell.json().message).toContain('không phải chi bộ');
    const missing = await cellOfficer.post('/api/four-good/assessments', {
      kind: 'cell',
      year: 2025,
      unitId: cell.id,
      scores: cellScores().slice(1),
    });
    expect(missing.json().message).toContain('Thực hiện tốt nhiệm vụ chính trị');
    const res = await cellOfficer.post('/api/four-good/assessments', {
      kind: 'cell',
      year: 2025,
      unitId: cell.id,
      scores: cellScores(false),
      selfComment: 'Còn hạn chế',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<AssessmentDto>();
    expect(a).toMatchObject({ status: 'submitted', metCount: 3, canRecognize: false });
    const self = await cellOfficer.post(`/api/four-good/assessments/${a.id}/recognition`, {
      version: a.version,
      recognized: true,
    });
    expect(self.json().message).toContain('cấp ủy cấp trên');
    const notAll = await wardOfficer.post(`/api/four-good/assessments/${a.id}/recognition`, {
      version: a.version,
      recognized: true,
    });
    expect(notAll.json().message).toContain('mọi tiêu chí');
    // Resubmitted with all met, then recognised.
    const again = (
      await cellOfficer.post('/api/four-good/assessments', {
        kind: 'cell',
        year: 2025,
        unitId: cell.id,
        scores: cellScores(),
      })
    ).json<AssessmentDto>();
    expect(again.id).toBe(a.id);
    const ok = await wardOfficer.post(`/api/four-good/assessments/${a.id}/recognition`, {
      version: again.version,
      recognized: true,
      comment: 'Đạt',
    });
    expect(ok.json<AssessmentDto>().status).toBe('recognized');
    const locked = await cellOfficer.post('/api/four-good/assessments', {
      kind: 'cell',
      year: 2025,
      unitId: cell.id,
      scores: cellScores(),
    });
    expect(locked.statusCode).toBe(409);
    const list = (
      await wardOfficer.get(`/api/four-good/assessments?kind=cell&year=2025&unitId=${ward.id}`)
    ).json<AssessmentPage>();
    expect(list.counts).toEqual({ submitted: 0, recognized: 1, not_recognized: 0 });
    expect(list.items[0]!.unitName).toBe('Chi bộ 16');
    // Audited under its own type, so it never reads as a change to a task with the same id.
    const audited = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'four_good' and entity_id = $1`,
      [list.items[0]!.id],
    );
    expect(audited[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('a member assesses themselves and sees only their own; the cell recognises', async () => {
    const scores = ['political_quality', 'duty', 'party_life', 'community'].map((code) => ({
      code,
      met: true,
      comment: '',
    }));
    const res = await member.post('/api/four-good/assessments', {
      kind: 'member',
      year: 2025,
      scores,
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<AssessmentDto>();
    expect(a).toMatchObject({ memberName: 'Đỗ Văn Thái', canRecognize: false });
    expect(
      (
        await member.post(`/api/four-good/assessments/${a.id}/recognition`, {
          version: 1,
          recognized: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await member.get('/api/four-good/assessments?kind=cell&year=2025')).json<AssessmentPage>()
        .total,
    ).toBe(0);
    const ok = await cellOfficer.post(`/api/four-good/assessments/${a.id}/recognition`, {
      version: 1,
      recognized: true,
    });
    expect(ok.json<AssessmentDto>().status).toBe('recognized');
    expect(
      (await member.get('/api/four-good/assessments?kind=member&year=2025'))
        .json<AssessmentPage>()
        .items.map((i) => i.memberId),
    ).toEqual([memberId]);
  });
});

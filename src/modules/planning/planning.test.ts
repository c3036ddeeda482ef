import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckEntryResult,
  PoolDetailDto,
  PoolDto,
  ReviewPreviewDto,
  StructureDto,
  SuccessionPageDto,
} from '../../contracts/planning.ts';
import type { PostTitleDto } from '../../contracts/posts.ts';
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
import { resumeEntries } from '../resume/resume.schema.ts';
import { exportSuccession } from './succession.export.ts';
import type { Actor } from '../../core/access/actor.ts';

const readerActor: Actor = {
  userId: 0,
  username: 'plan.reader',
  displayName: 'Người đọc',
  unitId: 0,
  scopePath: '/',
  roles: ['reader'],
  permissions: [],
  memberId: null,
};

const TERM = '2026-2031';
let t: TestApp;
let officer: Client;
let reader: Client;
let self: Client;
let city: UnitRow;
let ward: UnitRow;
let ward2: UnitRow;
let cell: UnitRow;
let titles: Map<string, PostTitleDto>;
const tid = (code: string) => titles.get(code)!.id;

beforeAll(async () => {
  t = await createTestApp();
  city = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Thử', validFrom: '1990-01-01' });
  ward = await makeUnit(t.db, {
    parent: city,
    type: 'commune',
    name: 'Đảng ủy phường Nhật Tân',
    validFrom: '1990-01-01',
  });
  ward2 = await makeUnit(t.db, {
    parent: city,
    type: 'commune',
    name: 'Đảng ủy phường Quảng An',
    validFrom: '1990-01-01',
  });
  cell = await makeUnit(t.db, { parent: ward, type: 'grassroots_cell', validFrom: '1990-01-01' });
  await makeUser(t.db, city, { username: 'plan.officer', roles: ['officer'] });
  await makeUser(t.db, city, { username: 'plan.reader', roles: ['reader'] });
  const someone = await makeMember(t.db, cell, { fullName: 'Trần Thị Tự' });
  await makeUser(t.db, cell, { username: 'plan.self', roles: ['member'], memberId: someone.id });
  officer = await signIn(t.app, 'plan.officer');
  reader = await signIn(t.app, 'plan.reader');
  self = await signIn(t.app, 'plan.self');
  const list = (await reader.get('/api/post-titles')).json<PostTitleDto[]>();
  titles = new Map(list.map((p) => [p.code, p]));
});
afterAll(() => t.close());

async function pool(code: string, unit: UnitRow, term = TERM) {
  const res = await officer.post('/api/planning/pools', {
    postTitleId: tid(code),
    unitId: unit.id,
    term,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<PoolDto>();
}

const entry = (memberId: number, over: Record<string, unknown> = {}) => ({
  memberId,
  source: 'inside',
  nominationRound: 'Hội nghị cán bộ chủ chốt',
  votesCast: 25,
  votesFor: 20,
  decisionNumber: '15-QĐ/TU',
  decisionDate: '2026-01-20',
  ...over,
});

/** A deputy of the ward (so the ward's secretary post is higher), born in 1980. */
async function deputy(name: string, over: Partial<MemberRow> = {}) {
  const m = await makeMember(t.db, cell, { fullName: name, ...over });
  await t.db.insert(appointments).values({
    memberId: m.id,
    postTitleId: tid('PBT'),
    unitId: ward.id,
    unitPath: ward.path,
    startDate: '2021-01-01',
    method: 'elected',
    term: '2020-2025',
  });
  return m;
}

const auditCount = async (entityId: number) =>
  (
    await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'planning' and entity_id = $1`,
      [entityId],
    )
  )[0]!.n;

describe('pools and entries', () => {
  it('adds up to 3 people with their ballot counts; a fourth is refused and nothing is written', async () => {
    const p = await pool('BT', ward);
    const people = [
      await deputy('Nguyễn Văn An'),
      await deputy('Lê Thị Bình', { gender: 'female' }),
      await deputy('Phạm Văn Cường'),
    ];
    for (const m of people) {
      const res = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(m.id));
      expect(res.statusCode, res.body).toBe(201);
    }
    const fourth = await deputy('Hoàng Văn Dũng');
    const refused = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(fourth.id));
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('tối đa 3 người');
    expect(refused.json<{ message: string }>().message).toContain('377-QĐ/TW');
    const detail = (await reader.get(`/api/planning/pools/${p.id}`)).json<PoolDetailDto>();
    expect(detail.activeCount).toBe(3);
    expect(detail.entries.map((e) => e.fullName)).not.toContain('Hoàng Văn Dũng');
    expect(detail.entries[0]).toMatchObject({ votesCast: 25, votesFor: 20, source: 'inside' });
    expect(detail.entries[0]!.currentPost).toContain('Phó Bí thư');
    expect(await auditCount(p.id)).toBe(4); // the pool and three people
  });

  it('warns on a tally of exactly half and refuses a post not higher than the one held', async () => {
    const p = await pool('CT-UBND', ward);
    const m = await deputy('Đỗ Văn Em');
    const half = await officer.post(
      `/api/planning/pools/${p.id}/entries`,
      entry(m.id, { votesCast: 20, votesFor: 10 }),
    );
    expect(half.statusCode, half.body).toBe(201);
    expect(half.json<{ warnings: { code: string }[] }>().warnings.map((w) => w.code)).toContain(
      'tally',
    );
    const lower = await pool('PCT-UBND', ward);
    const res = await officer.post(`/api/planning/pools/${lower.id}/entries`, entry(m.id));
    // Phó Bí thư → Phó Chủ tịch: same tier and level only warns; a head → deputy is refused.
    expect(res.statusCode, res.body).toBe(201);
    const head = await makeMember(t.db, cell, { fullName: 'Vũ Văn Giang' });
    await t.db.insert(appointments).values({
      memberId: head.id,
      postTitleId: tid('BT'),
      unitId: ward2.id,
      unitPath: ward2.path,
      startDate: '2021-01-01',
      method: 'elected',
    });
    const down = await officer.post(`/api/planning/pools/${lower.id}/entries`, entry(head.id));
    expect(down.statusCode).toBe(400);
    expect(down.body).toContain('không cao hơn');
  });

  it('refuses a fourth post of the same level for one person', async () => {
    const m = await makeMember(t.db, cell, { fullName: 'Ngô Văn Hải' });
    const codes = ['CT-HDND', 'CT-MTTQ', 'CN-UBKT', 'TB-TC'];
    const pools = [];
    for (const c of codes) pools.push(await pool(c, ward2));
    for (const p of pools.slice(0, 3)) {
      const res = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(m.id));
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await officer.post(`/api/planning/pools/${pools[3]!.id}/entries`, entry(m.id));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('3 chức danh cùng cấp');
  });

  it('refuses someone without a full term of service left, and someone being appointed', async () => {
    const p = await pool('TB-TC', ward);
    const old = await makeMember(t.db, cell, { fullName: 'Lý Văn Khoa', birthDate: '1966-03-10' });
    const check = (
      await officer.post(`/api/planning/pools/${p.id}/check`, {
        memberId: old.id,
        decisionDate: '2026-01-20',
      })
    ).json<CheckEntryResult>();
    expect(check.ok).toBe(false);
    expect(check.checks.map((c) => c.code)).toContain('service_left');
    const refused = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(old.id));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('tháng công tác');

    const next = await makeMember(t.db, cell, { fullName: 'Mai Văn Lâm' });
    await t.db.insert(appointments).values({
      memberId: next.id,
      postTitleId: tid('TB-TC'),
      unitId: ward.id,
      unitPath: ward.path,
      startDate: '2026-02-01',
      method: 'appointed',
    });
    const appointed = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(next.id));
    expect(appointed.statusCode).toBe(400);
    expect(appointed.body).toContain('không quy hoạch đồng thời');
  });

  it('removes a person with decision and reason, keeping the row as history', async () => {
    const p = await pool('CVP-CU', ward);
    const m = await deputy('Phan Văn Minh');
    const added = (await officer.post(`/api/planning/pools/${p.id}/entries`, entry(m.id))).json<{
      entry: { id: number; version: number };
    }>().entry;
    const removed = await officer.post(`/api/planning/entries/${added.id}/remove`, {
      version: added.version,
      removedDate: '2026-05-01',
      removalDecisionNumber: '20-QĐ/TU',
      removalReason: 'Chuyển công tác',
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const detail = (await reader.get(`/api/planning/pools/${p.id}`)).json<PoolDetailDto>();
    expect(detail.activeCount).toBe(0);
    expect(detail.entries[0]).toMatchObject({
      status: 'removed',
      removalDecisionNumber: '20-QĐ/TU',
      removalReason: 'Chuyển công tác',
    });
    // The member page lists the entry with its pool, kept after removal as history.
    const mine = await reader.get(`/api/members/${m.id}/planning`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual([
      expect.objectContaining({
        poolId: p.id,
        term: TERM,
        status: 'removed',
        removedDate: '2026-05-01',
        removalReason: 'Chuyển công tác',
      }),
    ]);
    expect((await self.get(`/api/members/${m.id}/planning`)).statusCode).toBe(403);
    const again = await officer.post(`/api/planning/entries/${added.id}/remove`, {
      version: added.version + 1,
      removedDate: '2026-05-02',
      removalDecisionNumber: '21',
      removalReason: 'Lần nữa',
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets readers read but not write, and a member sees no planning', async () => {
    const list = await reader.get(`/api/planning/pools?unitId=${ward.id}&term=${TERM}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ total: number }>().total).toBeGreaterThan(0);
    const write = await reader.post('/api/planning/pools', {
      postTitleId: tid('BT'),
      unitId: ward2.id,
      term: TERM,
    });
    expect(write.statusCode).toBe(403);
    expect((await self.get(`/api/planning/pools?term=${TERM}`)).statusCode).toBe(403);
    expect((await self.get(`/api/planning/succession?term=${TERM}`)).statusCode).toBe(403);
  });
});

describe('annual review', () => {
  it('proposes removals for discipline, political standard and age, then records the decision in one transaction', async () => {
    const p = await pool('BT', ward2);
    const a = await makeMember(t.db, cell, { fullName: 'Kỷ Luật Một', birthDate: '1985-01-01' });
    const b = await makeMember(t.db, cell, { fullName: 'Chính Trị Hai', birthDate: '1985-01-01' });
    const c = await makeMember(t.db, cell, { fullName: 'Tuổi Cao Ba', birthDate: '1970-06-01' });
    const ids: number[] = [];
    for (const m of [a, b, c]) {
      const res = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(m.id));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json<{ entry: { id: number } }>().entry.id);
    }
    await t.db.insert(resumeEntries).values({
      memberId: a.id,
      section: 'discipline',
      fromDate: '2026-03-01',
      fields: { disciplineForm: 'Khiển trách' },
    });
    const detail = (await reader.get(`/api/planning/pools/${p.id}`)).json<PoolDetailDto>();
    const bEntry = detail.entries.find((e) => e.memberId === b.id)!;
    expect(
      (
        await officer.patch(`/api/planning/entries/${bEntry.id}`, {
          version: bEntry.version,
          politicalStandard: 'not_met',
        })
      ).statusCode,
    ).toBe(200);

    // Man born 06/1970 retires in 2032 at 62: from 08/2027 only 58 months are left.
    const preview = (
      await officer.get(`/api/planning/review?unitId=${ward2.id}&term=${TERM}&date=2027-08-01`)
    ).json<ReviewPreviewDto>();
    const proposals = preview.pools.find((x) => x.id === p.id)!.proposals;
    const by = new Map(proposals.map((x) => [x.memberId, x.triggers.map((tr) => tr.trigger)]));
    expect(by.get(a.id)).toEqual(['discipline']);
    expect(by.get(b.id)).toEqual(['political']);
    expect(by.get(c.id)).toEqual(['age']);
    // Without the 'sensitive' permission the discipline reason does not name the form.
    const reason = proposals.find((x) => x.memberId === a.id)!.triggers[0]!.message;
    expect(reason).not.toContain('Khiển trách');

    const newcomer = await makeMember(t.db, cell, { fullName: 'Người Mới Bốn' });
    const tooMany = await officer.post('/api/planning/reviews', {
      unitId: ward2.id,
      term: TERM,
      decisionNumber: '30-QĐ/TU',
      decisionDate: '2027-08-10',
      removals: [{ entryId: ids[0], reason: 'Bị kỷ luật khiển trách' }],
      additions: [
        { poolId: p.id, memberId: newcomer.id, source: 'outside' },
        { poolId: p.id, memberId: (await makeMember(t.db, cell)).id, source: 'inside' },
      ],
    });
    expect(tooMany.statusCode).toBe(400);
    const still = (await reader.get(`/api/planning/pools/${p.id}`)).json<PoolDetailDto>();
    expect(still.activeCount).toBe(3);
    const reviews = await t.database.query<{ n: number }>(
      'select count(*)::int as n from planning_reviews',
    );
    expect(reviews[0]!.n).toBe(0);

    const ok = await officer.post('/api/planning/reviews', {
      unitId: ward2.id,
      term: TERM,
      decisionNumber: '30-QĐ/TU',
      decisionDate: '2027-08-10',
      removals: [
        { entryId: ids[0], reason: 'Bị kỷ luật khiển trách' },
        { entryId: ids[1], reason: 'Không đạt tiêu chuẩn chính trị' },
      ],
      additions: [
        { poolId: p.id, memberId: newcomer.id, source: 'outside', votesCast: 30, votesFor: 25 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ removedCount: 2, addedCount: 1 });
    const after = (await reader.get(`/api/planning/pools/${p.id}`)).json<PoolDetailDto>();
    expect(after.activeCount).toBe(2);
    expect(after.entries.find((e) => e.memberId === newcomer.id)).toMatchObject({
      status: 'active',
      source: 'outside',
      decisionNumber: '30-QĐ/TU',
    });
    expect(after.entries.find((e) => e.memberId === a.id)).toMatchObject({
      status: 'removed',
      removalDecisionNumber: '30-QĐ/TU',
    });
    const again = (
      await officer.get(`/api/planning/review?unitId=${ward2.id}&term=${TERM}&date=2027-08-11`)
    ).json<ReviewPreviewDto>();
    expect(again.lastReviewDate).toBe('2027-08-10');
    expect(again.nextReviewDue).toBe('2028-08-10');
    const decided = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'planning' and action = 'decide'`,
    );
    expect(decided[0]!.n).toBe(1);
  });
  it('proposes removal for a decided "không hoàn thành nhiệm vụ" rating from the evaluation module', async () => {
    const p = await pool('CT-UBND', ward2);
    const m = await makeMember(t.db, cell, { fullName: 'Đánh Giá Thấp' });
    const ok = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(m.id));
    expect(ok.statusCode, ok.body).toBe(201);
    const [framework] = await t.database.query<{ id: number }>(
      'select id from evaluation_frameworks order by id limit 1',
    );
    const [period] = await t.database.query<{ id: number }>(
      `insert into evaluation_periods (unit_id, unit_path, kind, subject, year, label, start_date, end_date)
       values ($1, $2, 'year', 'individual', 2026, 'Năm 2026', '2026-01-01', '2026-12-31') returning id`,
      [city.id, city.path],
    );
    await t.database.query(
      `with e as (insert into evaluations (period_id, member_id, unit_id, unit_path, framework_id, stage)
         values ($1, $2, $3, $4, $5, 'advisory') returning id)
       insert into evaluation_decisions (evaluation_id, final_score, rating, rule_head, basis_id,
         decided_by)
       select id, 40, 'incomplete', '', 0, 'Hội đồng' from e`,
      [period!.id, m.id, cell.id, cell.path, framework!.id],
    );
    const preview = (
      await officer.get(`/api/planning/review?unitId=${ward2.id}&term=${TERM}&date=2027-01-15`)
    ).json<ReviewPreviewDto>();
    const proposal = preview.pools
      .find((x) => x.id === p.id)!
      .proposals.find((x) => x.memberId === m.id);
    expect(proposal?.triggers.map((x) => x.trigger)).toEqual(['rating']);
    expect(proposal?.triggers[0]!.message).toContain('Năm 2026');
  });
});

describe('succession view and structure', () => {
  it('lists key posts with holder, successors and gaps, paged on the server', async () => {
    const district = await makeUnit(t.db, {
      parent: city,
      type: 'commune',
      name: 'Đảng ủy xã Kế Thừa',
      validFrom: '1990-01-01',
    });
    const dcell = await makeUnit(t.db, { parent: district, type: 'grassroots_cell' });
    const holder = await makeMember(t.db, dcell, {
      fullName: 'Người Giữ Chức',
      birthDate: '1975-02-01',
    });
    await t.db.insert(appointments).values({
      memberId: holder.id,
      postTitleId: tid('BT'),
      unitId: district.id,
      unitPath: district.path,
      startDate: '2020-10-01',
      method: 'elected',
    });
    const bt = await pool('BT', district);
    const ct = await pool('CT-UBND', district);
    await pool('CA', district);
    for (const [p, n] of [
      [bt, 2],
      [ct, 1],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const m = await makeMember(t.db, dcell, { fullName: `Kế Cận ${p.postTitleName} ${i}` });
        const res = await officer.post(`/api/planning/pools/${p.id}/entries`, entry(m.id));
        expect(res.statusCode, res.body).toBe(201);
      }
    }
    const page = (
      await reader.get(
        `/api/planning/succession?unitId=${district.id}&term=${TERM}&date=2026-02-01&pageSize=2`,
      )
    ).json<SuccessionPageDto>();
    expect(page.counts).toEqual({ posts: 3, none: 1, one: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const first = page.items[0]!;
    expect(first.postTitleName).toBe('Bí thư');
    expect(first.coverage).toBe('ok');
    expect(first.successors).toHaveLength(2);
    expect(first.holder?.fullName).toBe('Người Giữ Chức');
    // Started 10/2020, two terms (120 months) end 10/2030: 56 months from 02/2026.
    expect(first.holder?.monthsLeftInPost).toBe(56);
    expect(first.holder?.monthsToRetirement).toBeGreaterThan(0);
    const gaps = (
      await reader.get(
        `/api/planning/succession?unitId=${district.id}&term=${TERM}&date=2026-02-01&gapsOnly=true`,
      )
    ).json<SuccessionPageDto>();
    expect(gaps.total).toBe(2);
    expect(gaps.items.map((r) => r.coverage).sort()).toEqual(['none', 'one']);

    const s = (
      await reader.get(`/api/planning/structure?unitId=${district.id}&term=${TERM}&date=2026-02-01`)
    ).json<StructureDto>();
    expect(s.people).toBe(3);
    expect(s.ageBands.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(s.shares.find((x) => x.key === 'women')).toMatchObject({ count: 0, targetPercent: 25 });

    // The export has every post (not one page) and the structure, as the screen shows them.
    const file = await reader.get(
      `/api/planning/succession/export.xlsx?unitId=${district.id}&term=${TERM}&date=2026-02-01`,
    );
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toContain(
      encodeURIComponent('Quy hoạch kế thừa - 2026-2031 - Đảng ủy xã Kế Thừa.xlsx'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const rowsOf = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).map((r) => (r ?? []).slice(1));
    const posts = rowsOf('Kế thừa').filter((r) => typeof r[6] === 'number');
    expect(posts.map((r) => [r[0], r[2], r[4], r[6], r[8]])).toEqual([
      ['Bí thư', 'Người Giữ Chức', 56, 2, 'Đủ nguồn'],
      ...posts.slice(1).map((r) => [r[0], 'Khuyết', undefined, r[6], r[8]]),
    ]);
    expect(
      posts
        .slice(1)
        .map((r) => `${r[6]} ${r[8]}`)
        .sort(),
    ).toEqual(['0 Chưa có người kế cận', '1 Chỉ có 1 người']);
    expect(String(posts[0]![7])).toContain('Kế Cận Bí thư 0');
    // The headings cite what the figures rest on: the tenure limit, the age bands and targets.
    const cited = (name: string) =>
      Array.from(rowsOf(name), (r) => String(r?.[0] ?? '')).find((l) => l.startsWith('Căn cứ: '));
    expect(cited('Kế thừa')).toContain(
      `${page.citations[0]!.rule} (${page.citations[0]!.document})`,
    );
    expect(cited('Cơ cấu')).toContain(`${s.citations[0]!.rule} (${s.citations[0]!.document})`);
    const shares = rowsOf('Cơ cấu');
    expect(shares).toContainEqual(['Cán bộ nữ', 0, 0, 25]);
    expect(
      shares.filter((r) => String(r[0]).includes('tuổi') && typeof r[1] === 'number'),
    ).toHaveLength(4);
    expect((await self.get(`/api/planning/succession/export.xlsx?term=${TERM}`)).statusCode).toBe(
      403,
    );
    // Read a page of 2 at a time, the export still holds all 3 posts once each.
    const paged = await exportSuccession({
      db: t.db,
      actor: { ...readerActor, unitId: district.id, scopePath: district.path },
      query: { unitId: district.id, term: TERM, date: '2026-02-01' },
      pageSize: 2,
    });
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(paged.buffer as unknown as ArrayBuffer);
    const names: string[] = [];
    again.getWorksheet('Kế thừa')!.eachRow((r) => names.push(String(r.getCell(1).value ?? '')));
    expect(names.filter((n) => posts.some((p) => p[0] === n)).sort()).toEqual(
      posts.map((p) => String(p[0])).sort(),
    );
  });
});

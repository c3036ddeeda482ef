/**
 * Seed 003 (Tây Hồ), rebuilt through the service: 7,126 of 7,560 members registered (94%);
 * 53 items of 51 cadres approved in 2022 and 163 of 54 cadres in 2023. Cadres' items are
 * registered and approved one by one through the service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateTaskBody } from '../../contracts/tasks.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { makeUnit, makeUser } from '../../testing/factories.ts';
import { appointments, postTitles } from '../posts/posts.schema.ts';
import { decideTask, registerTask } from './tasks.service.ts';
import { taskStats } from './tasks.stats.ts';

let database: Database;
let actor: Actor;
let memberIds: number[];
let districtId: number;

const task = (memberId: number, year: number, n: number): CreateTaskBody => ({
  memberId,
  periodKind: 'year',
  startYear: year,
  endYear: year,
  title: `Việc khó số ${n} năm ${year}`,
  description: '',
  targets: [{ name: 'Chỉ tiêu', unit: 'việc', targetValue: 1 }],
  milestones: [],
  deadline: `${year}-12-31`,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const city = await makeUnit(db, { name: 'Thành phố Hà Nội', type: 'province' });
  const district = await makeUnit(db, {
    parent: city,
    type: 'district',
    name: 'Đảng bộ quận Tây Hồ',
  });
  districtId = district.id;
  const cells = [];
  for (let i = 1; i <= 8; i++) {
    cells.push(
      await makeUnit(db, { parent: district, type: 'grassroots_cell', name: `Chi bộ ${i}` }),
    );
  }
  // 7,560 members spread over the cells, in one statement.
  const rows = await database.query<{ id: number }>(
    `insert into members (unit_id, unit_path, full_name, gender, birth_date, status, join_date, search_text, sort_key)
     select u.id, u.path, 'Đảng viên ' || g, 'male', '1980-01-01', 'full', '2010-01-01', 'dang vien ' || g, 'dang vien ' || g
     from generate_series(1, 7560) g
     join units u on u.id = ($1::int[])[1 + g % 8]
     returning id`,
    [cells.map((c) => c.id)],
  );
  memberIds = rows.map((r) => r.id).sort((a, b) => a - b);
  const [title] = await db
    .insert(postTitles)
    .values({ code: 'BT-S3', name: 'Bí thư', level: 'head', sector: 'party', isKey: true })
    .returning();
  // The first 54 members are key cadres holding posts through 2022 and 2023.
  await db.insert(appointments).values(
    memberIds.slice(0, 54).map((memberId) => ({
      memberId,
      postTitleId: title!.id,
      unitId: district.id,
      unitPath: district.path,
      startDate: '2020-10-01',
      method: 'elected',
    })),
  );
  const user = await makeUser(db, district, { username: 'bantochuc', roles: ['officer'] });
  actor = {
    userId: user.id,
    username: user.username,
    displayName: 'Ban Tổ chức Quận ủy',
    unitId: district.id,
    scopePath: district.path,
    roles: ['officer'],
    permissions: [],
    memberId: null,
  };
}, 120_000);
afterAll(() => database.close());

async function registerApproved(memberId: number, year: number, n: number) {
  const created = await registerTask({ db: database.db, actor, body: task(memberId, year, n) });
  await decideTask({
    db: database.db,
    actor,
    id: created.id,
    body: { version: 1, decision: 'approve', reason: '' },
  });
}

describe('seed 003: Tây Hồ', () => {
  it('2022: 53 items of 51 cadres approved', async () => {
    for (let i = 0; i < 51; i++) await registerApproved(memberIds[i]!, 2022, 1);
    await registerApproved(memberIds[0]!, 2022, 2);
    await registerApproved(memberIds[1]!, 2022, 2);
    const s = await taskStats({
      db: database.db,
      actor,
      query: { year: 2022, unitId: districtId },
    });
    expect(s.total).toMatchObject({
      approvedCadreItems: 53,
      cadresWithApproved: 51,
      itemsPerCadre: 1.04,
    });
    expect(s.total.cadres).toEqual({ registered: 51, total: 54, percent: 94.4 });
  }, 120_000);

  it('2023: 163 items of 54 cadres; 7,126 of 7,560 members registered = 94%', async () => {
    // 53 cadres with three items, one with four.
    for (let i = 0; i < 54; i++) {
      for (let n = 1; n <= (i === 0 ? 4 : 3); n++) await registerApproved(memberIds[i]!, 2023, n);
    }
    // The other members' 7,072 registrations: one through the service to pin the columns it
    // writes, the rest copied from it in one statement (7,000 service calls take minutes on PGlite).
    const first = await registerTask({
      db: database.db,
      actor,
      body: task(memberIds[54]!, 2023, 1),
    });
    await database.query(
      `insert into tasks (member_id, unit_id, unit_path, period_kind, start_year, end_year, title,
         description, targets, milestones, deadline, status, registered_by)
       select m.id, m.unit_id, m.unit_path, t.period_kind, t.start_year, t.end_year, t.title,
         t.description, t.targets, t.milestones, t.deadline, t.status, t.registered_by
       from members m, tasks t
       where t.id = $1 and m.id = any($2::int[])`,
      [first.id, memberIds.slice(55, 7126)],
    );
    const s = await taskStats({
      db: database.db,
      actor,
      query: { year: 2023, unitId: districtId },
    });
    expect(s.total).toMatchObject({
      approvedCadreItems: 163,
      cadresWithApproved: 54,
      itemsPerCadre: 3.02,
    });
    expect(s.total.members).toEqual({ registered: 7126, total: 7560, percent: 94.3 });
    expect(Math.round(s.total.members.percent)).toBe(94);
    expect(s.children).toHaveLength(8);
    expect(s.children.reduce((sum, c) => sum + c.members.registered, 0)).toBe(7126);
  }, 120_000);
});

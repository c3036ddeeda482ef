import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { taskStats } from '../../modules/tasks/tasks.stats.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { loadDemo } from '../demo-load.ts';

let database: Database;
let actor: Actor;
const unitOf = async (code: string) =>
  (await database.query<{ id: number }>(`select id from units where code = $1`, [code]))[0]!.id;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database, { members: 3000, seed: 11 });
  const [hn] = await database.query<{ id: number; path: string }>(
    `select id, path from units where code = 'HN'`,
  );
  actor = {
    userId: 1,
    username: 'demo.officer',
    displayName: 'Cán bộ',
    unitId: hn!.id,
    scopePath: hn!.path,
    roles: ['officer'],
    permissions: [],
    memberId: null,
  };
}, 300_000);
afterAll(() => database?.close());

describe('demo tasks', () => {
  it('the wards of former Tây Hồ reproduce seed 003: 94% of members registered in 2023', async () => {
    for (const code of ['HN.TH', 'HN.PT']) {
      const s = await taskStats({
        db: database.db,
        actor,
        query: { year: 2023, unitId: await unitOf(code) },
      });
      expect(s.total.members.total).toBeGreaterThan(50);
      expect(Math.round(s.total.members.percent)).toBe(94);
      // Every key cadre registered, with two or more approved items in 2023.
      expect(s.total.cadres.percent).toBe(100);
      expect(s.total.itemsPerCadre).toBeGreaterThanOrEqual(2);
    }
  });

  it('this year has registrations in every state, overdue ones and models', async () => {
    const year = Number(today().slice(0, 4));
    const s = await taskStats({ db: database.db, actor, query: { year } });
    expect(Object.keys(s.byStatus).sort()).toEqual([
      'approved',
      'rejected',
      'returned',
      'submitted',
    ]);
    expect(s.outcomes.on_time).toBeGreaterThan(0);
    expect(s.outcomes.open + s.outcomes.overdue).toBeGreaterThan(0);
    expect(s.models.length).toBeGreaterThan(0);
    const [cells] = await database.query<{ n: number }>(
      `select count(*)::int n from four_good_assessments where status = 'recognized'`,
    );
    expect(cells!.n).toBeGreaterThan(0);
  });
});

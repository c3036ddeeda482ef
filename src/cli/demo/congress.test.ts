import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import {
  getCongress,
  getThresholdBase,
  listCongresses,
  listNominees,
  nomineesForElections,
} from '../../modules/congress/congress.service.ts';
import { getNomination } from '../../modules/congress/nomination.service.ts';
import { getPlan } from '../../modules/congress/plan.service.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { loadDemo } from '../demo-load.ts';

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  // The size the browser tests start with.
  await loadDemo(database, { members: 400 });
  const [hn] = await database.query<{ id: number; path: string }>(
    `select id, path from units where code = 'HN'`,
  );
  actor = {
    userId: 1,
    username: 'demo.reader',
    displayName: 'Lãnh đạo',
    unitId: hn!.id,
    scopePath: hn!.path,
    roles: ['reader'],
    permissions: [],
    memberId: null,
  };
}, 180_000);
afterAll(() => database?.close());

describe('demo congress (seed 001)', () => {
  it("reproduces the plan's figures: 81 for 71 seats, 14,08% / 58,02% / 41,98%", async () => {
    const db = database.db;
    const page = await listCongresses({ db, actor, query: { page: 1, pageSize: 10 } });
    expect(page.total).toBe(1);
    const c = page.items[0]!;
    expect(c).toMatchObject({ term: '2025-2030', kind: 'delegates', ageReferenceMonth: '2025-09' });
    const congress = await getCongress({ db, actor, id: c.id });
    const committee = congress.bodies.find((b) => b.kind === 'executive_committee')!;
    expect(committee.seats).toBe(71);
    const plan = await getPlan({ db, actor, congressId: c.id, bodyId: committee.id });
    expect(plan.candidates).toHaveLength(81);
    expect(plan.surplusPercent).toBe(14.08);
    const line = (k: string) => plan.structure.find((l) => l.key === k)!;
    expect(line('reelected')).toMatchObject({ count: 47, percent: 58.02 });
    expect(line('first_time')).toMatchObject({ count: 34, percent: 41.98 });
    expect(plan.candidates.filter((x) => x.nominated)).toHaveLength(34);

    const nomination = await getNomination({ db, actor, congressId: c.id, bodyId: committee.id });
    expect(nomination.funnel.map((f) => [f.entered, f.passed])).toEqual([
      [151, 75],
      [75, 75],
      [75, 75],
      [75, 75],
      [75, 34],
    ]);
    expect(await listNominees({ db, actor, congressId: c.id, bodyId: committee.id })).toHaveLength(
      34,
    );
    // The committee's list for the election: the 47 re-elected and the 34 nominated, 81 for 71.
    const list = await nomineesForElections({ db, actor, congressId: c.id, bodyId: committee.id });
    expect(new Set(list.map((n) => n.memberId)).size).toBe(81);
    const base = await getThresholdBase({ db, actor, congressId: c.id });
    expect(base.summoned).toBe(c.summoned);
    expect(base.base).toBe(base.summoned);
  });
});

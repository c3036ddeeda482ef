import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import { previewReview } from '../../modules/planning/review.service.ts';
import { succession } from '../../modules/planning/succession.service.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { loadDemo } from '../demo-load.ts';
import { DEMO_PLANNING_TERM } from './planning.ts';

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database, { members: 3000, seed: 7 });
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
}, 180_000);
afterAll(() => database?.close());

describe('demo planning', () => {
  it('gives the succession view key posts with 0, 1, 2 and 3 successors and a holder', async () => {
    const page = await succession({
      db: database.db,
      actor,
      query: { term: DEMO_PLANNING_TERM, page: 1, pageSize: 200 },
    });
    expect(page.counts.none).toBeGreaterThan(0);
    expect(page.counts.one).toBeGreaterThan(0);
    const sizes = new Set(page.items.map((r) => r.successors.length));
    for (const n of [0, 1, 2, 3]) expect(sizes).toContain(n);
    expect(page.items.some((r) => r.holder !== null && r.successors.length > 0)).toBe(true);
  });

  it('has a removal in a pool history and a discipline the annual review proposes to act on', async () => {
    const [removed] = await database.query<{ n: number }>(
      `select count(*)::int as n from planning_entries where status = 'removed'`,
    );
    expect(removed!.n).toBe(1);
    const preview = await previewReview({
      db: database.db,
      actor,
      unitId: actor.unitId,
      term: DEMO_PLANNING_TERM,
      date: '2026-12-01',
    });
    const triggers = preview.pools.flatMap((p) => p.proposals.flatMap((x) => x.triggers));
    expect(triggers.map((t) => t.trigger)).toContain('discipline');
  });
});

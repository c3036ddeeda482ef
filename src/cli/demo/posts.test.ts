import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access/actor.ts';
import type { Database } from '../../core/db/client.ts';
import { nonLocalShare } from '../../modules/posts/nonlocal.service.ts';
import { listWarnings } from '../../modules/posts/warnings.service.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { loadDemo } from '../demo-load.ts';
import { HANOI_TARGET_DOCUMENT, TAY_HO_RULE_DOCUMENT } from './posts.ts';

let database: Database;
let unitOf: (code: string) => { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await loadDemo(database, { members: 3000, seed: 7 });
  const units = await database.query<{ id: number; code: string; path: string }>(
    'select id, code, path from units',
  );
  unitOf = (code) => units.find((u) => u.code === code)!;
}, 180_000);
afterAll(() => database?.close());

const cityReader = (): Actor => {
  const hn = unitOf('HN');
  return {
    userId: 1,
    username: 'demo.reader',
    displayName: 'Lãnh đạo',
    unitId: hn.id,
    scopePath: hn.path,
    roles: ['reader'],
    permissions: [],
    memberId: null,
  };
};

describe('demo posts', () => {
  it('reproduces seed 004: 17 of 32 key posts in former Thanh Trì held by non-locals on 30/06/2023', async () => {
    const s = await nonLocalShare({
      db: database.db,
      actor: cityReader(),
      unitId: unitOf('HN.HTT').id,
      date: '2023-06-30',
    });
    expect(s).toMatchObject({ total: 32, nonLocal: 17, unknown: 0, percentText: '53,1%' });
    expect(s).toMatchObject({ targetPercent: 50, reached: true });
    expect(s.verdict).toBe(`53,1% (17/32) ≥ chỉ tiêu 50% theo ${HANOI_TARGET_DOCUMENT}: đạt`);
    const byName = new Map(s.byPost.map((r) => [r.postTitleName, r]));
    expect(byName.get('Bí thư')).toMatchObject({ total: 16, nonLocal: 12 });
    expect(byName.get('Chủ tịch Ủy ban nhân dân')).toMatchObject({ total: 16, nonLocal: 5 });
  });

  it("applies Tây Hồ's local limits to its wards before the merger", async () => {
    const w = await listWarnings({
      db: database.db,
      actor: cityReader(),
      query: {
        unitId: unitOf('HN.QTH').id,
        kind: 'term_limit',
        withinMonths: 12,
        date: '2024-06-30',
        page: 1,
        pageSize: 200,
      },
    });
    expect(w.counts.term_limit).toBeGreaterThan(0);
    const cited = w.items.flatMap((r) => r.citations.map((c) => c.document));
    expect(cited).toContain(TAY_HO_RULE_DOCUMENT);
    expect(w.items.some((r) => r.postTitleName === 'Phó Bí thư' && r.status === 'over')).toBe(true);
  });

  it('gives today’s city dashboard rows in every computed list', async () => {
    const w = await listWarnings({
      db: database.db,
      actor: cityReader(),
      query: { kind: 'term_limit', withinMonths: 12, page: 1, pageSize: 50 },
    });
    expect(w.counts.term_limit).toBeGreaterThan(0);
    expect(w.counts.same_post).toBeGreaterThan(0);
    expect(w.counts.retirement).toBeGreaterThan(0);
  });
});

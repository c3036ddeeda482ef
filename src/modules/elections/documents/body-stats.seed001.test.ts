import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyStatsDto } from '../../../contracts/election-documents.ts';
import type { ElectionDto } from '../../../contracts/elections.ts';
import { formatPercent } from '../../../core/vietnamese/index.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { makeUnit, makeUser, signIn, type Client } from '../../../testing/factories.ts';
import { appointments, postTitles } from '../../posts/posts.schema.ts';
import { makeCongress } from '../elections.fixture.ts';

let t: TestApp;
let officer: Client;
let stats: BodyStatsDto;

/**
 * Seed 001: 81 introduced for 71 seats (surplus 10 = 14,08%), 47 re-elected (58,02%),
 * 34 first-time (41,98%). The 47 hold a committee post of the unit on the congress's first day.
 */
beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, {
    name: 'Đảng bộ Tỉnh',
    type: 'province',
    validFrom: '2010-01-01',
  });
  const fx = await makeCongress(t.db, root, {
    summoned: 81,
    absent: 0,
    seats: 71,
    nominees: Array.from({ length: 81 }, (_, i) => `Nguyễn Văn Ứng Viên ${i + 1}`),
  });
  const [uvBch] = await t.db.select().from(postTitles).where(eq(postTitles.code, 'UV-BCH'));
  const [bt] = await t.db.select().from(postTitles).where(eq(postTitles.code, 'BT'));
  await t.db.insert(appointments).values(
    fx.nominees.slice(0, 47).map((m, i) => ({
      memberId: m.id,
      postTitleId: i === 0 ? bt!.id : uvBch!.id,
      unitId: root.id,
      unitPath: root.path,
      startDate: '2020-10-01',
      method: 'elected',
      term: '2020-2025',
    })),
  );
  // A post that ended before the congress does not make its holder re-elected.
  await t.db.insert(appointments).values({
    memberId: fx.nominees[50]!.id,
    postTitleId: uvBch!.id,
    unitId: root.id,
    unitPath: root.path,
    startDate: '2015-10-01',
    endDate: '2020-09-30',
    method: 'elected',
    term: '2015-2020',
  });
  await makeUser(t.db, root, { username: 'seed.officer', roles: ['officer'] });
  officer = await signIn(t.app, 'seed.officer');
  const e = await officer.post(`/api/congresses/${fx.congressId}/elections`, { bodyId: fx.bodyId });
  expect(e.statusCode, e.body).toBe(201);
  const res = await officer.get(`/api/elections/${e.json<ElectionDto>().id}/stats`);
  expect(res.statusCode, res.body).toBe(200);
  stats = res.json<BodyStatsDto>();
});
afterAll(() => t.close());

describe('statistics of the list (seed 001)', () => {
  it('reproduces 14,08% surplus, 58,02% re-elected and 41,98% first-time', () => {
    expect(stats.candidates).toBe(81);
    expect(stats.surplus).toEqual({ count: 10, percent: 14.08 });
    expect(stats.list.reElected).toEqual({ count: 47, percent: 58.02 });
    expect(stats.list.firstTime).toEqual({ count: 34, percent: 41.98 });
    expect(formatPercent(stats.surplus.count, stats.seats)).toBe('14,08%');
    expect(formatPercent(stats.list.reElected.count, stats.list.size)).toBe('58,02%');
    expect(formatPercent(stats.list.firstTime.count, stats.list.size)).toBe('41,98%');
  });

  it('has no elected body before a round is closed', () => {
    expect(stats.elected).toBeNull();
    expect(stats.withoutRecord).toEqual([]);
    expect(stats.list.averageAge).not.toBeNull();
  });
});

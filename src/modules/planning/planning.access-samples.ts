import { eq } from 'drizzle-orm';
import type { ModuleAccess } from '../../testing/access-types.ts';
import { postTitles } from '../posts/posts.schema.ts';
import { planningEntries, planningPools, planningReviews } from './planning.schema.ts';

/**
 * A pool for A's secretary post with A's member in it (notes carry the marker), and a review of
 * A: B must neither see nor change them, nor put people into A's pool or B's people into it.
 */
export const planningAccess: ModuleAccess = {
  async seed({ db, world }) {
    const [title] = await db.select().from(postTitles).where(eq(postTitles.code, 'BT'));
    const [pool] = await db
      .insert(planningPools)
      .values({
        postTitleId: title!.id,
        unitId: world.unitA.id,
        term: '2026-2031',
        note: 'Quỹ alpha',
      })
      .returning({ id: planningPools.id });
    const [review] = await db
      .insert(planningReviews)
      .values({
        unitId: world.unitA.id,
        term: '2026-2031',
        decisionNumber: 'RS-alpha',
        decisionDate: '2026-01-10',
        note: 'Rà soát alpha',
      })
      .returning({ id: planningReviews.id });
    const [entry] = await db
      .insert(planningEntries)
      .values({
        poolId: pool!.id,
        memberId: world.memberA.id,
        source: 'inside',
        nominationRound: 'Vòng alpha',
        votesCast: 20,
        votesFor: 15,
        decisionNumber: 'QĐ-alpha',
        decisionDate: '2026-01-05',
        note: 'Ghi chú alpha',
      })
      .returning({ id: planningEntries.id });
    return {
      poolA: pool!.id,
      planningEntryA: entry!.id,
      planningReviewA: review!.id,
      planningTitleA: title!.id,
    };
  },
  samples: {
    'GET /api/members/:id/planning': [(w) => ({ url: `/api/members/${w.memberA.id}/planning` })],
    'GET /api/planning/pools': [
      () => ({ url: '/api/planning/pools' }),
      (w) => ({ url: `/api/planning/pools?unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/planning/pools?unitId=${w.root.id}&term=2026-2031` }),
    ],
    'POST /api/planning/pools': [
      (w) => ({
        url: '/api/planning/pools',
        payload: { postTitleId: w.ids.planningTitleA, unitId: w.unitA.id, term: '2031-2036' },
      }),
    ],
    'GET /api/planning/pools/:id': [(w) => ({ url: `/api/planning/pools/${w.ids.poolA}` })],
    'POST /api/planning/pools/:id/check': [
      (w) => ({
        url: `/api/planning/pools/${w.ids.poolA}/check`,
        payload: { memberId: w.memberB.id },
      }),
      (w) => ({
        url: `/api/planning/pools/${w.ids.poolA}/check`,
        payload: { memberId: w.memberA.id },
      }),
    ],
    'POST /api/planning/pools/:id/entries': [
      (w) => ({
        url: `/api/planning/pools/${w.ids.poolA}/entries`,
        payload: {
          memberId: w.memberB.id,
          source: 'outside',
          decisionNumber: '1-QĐ',
          decisionDate: '2026-02-01',
        },
      }),
    ],
    'PATCH /api/planning/entries/:id': [
      (w) => ({
        url: `/api/planning/entries/${w.ids.planningEntryA}`,
        payload: { version: 1, politicalStandard: 'not_met' },
      }),
    ],
    'POST /api/planning/entries/:id/remove': [
      (w) => ({
        url: `/api/planning/entries/${w.ids.planningEntryA}/remove`,
        payload: {
          version: 1,
          removedDate: '2026-03-01',
          removalDecisionNumber: '2-QĐ',
          removalReason: 'Thử',
        },
      }),
    ],
    'GET /api/planning/review': [
      (w) => ({ url: `/api/planning/review?unitId=${w.unitA.id}&term=2026-2031` }),
      (w) => ({ url: `/api/planning/review?unitId=${w.root.id}&term=2026-2031` }),
    ],
    'POST /api/planning/reviews': [
      (w) => ({
        url: '/api/planning/reviews',
        payload: {
          unitId: w.unitA.id,
          term: '2026-2031',
          decisionNumber: '3-QĐ',
          decisionDate: '2026-06-01',
          removals: [{ entryId: w.ids.planningEntryA, reason: 'Thử' }],
        },
      }),
      (w) => ({
        url: '/api/planning/reviews',
        payload: {
          unitId: w.unitB.id,
          term: '2026-2031',
          decisionNumber: '3-QĐ',
          decisionDate: '2026-06-01',
          removals: [{ entryId: w.ids.planningEntryA, reason: 'Thử' }],
        },
      }),
    ],
    'GET /api/planning/reviews': [
      () => ({ url: '/api/planning/reviews' }),
      (w) => ({ url: `/api/planning/reviews?unitId=${w.unitA.id}` }),
    ],
    'GET /api/planning/succession': [
      () => ({ url: '/api/planning/succession?term=2026-2031' }),
      (w) => ({ url: `/api/planning/succession?term=2026-2031&unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/planning/succession?term=2026-2031&unitId=${w.root.id}` }),
    ],
    'GET /api/planning/succession/export.xlsx': [
      () => ({ url: '/api/planning/succession/export.xlsx?term=2026-2031' }),
      (w) => ({ url: `/api/planning/succession/export.xlsx?term=2026-2031&unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/planning/succession/export.xlsx?term=2026-2031&unitId=${w.root.id}` }),
    ],
    'GET /api/planning/structure': [
      () => ({ url: '/api/planning/structure?term=2026-2031' }),
      (w) => ({ url: `/api/planning/structure?term=2026-2031&unitId=${w.unitA.id}` }),
    ],
  },
  tables: ['planning_pools', 'planning_entries', 'planning_reviews'],
};

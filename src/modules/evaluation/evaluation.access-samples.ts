import { eq } from 'drizzle-orm';
import type { ModuleAccess } from '../../testing/access-types.ts';
import {
  evaluationCriteria,
  evaluationFeedback,
  evaluationFrameworks,
  evaluationPeriods,
  evaluations,
  evaluationSteps,
} from './evaluation.schema.ts';

const scores = (criteria: { id: number; maxPoints: number }[]) =>
  Object.fromEntries(criteria.map((c) => [String(c.id), c.maxPoints]));

/**
 * A period opened in A with one evaluation of A's member (at the advisory stage, so it could be
 * decided or rated in bulk) and feedback about that member; every text carries the marker.
 */
export const evaluationAccess: ModuleAccess = {
  async seed({ db, world }) {
    const [staff] = await db
      .select()
      .from(evaluationFrameworks)
      .where(eq(evaluationFrameworks.code, 'staff'));
    const criteria = await db
      .select()
      .from(evaluationCriteria)
      .where(eq(evaluationCriteria.frameworkId, staff!.id));
    const [period] = await db
      .insert(evaluationPeriods)
      .values({
        unitId: world.unitA.id,
        unitPath: world.unitA.path,
        kind: 'year',
        subject: 'individual',
        year: 2025,
        label: 'Năm 2025 alpha',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      })
      .returning();
    const [evaluation] = await db
      .insert(evaluations)
      .values({
        periodId: period!.id,
        memberId: world.memberA.id,
        unitId: world.cellA.id,
        unitPath: world.cellA.path,
        frameworkId: staff!.id,
        stage: 'advisory',
      })
      .returning();
    for (const step of ['self', 'collective', 'advisory']) {
      await db.insert(evaluationSteps).values({
        evaluationId: evaluation!.id,
        step,
        scores: scores(criteria.map((c) => ({ id: c.id, maxPoints: Number(c.maxPoints) }))),
        total: 95,
        comment: 'Nhận xét alpha',
        actorName: 'Người chấm alpha',
      });
    }
    await db.insert(evaluationFeedback).values({
      memberId: world.memberA.id,
      unitPath: world.cellA.path,
      sourceKind: 'front',
      sourceName: 'Ban công tác Mặt trận alpha',
      receivedDate: '2025-06-01',
      content: 'Ý kiến alpha',
      recordedBy: 'alpha',
    });
    return {
      evaluationPeriodA: period!.id,
      evaluationA: evaluation!.id,
      evaluationFrameworkA: staff!.id,
      evaluationCriterionA: criteria[0]!.id,
    };
  },
  samples: {
    'GET /api/evaluation/frameworks': [() => ({ url: '/api/evaluation/frameworks' })],
    'PATCH /api/evaluation/frameworks/:id': [
      (w) => ({
        url: `/api/evaluation/frameworks/${w.ids.evaluationFrameworkA}`,
        payload: { version: 1, name: 'Đổi tên' },
      }),
    ],
    'POST /api/evaluation/frameworks/:id/criteria': [
      (w) => ({
        url: `/api/evaluation/frameworks/${w.ids.evaluationFrameworkA}/criteria`,
        payload: { part: 'tasks', name: 'Tiêu chí mới', maxPoints: 5 },
      }),
    ],
    'PATCH /api/evaluation/criteria/:id': [
      (w) => ({
        url: `/api/evaluation/criteria/${w.ids.evaluationCriterionA}`,
        payload: { version: 1, maxPoints: 5 },
      }),
    ],
    'GET /api/evaluation/periods': [
      () => ({ url: '/api/evaluation/periods' }),
      () => ({ url: '/api/evaluation/periods?year=2025' }),
    ],
    'POST /api/evaluation/periods': [
      (w) => ({
        url: '/api/evaluation/periods',
        payload: {
          unitId: w.unitA.id,
          kind: 'year',
          subject: 'individual',
          year: 2026,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        },
      }),
    ],
    'GET /api/evaluation/periods/:id': [
      (w) => ({ url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}` }),
    ],
    'PATCH /api/evaluation/periods/:id': [
      (w) => ({
        url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}`,
        payload: { version: 1, status: 'closed' },
      }),
    ],
    'GET /api/evaluation/periods/:id/evaluations': [
      (w) => ({ url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}/evaluations` }),
    ],
    'POST /api/evaluation/periods/:id/rate': [
      (w) => ({ url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}/rate`, payload: {} }),
      (w) => ({
        url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}/rate`,
        payload: { unitId: w.cellA.id },
      }),
    ],
    'GET /api/evaluation/periods/:id/statistics': [
      (w) => ({ url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}/statistics` }),
    ],
    'GET /api/evaluation/periods/:id/export.xlsx': [
      (w) => ({ url: `/api/evaluation/periods/${w.ids.evaluationPeriodA}/export.xlsx` }),
    ],
    'GET /api/evaluations/mine': [() => ({ url: '/api/evaluations/mine' })],
    'GET /api/evaluations/:id': [(w) => ({ url: `/api/evaluations/${w.ids.evaluationA}` })],
    'PUT /api/evaluations/:id/steps/:step': [
      (w) => ({
        url: `/api/evaluations/${w.ids.evaluationA}/steps/advisory`,
        payload: { version: 1, scores: {}, comment: 'x' },
      }),
      (w) => ({
        url: `/api/evaluations/${w.ids.evaluationA}/steps/self`,
        payload: { version: 1, scores: {}, comment: 'x' },
      }),
    ],
    'PUT /api/evaluations/:id/framework': [
      (w) => ({
        url: `/api/evaluations/${w.ids.evaluationA}/framework`,
        payload: { version: 1, frameworkId: 1 },
      }),
    ],
    'POST /api/evaluations/:id/decide': [
      (w) => ({ url: `/api/evaluations/${w.ids.evaluationA}/decide`, payload: { version: 1 } }),
    ],
    'GET /api/members/:id/evaluations': [
      (w) => ({ url: `/api/members/${w.memberA.id}/evaluations` }),
    ],
    'GET /api/members/:id/feedback': [(w) => ({ url: `/api/members/${w.memberA.id}/feedback` })],
    'POST /api/members/:id/feedback': [
      (w) => ({
        url: `/api/members/${w.memberA.id}/feedback`,
        payload: {
          sourceKind: 'residents',
          sourceName: 'Tổ dân phố',
          receivedDate: '2025-07-01',
          content: 'Ý kiến mới',
        },
      }),
    ],
  },
  tables: [
    'evaluation_frameworks',
    'evaluation_criteria',
    'evaluation_periods',
    'evaluations',
    'evaluation_steps',
    'evaluation_feedback',
  ],
};

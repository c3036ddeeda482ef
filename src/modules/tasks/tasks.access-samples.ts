import type { ModuleAccess } from '../../testing/access-types.ts';
import { storedFiles } from '../dossiers/dossiers.schema.ts';
import { multipart, samplePdf } from '../dossiers/dossiers.fixtures.ts';
import { fourGoodAssessments, taskEvents, taskEvidence, tasks } from './tasks.schema.ts';

const taskBody = {
  periodKind: 'year',
  startYear: 2026,
  endYear: 2026,
  title: 'Việc thử',
  targets: [{ name: 'Chỉ tiêu', unit: 'hộ', targetValue: 5 }],
  milestones: [],
  deadline: '2026-12-31',
};
const scores = ['political_task', 'meetings', 'unity_discipline', 'cadres_members'].map((code) => ({
  code,
  met: true,
  comment: '',
}));

/**
 * A task of member A in subtree A (approved, overdue, flagged as a model, with evidence) and a
 * 4-good self-assessment of cell A: B must neither see nor change them.
 */
export const tasksAccess: ModuleAccess = {
  async seed({ db, world }) {
    const [task] = await db
      .insert(tasks)
      .values({
        memberId: world.memberA.id,
        unitId: world.cellA.id,
        unitPath: world.cellA.path,
        periodKind: 'year',
        startYear: 2024,
        endYear: 2024,
        title: 'Việc khó alpha',
        description: 'Mô tả alpha',
        targets: [{ name: 'Chỉ tiêu alpha', unit: 'hộ', targetValue: 5, achievedValue: null }],
        milestones: [],
        deadline: '2024-12-31',
        status: 'approved',
        isModel: true,
      })
      .returning({ id: tasks.id });
    const [pending] = await db
      .insert(tasks)
      .values({
        memberId: world.memberA.id,
        unitId: world.cellA.id,
        unitPath: world.cellA.path,
        periodKind: 'year',
        startYear: 2026,
        endYear: 2026,
        title: 'Việc chờ duyệt alpha',
        targets: [{ name: 'Chỉ tiêu alpha', unit: 'hộ', targetValue: 5, achievedValue: null }],
        milestones: [],
        deadline: '2026-12-31',
        status: 'submitted',
      })
      .returning({ id: tasks.id });
    const [event] = await db
      .insert(taskEvents)
      .values({ taskId: task!.id, kind: 'progress', note: 'Tiến độ alpha', actorName: 'alpha' })
      .returning({ id: taskEvents.id });
    const content = samplePdf('alpha');
    const [file] = await db
      .insert(storedFiles)
      .values({ sha256: 'alpha', sizeBytes: content.length, mimeType: 'application/pdf', content })
      .returning({ id: storedFiles.id });
    const [evidence] = await db
      .insert(taskEvidence)
      .values({ taskId: task!.id, eventId: event!.id, fileId: file!.id, fileName: 'alpha.pdf' })
      .returning({ id: taskEvidence.id });
    const [assessment] = await db
      .insert(fourGoodAssessments)
      .values({
        kind: 'cell',
        year: 2025,
        unitId: world.cellA.id,
        unitPath: world.cellA.path,
        criteriaSetId: 1,
        scores: scores.map((s) => ({ ...s, comment: 'alpha' })),
        selfComment: 'Tự nhận xét alpha',
        status: 'submitted',
      })
      .returning({ id: fourGoodAssessments.id });
    return {
      taskA: task!.id,
      pendingTaskA: pending!.id,
      evidenceA: evidence!.id,
      assessmentA: assessment!.id,
    };
  },
  tables: [
    'tasks',
    'task_events',
    'task_evidence',
    'four_good_assessments',
    'four_good_criteria_sets',
  ],
  samples: {
    'GET /api/tasks': [
      () => ({ url: '/api/tasks' }),
      () => ({ url: '/api/tasks?state=overdue&pageSize=200' }),
      () => ({ url: '/api/tasks?modelOnly=true' }),
      (w) => ({ url: `/api/tasks?unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/tasks?memberId=${w.memberA.id}&year=2024` }),
    ],
    'POST /api/tasks': [
      (w) => ({ url: '/api/tasks', payload: { ...taskBody, memberId: w.memberA.id } }),
    ],
    'GET /api/tasks/stats': [
      () => ({ url: '/api/tasks/stats?year=2024' }),
      (w) => ({ url: `/api/tasks/stats?year=2024&unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/tasks/stats?year=2024&unitId=${w.root.id}` }),
    ],
    'GET /api/tasks/stats/export': [
      (w) => ({ url: `/api/tasks/stats/export?year=2024&unitId=${w.unitA.id}` }),
    ],
    'GET /api/tasks/:id': [(w) => ({ url: `/api/tasks/${w.ids['taskA']}` })],
    'PUT /api/tasks/:id': [
      (w) => ({ url: `/api/tasks/${w.ids['pendingTaskA']}`, payload: { ...taskBody, version: 1 } }),
    ],
    'POST /api/tasks/:id/decision': [
      (w) => ({
        url: `/api/tasks/${w.ids['pendingTaskA']}/decision`,
        payload: { version: 1, decision: 'approve' },
      }),
    ],
    'POST /api/tasks/:id/progress': [
      (w) => ({
        url: `/api/tasks/${w.ids['taskA']}/progress`,
        payload: { version: 1, note: 'Tiến độ', progressPercent: 50 },
      }),
    ],
    'POST /api/tasks/:id/evidence': [
      (w) => {
        const body = multipart(
          { version: 1, note: 'Minh chứng' },
          { name: 'minh-chung.pdf', content: samplePdf() },
        );
        return {
          url: `/api/tasks/${w.ids['taskA']}/evidence`,
          payload: body.payload,
          headers: body.headers,
        };
      },
    ],
    'GET /api/task-evidence/:id/file': [
      (w) => ({ url: `/api/task-evidence/${w.ids['evidenceA']}/file` }),
    ],
    'POST /api/tasks/:id/outcome': [
      (w) => ({
        url: `/api/tasks/${w.ids['taskA']}/outcome`,
        payload: { version: 1, completedDate: '2024-12-01', achieved: [6], outcomeComment: 'Tốt' },
      }),
    ],
    'POST /api/tasks/:id/model': [
      (w) => ({
        url: `/api/tasks/${w.ids['taskA']}/model`,
        payload: { version: 1, isModel: false },
      }),
    ],
    'GET /api/four-good/criteria': [
      (w) => ({ url: `/api/four-good/criteria?kind=cell&unitId=${w.cellA.id}` }),
      () => ({ url: '/api/four-good/criteria?kind=member' }),
    ],
    'POST /api/four-good/criteria': [
      (w) => ({
        url: '/api/four-good/criteria',
        payload: {
          kind: 'cell',
          unitId: w.unitA.id,
          name: 'Bộ tiêu chí riêng',
          fromYear: 2026,
          criteria: [{ code: 'a', name: 'Tiêu chí A' }],
        },
      }),
    ],
    'GET /api/four-good/assessments': [
      () => ({ url: '/api/four-good/assessments?kind=cell&year=2025' }),
      (w) => ({ url: `/api/four-good/assessments?kind=cell&year=2025&unitId=${w.unitA.id}` }),
      () => ({ url: '/api/four-good/assessments?kind=member&year=2025' }),
    ],
    'POST /api/four-good/assessments': [
      (w) => ({
        url: '/api/four-good/assessments',
        payload: { kind: 'cell', year: 2025, unitId: w.cellA.id, scores, selfComment: 'x' },
      }),
      (w) => ({
        url: '/api/four-good/assessments',
        payload: {
          kind: 'member',
          year: 2025,
          memberId: w.memberA.id,
          scores: [],
          selfComment: '',
        },
      }),
    ],
    'POST /api/four-good/assessments/:id/recognition': [
      (w) => ({
        url: `/api/four-good/assessments/${w.ids['assessmentA']}/recognition`,
        payload: { version: 1, recognized: true },
      }),
    ],
  },
};

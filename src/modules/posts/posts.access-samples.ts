import { eq } from 'drizzle-orm';
import type { ModuleAccess } from '../../testing/access-types.ts';
import { appointments, postTitles } from './posts.schema.ts';

/** A valid body but for where it points: only the scope can refuse it. */
const appointmentBody = (postTitleId: number, unitId: number) => ({
  postTitleId,
  unitId,
  startDate: '2020-01-01',
  method: 'elected',
  term: '2020-2025',
});

/**
 * Appointments held in A (the note carries the marker) that B must neither see nor change;
 * one runs past every limit, so A's dashboard has rows that must not reach B.
 */
export const postsAccess: ModuleAccess = {
  async seed({ db, world }) {
    const [title] = await db.select().from(postTitles).where(eq(postTitles.code, 'BT'));
    const rows = await db
      .insert(appointments)
      .values([
        {
          memberId: world.memberA.id,
          postTitleId: title!.id,
          unitId: world.unitA.id,
          unitPath: world.unitA.path,
          startDate: '2005-01-01',
          method: 'elected',
          term: '2005-2010',
          note: 'Ghi chú alpha',
        },
      ])
      .returning({ id: appointments.id });
    return { appointmentA: rows[0]!.id, postTitleA: title!.id };
  },
  samples: {
    'GET /api/post-titles': [
      () => ({ url: '/api/post-titles' }),
      () => ({ url: '/api/post-titles?includeInactive=true' }),
    ],
    'POST /api/post-titles': [
      () => ({
        url: '/api/post-titles',
        payload: { code: 'MOI', name: 'Chức danh mới', level: 'head', sector: 'party' },
      }),
    ],
    'PATCH /api/post-titles/:id': [
      (w) => ({
        url: `/api/post-titles/${w.ids.postTitleA}`,
        payload: { version: 1, name: 'Đổi tên', active: false },
      }),
    ],
    'GET /api/members/:id/appointments': [
      (w) => ({ url: `/api/members/${w.memberA.id}/appointments` }),
    ],
    'POST /api/members/:id/appointments': [
      (w) => ({
        url: `/api/members/${w.memberA.id}/appointments`,
        payload: appointmentBody(w.ids.postTitleA!, w.unitA.id),
      }),
      (w) => ({
        url: `/api/members/${w.memberB.id}/appointments`,
        payload: appointmentBody(w.ids.postTitleA!, w.unitA.id),
      }),
      (w) => ({
        url: `/api/members/${w.memberA.id}/appointments`,
        payload: appointmentBody(w.ids.postTitleA!, w.unitB.id),
      }),
    ],
    'PATCH /api/appointments/:id': [
      (w) => ({
        url: `/api/appointments/${w.ids.appointmentA}`,
        payload: {
          ...appointmentBody(w.ids.postTitleA!, w.unitA.id),
          version: 1,
          endDate: '2021-01-01',
        },
      }),
      (w) => ({
        url: `/api/appointments/${w.ids.appointmentA}`,
        payload: { ...appointmentBody(w.ids.postTitleA!, w.unitB.id), version: 1 },
      }),
    ],
    'DELETE /api/appointments/:id': [
      (w) => ({ url: `/api/appointments/${w.ids.appointmentA}?version=1` }),
    ],
    'GET /api/members/:id/tenure': [
      (w) => ({ url: `/api/members/${w.memberA.id}/tenure` }),
      (w) => ({ url: `/api/members/${w.memberA.id}/tenure?date=2024-01-01` }),
    ],
    'GET /api/warnings': [
      () => ({ url: '/api/warnings' }),
      (w) => ({ url: `/api/warnings?unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/warnings?unitId=${w.root.id}&kind=same_post` }),
      () => ({ url: '/api/warnings?kind=retirement&withinMonths=120' }),
      () => ({ url: '/api/warnings?kind=documents' }),
    ],
    'GET /api/warnings/export.xlsx': [
      () => ({ url: '/api/warnings/export.xlsx' }),
      (w) => ({ url: `/api/warnings/export.xlsx?unitId=${w.unitA.id}` }),
    ],
    'GET /api/statistics/non-local': [
      () => ({ url: '/api/statistics/non-local' }),
      (w) => ({ url: `/api/statistics/non-local?unitId=${w.unitA.id}` }),
      (w) => ({ url: `/api/statistics/non-local?unitId=${w.root.id}` }),
    ],
    'GET /api/statistics/non-local/export.xlsx': [
      (w) => ({ url: `/api/statistics/non-local/export.xlsx?unitId=${w.unitA.id}` }),
    ],
  },
  tables: ['appointments', 'post_titles'],
};

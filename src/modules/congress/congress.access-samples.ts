import type { ModuleAccess } from '../../testing/access-types.ts';
import {
  congressAttendees,
  congressBodies,
  congressCandidates,
  congresses,
  nominationSteps,
  nominationTallies,
} from './congress.schema.ts';

/**
 * A congress of A (named with the marker) with a body, one person summoned, a candidate and a
 * nomination step with a tally: B must neither see nor change any of it.
 */
export const congressAccess: ModuleAccess = {
  async seed({ db, world }) {
    const [c] = await db
      .insert(congresses)
      .values({
        unitId: world.unitA.id,
        unitPath: world.unitA.path,
        name: 'Đại hội Đảng bộ phường Alpha',
        term: '2025-2030',
        kind: 'members',
        startsOn: '2025-07-10',
        endsOn: '2025-07-11',
        ageReferenceMonth: '2025-07',
      })
      .returning();
    const [body] = await db
      .insert(congressBodies)
      .values({
        congressId: c!.id,
        kind: 'executive_committee',
        name: 'Ban Chấp hành alpha',
        seats: 9,
      })
      .returning();
    const [attendee] = await db
      .insert(congressAttendees)
      .values({
        congressId: c!.id,
        memberId: world.memberA.id,
        role: 'full_member',
        cardCode: 'DH1-ALPHA1',
        statusNote: 'Ghi chú alpha',
      })
      .returning();
    const [candidate] = await db
      .insert(congressCandidates)
      .values({ congressId: c!.id, bodyId: body!.id, memberId: world.memberA.id, note: 'alpha' })
      .returning();
    const [step] = await db
      .insert(nominationSteps)
      .values({
        congressId: c!.id,
        bodyId: body!.id,
        stepNo: 1,
        name: 'Bước alpha',
        summoned: 9,
        present: 9,
      })
      .returning();
    await db
      .insert(nominationTallies)
      .values({ stepId: step!.id, memberId: world.memberA.id, votes: 7 });
    return {
      congressA: c!.id,
      bodyA: body!.id,
      attendeeA: attendee!.id,
      candidateA: candidate!.id,
      stepA: step!.id,
    };
  },
  tables: [
    'congresses',
    'congress_bodies',
    'congress_attendees',
    'congress_candidates',
    'nomination_steps',
    'nomination_tallies',
  ],
  samples: {
    'GET /api/congresses': [
      () => ({ url: '/api/congresses' }),
      () => ({ url: '/api/congresses?q=alpha' }),
    ],
    'GET /api/congresses/age-reference': [
      (w) => ({ url: `/api/congresses/age-reference?unitId=${w.unitA.id}&on=2025-07-01` }),
    ],
    'POST /api/congresses': [
      (w) => ({
        url: '/api/congresses',
        payload: {
          unitId: w.unitA.id,
          name: 'Đại hội mới',
          term: '2025-2030',
          kind: 'members',
          startsOn: '2025-07-10',
          endsOn: '2025-07-11',
          bodies: [{ kind: 'executive_committee', name: 'Ban Chấp hành', seats: 9 }],
        },
      }),
    ],
    'GET /api/congresses/:id': [(w) => ({ url: `/api/congresses/${w.ids.congressA}` })],
    'PATCH /api/congresses/:id': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}`,
        payload: { version: 1, name: 'Đổi tên' },
      }),
    ],
    'GET /api/congresses/:id/history': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/history` }),
    ],
    'GET /api/congresses/:id/threshold-base': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/threshold-base` }),
    ],
    'GET /api/congresses/:id/attendees': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/attendees` }),
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/attendees?q=alpha&status=expected` }),
    ],
    'POST /api/congresses/:id/attendees/summon-members': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/attendees/summon-members` }),
    ],
    'POST /api/congresses/:id/attendees': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/attendees`,
        payload: { memberIds: [w.memberB.id], role: 'delegate' },
      }),
    ],
    'PATCH /api/congress-attendees/:id': [
      (w) => ({
        url: `/api/congress-attendees/${w.ids.attendeeA}`,
        payload: { version: 1, status: 'present' },
      }),
    ],
    'POST /api/congress-attendees/:id/replace': [
      (w) => ({
        url: `/api/congress-attendees/${w.ids.attendeeA}/replace`,
        payload: { version: 1, alternateId: w.ids.attendeeA },
      }),
    ],
    'POST /api/congress-attendees/:id/undo-replace': [
      (w) => ({
        url: `/api/congress-attendees/${w.ids.attendeeA}/undo-replace`,
        payload: { version: 1 },
      }),
    ],
    'DELETE /api/congress-attendees/:id': [
      (w) => ({ url: `/api/congress-attendees/${w.ids.attendeeA}?version=1` }),
    ],
    'POST /api/congresses/:id/check-in': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/check-in`,
        payload: { query: 'DH1-ALPHA1' },
      }),
    ],
    'POST /api/congress-attendees/:id/check-in': [
      (w) => ({ url: `/api/congress-attendees/${w.ids.attendeeA}/check-in` }),
    ],
    'GET /api/congresses/:id/cards.pdf': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/cards.pdf` }),
    ],
    'GET /api/congresses/:id/bodies/:bodyId/plan': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/bodies/${w.ids.bodyA}/plan` }),
    ],
    'POST /api/congresses/:id/bodies/:bodyId/candidates': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/bodies/${w.ids.bodyA}/candidates`,
        payload: { memberIds: [w.memberA.id] },
      }),
    ],
    'PATCH /api/congress-candidates/:id': [
      (w) => ({
        url: `/api/congress-candidates/${w.ids.candidateA}`,
        payload: { version: 1, reelectedOverride: true },
      }),
    ],
    'DELETE /api/congress-candidates/:id': [
      (w) => ({ url: `/api/congress-candidates/${w.ids.candidateA}?version=1` }),
    ],
    'GET /api/congresses/:id/bodies/:bodyId/nomination': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/bodies/${w.ids.bodyA}/nomination` }),
    ],
    'POST /api/congresses/:id/bodies/:bodyId/nomination-steps': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/bodies/${w.ids.bodyA}/nomination-steps`,
        payload: {},
      }),
    ],
    'PATCH /api/nomination-steps/:id': [
      (w) => ({
        url: `/api/nomination-steps/${w.ids.stepA}`,
        payload: { version: 1, summoned: 20 },
      }),
    ],
    'DELETE /api/nomination-steps/:id': [
      (w) => ({ url: `/api/nomination-steps/${w.ids.stepA}?version=1` }),
    ],
    'GET /api/congresses/:id/bodies/:bodyId/nominees': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/bodies/${w.ids.bodyA}/nominees` }),
    ],
  },
};

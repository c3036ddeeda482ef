import type { ModuleAccess } from '../../testing/access-types.ts';

/**
 * The election documents, statistics and approval, aimed at the election and round the
 * elections module seeds in A (ids.electionA, ids.roundA): a caller of B gets 404, no file.
 */
export const documentsAccess: ModuleAccess = {
  samples: {
    'GET /api/election-rounds/:id/ballots.pdf': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/ballots.pdf` }),
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/ballots.pdf?count=2&numbered=true&perPage=2`,
      }),
    ],
    'GET /api/election-rounds/:id/minutes.docx': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/minutes.docx` }),
    ],
    'GET /api/election-rounds/:id/minutes.pdf': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/minutes.pdf` }),
    ],
    'GET /api/election-rounds/:id/announcement.pdf': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/announcement.pdf` }),
    ],
    'GET /api/elections/:id/stats': [(w) => ({ url: `/api/elections/${w.ids.electionA}/stats` })],
    'GET /api/elections/:id/acceptance': [
      (w) => ({ url: `/api/elections/${w.ids.electionA}/acceptance` }),
    ],
    'POST /api/elections/:id/acceptance': [
      (w) => ({
        url: `/api/elections/${w.ids.electionA}/acceptance`,
        payload: { decisionNumber: '1-QĐ/TU', decisionDate: '2025-07-01' },
      }),
    ],
  },
  tables: ['election_acceptances', 'appointments'],
};

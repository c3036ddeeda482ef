import type { ModuleAccess } from '../../testing/access-types.ts';
import { makeUser } from '../../testing/factories.ts';
import { makeCongress } from './elections.fixture.ts';
import {
  ballotBatches,
  ballotEntries,
  batchOperators,
  congressCounters,
  countingCommitteeMembers,
  electionCandidates,
  electionRounds,
  elections,
  roundCandidates,
} from './elections.schema.ts';

/**
 * An election of A (names carry the marker) with an approved list, an open round, a batch with
 * one ballot entered by A's counter account: B must neither see nor change any of it.
 */
export const electionsAccess: ModuleAccess = {
  async seed({ db, world }) {
    const fx = await makeCongress(db, world.unitA, {
      summoned: 4,
      absent: 0,
      seats: 2,
      nominees: ['Nguyễn Văn Alpha', 'Trần Thị Alpha', 'Lê Alpha'],
      name: 'Đại hội alpha',
    });
    const [e] = await db
      .insert(elections)
      .values({
        congressId: fx.congressId,
        bodyId: fx.bodyId,
        unitPath: world.unitA.path,
        congressName: 'Đại hội alpha',
        bodyName: 'Ban Chấp hành alpha',
        listStatus: 'approved',
        approveAgree: 4,
        approvePresent: 4,
        approvedAt: new Date(),
        approvedBy: 'alpha',
      })
      .returning();
    const cands = await db
      .insert(electionCandidates)
      .values(
        fx.nominees.map((m) => ({
          electionId: e!.id,
          memberId: m.id,
          fullName: m.fullName,
          nameKey: m.sortKey,
          source: 'committee',
        })),
      )
      .returning();
    const [round] = await db
      .insert(electionRounds)
      .values({
        electionId: e!.id,
        unitPath: world.unitA.path,
        number: 1,
        seats: 2,
        form: 'strike',
        entryCopies: 1,
      })
      .returning();
    await db
      .insert(roundCandidates)
      .values(cands.map((c, i) => ({ roundId: round!.id, candidateId: c.id, position: i + 1 })));
    const [batch] = await db
      .insert(ballotBatches)
      .values({ roundId: round!.id, name: 'Hòm alpha' })
      .returning();
    const counter = await makeUser(db, world.unitA, {
      username: 'alpha.counter',
      roles: ['counter'],
    });
    await db.insert(congressCounters).values({ congressId: fx.congressId, userId: counter.id });
    const [member] = await db
      .insert(countingCommitteeMembers)
      .values({ congressId: fx.congressId, fullName: 'Kiểm Phiếu Alpha' })
      .returning();
    await db
      .insert(batchOperators)
      .values({ roundId: round!.id, batchId: batch!.id, copy: 1, userId: counter.id });
    await db.insert(ballotEntries).values({
      roundId: round!.id,
      batchId: batch!.id,
      copy: 1,
      serial: 'alpha-1',
      struck: [cands[0]!.id],
      agree: [],
      disagree: [],
      userId: counter.id,
      userName: 'alpha',
    });
    return {
      congressA: fx.congressId,
      bodyA: fx.bodyId,
      electionA: e!.id,
      candidateA: cands[0]!.id,
      roundA: round!.id,
      batchA: batch!.id,
      counterUserA: counter.id,
      committeeMemberA: member!.id,
    };
  },
  samples: {
    'GET /api/congresses/:congressId/elections': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/elections` }),
    ],
    'POST /api/congresses/:congressId/elections': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/elections`,
        payload: { bodyId: w.ids.bodyA },
      }),
    ],
    'GET /api/elections/:id': [(w) => ({ url: `/api/elections/${w.ids.electionA}` })],
    'POST /api/elections/:id/candidates': [
      (w) => ({
        url: `/api/elections/${w.ids.electionA}/candidates`,
        payload: {
          source: 'floor',
          fullName: 'Người Mới',
          nominationAgree: 4,
          nominationPresent: 4,
        },
      }),
    ],
    'POST /api/elections/:id/candidates/:candidateId/withdraw': [
      (w) => ({
        url: `/api/elections/${w.ids.electionA}/candidates/${w.ids.candidateA}/withdraw`,
        payload: { reason: 'Xin rút' },
      }),
    ],
    'POST /api/elections/:id/approve-list': [
      (w) => ({
        url: `/api/elections/${w.ids.electionA}/approve-list`,
        payload: { agree: 4, present: 4, version: 1 },
      }),
    ],
    'POST /api/elections/:id/rounds': [
      (w) => ({ url: `/api/elections/${w.ids.electionA}/rounds`, payload: { entryCopies: 2 } }),
    ],
    'GET /api/congresses/:congressId/counting-committee': [
      (w) => ({ url: `/api/congresses/${w.ids.congressA}/counting-committee` }),
    ],
    'POST /api/congresses/:congressId/counting-committee/members': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/counting-committee/members`,
        payload: { fullName: 'Người Kiểm', role: 'Ủy viên' },
      }),
    ],
    'DELETE /api/congresses/:congressId/counting-committee/members/:id': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/counting-committee/members/${w.ids.committeeMemberA}`,
      }),
    ],
    'POST /api/congresses/:congressId/counting-committee/counters': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/counting-committee/counters`,
        payload: { username: 'alpha.counter' },
      }),
    ],
    'DELETE /api/congresses/:congressId/counting-committee/counters/:userId': [
      (w) => ({
        url: `/api/congresses/${w.ids.congressA}/counting-committee/counters/${w.ids.counterUserA}`,
      }),
    ],
    'GET /api/counting': [() => ({ url: '/api/counting' })],
    'GET /api/election-rounds/:id/entry': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/entry` }),
    ],
    'POST /api/election-rounds/:id/batches': [
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/batches`,
        payload: { name: 'Hòm mới' },
      }),
    ],
    'POST /api/election-rounds/:id/batches/:batchId/claim': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/batches/${w.ids.batchA}/claim` }),
    ],
    'GET /api/election-rounds/:id/batches/:batchId/my-entries': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/batches/${w.ids.batchA}/my-entries` }),
    ],
    'POST /api/election-rounds/:id/batches/:batchId/ballots': [
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/batches/${w.ids.batchA}/ballots`,
        payload: { serial: 'alpha-1', issued: true, struck: [], correction: true },
      }),
    ],
    'POST /api/election-rounds/:id/batches/:batchId/finish': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/batches/${w.ids.batchA}/finish` }),
    ],
    'GET /api/election-rounds/:id/reconciliation': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/reconciliation` }),
    ],
    'POST /api/election-rounds/:id/resolutions': [
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/resolutions`,
        payload: {
          batchId: w.ids.batchA,
          serial: 'alpha-1',
          source: 'reread',
          issued: true,
          struck: [],
        },
      }),
    ],
    'GET /api/election-rounds/:id/log': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/log` }),
    ],
    'PUT /api/election-rounds/:id/counts': [
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/counts`,
        payload: { issued: 1, returned: 1, version: 1 },
      }),
    ],
    'POST /api/election-rounds/:id/close': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/close`, payload: { version: 1 } }),
    ],
    'POST /api/election-rounds/:id/decision': [
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/decision`,
        payload: { kind: 'stop', note: '' },
      }),
    ],
    'POST /api/election-rounds/:id/annul': [
      (w) => ({
        url: `/api/election-rounds/${w.ids.roundA}/annul`,
        payload: { decision: 'QĐ số 1', reason: 'Thử hủy từ nhánh khác' },
      }),
    ],
    'GET /api/election-rounds/:id/report': [
      (w) => ({ url: `/api/election-rounds/${w.ids.roundA}/report` }),
    ],
  },
  tables: [
    'elections',
    'election_candidates',
    'counting_committee_members',
    'congress_counters',
    'election_rounds',
    'round_candidates',
    'ballot_batches',
    'batch_operators',
    'ballot_entries',
    'ballot_resolutions',
    'round_decisions',
    'round_annulments',
  ],
};

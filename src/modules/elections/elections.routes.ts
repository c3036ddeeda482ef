import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam, okResponse, pageQuery } from '../../contracts/common.ts';
import {
  addCandidateBody,
  addCommitteeMemberBody,
  addCounterBody,
  annulBody,
  approveListBody,
  ballotCountsBody,
  closeRoundBody,
  congressElectionsDto,
  countingCommitteeDto,
  countingHomeDto,
  createBatchBody,
  createElectionBody,
  createRoundBody,
  decideBody,
  electionDto,
  enterBallotBody,
  entryLogDto,
  entryRoundDto,
  judgementDto,
  myEntriesDto,
  reconciliationDto,
  resolveBody,
  roundReport,
  withdrawCandidateBody,
} from '../../contracts/elections.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import * as committee from './committee.service.ts';
import * as entry from './entry.service.ts';
import { getRoundReport } from './elections.service.ts';
import * as list from './list.service.ts';
import * as reconcile from './reconcile.service.ts';
import * as rounds from './rounds.service.ts';

const TAGS = ['Bầu cử, kiểm phiếu'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const congressParam = z.object({ congressId: z.coerce.number().int().positive() });
const candidateParams = idParam.extend({ candidateId: z.coerce.number().int().positive() });
const batchParams = idParam.extend({ batchId: z.coerce.number().int().positive() });
const memberParams = congressParam.extend({ id: z.coerce.number().int().positive() });
const counterParams = congressParam.extend({ userId: z.coerce.number().int().positive() });

export const electionsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    const ok = { 200: okResponse, ...errors };

    // ─── Elections of a congress and their lists ──────────────────────────────────────
    app.get(
      '/api/congresses/:congressId/elections',
      {
        schema: {
          tags: TAGS,
          summary: 'Các cuộc bầu của một đại hội (theo cơ quan bầu)',
          params: congressParam,
          response: { 200: congressElectionsDto, ...errors },
        },
      },
      async (r) =>
        list.listCongressElections({ db, actor: actorOf(r), congressId: r.params.congressId }),
    );
    app.post(
      '/api/congresses/:congressId/elections',
      {
        schema: {
          tags: TAGS,
          summary: 'Lập cuộc bầu một cơ quan (lấy danh sách cấp ủy giới thiệu)',
          params: congressParam,
          body: createElectionBody,
          response: { 201: electionDto, ...errors },
        },
      },
      async (r, reply) =>
        reply
          .status(201)
          .send(
            await list.createElection({
              db,
              actor: actorOf(r),
              congressId: r.params.congressId,
              bodyId: r.body.bodyId,
            }),
          ),
    );
    app.get(
      '/api/elections/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Cuộc bầu: danh sách bầu cử, kiểm tra số dư (kèm căn cứ), các vòng',
          params: idParam,
          response: { 200: electionDto, ...errors },
        },
      },
      async (r) => list.getElection({ db, actor: actorOf(r), id: r.params.id }),
    );
    app.post(
      '/api/elections/:id/candidates',
      {
        schema: {
          tags: TAGS,
          summary: 'Đại hội đề cử hoặc tự ứng cử (cần trên 30% người có mặt đồng ý)',
          params: idParam,
          body: addCandidateBody,
          response: { 200: electionDto, ...errors },
        },
      },
      async (r) =>
        list.addCandidate({ db, actor: actorOf(r), electionId: r.params.id, body: r.body }),
    );
    app.post(
      '/api/elections/:id/candidates/:candidateId/withdraw',
      {
        schema: {
          tags: TAGS,
          summary: 'Rút tên khỏi danh sách bầu cử (trước khi thông qua)',
          params: candidateParams,
          body: withdrawCandidateBody,
          response: { 200: electionDto, ...errors },
        },
      },
      async (r) =>
        list.withdrawCandidate({
          db,
          actor: actorOf(r),
          electionId: r.params.id,
          candidateId: r.params.candidateId,
          reason: r.body.reason,
        }),
    );
    app.post(
      '/api/elections/:id/approve-list',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi kết quả biểu quyết thông qua danh sách bầu cử (khóa danh sách)',
          params: idParam,
          body: approveListBody,
          response: { 200: electionDto, ...errors },
        },
      },
      async (r) => list.approveList({ db, actor: actorOf(r), electionId: r.params.id, ...r.body }),
    );
    app.post(
      '/api/elections/:id/rounds',
      {
        schema: {
          tags: TAGS,
          summary: 'Mở vòng bầu (vòng 1 hoặc bầu tiếp), số lần nhập độc lập 1–3',
          params: idParam,
          body: createRoundBody,
          response: { 201: z.object({ id: z.number() }), ...errors },
        },
      },
      async (r, reply) =>
        reply
          .status(201)
          .send(
            await rounds.createRound({
              db,
              actor: actorOf(r),
              electionId: r.params.id,
              body: r.body,
            }),
          ),
    );

    // ─── Counting committee ───────────────────────────────────────────────────────────
    app.get(
      '/api/congresses/:congressId/counting-committee',
      {
        schema: {
          tags: TAGS,
          summary: 'Ban kiểm phiếu và các tài khoản được nhập phiếu',
          params: congressParam,
          response: { 200: countingCommitteeDto, ...errors },
        },
      },
      async (r) =>
        committee.getCountingCommittee({ db, actor: actorOf(r), congressId: r.params.congressId }),
    );
    app.post(
      '/api/congresses/:congressId/counting-committee/members',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm thành viên ban kiểm phiếu (không có tên trong danh sách bầu cử)',
          params: congressParam,
          body: addCommitteeMemberBody,
          response: { 200: countingCommitteeDto, ...errors },
        },
      },
      async (r) =>
        committee.addCommitteeMember({
          db,
          actor: actorOf(r),
          congressId: r.params.congressId,
          body: r.body,
        }),
    );
    app.delete(
      '/api/congresses/:congressId/counting-committee/members/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Bỏ một thành viên ban kiểm phiếu',
          params: memberParams,
          response: { 200: countingCommitteeDto, ...errors },
        },
      },
      async (r) =>
        committee.removeCommitteeMember({
          db,
          actor: actorOf(r),
          congressId: r.params.congressId,
          id: r.params.id,
        }),
    );
    app.post(
      '/api/congresses/:congressId/counting-committee/counters',
      {
        schema: {
          tags: TAGS,
          summary: 'Giao một tài khoản nhập phiếu cho đại hội',
          params: congressParam,
          body: addCounterBody,
          response: { 200: countingCommitteeDto, ...errors },
        },
      },
      async (r) =>
        committee.addCounter({
          db,
          actor: actorOf(r),
          congressId: r.params.congressId,
          username: r.body.username,
        }),
    );
    app.delete(
      '/api/congresses/:congressId/counting-committee/counters/:userId',
      {
        schema: {
          tags: TAGS,
          summary: 'Thôi giao tài khoản nhập phiếu',
          params: counterParams,
          response: { 200: countingCommitteeDto, ...errors },
        },
      },
      async (r) =>
        committee.removeCounter({
          db,
          actor: actorOf(r),
          congressId: r.params.congressId,
          userId: r.params.userId,
        }),
    );

    // ─── Ballot entry (counting accounts see only this) ───────────────────────────────
    app.get(
      '/api/counting',
      {
        schema: {
          tags: TAGS,
          summary: 'Các vòng bầu tài khoản này được giao nhập phiếu',
          response: { 200: countingHomeDto, ...errors },
        },
      },
      async (r) => entry.countingHome({ db, actor: actorOf(r) }),
    );
    app.get(
      '/api/election-rounds/:id/entry',
      {
        schema: {
          tags: TAGS,
          summary: 'Màn hình nhập phiếu của một vòng: danh sách, các tập phiếu',
          params: idParam,
          response: { 200: entryRoundDto, ...errors },
        },
      },
      async (r) => entry.getEntryRound({ db, actor: actorOf(r), roundId: r.params.id }),
    );
    app.post(
      '/api/election-rounds/:id/batches',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm tập phiếu (hòm phiếu)',
          params: idParam,
          body: createBatchBody,
          response: { 200: entryRoundDto, ...errors },
        },
      },
      async (r) =>
        entry.createBatch({ db, actor: actorOf(r), roundId: r.params.id, name: r.body.name }),
    );
    app.post(
      '/api/election-rounds/:id/batches/:batchId/claim',
      {
        schema: {
          tags: TAGS,
          summary: 'Nhận một lần nhập độc lập của tập phiếu',
          params: batchParams,
          response: { 200: entryRoundDto, ...errors },
        },
      },
      async (r) =>
        entry.claimCopy({ db, actor: actorOf(r), roundId: r.params.id, batchId: r.params.batchId }),
    );
    app.get(
      '/api/election-rounds/:id/batches/:batchId/my-entries',
      {
        schema: {
          tags: TAGS,
          summary: 'Các phiếu trong lần nhập của chính mình',
          params: batchParams,
          response: { 200: myEntriesDto, ...errors },
        },
      },
      async (r) =>
        entry.myEntries({ db, actor: actorOf(r), roundId: r.params.id, batchId: r.params.batchId }),
    );
    app.post(
      '/api/election-rounds/:id/batches/:batchId/ballots',
      {
        schema: {
          tags: TAGS,
          summary: 'Nhập (hoặc sửa, bỏ) một phiếu; trả về phiếu hợp lệ hay không',
          params: batchParams,
          body: enterBallotBody,
          response: {
            200: z.object({ serial: z.string(), deleted: z.boolean(), judgement: judgementDto }),
            ...errors,
          },
        },
      },
      async (r) =>
        entry.enterBallot({
          db,
          actor: actorOf(r),
          roundId: r.params.id,
          batchId: r.params.batchId,
          body: r.body,
        }),
    );
    app.post(
      '/api/election-rounds/:id/batches/:batchId/finish',
      {
        schema: {
          tags: TAGS,
          summary: 'Xác nhận đã nhập xong lần nhập của mình',
          params: batchParams,
          response: { 200: entryRoundDto, ...errors },
        },
      },
      async (r) =>
        entry.finishCopy({
          db,
          actor: actorOf(r),
          roundId: r.params.id,
          batchId: r.params.batchId,
        }),
    );

    // ─── Reconciliation, counts, closing ──────────────────────────────────────────────
    app.get(
      '/api/election-rounds/:id/reconciliation',
      {
        schema: {
          tags: TAGS,
          summary: 'Đối chiếu các lần nhập từng phiếu; chênh lệch chưa xử lý',
          params: idParam,
          response: { 200: reconciliationDto, ...errors },
        },
      },
      async (r) => reconcile.getReconciliation({ db, actor: actorOf(r), roundId: r.params.id }),
    );
    app.post(
      '/api/election-rounds/:id/resolutions',
      {
        schema: {
          tags: TAGS,
          summary: 'Ban kiểm phiếu xử lý một phiếu chênh lệch',
          params: idParam,
          body: resolveBody,
          response: { 200: reconciliationDto, ...errors },
        },
      },
      async (r) =>
        reconcile.resolveBallot({ db, actor: actorOf(r), roundId: r.params.id, body: r.body }),
    );
    app.get(
      '/api/election-rounds/:id/log',
      {
        schema: {
          tags: TAGS,
          summary: 'Nhật ký nhập phiếu (không sửa, không xóa được)',
          params: idParam,
          querystring: z.object(pageQuery),
          response: { 200: entryLogDto, ...errors },
        },
      },
      async (r) => reconcile.entryLog({ db, actor: actorOf(r), roundId: r.params.id, ...r.query }),
    );
    app.put(
      '/api/election-rounds/:id/counts',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi số phiếu phát ra và thu vào',
          params: idParam,
          body: ballotCountsBody,
          response: ok,
        },
      },
      async (r) => {
        await rounds.setBallotCounts({ db, actor: actorOf(r), roundId: r.params.id, ...r.body });
        return { ok: true as const };
      },
    );
    app.post(
      '/api/election-rounds/:id/close',
      {
        schema: {
          tags: TAGS,
          summary: 'Kết thúc vòng bầu: kiểm phiếu xong, kết quả bị khóa vĩnh viễn',
          params: idParam,
          body: closeRoundBody,
          response: ok,
        },
      },
      async (r) => {
        await rounds.closeRound({
          db,
          actor: actorOf(r),
          roundId: r.params.id,
          version: r.body.version,
        });
        return { ok: true as const };
      },
    );
    app.post(
      '/api/election-rounds/:id/decision',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi quyết định của đoàn chủ tịch (bầu tiếp hoặc dừng)',
          params: idParam,
          body: decideBody,
          response: ok,
        },
      },
      async (r) => {
        await rounds.decideRound({ db, actor: actorOf(r), roundId: r.params.id, ...r.body });
        return { ok: true as const };
      },
    );
    app.post(
      '/api/election-rounds/:id/annul',
      {
        schema: {
          tags: TAGS,
          summary: 'Cấp trên hủy kết quả vòng bầu (có quyết định, lý do; giữ dữ liệu gốc)',
          params: idParam,
          body: annulBody,
          response: ok,
        },
      },
      async (r) => {
        await rounds.annulRound({ db, actor: actorOf(r), roundId: r.params.id, body: r.body });
        return { ok: true as const };
      },
    );
    app.get(
      '/api/election-rounds/:id/report',
      {
        schema: {
          tags: TAGS,
          summary:
            'Kết quả kiểm phiếu của vòng bầu (số phiếu, % so với tổng số triệu tập, trúng cử)',
          params: idParam,
          response: { 200: roundReport, ...errors },
        },
      },
      async (r) => getRoundReport({ db, actor: actorOf(r), roundId: r.params.id }),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import {
  addCandidateBody,
  addCommitteeMemberBody,
  addCounterBody,
  approveListBody,
  congressElectionsDto,
  countingCommitteeDto,
  createElectionBody,
  createRoundBody,
  electionDto,
  withdrawCandidateBody,
} from '../../contracts/elections.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import * as committee from './committee.service.ts';
import { countingRoutes } from './counting.routes.ts';
import * as list from './list.service.ts';
import * as rounds from './rounds.service.ts';

const TAGS = ['Bầu cử, kiểm phiếu'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const congressParam = z.object({ congressId: z.coerce.number().int().positive() });
const candidateParams = idParam.extend({ candidateId: z.coerce.number().int().positive() });
const memberParams = congressParam.extend({ id: z.coerce.number().int().positive() });
const counterParams = congressParam.extend({ userId: z.coerce.number().int().positive() });

export const electionsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

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
        reply.status(201).send(
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
        reply.status(201).send(
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

    await app.register(countingRoutes(deps));
  };

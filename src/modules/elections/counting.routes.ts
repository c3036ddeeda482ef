import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam, okResponse, pageQuery } from '../../contracts/common.ts';
import {
  annulBody,
  ballotCountsBody,
  closeRoundBody,
  countingHomeDto,
  createBatchBody,
  decideBody,
  enterBallotBody,
  entryLogDto,
  entryRoundDto,
  judgementDto,
  myEntriesDto,
  reconciliationDto,
  resolveBody,
  roundReport,
} from '../../contracts/elections.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import * as entry from './entry.service.ts';
import { getRoundReport } from './elections.service.ts';
import * as reconcile from './reconcile.service.ts';
import * as rounds from './rounds.service.ts';

/** Ballot entry, reconciliation, counts, closing, decisions, annulment and the report of a round. */
const TAGS = ['Bầu cử, kiểm phiếu'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const batchParams = idParam.extend({ batchId: z.coerce.number().int().positive() });

export const countingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    const ok = { 200: okResponse, ...errors };

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

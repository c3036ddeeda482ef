import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import {
  memberPlanningDto,
  addEntryBody,
  addEntryResult,
  checkEntryBody,
  checkEntryResult,
  createPoolBody,
  entryDto,
  poolDetailDto,
  poolDto,
  poolListQuery,
  poolPage,
  recordReviewBody,
  removeEntryBody,
  reviewDto,
  reviewListQuery,
  reviewPage,
  reviewPreviewDto,
  reviewQuery,
  structureDto,
  structureQuery,
  successionPage,
  successionQuery,
  updateEntryBody,
} from '../../contracts/planning.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendXlsx } from '../../core/http/download.ts';
import type { AppDeps } from '../../app.ts';
import { memberPlanning } from './planning.member.service.ts';
import * as service from './planning.service.ts';
import * as review from './review.service.ts';
import { exportSuccession } from './succession.export.ts';
import { structure, succession } from './succession.service.ts';

const TAGS = ['Quy hoạch cán bộ'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const planningRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    app.get(
      '/api/members/:id/planning',
      {
        schema: {
          tags: TAGS,
          summary:
            'Quy hoạch của một đảng viên: các chức danh, nhiệm kỳ, quyết định, lúc ra khỏi quy hoạch',
          params: idParam,
          response: { 200: z.array(memberPlanningDto), ...errors },
        },
      },
      async (request) =>
        memberPlanning({ db, actor: actorOf(request), memberId: request.params.id }),
    );

    app.get(
      '/api/planning/pools',
      {
        schema: {
          tags: TAGS,
          summary: 'Các quỹ quy hoạch (chức danh, tổ chức, nhiệm kỳ) trong phạm vi, có phân trang',
          querystring: poolListQuery,
          response: { 200: poolPage, ...errors },
        },
      },
      async (request) => service.listPools({ db, actor: actorOf(request), query: request.query }),
    );

    app.post(
      '/api/planning/pools',
      {
        schema: {
          tags: TAGS,
          summary: 'Lập quỹ quy hoạch cho một chức danh tại một tổ chức, một nhiệm kỳ',
          body: createPoolBody,
          response: { 201: poolDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createPool({ db, actor: actorOf(request), body: request.body })),
    );

    app.get(
      '/api/planning/pools/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Một quỹ quy hoạch: người đang trong quy hoạch và lịch sử đưa vào, đưa ra',
          params: idParam,
          response: { 200: poolDetailDto, ...errors },
        },
      },
      async (request) => service.getPool({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.post(
      '/api/planning/pools/:id/check',
      {
        schema: {
          tags: TAGS,
          summary: 'Kiểm tra một người trước khi đưa vào quy hoạch (không ghi gì)',
          params: idParam,
          body: checkEntryBody,
          response: { 200: checkEntryResult, ...errors },
        },
      },
      async (request) =>
        service.checkEntry({
          db,
          actor: actorOf(request),
          poolId: request.params.id,
          ...request.body,
        }),
    );

    app.post(
      '/api/planning/pools/:id/entries',
      {
        schema: {
          tags: TAGS,
          summary: 'Đưa một người vào quy hoạch (nguồn, vòng giới thiệu, số phiếu, quyết định)',
          params: idParam,
          body: addEntryBody,
          response: { 201: addEntryResult, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await service.addEntry({
            db,
            actor: actorOf(request),
            poolId: request.params.id,
            body: request.body,
          }),
        ),
    );

    app.patch(
      '/api/planning/entries/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa kết luận tiêu chuẩn chính trị, ghi chú của người trong quy hoạch',
          params: idParam,
          body: updateEntryBody,
          response: { 200: entryDto, ...errors },
        },
      },
      async (request) =>
        service.updateEntry({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.post(
      '/api/planning/entries/:id/remove',
      {
        schema: {
          tags: TAGS,
          summary: 'Đưa một người ra khỏi quy hoạch (quyết định, lý do); dòng được giữ làm lịch sử',
          params: idParam,
          body: removeEntryBody,
          response: { 200: entryDto, ...errors },
        },
      },
      async (request) =>
        service.removeEntry({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/planning/review',
      {
        schema: {
          tags: TAGS,
          summary: 'Rà soát hằng năm: các quỹ của một tổ chức và đề xuất đưa ra khỏi quy hoạch',
          querystring: reviewQuery,
          response: { 200: reviewPreviewDto, ...errors },
        },
      },
      async (request) => review.previewReview({ db, actor: actorOf(request), ...request.query }),
    );

    app.post(
      '/api/planning/reviews',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi nhận kết quả rà soát: đưa ra, bổ sung và quyết định, trong một lần',
          body: recordReviewBody,
          response: { 201: reviewDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await review.recordReview({ db, actor: actorOf(request), body: request.body })),
    );

    app.get(
      '/api/planning/reviews',
      {
        schema: {
          tags: TAGS,
          summary: 'Các lần rà soát quy hoạch đã ghi nhận',
          querystring: reviewListQuery,
          response: { 200: reviewPage, ...errors },
        },
      },
      async (request) => review.listReviews({ db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/planning/succession',
      {
        schema: {
          tags: TAGS,
          summary:
            'Kế thừa các chức danh chủ chốt: người đang giữ, thời gian còn lại, người kế cận',
          querystring: successionQuery,
          response: { 200: successionPage, ...errors },
        },
      },
      async (request) => succession({ db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/planning/succession/export.xlsx',
      {
        schema: {
          tags: TAGS,
          summary:
            'Xuất Excel: kế thừa các chức danh chủ chốt (mọi trang) và cơ cấu nguồn quy hoạch',
          querystring: successionQuery.omit({ page: true, pageSize: true }),
          response: { 200: z.any().describe('Tệp .xlsx'), ...errors },
        },
      },
      async (request, reply) => {
        const file = await exportSuccession({ db, actor: actorOf(request), query: request.query });
        return sendXlsx(reply, file);
      },
    );

    app.get(
      '/api/planning/structure',
      {
        schema: {
          tags: TAGS,
          summary: 'Cơ cấu quy hoạch: ba độ tuổi, nữ, trẻ, dân tộc thiểu số so với chỉ tiêu',
          querystring: structureQuery,
          response: { 200: structureDto, ...errors },
        },
      },
      async (request) => structure({ db, actor: actorOf(request), query: request.query }),
    );
  };

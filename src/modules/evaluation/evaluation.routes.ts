import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import {
  createCriterionBody,
  createFeedbackBody,
  createPeriodBody,
  criterionDto,
  decideBody,
  evaluationDto,
  evaluationListQuery,
  evaluationPage,
  feedbackDto,
  frameworkBody,
  frameworkDto,
  memberRatingDto,
  periodDto,
  periodListQuery,
  periodPage,
  rateBody,
  rateResultDto,
  statsDto,
  statsQuery,
  stepBody,
  stepParam,
  updateCriterionBody,
  updateFrameworkBody,
  updatePeriodBody,
} from '../../contracts/evaluation.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendXlsx } from '../../core/http/download.ts';
import type { AppDeps } from '../../app.ts';
import { ratePeriod } from './evaluation.bulk.service.ts';
import * as periods from './evaluation.periods.service.ts';
import * as report from './evaluation.report.service.ts';
import { changeFramework } from './evaluation.framework.service.ts';
import * as workflow from './evaluation.workflow.service.ts';

const TAGS = ['Đánh giá, xếp loại'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const fileBytes = z.any().describe('Tệp .xlsx');

export const evaluationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    app.get(
      '/api/evaluation/frameworks',
      {
        schema: {
          tags: TAGS,
          summary:
            'Năm khung tiêu chí của QĐ 366-QĐ/TW và các tiêu chí (chung 30, nhiệm vụ 70 điểm)',
          response: { 200: z.array(frameworkDto), ...errors },
        },
      },
      async (request) => periods.listFrameworks({ db, actor: actorOf(request) }),
    );

    app.patch(
      '/api/evaluation/frameworks/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa một khung tiêu chí (quản trị cấp cao nhất)',
          params: idParam,
          body: updateFrameworkBody,
          response: { 200: frameworkDto, ...errors },
        },
      },
      async (request) =>
        periods.updateFramework({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.post(
      '/api/evaluation/frameworks/:id/criteria',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm tiêu chí vào khung (có thể riêng cho một chức danh)',
          params: idParam,
          body: createCriterionBody,
          response: { 201: criterionDto, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await periods.createCriterion({
            db,
            actor: actorOf(request),
            frameworkId: request.params.id,
            body: request.body,
          }),
        ),
    );

    app.patch(
      '/api/evaluation/criteria/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa hoặc ngừng dùng một tiêu chí',
          params: idParam,
          body: updateCriterionBody,
          response: { 200: criterionDto, ...errors },
        },
      },
      async (request) =>
        periods.updateCriterion({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/evaluation/periods',
      {
        schema: {
          tags: TAGS,
          summary: 'Các kỳ đánh giá liên quan đến phạm vi của người dùng',
          querystring: periodListQuery,
          response: { 200: periodPage, ...errors },
        },
      },
      async (request) => periods.listPeriods({ db, actor: actorOf(request), query: request.query }),
    );

    app.post(
      '/api/evaluation/periods',
      {
        schema: {
          tags: TAGS,
          summary: 'Mở kỳ đánh giá cho một tổ chức và cấp dưới (tạo phiếu cho từng người/tập thể)',
          body: createPeriodBody,
          response: { 201: periodDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await periods.createPeriod({ db, actor: actorOf(request), body: request.body })),
    );

    app.get(
      '/api/evaluation/periods/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Một kỳ đánh giá và số phiếu đã xếp loại trong phạm vi',
          params: idParam,
          response: { 200: periodDto, ...errors },
        },
      },
      async (request) =>
        periods.getPeriodDto({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.patch(
      '/api/evaluation/periods/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Đóng, mở lại hoặc đổi tên kỳ đánh giá',
          params: idParam,
          body: updatePeriodBody,
          response: { 200: periodDto, ...errors },
        },
      },
      async (request) =>
        periods.updatePeriod({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/evaluation/periods/:id/evaluations',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh sách phiếu đánh giá của kỳ trong phạm vi (phân trang)',
          params: idParam,
          querystring: evaluationListQuery,
          response: { 200: evaluationPage, ...errors },
        },
      },
      async (request) =>
        periods.listPeriodEvaluations({
          db,
          actor: actorOf(request),
          periodId: request.params.id,
          query: request.query,
        }),
    );

    app.post(
      '/api/evaluation/periods/:id/rate',
      {
        schema: {
          tags: TAGS,
          summary:
            'Xếp loại hàng loạt mọi phiếu đã có đề xuất trong một tổ chức (cấp có thẩm quyền)',
          params: idParam,
          body: rateBody,
          response: { 200: rateResultDto, ...errors },
        },
      },
      async (request) =>
        ratePeriod({
          db,
          actor: actorOf(request),
          periodId: request.params.id,
          unitId: request.body.unitId,
        }),
    );

    app.get(
      '/api/evaluation/periods/:id/statistics',
      {
        schema: {
          tags: TAGS,
          summary: 'Cơ cấu xếp loại theo đơn vị trực thuộc',
          params: idParam,
          querystring: statsQuery,
          response: { 200: statsDto, ...errors },
        },
      },
      async (request) =>
        report.statistics({
          db,
          actor: actorOf(request),
          periodId: request.params.id,
          unitId: request.query.unitId,
        }),
    );

    app.get(
      '/api/evaluation/periods/:id/export.xlsx',
      {
        schema: {
          tags: TAGS,
          summary: 'Xuất kết quả xếp loại ra Excel (tổng hợp và danh sách)',
          params: idParam,
          querystring: statsQuery,
          response: { 200: fileBytes, ...errors },
        },
      },
      async (request, reply) => {
        const file = await report.exportPeriod({
          db,
          actor: actorOf(request),
          periodId: request.params.id,
          unitId: request.query.unitId,
        });
        return sendXlsx(reply, file);
      },
    );

    app.get(
      '/api/evaluations/mine',
      {
        schema: {
          tags: TAGS,
          summary: 'Các phiếu đánh giá của chính mình',
          response: { 200: z.array(memberRatingDto), ...errors },
        },
      },
      async (request) => workflow.listMine({ db, actor: actorOf(request) }),
    );

    app.get(
      '/api/evaluations/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Một phiếu đánh giá: các bước, điểm, nhiệm vụ và xếp loại kèm căn cứ',
          params: idParam,
          response: { 200: evaluationDto, ...errors },
        },
      },
      async (request) =>
        workflow.getEvaluation({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.put(
      '/api/evaluations/:id/steps/:step',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi một bước: tự đánh giá, nhận xét của tập thể, đề xuất của cơ quan tham mưu',
          params: stepParam,
          body: stepBody,
          response: { 200: evaluationDto, ...errors },
        },
      },
      async (request) =>
        workflow.writeStep({
          db,
          actor: actorOf(request),
          id: request.params.id,
          step: request.params.step,
          body: request.body,
        }),
    );

    app.put(
      '/api/evaluations/:id/framework',
      {
        schema: {
          tags: TAGS,
          summary: 'Chọn khung tiêu chí của phiếu (trước bước đánh giá đầu tiên)',
          params: idParam,
          body: frameworkBody,
          response: { 200: evaluationDto, ...errors },
        },
      },
      async (request) =>
        changeFramework({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.post(
      '/api/evaluations/:id/decide',
      {
        schema: {
          tags: TAGS,
          summary: 'Cấp có thẩm quyền quyết định xếp loại (kiểm tra tỷ lệ xuất sắc)',
          params: idParam,
          body: decideBody,
          response: { 200: evaluationDto, ...errors },
        },
      },
      async (request) =>
        workflow.decide({ db, actor: actorOf(request), id: request.params.id, body: request.body }),
    );

    app.get(
      '/api/members/:id/evaluations',
      {
        schema: {
          tags: TAGS,
          summary: 'Kết quả xếp loại của một người qua các năm',
          params: idParam,
          response: { 200: z.array(memberRatingDto), ...errors },
        },
      },
      async (request) =>
        report.memberRatings({ db, actor: actorOf(request), memberId: request.params.id }),
    );

    app.get(
      '/api/members/:id/feedback',
      {
        schema: {
          tags: TAGS,
          summary: 'Thông tin đa chiều về cán bộ (chỉ người đánh giá xem)',
          params: idParam,
          response: { 200: z.array(feedbackDto), ...errors },
        },
      },
      async (request) =>
        report.listFeedback({ db, actor: actorOf(request), memberId: request.params.id }),
    );

    app.post(
      '/api/members/:id/feedback',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi nhận ý kiến của Mặt trận, đoàn thể, nhân dân về cán bộ',
          params: idParam,
          body: createFeedbackBody,
          response: { 201: feedbackDto, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await report.addFeedback({
            db,
            actor: actorOf(request),
            memberId: request.params.id,
            body: request.body,
          }),
        ),
    );
  };

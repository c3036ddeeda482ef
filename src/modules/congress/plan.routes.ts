import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam, okResponse } from '../../contracts/common.ts';
import {
  addCandidatesBody,
  bodyParams,
  createStepsBody,
  nominationDto,
  nomineeDto,
  planDto,
  summonResult,
  updateCandidateBody,
  updateStepBody,
} from '../../contracts/congress.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import * as nomination from './nomination.service.ts';
import * as plan from './plan.service.ts';

const TAGS = ['Đại hội'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const versionQuery = z.object({ version: z.coerce.number().int().positive() });

/** Personnel plan (đề án nhân sự) and nomination rounds of a congress's bodies. */
export const planRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    app.get(
      '/api/congresses/:id/bodies/:bodyId/plan',
      {
        schema: {
          tags: TAGS,
          summary:
            'Đề án nhân sự của một cơ quan: người được giới thiệu, kiểm tra điều kiện, cơ cấu',
          params: bodyParams,
          response: { 200: planDto, ...errors },
        },
      },
      async (request) =>
        plan.getPlan({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          bodyId: request.params.bodyId,
        }),
    );

    app.post(
      '/api/congresses/:id/bodies/:bodyId/candidates',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm người vào đề án nhân sự',
          params: bodyParams,
          body: addCandidatesBody,
          response: { 200: summonResult, ...errors },
        },
      },
      async (request) =>
        plan.addCandidates({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          bodyId: request.params.bodyId,
          memberIds: request.body.memberIds,
        }),
    );

    app.patch(
      '/api/congress-candidates/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi tái cử / lần đầu bằng tay, ghi chú',
          params: idParam,
          body: updateCandidateBody,
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) =>
        plan.updateCandidate({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.delete(
      '/api/congress-candidates/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Bỏ một người khỏi đề án nhân sự',
          params: idParam,
          querystring: versionQuery,
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) =>
        plan.removeCandidate({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.query.version,
        }),
    );

    app.get(
      '/api/congresses/:id/bodies/:bodyId/nomination',
      {
        schema: {
          tags: TAGS,
          summary: 'Các bước giới thiệu nhân sự, kết quả phiếu và phễu qua từng bước',
          params: bodyParams,
          response: { 200: nominationDto, ...errors },
        },
      },
      async (request) =>
        nomination.getNomination({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          bodyId: request.params.bodyId,
        }),
    );

    app.post(
      '/api/congresses/:id/bodies/:bodyId/nomination-steps',
      {
        schema: {
          tags: TAGS,
          summary: 'Tạo 5 bước theo hướng dẫn, hoặc thêm bước sau các bước đã có',
          params: bodyParams,
          body: createStepsBody,
          response: { 200: nominationDto, ...errors },
        },
      },
      async (request) =>
        nomination.addSteps({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          bodyId: request.params.bodyId,
          names: request.body.names,
        }),
    );

    app.patch(
      '/api/nomination-steps/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Ghi hội nghị của một bước: số triệu tập, có mặt, số phiếu từng người',
          params: idParam,
          body: updateStepBody,
          response: { 200: nominationDto, ...errors },
        },
      },
      async (request) =>
        nomination.updateStep({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.delete(
      '/api/nomination-steps/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Xóa bước cuối cùng',
          params: idParam,
          querystring: versionQuery,
          response: { 200: nominationDto, ...errors },
        },
      },
      async (request) =>
        nomination.deleteStep({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.query.version,
        }),
    );

    app.get(
      '/api/congresses/:id/bodies/:bodyId/nominees',
      {
        schema: {
          tags: TAGS,
          summary: 'Người qua bước cuối: danh sách cấp ủy triệu tập giới thiệu',
          params: bodyParams,
          response: { 200: z.array(nomineeDto), ...errors },
        },
      },
      async (request) =>
        nomination.listNominees({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          bodyId: request.params.bodyId,
        }),
    );
  };

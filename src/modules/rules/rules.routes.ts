import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry, idParam } from '../../contracts/common.ts';
import {
  createRuleEntryBody,
  resolveRuleQuery,
  resolvedRuleDto,
  ruleDetailDto,
  ruleEntryDto,
  ruleKeyParam,
  ruleSummaryDto,
  updateRuleEntryBody,
} from '../../contracts/rules.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import * as service from './rules.service.ts';

const tags = ['Quy định, tham số'];

export const ruleRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = (request: Parameters<typeof actorOf>[0]) => ({
      db: deps.db,
      actor: actorOf(request),
    });

    app.get(
      '/api/rules',
      {
        schema: {
          tags,
          summary: 'Các tham số quy định, giá trị toàn quốc đang hiệu lực và số quy định riêng',
          response: { 200: z.array(ruleSummaryDto) },
        },
      },
      async (request) => service.listRules(ctx(request)),
    );

    app.get(
      '/api/rules/:key',
      {
        schema: {
          tags,
          summary: 'Một tham số với mọi phiên bản và quy định riêng mà bạn được xem',
          params: ruleKeyParam,
          response: { 200: ruleDetailDto },
        },
      },
      async (request) => service.getRule({ ...ctx(request), key: request.params.key }),
    );

    app.get(
      '/api/rules/:key/resolve',
      {
        schema: {
          tags,
          summary: 'Giá trị áp dụng cho một tổ chức vào một ngày, kèm văn bản quy định',
          params: ruleKeyParam,
          querystring: resolveRuleQuery,
          response: { 200: resolvedRuleDto },
        },
      },
      async (request) =>
        service.resolveForUnit({
          ...ctx(request),
          key: request.params.key,
          unitId: request.query.unitId,
          date: request.query.date,
        }),
    );

    app.get(
      '/api/rules/:key/history',
      {
        schema: {
          tags,
          summary: 'Lịch sử thay đổi các phiên bản của một tham số',
          params: ruleKeyParam,
          response: { 200: z.array(auditEntry) },
        },
      },
      async (request) =>
        (await service.ruleHistory({ ...ctx(request), key: request.params.key })).map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorName: r.actorName,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          summary: r.summary,
          before: (r.before as Record<string, unknown> | null) ?? null,
          after: (r.after as Record<string, unknown> | null) ?? null,
        })),
    );

    app.post(
      '/api/rules/:key/entries',
      {
        schema: {
          tags,
          summary: 'Thêm phiên bản mới (toàn quốc) hoặc quy định riêng cho một tổ chức từ một ngày',
          params: ruleKeyParam,
          body: createRuleEntryBody,
          response: { 201: ruleEntryDto },
        },
      },
      async (request, reply) => {
        const dto = await service.createEntry({
          ...ctx(request),
          key: request.params.key,
          body: request.body,
        });
        return reply.status(201).send(dto);
      },
    );

    app.patch(
      '/api/rules/entries/:id',
      {
        schema: {
          tags,
          summary: 'Sửa văn bản, ghi chú hoặc ngày hết hiệu lực của một phiên bản',
          params: idParam,
          body: updateRuleEntryBody,
          response: { 200: ruleEntryDto },
        },
      },
      async (request) =>
        service.updateEntry({ ...ctx(request), id: request.params.id, body: request.body }),
    );
  };

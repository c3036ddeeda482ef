import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../contracts/common.ts';
import type { UnitType } from '../../contracts/enums.ts';
import {
  createUnitBody,
  mergeResultDto,
  mergeUnitsBody,
  moveUnitBody,
  splitResultDto,
  splitUnitBody,
  unitChildrenQuery,
  unitDetailDto,
  unitDto,
  unitSearchQuery,
  unitStatsDto,
  updateUnitBody,
  type unitStatuses,
} from '../../contracts/units.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import type { UnitRow } from './units.repo.ts';
import * as service from './units.service.ts';

const tags = ['Tổ chức đảng'];

/** Row → response: the explicit list of fields a client may see. */
export const toUnitDto = ({ unit, childCount }: { unit: UnitRow; childCount: number }) => ({
  id: unit.id,
  parentId: unit.parentId,
  depth: unit.depth,
  type: unit.type as UnitType,
  code: unit.code,
  name: unit.name,
  locality: unit.locality,
  validFrom: unit.validFrom,
  validTo: unit.validTo,
  status: unit.status as (typeof unitStatuses)[number],
  version: unit.version,
  childCount,
});

export const unitRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ctx = (request: Parameters<typeof actorOf>[0]) => ({
      db: deps.db,
      actor: actorOf(request),
    });

    app.get(
      '/api/units/children',
      {
        schema: {
          tags,
          summary: 'Tổ chức trực thuộc (không có parentId: tổ chức gốc của tài khoản)',
          querystring: unitChildrenQuery,
          response: { 200: z.array(unitDto) },
        },
      },
      async (request) =>
        (
          await service.listChildren(
            ctx(request),
            request.query.parentId,
            request.query.includeClosed,
          )
        ).map(toUnitDto),
    );

    app.get(
      '/api/units/search',
      {
        schema: {
          tags,
          summary: 'Tìm tổ chức theo tên hoặc mã (không cần dấu)',
          querystring: unitSearchQuery,
          response: { 200: z.array(unitDto) },
        },
      },
      async (request) =>
        (await service.search(ctx(request), request.query.q, request.query.limit)).map(toUnitDto),
    );

    app.get(
      '/api/units/:id',
      {
        schema: {
          tags,
          summary:
            'Chi tiết tổ chức: số liệu toàn bộ cây trực thuộc, lịch sử tên gọi, hợp nhất/chia tách',
          params: idParam,
          response: { 200: unitDetailDto },
        },
      },
      async (request) => {
        const d = await service.getDetail(ctx(request), request.params.id);
        return {
          unit: toUnitDto(d),
          ancestors: d.ancestors,
          stats: d.stats,
          versions: d.versions.map((v) => ({
            validFrom: v.validFrom,
            validTo: v.validTo,
            parentId: v.parentId,
            parentName: v.parentName,
            type: v.type as UnitType,
            code: v.code,
            name: v.name,
            locality: v.locality,
          })),
          events: d.events.map((e) => ({ ...e, kind: e.kind as 'merge' | 'split' })),
        };
      },
    );

    app.get(
      '/api/units/:id/stats',
      {
        schema: {
          tags,
          summary: 'Số liệu toàn bộ cây trực thuộc của tổ chức',
          params: idParam,
          response: { 200: unitStatsDto },
        },
      },
      async (request) => service.getStats(ctx(request), request.params.id),
    );

    app.post(
      '/api/units',
      {
        schema: {
          tags,
          summary: 'Thành lập tổ chức trực thuộc',
          body: createUnitBody,
          response: { 201: unitDto },
        },
      },
      async (request, reply) => {
        reply.status(201);
        return toUnitDto(await service.createUnit(ctx(request), request.body));
      },
    );

    app.patch(
      '/api/units/:id',
      {
        schema: {
          tags,
          summary: 'Đổi tên, mã, loại, địa bàn (lưu lịch sử theo ngày có hiệu lực)',
          params: idParam,
          body: updateUnitBody,
          response: { 200: unitDto },
        },
      },
      async (request) =>
        toUnitDto(await service.updateUnit(ctx(request), request.params.id, request.body)),
    );

    app.post(
      '/api/units/:id/move',
      {
        schema: {
          tags,
          summary: 'Chuyển sang tổ chức cấp trên khác',
          params: idParam,
          body: moveUnitBody,
          response: { 200: unitDto },
        },
      },
      async (request) =>
        toUnitDto(await service.moveUnit(ctx(request), request.params.id, request.body)),
    );

    app.post(
      '/api/units/merge',
      {
        schema: {
          tags,
          summary: 'Hợp nhất các tổ chức (vào một tổ chức có sẵn hoặc tổ chức mới)',
          body: mergeUnitsBody,
          response: { 200: mergeResultDto },
        },
      },
      async (request) => service.mergeUnits(ctx(request), request.body),
    );

    app.post(
      '/api/units/:id/split',
      {
        schema: {
          tags,
          summary: 'Chia tách tổ chức thành các tổ chức mới',
          params: idParam,
          body: splitUnitBody,
          response: { 200: splitResultDto },
        },
      },
      async (request) => service.splitUnit(ctx(request), request.params.id, request.body),
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditEntry,
  errorResponse,
  idParam,
  okResponse,
  versionField,
} from '../../contracts/common.ts';
import {
  addAttendeesBody,
  ageReferenceDto,
  ageReferenceQuery,
  attendeeDto,
  attendeeListQuery,
  attendeePage,
  cardsQuery,
  checkInBody,
  checkInResult,
  congressDto,
  congressListQuery,
  congressPage,
  createCongressBody,
  replaceAttendeeBody,
  summonResult,
  thresholdBaseDto,
  updateAttendeeBody,
  updateCongressBody,
} from '../../contracts/congress.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendDownload } from '../../core/http/download.ts';
import type { AppDeps } from '../../app.ts';
import * as attendees from './attendees.service.ts';
import * as door from './checkin.service.ts';
import * as service from './congress.service.ts';
import { planRoutes } from './plan.routes.ts';

const TAGS = ['Đại hội'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const versionBody = z.object({ version: versionField });

export const congressRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    // Same instance, not a child plugin: the plan routes share this module's hooks and prefix.
    await planRoutes(deps).call(app, app, {});

    app.get(
      '/api/congresses',
      {
        schema: {
          tags: TAGS,
          summary: 'Các đại hội trong phạm vi quản lý (phân trang)',
          querystring: congressListQuery,
          response: { 200: congressPage, ...errors },
        },
      },
      async (request) =>
        service.listCongresses({ db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/congresses/age-reference',
      {
        schema: {
          tags: TAGS,
          summary: 'Tháng tính tuổi theo cấp của tổ chức đảng (Chỉ thị 45-CT/TW)',
          querystring: ageReferenceQuery,
          response: { 200: ageReferenceDto, ...errors },
        },
      },
      async (request) =>
        service.ageReferenceFor({
          db,
          actor: actorOf(request),
          unitId: request.query.unitId,
          on: request.query.on,
        }),
    );

    app.post(
      '/api/congresses',
      {
        schema: {
          tags: TAGS,
          summary: 'Tạo đại hội với các cơ quan bầu và số lượng',
          body: createCongressBody,
          response: { 201: congressDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createCongress({ db, actor: actorOf(request), body: request.body })),
    );

    app.get(
      '/api/congresses/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Một đại hội',
          params: idParam,
          response: { 200: congressDto, ...errors },
        },
      },
      async (request) =>
        service.getCongress({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.patch(
      '/api/congresses/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa đại hội, trạng thái và các cơ quan bầu',
          params: idParam,
          body: updateCongressBody,
          response: { 200: congressDto, ...errors },
        },
      },
      async (request) =>
        service.updateCongress({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/congresses/:id/history',
      {
        schema: {
          tags: TAGS,
          summary:
            'Lịch sử thay đổi của đại hội (người được triệu tập, đề án, các bước giới thiệu)',
          params: idParam,
          response: { 200: z.array(auditEntry), ...errors },
        },
      },
      async (request) =>
        service.congressHistory({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.get(
      '/api/congresses/:id/threshold-base',
      {
        schema: {
          tags: TAGS,
          summary: 'Số làm căn cứ tính kết quả bầu (được triệu tập trừ các trường hợp loại trừ)',
          params: idParam,
          response: { 200: thresholdBaseDto.extend({ present: z.number() }), ...errors },
        },
      },
      async (request) =>
        service.getThresholdBase({ db, actor: actorOf(request), congressId: request.params.id }),
    );

    app.get(
      '/api/congresses/:id/attendees',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh sách được triệu tập, lọc theo tình trạng, tư cách, tên hoặc mã thẻ',
          params: idParam,
          querystring: attendeeListQuery,
          response: { 200: attendeePage, ...errors },
        },
      },
      async (request) =>
        attendees.listAttendees({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          query: request.query,
        }),
    );

    app.post(
      '/api/congresses/:id/attendees/summon-members',
      {
        schema: {
          tags: TAGS,
          summary: 'Đại hội đảng viên: triệu tập toàn bộ đảng viên chính thức và dự bị của đảng bộ',
          params: idParam,
          response: { 200: summonResult, ...errors },
        },
      },
      async (request) =>
        attendees.summonMembers({ db, actor: actorOf(request), congressId: request.params.id }),
    );

    app.post(
      '/api/congresses/:id/attendees',
      {
        schema: {
          tags: TAGS,
          summary: 'Đại hội đại biểu: thêm đại biểu chính thức hoặc dự khuyết',
          params: idParam,
          body: addAttendeesBody,
          response: { 200: summonResult, ...errors },
        },
      },
      async (request) =>
        attendees.addDelegates({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          body: request.body,
        }),
    );

    app.patch(
      '/api/congress-attendees/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa tình trạng (có mặt, vắng có lý do…), tư cách của người được triệu tập',
          params: idParam,
          body: updateAttendeeBody,
          response: { 200: attendeeDto, ...errors },
        },
      },
      async (request) =>
        attendees.updateAttendee({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.post(
      '/api/congress-attendees/:id/replace',
      {
        schema: {
          tags: TAGS,
          summary: 'Thay đại biểu chính thức vắng mặt bằng đại biểu dự khuyết',
          params: idParam,
          body: replaceAttendeeBody,
          response: { 200: attendeeDto, ...errors },
        },
      },
      async (request) =>
        attendees.replaceDelegate({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.post(
      '/api/congress-attendees/:id/undo-replace',
      {
        schema: {
          tags: TAGS,
          summary: 'Hủy việc thay đại biểu',
          params: idParam,
          body: versionBody,
          response: { 200: attendeeDto, ...errors },
        },
      },
      async (request) =>
        attendees.undoReplacement({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.body.version,
        }),
    );

    app.delete(
      '/api/congress-attendees/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Bỏ một người khỏi danh sách triệu tập (chưa điểm danh)',
          params: idParam,
          querystring: z.object({ version: z.coerce.number().int().positive() }),
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) =>
        attendees.removeAttendee({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.query.version,
        }),
    );

    app.post(
      '/api/congresses/:id/check-in',
      {
        schema: {
          tags: TAGS,
          summary: 'Điểm danh tại cửa: quét mã thẻ hoặc gõ tên (không cần dấu)',
          params: idParam,
          body: checkInBody,
          response: { 200: checkInResult, ...errors },
        },
      },
      async (request) =>
        door.checkIn({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          query: request.body.query,
        }),
    );

    app.post(
      '/api/congress-attendees/:id/check-in',
      {
        schema: {
          tags: TAGS,
          summary: 'Điểm danh một người chọn từ danh sách khớp',
          params: idParam,
          response: { 200: checkInResult, ...errors },
        },
      },
      async (request) =>
        door.checkInAttendee({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.get(
      '/api/congresses/:id/cards.pdf',
      {
        schema: {
          tags: TAGS,
          summary: 'In thẻ đại biểu (PDF, có mã QR)',
          params: idParam,
          querystring: cardsQuery,
        },
      },
      async (request, reply) => {
        const file = await door.exportCards({
          db,
          actor: actorOf(request),
          congressId: request.params.id,
          role: request.query.role,
        });
        return sendDownload(reply, {
          body: file.buffer,
          fileName: file.fileName,
          mime: 'application/pdf',
        });
      },
    );
  };

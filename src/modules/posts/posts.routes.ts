import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam, okResponse } from '../../contracts/common.ts';
import {
  appointmentDto,
  createAppointmentBody,
  createPostTitleBody,
  deleteAppointmentQuery,
  nonLocalDto,
  nonLocalQuery,
  postTitleDto,
  postTitleListQuery,
  tenureDto,
  tenureQuery,
  updateAppointmentBody,
  updatePostTitleBody,
  warningsDto,
  warningsExportQuery,
  warningsQuery,
} from '../../contracts/posts.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendXlsx } from '../../core/http/download.ts';
import type { AppDeps } from '../../app.ts';
import { exportNonLocalShare, nonLocalShare } from './nonlocal.service.ts';
import * as service from './posts.service.ts';
import { getTenure } from './tenure.service.ts';
import { exportWarnings, listWarnings } from './warnings.service.ts';

const TAGS = ['Chức vụ, nhiệm kỳ'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const fileBytes = z.any().describe('Tệp .xlsx');

export const postRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    app.get(
      '/api/post-titles',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh mục chức danh (Bí thư, Phó Bí thư, Chủ tịch UBND…)',
          querystring: postTitleListQuery,
          response: { 200: z.array(postTitleDto), ...errors },
        },
      },
      async (request) =>
        service.listPostTitles({
          db,
          actor: actorOf(request),
          includeInactive: request.query.includeInactive === 'true',
        }),
    );

    app.post(
      '/api/post-titles',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm chức danh vào danh mục (quản trị cấp cao nhất)',
          body: createPostTitleBody,
          response: { 201: postTitleDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createPostTitle({ db, actor: actorOf(request), body: request.body })),
    );

    app.patch(
      '/api/post-titles/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa hoặc ngừng sử dụng một chức danh (quản trị cấp cao nhất)',
          params: idParam,
          body: updatePostTitleBody,
          response: { 200: postTitleDto, ...errors },
        },
      },
      async (request) =>
        service.updatePostTitle({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/members/:id/appointments',
      {
        schema: {
          tags: TAGS,
          summary: 'Các chức vụ đã và đang giữ của một người, theo thời gian',
          params: idParam,
          response: { 200: z.array(appointmentDto), ...errors },
        },
      },
      async (request) =>
        service.listMemberAppointments({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
        }),
    );

    app.post(
      '/api/members/:id/appointments',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm một lần giữ chức vụ (bầu, bổ nhiệm, luân chuyển…)',
          params: idParam,
          body: createAppointmentBody,
          response: { 201: appointmentDto, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await service.createAppointment({
            db,
            actor: actorOf(request),
            memberId: request.params.id,
            body: request.body,
          }),
        ),
    );

    app.patch(
      '/api/appointments/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa hoặc kết thúc một lần giữ chức vụ (cần số phiên bản đang xem)',
          params: idParam,
          body: updateAppointmentBody,
          response: { 200: appointmentDto, ...errors },
        },
      },
      async (request) =>
        service.updateAppointment({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.delete(
      '/api/appointments/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Xóa một lần giữ chức vụ nhập nhầm (cần số phiên bản đang xem)',
          params: idParam,
          querystring: deleteAppointmentQuery,
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) =>
        service.deleteAppointment({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.query.version,
        }),
    );

    app.get(
      '/api/members/:id/tenure',
      {
        schema: {
          tags: TAGS,
          summary:
            'Thời gian giữ chức vụ, giới hạn nhiệm kỳ, tuổi nghỉ hưu, điều kiện tái cử, người địa phương — kèm căn cứ',
          params: idParam,
          querystring: tenureQuery,
          response: { 200: tenureDto, ...errors },
        },
      },
      async (request) =>
        getTenure({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          date: request.query.date,
        }),
    );

    app.get(
      '/api/warnings',
      {
        schema: {
          tags: TAGS,
          summary: 'Cảnh báo: giới hạn nhiệm kỳ, nghỉ hưu, thiếu giấy tờ, giữ một vị trí quá lâu',
          querystring: warningsQuery,
          response: { 200: warningsDto, ...errors },
        },
      },
      async (request) => listWarnings({ db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/warnings/export.xlsx',
      {
        schema: {
          tags: TAGS,
          summary: 'Xuất một danh sách cảnh báo ra Excel (cùng các cột trên màn hình)',
          querystring: warningsExportQuery,
          response: { 200: fileBytes, ...errors },
        },
      },
      async (request, reply) => {
        const file = await exportWarnings({
          db,
          actor: actorOf(request),
          query: request.query,
        });
        return sendXlsx(reply, file);
      },
    );

    app.get(
      '/api/statistics/non-local',
      {
        schema: {
          tags: TAGS,
          summary: 'Tỷ lệ chức danh chủ chốt không là người địa phương, so với chỉ tiêu',
          querystring: nonLocalQuery,
          response: { 200: nonLocalDto, ...errors },
        },
      },
      async (request) =>
        nonLocalShare({
          db,
          actor: actorOf(request),
          unitId: request.query.unitId,
          date: request.query.date,
        }),
    );

    app.get(
      '/api/statistics/non-local/export.xlsx',
      {
        schema: {
          tags: TAGS,
          summary: 'Xuất thống kê cán bộ không là người địa phương ra Excel',
          querystring: nonLocalQuery,
          response: { 200: fileBytes, ...errors },
        },
      },
      async (request, reply) => {
        const file = await exportNonLocalShare({
          db,
          actor: actorOf(request),
          unitId: request.query.unitId,
          date: request.query.date,
        });
        return sendXlsx(reply, file);
      },
    );
  };

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, idParam, okResponse } from '../../contracts/common.ts';
import {
  deleteEntryQuery,
  entryBody,
  entryParams,
  printBody,
  resumeDto,
  resumeEntryDto,
  saveProfileBody,
  updateEntryBody,
  type EntryBody,
} from '../../contracts/resume.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendDownload } from '../../core/http/download.ts';
import type { AppDeps } from '../../app.ts';
import { exportResumes } from './resume.export.ts';
import * as service from './resume.service.ts';

const TAGS = ['Sơ yếu lý lịch'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const resumeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    app.get(
      '/api/members/:id/resume',
      {
        schema: {
          tags: TAGS,
          summary:
            'Sơ yếu lý lịch 2C của một đảng viên (phần mật chỉ có khi được cấp quyền hoặc là hồ sơ của chính mình)',
          params: idParam,
          response: { 200: resumeDto, ...errors },
        },
      },
      async (request) =>
        service.getResume({ db, actor: actorOf(request), memberId: request.params.id }),
    );

    app.put(
      '/api/members/:id/resume/profile',
      {
        schema: {
          tags: TAGS,
          summary:
            'Lưu các mục thông tin chung của lý lịch (version 0 khi chưa có); phần mật cần quyền riêng',
          params: idParam,
          body: saveProfileBody,
          response: { 200: resumeDto, ...errors },
        },
      },
      async (request) =>
        service.saveProfile({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          body: request.body,
        }),
    );

    app.post(
      '/api/members/:id/resume/entries',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm một dòng vào một bảng của lý lịch (đào tạo, công tác, khen thưởng…)',
          params: idParam,
          body: entryBody,
          response: { 201: resumeEntryDto, ...errors },
        },
      },
      async (request, reply) => {
        const created = await service.createEntry({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          body: request.body as EntryBody,
        });
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/members/:id/resume/entries/:entryId',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa một dòng của lý lịch (gửi lại toàn bộ dòng và số phiên bản đang xem)',
          params: entryParams,
          body: updateEntryBody,
          response: { 200: resumeEntryDto, ...errors },
        },
      },
      async (request) =>
        service.updateEntry({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          entryId: request.params.entryId,
          body: request.body as EntryBody & { version: number },
        }),
    );

    app.delete(
      '/api/members/:id/resume/entries/:entryId',
      {
        schema: {
          tags: TAGS,
          summary: 'Xóa một dòng của lý lịch (?version= số phiên bản đang xem)',
          params: entryParams,
          querystring: deleteEntryQuery,
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) => {
        await service.deleteEntry({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          entryId: request.params.entryId,
          version: request.query.version,
        });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/me/resume',
      {
        schema: {
          tags: TAGS,
          summary: 'Sơ yếu lý lịch của chính tôi (chỉ xem, gồm cả phần mật của mình)',
          response: { 200: resumeDto, ...errors },
        },
      },
      async (request) => service.getOwnResume({ db, actor: actorOf(request) }),
    );

    app.get(
      '/api/members/:id/resume.docx',
      {
        schema: {
          tags: TAGS,
          summary: 'Tải sơ yếu lý lịch mẫu 2C-TCTW-98 dạng Word (.docx)',
          params: idParam,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await exportResumes({
            db,
            actor: actorOf(request),
            memberIds: [request.params.id],
            format: 'docx',
          }),
        ),
    );

    app.get(
      '/api/members/:id/resume.pdf',
      {
        schema: {
          tags: TAGS,
          summary: 'Tải sơ yếu lý lịch mẫu 2C-TCTW-98 dạng PDF',
          params: idParam,
        },
      },
      async (request, reply) =>
        sendDownload(
          reply,
          await exportResumes({
            db,
            actor: actorOf(request),
            memberIds: [request.params.id],
            format: 'pdf',
          }),
        ),
    );

    app.post(
      '/api/resumes/print',
      {
        schema: {
          tags: TAGS,
          summary: 'In lý lịch của nhiều người (tối đa 200) thành một tệp, mỗi người một trang mới',
          body: printBody,
        },
      },
      async (request, reply) =>
        sendDownload(reply, await exportResumes({ db, actor: actorOf(request), ...request.body })),
    );
  };

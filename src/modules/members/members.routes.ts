import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, idParam, pageResult } from '../../contracts/common.ts';
import {
  archiveMemberBody,
  createMemberBody,
  memberDto,
  memberListItem,
  memberListQuery,
  restoreMemberBody,
  transferMemberBody,
  updateMemberBody,
  updateOwnMemberBody,
} from '../../contracts/members.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';

import * as service from './members.service.ts';

const TAGS = ['Đảng viên'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

// The update bodies give defaults to some fields (exempted, levels), so after parsing a PATCH
// cannot tell "sent false" from "not sent". The keys of the raw body, noted before validation,
// decide which fields the patch changes.
const sentKeys = new WeakMap<FastifyRequest, Set<string>>();
async function noteSentKeys(request: FastifyRequest) {
  const body = request.body;
  sentKeys.set(
    request,
    new Set(body && typeof body === 'object' ? Object.keys(body as object) : []),
  );
}
function patchOf<T extends { version: number }>(request: FastifyRequest, body: T) {
  const sent = sentKeys.get(request) ?? new Set<string>();
  const { version, ...rest } = body;
  const patch = Object.fromEntries(Object.entries(rest).filter(([k]) => sent.has(k)));
  // Keys the schema does not know (dropped by parsing), so a use case may refuse them.
  const unknownKeys = [...sent].filter((k) => k !== 'version' && !(k in rest));
  return { version, patch: patch as Partial<Omit<T, 'version'>>, unknownKeys };
}

export const memberRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    app.get(
      '/api/members',
      {
        schema: {
          tags: TAGS,
          summary:
            'Danh sách đảng viên trong phạm vi quản lý: tìm theo tên không dấu, lọc, phân trang',
          querystring: memberListQuery,
          response: { 200: pageResult(memberListItem), ...errors },
        },
      },
      async (request) => service.listMembers({ db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/members/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Hồ sơ một đảng viên, kèm quá trình sinh hoạt đảng',
          params: idParam,
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) => service.getMember({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.post(
      '/api/members',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm hồ sơ đảng viên',
          body: createMemberBody,
          response: { 201: memberDto, ...errors },
        },
      },
      async (request, reply) => {
        const created = await service.createMember({
          db,
          actor: actorOf(request),
          body: request.body,
        });
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/members/:id',
      {
        preValidation: noteSentKeys,
        schema: {
          tags: TAGS,
          summary: 'Sửa hồ sơ đảng viên (chỉ các trường gửi lên; cần số phiên bản đang xem)',
          params: idParam,
          body: updateMemberBody,
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) => {
        const { version, patch } = patchOf(request, request.body);
        return service.updateMember({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version,
          patch,
        });
      },
    );

    app.post(
      '/api/members/:id/archive',
      {
        schema: {
          tags: TAGS,
          summary: 'Lưu trữ hồ sơ đảng viên (ẩn khỏi danh sách đang sinh hoạt)',
          params: idParam,
          body: archiveMemberBody,
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) =>
        service.archiveMember({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.body.version,
          reason: request.body.reason,
        }),
    );

    app.post(
      '/api/members/:id/restore',
      {
        schema: {
          tags: TAGS,
          summary: 'Khôi phục hồ sơ đảng viên đã lưu trữ',
          params: idParam,
          body: restoreMemberBody,
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) =>
        service.restoreMember({
          db,
          actor: actorOf(request),
          id: request.params.id,
          version: request.body.version,
        }),
    );

    app.post(
      '/api/members/:id/transfer',
      {
        schema: {
          tags: TAGS,
          summary: 'Chuyển sinh hoạt đảng sang tổ chức khác (giữ quá trình sinh hoạt)',
          params: idParam,
          body: transferMemberBody,
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) =>
        service.transferMember({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/me/member',
      {
        schema: {
          tags: TAGS,
          summary: 'Hồ sơ đảng viên của chính tôi',
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) => service.getOwnMember({ db, actor: actorOf(request) }),
    );

    app.patch(
      '/api/me/member',
      {
        preValidation: noteSentKeys,
        schema: {
          tags: TAGS,
          summary: 'Tự cập nhật hồ sơ của mình (tên gọi khác, nơi ở hiện nay, chuyên ngành)',
          body: updateOwnMemberBody,
          response: { 200: memberDto, ...errors },
        },
      },
      async (request) =>
        service.updateOwnMember({
          db,
          actor: actorOf(request),
          ...patchOf(request, request.body),
        }),
    );
  };

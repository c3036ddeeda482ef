import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import {
  confirmImportBody,
  importDetailDto,
  importDetailQuery,
  importJobDto,
  importListQuery,
  importMaxFileMb,
  importUploadFields,
  templateParams,
} from '../../contracts/imports.ts';
import { memberListQuery } from '../../contracts/members.ts';
import { requireWriter } from '../../core/access/actor.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendXlsx } from '../../core/http/download.ts';
import { AppError, fieldError } from '../../core/errors.ts';
import type { AppDeps } from '../../app.ts';
import { exportMembers } from './imports.export.ts';
import * as service from './imports.service.ts';
import { templateFileName } from './imports.templates.ts';

const TAGS = ['Nhập, xuất Excel'];
const errors = {
  400: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  413: errorResponse,
};
const fileBytes = z.any().describe('Tệp .xlsx');

/** The form fields and the one file of an upload, with Vietnamese answers for what goes wrong. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError(400, 'VALIDATION', 'Cần gửi tệp dữ liệu (multipart/form-data).');
  }
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file) {
          await part.toBuffer();
          throw fieldError('file', 'Tệp dữ liệu', 'chỉ gửi một tệp mỗi lần');
        }
        file = { name: part.filename || 'tep-nhap', content: await part.toBuffer() };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        `Tệp dữ liệu: quá ${importMaxFileMb} MB; hãy chia thành nhiều tệp nhỏ hơn.`,
      );
    }
    throw new AppError(400, 'VALIDATION', 'Không đọc được tệp gửi lên; hãy thử gửi lại.');
  }
  if (!file) throw fieldError('file', 'Tệp dữ liệu', 'chưa chọn tệp');
  const parsed = importUploadFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw fieldError(
      field,
      field === 'kind' ? 'Loại dữ liệu' : 'Tổ chức đảng',
      field === 'kind' ? 'phải là Đảng viên, Chức vụ hoặc Tổ chức đảng' : 'chưa chọn tổ chức đảng',
    );
  }
  return { ...parsed.data, file };
}

export const importRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    // Encapsulated in this plugin: only these routes accept multipart bodies.
    await app.register(fastifyMultipart, {
      limits: { fileSize: importMaxFileMb * 1024 * 1024, files: 1, fields: 10, parts: 12 },
    });

    app.get(
      '/api/imports/templates/:kind.xlsx',
      {
        schema: {
          tags: TAGS,
          summary: 'Tải mẫu Excel để nhập đảng viên, chức vụ hoặc tổ chức đảng',
          params: templateParams,
          response: { 200: fileBytes, ...errors },
        },
      },
      async (request, reply) => {
        const content = await service.template({
          db: deps.db,
          actor: actorOf(request),
          kind: request.params.kind,
        });
        return sendXlsx(reply, {
          buffer: content,
          fileName: templateFileName(request.params.kind),
        });
      },
    );

    app.get(
      '/api/imports',
      {
        schema: {
          tags: TAGS,
          summary: 'Các lần nhập dữ liệu gần đây trong phạm vi quản lý',
          querystring: importListQuery,
          response: { 200: z.array(importJobDto), ...errors },
        },
      },
      async (request) => service.listImports({ db, actor: actorOf(request), ...request.query }),
    );

    app.post(
      '/api/imports',
      {
        schema: {
          tags: TAGS,
          summary:
            'Tải tệp lên để kiểm tra (multipart: kind, unitId, file .xlsx hoặc .csv); chưa ghi gì cho đến khi xác nhận',
          response: { 201: importJobDto, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireWriter(actor);
        const upload = await readUpload(request);
        const job = await service.startImport({
          db,
          actor,
          kind: upload.kind,
          unitId: upload.unitId,
          fileName: upload.file.name,
          content: upload.file.content,
        });
        return reply.status(201).send(job);
      },
    );

    app.get(
      '/api/imports/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Tình trạng một lần nhập: số dòng, tiến độ, danh sách lỗi (phân trang)',
          params: idParam,
          querystring: importDetailQuery,
          response: { 200: importDetailDto, ...errors },
        },
      },
      async (request) =>
        service.getImport({
          db,
          actor: actorOf(request),
          id: request.params.id,
          ...request.query,
        }),
    );

    app.post(
      '/api/imports/:id/confirm',
      {
        schema: {
          tags: TAGS,
          summary:
            'Xác nhận ghi dữ liệu: nhập tất cả (khi không có dòng lỗi) hoặc chỉ các dòng hợp lệ',
          params: idParam,
          body: confirmImportBody,
          response: { 200: importJobDto, ...errors },
        },
      },
      async (request) =>
        service.confirmImport({
          db,
          actor: actorOf(request),
          id: request.params.id,
          mode: request.body.mode,
        }),
    );

    app.post(
      '/api/imports/:id/cancel',
      {
        schema: {
          tags: TAGS,
          summary:
            'Hủy một lần nhập đang kiểm tra, chờ xác nhận hoặc đang ghi (không dòng nào được ghi)',
          params: idParam,
          response: { 200: importJobDto, ...errors },
        },
      },
      async (request) =>
        service.cancelImport({ db, actor: actorOf(request), id: request.params.id }),
    );

    app.get(
      '/api/members/export.xlsx',
      {
        schema: {
          tags: TAGS,
          summary:
            'Xuất danh sách đảng viên đang lọc ra Excel (cùng tham số lọc và các cột như danh sách)',
          querystring: memberListQuery,
          response: { 200: fileBytes, ...errors },
        },
      },
      async (request, reply) => {
        const result = await exportMembers({ db, actor: actorOf(request), query: request.query });
        return sendXlsx(reply, { buffer: result.content, fileName: result.fileName });
      },
    );
  };

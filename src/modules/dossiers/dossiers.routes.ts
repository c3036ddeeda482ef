import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import {
  completenessPage,
  completenessQuery,
  createDocumentTypeBody,
  documentTypeDto,
  documentTypeList,
  documentTypeListQuery,
  dossierDocumentDto,
  dossierDto,
  dossierQuery,
  MAX_UPLOAD_MB,
  reviewDocumentBody,
  updateDocumentTypeBody,
} from '../../contracts/dossiers.ts';
import { fieldLabels } from '../../contracts/field-labels.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendDownload, sendXlsx } from '../../core/http/download.ts';
import { fieldError } from '../../core/errors.ts';
import { exportCompleteness } from './dossiers.export.ts';
import type { AppDeps } from '../../app.ts';
import * as service from './dossiers.service.ts';

const TAGS = ['Hồ sơ, giấy tờ'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

const fileProblem = (message: string) => fieldError('file', fieldLabels['file']!, message);

/** Multipart errors of the parser, as the Vietnamese field errors the rest of the API gives. */
function multipartProblem(err: unknown): Error {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return fileProblem(`vượt giới hạn ${MAX_UPLOAD_MB} MB cho một tệp của hệ thống`);
  }
  if (code === 'FST_FILES_LIMIT') return fileProblem('mỗi lần chỉ tải lên một tệp');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return fileProblem('yêu cầu có quá nhiều trường dữ liệu');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return fileProblem('cần gửi tệp dạng multipart/form-data');
  }
  return err as Error;
}

/** Reads the one file and the type id of an upload; the size ceiling is enforced while reading. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw fileProblem('cần gửi tệp dạng multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        file = { name: part.filename, content: await part.toBuffer() };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    throw multipartProblem(err);
  }
  const typeId = Number(fields['typeId']);
  if (!Number.isInteger(typeId) || typeId <= 0) {
    throw fieldError('typeId', fieldLabels['typeId']!, 'chưa chọn loại giấy tờ');
  }
  if (!file) throw fileProblem('chưa chọn tệp');
  return { typeId, ...file };
}

export const dossierRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;

    // Encapsulated in this plugin: other modules register their own parser and limits.
    await app.register(fastifyMultipart, {
      throwFileSizeLimit: true,
      limits: {
        fileSize: MAX_UPLOAD_MB * 1024 * 1024,
        files: 1,
        fields: 4,
        parts: 6,
        fieldSize: 1000,
        headerPairs: 100,
      },
    });

    app.get(
      '/api/document-types',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh mục loại giấy tờ theo quy trình hồ sơ',
          querystring: documentTypeListQuery,
          response: { 200: documentTypeList, ...errors },
        },
      },
      async (request) =>
        service.listDocumentTypes({
          db,
          actor: actorOf(request),
          process: request.query.process,
          includeInactive: request.query.includeInactive === 'true',
        }),
    );

    app.post(
      '/api/document-types',
      {
        schema: {
          tags: TAGS,
          summary: 'Thêm loại giấy tờ (quản trị hệ thống cấp cao nhất)',
          body: createDocumentTypeBody,
          response: { 201: documentTypeDto, ...errors },
        },
      },
      async (request, reply) => {
        const created = await service.createDocumentType({
          db,
          actor: actorOf(request),
          body: request.body,
        });
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/document-types/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa hoặc ngừng dùng loại giấy tờ (cần số phiên bản đang xem)',
          params: idParam,
          body: updateDocumentTypeBody,
          response: { 200: documentTypeDto, ...errors },
        },
      },
      async (request) =>
        service.updateDocumentType({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/members/:id/dossier',
      {
        schema: {
          tags: TAGS,
          summary: 'Hồ sơ giấy tờ của một người theo quy trình: từng loại, trạng thái, mức đầy đủ',
          params: idParam,
          querystring: dossierQuery,
          response: { 200: dossierDto, ...errors },
        },
      },
      async (request) =>
        service.getDossier({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          process: request.query.process,
        }),
    );

    app.post(
      '/api/members/:id/documents',
      {
        schema: {
          tags: TAGS,
          summary: `Tải lên một giấy tờ (multipart: typeId, file; tối đa ${MAX_UPLOAD_MB} MB)`,
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 201: dossierDocumentDto, ...errors },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request);
        const created = await service.uploadDocument({
          db,
          actor: actorOf(request),
          memberId: request.params.id,
          typeId: upload.typeId,
          fileName: upload.name,
          content: upload.content,
        });
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/documents/:id/file',
      {
        schema: {
          tags: TAGS,
          summary: 'Tải về tệp của một giấy tờ',
          params: idParam,
        },
      },
      async (request, reply) => {
        const file = await service.downloadDocument({
          db,
          actor: actorOf(request),
          id: request.params.id,
        });
        return sendDownload(
          reply,
          { body: file.content, fileName: file.fileName, mime: file.mimeType },
          { uploaded: true },
        );
      },
    );

    app.post(
      '/api/documents/:id/review',
      {
        schema: {
          tags: TAGS,
          summary: 'Xác minh hoặc trả lại giấy tờ (trả lại cần ghi lý do)',
          params: idParam,
          body: reviewDocumentBody,
          response: { 200: dossierDocumentDto, ...errors },
        },
      },
      async (request) =>
        service.reviewDocument({
          db,
          actor: actorOf(request),
          id: request.params.id,
          body: request.body,
        }),
    );

    app.get(
      '/api/dossiers/completeness',
      {
        schema: {
          tags: TAGS,
          summary: 'Tình trạng hồ sơ theo danh sách: số loại bắt buộc đã xác minh, loại còn thiếu',
          querystring: completenessQuery,
          response: { 200: completenessPage, ...errors },
        },
      },
      async (request) =>
        service.dossierCompleteness({ db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/dossiers/completeness/export',
      {
        schema: {
          tags: TAGS,
          summary: 'Xuất tình trạng hồ sơ ra Excel (cùng bộ lọc và các cột như trên màn hình)',
          querystring: completenessQuery.omit({ page: true, pageSize: true }),
        },
      },
      async (request, reply) => {
        const file = await exportCompleteness({
          db,
          actor: actorOf(request),
          query: request.query,
        });
        return sendXlsx(reply, { buffer: file.content, fileName: file.fileName });
      },
    );
  };

import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import { MAX_UPLOAD_MB } from '../../contracts/dossiers.ts';
import {
  assessmentDto,
  assessmentListQuery,
  assessmentPage,
  createCriteriaSetBody,
  createTaskBody,
  criteriaSetDto,
  criteriaSetQuery,
  decideTaskBody,
  modelBody,
  outcomeBody,
  progressBody,
  recognizeBody,
  selfAssessBody,
  taskDto,
  taskListQuery,
  taskPage,
  taskStatsDto,
  taskStatsQuery,
  updateTaskBody,
} from '../../contracts/tasks.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendDownload, sendXlsx } from '../../core/http/download.ts';
import { fieldError } from '../../core/errors.ts';
import type { AppDeps } from '../../app.ts';
import * as fourGood from './fourgood.service.ts';
import * as progress from './tasks.progress.service.ts';
import * as service from './tasks.service.ts';
import { exportTaskStats, taskStats } from './tasks.stats.ts';

const TAGS = ['Việc mới, việc khó'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };
const fileProblem = (message: string) => fieldError('file', 'Tệp minh chứng', message);

/** One evidence file, the task version and an optional note, as the browser sends them. */
async function readEvidence(request: FastifyRequest) {
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
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw fileProblem(`vượt giới hạn ${MAX_UPLOAD_MB} MB cho một tệp của hệ thống`);
    }
    if (code?.startsWith('FST_')) throw fileProblem('mỗi lần gửi một tệp và ít trường dữ liệu');
    throw err;
  }
  const version = Number(fields['version']);
  if (!Number.isInteger(version) || version <= 0) {
    throw fieldError('version', 'Phiên bản', 'thiếu phiên bản của việc đăng ký');
  }
  if (!file) throw fileProblem('chưa chọn tệp');
  return { version, note: (fields['note'] ?? '').slice(0, 3000), ...file };
}

export const tasksRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    await app.register(fastifyMultipart, {
      throwFileSizeLimit: true,
      limits: {
        fileSize: MAX_UPLOAD_MB * 1024 * 1024,
        files: 1,
        fields: 4,
        parts: 6,
        fieldSize: 4000,
        headerPairs: 100,
      },
    });
    const ctx = (request: FastifyRequest) => ({ db, actor: actorOf(request) });

    app.get(
      '/api/tasks',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh sách việc mới, việc khó (đảng viên chỉ thấy việc của mình)',
          querystring: taskListQuery,
          response: { 200: taskPage, ...errors },
        },
      },
      async (request) => service.listTasks({ ...ctx(request), query: request.query }),
    );

    app.post(
      '/api/tasks',
      {
        schema: {
          tags: TAGS,
          summary: 'Đăng ký việc mới, việc khó (của mình, hoặc thay cho đảng viên trong phạm vi)',
          body: createTaskBody,
          response: { 201: taskDto, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.registerTask({ ...ctx(request), body: request.body })),
    );

    app.get(
      '/api/tasks/stats',
      {
        schema: {
          tags: TAGS,
          summary: 'Thống kê theo tổ chức và năm: tỷ lệ đăng ký, số việc, kết quả, điển hình',
          querystring: taskStatsQuery,
          response: { 200: taskStatsDto, ...errors },
        },
      },
      async (request) => taskStats({ ...ctx(request), query: request.query }),
    );

    app.get(
      '/api/tasks/stats/export',
      {
        schema: { tags: TAGS, summary: 'Xuất thống kê ra Excel', querystring: taskStatsQuery },
      },
      async (request, reply) => {
        const file = await exportTaskStats({ ...ctx(request), query: request.query });
        return sendXlsx(reply, { buffer: file.content, fileName: file.fileName });
      },
    );

    app.get(
      '/api/tasks/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Một việc đăng ký với lộ trình, tiến độ, minh chứng và lịch sử',
          params: idParam,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) => service.getTask({ ...ctx(request), id: request.params.id }),
    );

    app.put(
      '/api/tasks/:id',
      {
        schema: {
          tags: TAGS,
          summary: 'Sửa việc đang chờ duyệt hoặc bị trả lại (gửi lại để phê duyệt)',
          params: idParam,
          body: updateTaskBody,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) =>
        service.updateTask({ ...ctx(request), id: request.params.id, body: request.body }),
    );

    app.post(
      '/api/tasks/:id/decision',
      {
        schema: {
          tags: TAGS,
          summary: 'Phê duyệt, trả lại (kèm lý do) hoặc không phê duyệt',
          params: idParam,
          body: decideTaskBody,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) =>
        service.decideTask({ ...ctx(request), id: request.params.id, body: request.body }),
    );

    app.post(
      '/api/tasks/:id/progress',
      {
        schema: {
          tags: TAGS,
          summary: 'Báo cáo tiến độ',
          params: idParam,
          body: progressBody,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) =>
        progress.reportProgress({ ...ctx(request), id: request.params.id, body: request.body }),
    );

    app.post(
      '/api/tasks/:id/evidence',
      {
        schema: {
          tags: TAGS,
          summary: `Tải lên minh chứng (multipart: version, note, file; tối đa ${MAX_UPLOAD_MB} MB)`,
          consumes: ['multipart/form-data'],
          params: idParam,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) => {
        const upload = await readEvidence(request);
        return progress.uploadEvidence({
          ...ctx(request),
          id: request.params.id,
          version: upload.version,
          note: upload.note,
          fileName: upload.name,
          content: upload.content,
        });
      },
    );

    app.get(
      '/api/task-evidence/:id/file',
      { schema: { tags: TAGS, summary: 'Tải về tệp minh chứng', params: idParam } },
      async (request, reply) => {
        const file = await progress.downloadEvidence({ ...ctx(request), id: request.params.id });
        return sendDownload(
          reply,
          { body: file.content, fileName: file.fileName, mime: file.mimeType },
          { uploaded: true },
        );
      },
    );

    app.post(
      '/api/tasks/:id/outcome',
      {
        schema: {
          tags: TAGS,
          summary: 'Đánh giá kết quả: giá trị đạt từng chỉ tiêu, ngày hoàn thành, nhận xét',
          params: idParam,
          body: outcomeBody,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) =>
        progress.recordOutcome({ ...ctx(request), id: request.params.id, body: request.body }),
    );

    app.post(
      '/api/tasks/:id/model',
      {
        schema: {
          tags: TAGS,
          summary: 'Chọn hoặc bỏ chọn làm điển hình để tuyên truyền',
          params: idParam,
          body: modelBody,
          response: { 200: taskDto, ...errors },
        },
      },
      async (request) =>
        service.setModel({
          ...ctx(request),
          id: request.params.id,
          version: request.body.version,
          isModel: request.body.isModel,
        }),
    );

    // ─── Chi bộ 4 tốt / Đảng viên 4 tốt ─────────────────────────────────────────────────

    app.get(
      '/api/four-good/criteria',
      {
        schema: {
          tags: TAGS,
          summary: 'Bộ tiêu chí “4 tốt” đang áp dụng cho một tổ chức và năm',
          querystring: criteriaSetQuery,
          response: { 200: criteriaSetDto, ...errors },
        },
      },
      async (request) =>
        fourGood.criteriaSetInForce({
          ...ctx(request),
          kind: request.query.kind,
          unitId: request.query.unitId,
          year: request.query.year,
        }),
    );

    app.post(
      '/api/four-good/criteria',
      {
        schema: {
          tags: TAGS,
          summary: 'Bộ tiêu chí riêng của một tổ chức, áp dụng từ một năm',
          body: createCriteriaSetBody,
          response: { 201: criteriaSetDto, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await fourGood.createCriteriaSet({ ...ctx(request), body: request.body })),
    );

    app.get(
      '/api/four-good/assessments',
      {
        schema: {
          tags: TAGS,
          summary: 'Danh sách tự đánh giá và công nhận “4 tốt” theo tổ chức và năm',
          querystring: assessmentListQuery,
          response: { 200: assessmentPage, ...errors },
        },
      },
      async (request) => fourGood.listAssessments({ ...ctx(request), query: request.query }),
    );

    app.post(
      '/api/four-good/assessments',
      {
        schema: {
          tags: TAGS,
          summary: 'Tự đánh giá “4 tốt” của chi bộ hoặc đảng viên trong năm',
          body: selfAssessBody,
          response: { 200: assessmentDto, ...errors },
        },
      },
      async (request) => fourGood.selfAssess({ ...ctx(request), body: request.body }),
    );

    app.post(
      '/api/four-good/assessments/:id/recognition',
      {
        schema: {
          tags: TAGS,
          summary: 'Cấp trên công nhận hoặc không công nhận “4 tốt”',
          params: idParam,
          body: recognizeBody,
          response: { 200: assessmentDto, ...errors },
        },
      },
      async (request) =>
        fourGood.recognize({ ...ctx(request), id: request.params.id, body: request.body }),
    );
  };

/** Routes of the election documents, statistics and approval (chuẩn y) of results. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse, idParam } from '../../contracts/common.ts';
import {
  acceptanceDto,
  acceptBody,
  ballotPrintQuery,
  bodyStatsDto,
} from '../../contracts/election-documents.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { sendDownload } from '../../core/http/download.ts';
import type { AppDeps } from '../../app.ts';
import { acceptResults, getAcceptance } from './acceptance.service.ts';
import { getBodyStats } from './documents/body-stats.service.ts';
import { announcementFile, minutesFile, printBallots } from './documents/documents.service.ts';

const TAGS = ['Bầu cử: phiếu bầu, biên bản, chuẩn y'];
const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export const documentsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.db;
    app.get(
      '/api/election-rounds/:id/ballots.pdf',
      {
        schema: {
          tags: TAGS,
          summary: 'In phiếu bầu (PDF): mẫu gạch tên hoặc đồng ý / không đồng ý, có số phiếu',
          params: idParam,
          querystring: ballotPrintQuery,
          response: errors,
        },
      },
      async (r, reply) =>
        sendDownload(
          reply,
          await printBallots({ db, actor: actorOf(r), roundId: r.params.id, options: r.query }),
        ),
    );
    app.get(
      '/api/election-rounds/:id/minutes.docx',
      {
        schema: {
          tags: TAGS,
          summary: 'Biên bản kiểm phiếu (.docx) của vòng bầu đã kết thúc',
          params: idParam,
          response: errors,
        },
      },
      async (r, reply) =>
        sendDownload(
          reply,
          await minutesFile({ db, actor: actorOf(r), roundId: r.params.id, format: 'docx' }),
        ),
    );
    app.get(
      '/api/election-rounds/:id/minutes.pdf',
      {
        schema: {
          tags: TAGS,
          summary: 'Biên bản kiểm phiếu (PDF) của vòng bầu đã kết thúc',
          params: idParam,
          response: errors,
        },
      },
      async (r, reply) =>
        sendDownload(
          reply,
          await minutesFile({ db, actor: actorOf(r), roundId: r.params.id, format: 'pdf' }),
        ),
    );
    app.get(
      '/api/election-rounds/:id/announcement.pdf',
      {
        schema: {
          tags: TAGS,
          summary: 'Thông báo kết quả bầu cử (PDF) của vòng bầu đã kết thúc',
          params: idParam,
          response: errors,
        },
      },
      async (r, reply) =>
        sendDownload(
          reply,
          await announcementFile({ db, actor: actorOf(r), roundId: r.params.id }),
        ),
    );
    app.get(
      '/api/elections/:id/stats',
      {
        schema: {
          tags: TAGS,
          summary:
            'Thống kê danh sách bầu cử và người trúng cử: số dư, tái cử, lần đầu, nữ, trẻ, dân tộc thiểu số, tuổi bình quân',
          params: idParam,
          response: { 200: bodyStatsDto, ...errors },
        },
      },
      async (r) => getBodyStats({ db, actor: actorOf(r), electionId: r.params.id }),
    );
    app.get(
      '/api/elections/:id/acceptance',
      {
        schema: {
          tags: TAGS,
          summary: 'Chuẩn y kết quả bầu cử: đã chuẩn y chưa, có thể chuẩn y chưa (kèm lý do)',
          params: idParam,
          response: { 200: acceptanceDto, ...errors },
        },
      },
      async (r) => getAcceptance({ db, actor: actorOf(r), electionId: r.params.id }),
    );
    app.post(
      '/api/elections/:id/acceptance',
      {
        schema: {
          tags: TAGS,
          summary:
            'Ghi quyết định chuẩn y: tạo chức vụ cho người trúng cử từ ngày chuẩn y, kết thúc chức vụ nhiệm kỳ trước',
          params: idParam,
          body: acceptBody,
          response: { 200: acceptanceDto, ...errors },
        },
      },
      async (r) => acceptResults({ db, actor: actorOf(r), electionId: r.params.id, body: r.body }),
    );
  };

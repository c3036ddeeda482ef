import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountDto,
  accountListQuery,
  createAccountBody,
  resetPasswordBody,
  updateAccountBody,
} from '../../contracts/accounts.ts';
import { idParam, pageResult } from '../../contracts/common.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { AppDeps } from '../../app.ts';
import {
  createAccount,
  getAccount,
  listAccounts,
  resetPassword,
  unlockAccount,
  updateAccount,
} from './accounts.service.ts';

const tags = ['Tài khoản'];

/** Account administration: admins only, and only for accounts bound inside their own subtree. */
export const accountRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/accounts',
      {
        schema: {
          tags,
          summary: 'Danh sách tài khoản trong phạm vi quản lý (tìm theo tên đăng nhập, họ tên)',
          querystring: accountListQuery,
          response: { 200: pageResult(accountDto) },
        },
      },
      async (request) =>
        listAccounts({ db: deps.db, actor: actorOf(request), query: request.query }),
    );

    app.get(
      '/api/accounts/:id',
      {
        schema: {
          tags,
          summary: 'Thông tin một tài khoản',
          params: idParam,
          response: { 200: accountDto },
        },
      },
      async (request) =>
        getAccount({ db: deps.db, actor: actorOf(request), id: request.params.id }),
    );

    app.post(
      '/api/accounts',
      {
        schema: {
          tags,
          summary: 'Tạo tài khoản gắn với một tổ chức đảng',
          body: createAccountBody,
          response: { 201: accountDto },
        },
      },
      async (request, reply) => {
        const account = await createAccount({
          db: deps.db,
          actor: actorOf(request),
          input: request.body,
        });
        return reply.code(201).send(account);
      },
    );

    app.patch(
      '/api/accounts/:id',
      {
        schema: {
          tags,
          summary:
            'Sửa tài khoản: họ tên, tổ chức, vai trò, đảng viên gắn kèm, trạng thái hoạt động',
          params: idParam,
          body: updateAccountBody,
          response: { 200: accountDto },
        },
      },
      async (request) =>
        updateAccount({
          db: deps.db,
          actor: actorOf(request),
          id: request.params.id,
          input: request.body,
        }),
    );

    app.post(
      '/api/accounts/:id/password',
      {
        schema: {
          tags,
          summary: 'Đặt lại mật khẩu (các phiên đăng nhập của tài khoản bị hủy)',
          params: idParam,
          body: resetPasswordBody,
          response: { 200: accountDto },
        },
      },
      async (request) =>
        resetPassword({
          db: deps.db,
          actor: actorOf(request),
          id: request.params.id,
          password: request.body.password,
        }),
    );

    app.post(
      '/api/accounts/:id/unlock',
      {
        schema: {
          tags,
          summary: 'Mở khóa tài khoản bị tạm khóa do nhập sai mật khẩu nhiều lần',
          params: idParam,
          response: { 200: accountDto },
        },
      },
      async (request) =>
        unlockAccount({ db: deps.db, actor: actorOf(request), id: request.params.id }),
    );
  };

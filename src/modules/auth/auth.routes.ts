import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeOwnPasswordBody } from '../../contracts/accounts.ts';
import { currentUser, loginBody } from '../../contracts/auth.ts';
import { okResponse } from '../../contracts/common.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import { deleteSession, findSession, SESSION_COOKIE } from '../../core/auth/sessions.ts';
import { unauthorized } from '../../core/errors.ts';
import type { AppDeps } from '../../app.ts';
import { changeOwnPassword, login } from './auth.service.ts';

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: deps.config.CANBO_SECURE_COOKIES,
    };

    app.post(
      '/api/auth/login',
      {
        config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags: ['Đăng nhập'],
          summary: 'Đăng nhập bằng tên đăng nhập và mật khẩu',
          body: loginBody,
          response: { 200: currentUser },
        },
      },
      async (request, reply) => {
        const session = await login({
          db: deps.db,
          username: request.body.username,
          password: request.body.password,
          sessionHours: deps.config.CANBO_SESSION_HOURS,
        });
        const info = await findSession(deps.db, session.token);
        if (!info) throw unauthorized();
        reply.setCookie(SESSION_COOKIE, session.token, {
          ...cookieOptions,
          expires: session.expiresAt,
        });
        return toCurrentUser(info);
      },
    );

    app.get(
      '/api/auth/me',
      { config: { public: true }, schema: { tags: ['Đăng nhập'], response: { 200: currentUser } } },
      async (request) => {
        if (!request.session) throw unauthorized();
        return toCurrentUser(request.session);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['Đăng nhập'], response: { 200: okResponse } } },
      async (request, reply) => {
        if (request.session) await deleteSession(deps.db, request.session.tokenHash);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: { tags: ['Đăng nhập'], body: changeOwnPasswordBody, response: { 200: okResponse } },
      },
      async (request, reply) => {
        await changeOwnPassword({ db: deps.db, actor: actorOf(request), ...request.body });
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return { ok: true as const };
      },
    );
  };

function toCurrentUser(info: NonNullable<Awaited<ReturnType<typeof findSession>>>) {
  const a = info.actor;
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    unitId: a.unitId,
    unitName: info.unitName,
    roles: a.roles,
    permissions: a.permissions,
    memberId: a.memberId,
    csrfToken: info.csrfToken,
  };
}

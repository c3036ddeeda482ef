import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { AppError, unauthorized } from '../errors.ts';
import { csrfMatches, findSession, SESSION_COOKIE, type SessionInfo } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionInfo | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health, docs). Everything else under /api is not. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication is on by default for every /api route: a route must opt out with
 * `config: { public: true }`, so a new route can never forget it.
 */
export function registerAuthHook(app: FastifyInstance, db: Db): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await findSession(db, token) : null;
    if (request.routeOptions.config.public) return;
    if (!request.routeOptions.url) return; // unknown route: let the 404 handler answer
    if (!request.session) throw unauthorized();
    if (!SAFE_METHODS.has(request.method)) {
      if (!csrfMatches(request.session.csrfToken, request.headers['x-csrf-token'])) {
        throw new AppError(
          403,
          'CSRF',
          'Phiên làm việc không hợp lệ (thiếu mã bảo vệ CSRF). Hãy tải lại trang.',
        );
      }
    }
  });
}

/** The signed-in actor; routes behind the auth hook always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.session) throw unauthorized();
  return request.session.actor;
}

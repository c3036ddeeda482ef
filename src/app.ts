import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './core/config.ts';
import type { Database, Db } from './core/db/client.ts';
import { registerAuthHook } from './core/auth/auth-hook.ts';
import { registerErrorHandler } from './core/http/error-handler.ts';
import { configureZodMessages } from './core/http/zod-messages.ts';
import { accountRoutes } from './modules/accounts/accounts.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { historyRoutes } from './modules/history/history.routes.ts';
import { memberRoutes } from './modules/members/members.routes.ts';
import { unitRoutes } from './modules/units/units.routes.ts';
import { ruleRoutes } from './modules/rules/rules.routes.ts';
import { postRoutes } from './modules/posts/posts.routes.ts';
import { resumeRoutes } from './modules/resume/resume.routes.ts';
import { dossierRoutes } from './modules/dossiers/dossiers.routes.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { congressRoutes } from './modules/congress/congress.routes.ts';
import { electionsRoutes } from './modules/elections/elections.routes.ts';
import { documentsRoutes } from './modules/elections/documents.routes.ts';
import { planningRoutes } from './modules/planning/planning.routes.ts';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route registered, for the access test that walks them all. */
    apiRoutes: { method: string; url: string; public: boolean }[];
  }
}

configureZodMessages();

export interface AppDeps {
  database: Database;
  db: Db;
  config: Config;
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Plugins load in a fixed order: external → app hooks → routes → the web app. */
export async function buildApp(opts: {
  database: Database;
  config: Config;
  logger?: boolean | object;
}): Promise<FastifyInstance> {
  const deps: AppDeps = { database: opts.database, db: opts.database.db, config: opts.config };
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Before any plugin registers routes, so the docs routes are marked public and all are listed.
  const apiRoutes: { method: string; url: string; public: boolean }[] = [];
  app.addHook('onRoute', (route) => {
    // The documentation pages themselves are public.
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), public: true };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs'))
        continue;
      apiRoutes.push({ method, url: route.url, public: Boolean(route.config?.public) });
    }
  });
  app.decorate('apiRoutes', apiRoutes);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'CanBo API',
        description:
          'API của hệ thống CanBo — công tác cán bộ. Mọi route (trừ đăng nhập, sức khỏe) cần phiên đăng nhập; các yêu cầu thay đổi dữ liệu cần header x-csrf-token.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
  });

  registerErrorHandler(app);
  registerAuthHook(app, deps.db);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(unitRoutes(deps));
  await app.register(memberRoutes(deps));
  await app.register(accountRoutes(deps));
  await app.register(historyRoutes(deps));
  await app.register(ruleRoutes(deps));
  await app.register(postRoutes(deps));
  await app.register(resumeRoutes(deps));
  await app.register(dossierRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(congressRoutes(deps));
  await app.register(electionsRoutes(deps));
  await app.register(documentsRoutes(deps));
  await app.register(planningRoutes(deps));
  await app.register(evaluationRoutes(deps));
  await app.register(tasksRoutes(deps));

  // The SPA owns every non-API GET path (client-side routing); anything else is a JSON 404.
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: 'NOT_FOUND', message: `Không có địa chỉ ${request.url}.` });
  });
  return app;
}

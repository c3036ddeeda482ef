import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.ts';

export const planningRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    void deps;
    void app;
  };

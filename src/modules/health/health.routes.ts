import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationVersion } from '../../core/db/migrate.ts';
import type { AppDeps } from '../../app.ts';

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { public: true },
        schema: {
          tags: ['Hệ thống'],
          summary: 'Tình trạng hệ thống: loại cơ sở dữ liệu và phiên bản migration',
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.enum(['pglite', 'postgres']),
              migrations: z.object({ count: z.number(), latest: z.string().nullable() }),
            }),
          },
        },
      },
      async () => ({
        status: 'ok' as const,
        database: deps.database.kind,
        migrations: await migrationVersion(deps.database),
      }),
    );
  };

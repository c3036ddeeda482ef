import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntry } from '../../contracts/common.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import { assertMemberVisible } from '../members/members.service.ts';
import { assertUnitVisible } from '../units/units.service.ts';
import { listAudit } from '../../core/audit/audit.ts';
import { actorOf } from '../../core/auth/auth-hook.ts';
import type { Db } from '../../core/db/client.ts';
import type { AppDeps } from '../../app.ts';

const toDto = (r: Awaited<ReturnType<typeof listAudit>>[number]) => ({
  id: r.id,
  at: r.at.toISOString(),
  actorName: r.actorName,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  summary: r.summary,
  before: (r.before as Record<string, unknown> | null) ?? null,
  after: (r.after as Record<string, unknown> | null) ?? null,
});

/**
 * A record's whole history is shown to whoever may see the record now (including changes made
 * while it sat in another subtree); the check is the owning module's own visibility rule.
 */
async function historyFor(db: Db, actor: Actor, entityType: string, entityId: number) {
  if (entityType === 'member') await assertMemberVisible(db, actor, entityId);
  else if (entityType === 'unit') await assertUnitVisible(db, actor, entityId);
  else await getAccount({ db, actor, id: entityId });
  return listAudit(db, { ...actor, scopePath: '/' }, { entityType, entityId, limit: 200 });
}

export const historyRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/history/:entityType/:id',
      {
        schema: {
          tags: ['Lịch sử'],
          summary: 'Lịch sử thay đổi của một bản ghi',
          params: z.object({
            entityType: z.enum(['unit', 'member', 'user']),
            id: z.coerce.number().int().positive(),
          }),
          response: { 200: z.array(auditEntry) },
        },
      },
      async (request) => {
        const rows = await historyFor(
          deps.db,
          actorOf(request),
          request.params.entityType,
          request.params.id,
        );
        return rows.map(toDto);
      },
    );

    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['Lịch sử'],
          summary: 'Nhật ký thay đổi trong phạm vi quản lý',
          querystring: z.object({
            beforeId: z.coerce.number().int().positive().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.array(auditEntry) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        requireReader(actor);
        const rows = await listAudit(deps.db, actor, request.query);
        return rows.map(toDto);
      },
    );
  };

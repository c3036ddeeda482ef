import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import { inScope } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from './audit.schema.ts';

export type AuditAction =
  | 'create'
  | 'update'
  | 'archive'
  | 'restore'
  | 'delete'
  | 'move'
  | 'merge'
  | 'split'
  | 'transfer'
  | 'rename'
  | 'login'
  | 'password'
  | 'import'
  | 'approve'
  | 'return'
  | 'reject'
  | 'close'
  | 'annul'
  | 'decide'
  | 'check_in';

export interface AuditEntry {
  action: AuditAction;
  entityType:
    | 'unit'
    | 'member'
    | 'user'
    | 'rule'
    | 'import'
    | 'document_type'
    | 'post_title'
    | 'congress'
    | 'election'
    | 'planning'
    | 'evaluation'
    | 'task'
    | 'four_good'
    | 'feedback';
  entityId: number;
  scopePath: string;
  summary: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Write inside the caller's transaction, so a change and its audit row commit together. */
export async function recordAudit(tx: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorName: actor ? `${actor.displayName} (${actor.username})` : 'Hệ thống',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    scopePath: entry.scopePath,
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** Only the fields that changed, on both sides, so a history row reads as a diff. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

export async function listAudit(
  db: Db,
  actor: Actor,
  filter: { entityType?: string; entityId?: number; beforeId?: number; limit: number },
) {
  const where: SQL[] = [inScope(auditLog.scopePath, actor)];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId !== undefined) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.beforeId !== undefined) where.push(lt(auditLog.id, filter.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

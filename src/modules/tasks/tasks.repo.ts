/** SQL of the tasks module; every read is scoped by the actor's subtree (and, for members, self). */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { hasRole, inScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { storedFiles } from '../dossiers/dossiers.schema.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import { taskEvents, taskEvidence, tasks } from './tasks.schema.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;

/**
 * What the actor may see: leaders, officers and admins see their subtree; anyone else sees only
 * the tasks of their own member record.
 */
export function taskScope(actor: Actor): SQL {
  const subtree = inScope(tasks.unitPath, actor);
  if (hasRole(actor, 'admin', 'officer', 'reader')) return subtree;
  if (actor.memberId === null) return sql`false`;
  return and(subtree, eq(tasks.memberId, actor.memberId))!;
}

/** A member of the actor's subtree, for registering a task on their behalf. */
export async function findMember(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      id: members.id,
      fullName: members.fullName,
      unitId: members.unitId,
      unitPath: members.unitPath,
      status: members.status,
      archivedAt: members.archivedAt,
    })
    .from(members)
    .where(and(eq(members.id, id), inScope(members.unitPath, actor)))
    .limit(1);
  return row;
}

export async function findTask(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), taskScope(actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertTask(tx: Db, values: typeof tasks.$inferInsert) {
  const [row] = await tx.insert(tasks).values(values).returning();
  return row!;
}

export async function updateTask(
  tx: Db,
  id: number,
  version: number,
  values: Partial<typeof tasks.$inferInsert>,
) {
  const [row] = await tx
    .update(tasks)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning();
  return row;
}

export async function insertEvent(tx: Db, values: typeof taskEvents.$inferInsert) {
  const [row] = await tx.insert(taskEvents).values(values).returning();
  return row!;
}

/** The history of one task (already checked visible), oldest first, with its evidence files. */
export async function listEvents(db: Db, taskId: number) {
  const events = await db
    .select()
    .from(taskEvents)
    .where(eq(taskEvents.taskId, taskId))
    .orderBy(asc(taskEvents.createdAt), asc(taskEvents.id));
  const files = await db
    .select({
      id: taskEvidence.id,
      eventId: taskEvidence.eventId,
      fileName: taskEvidence.fileName,
      sizeBytes: storedFiles.sizeBytes,
    })
    .from(taskEvidence)
    .innerJoin(storedFiles, eq(storedFiles.id, taskEvidence.fileId))
    .where(eq(taskEvidence.taskId, taskId))
    .orderBy(asc(taskEvidence.id));
  return { events, files };
}

export async function insertEvidence(tx: Db, values: typeof taskEvidence.$inferInsert) {
  const [row] = await tx.insert(taskEvidence).values(values).returning();
  return row!;
}

/** An evidence file whose task the actor may see. */
export async function findEvidence(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ evidence: taskEvidence })
    .from(taskEvidence)
    .innerJoin(tasks, eq(tasks.id, taskEvidence.taskId))
    .where(and(eq(taskEvidence.id, id), taskScope(actor)))
    .limit(1);
  return row?.evidence;
}

export interface TaskFilter {
  unitPath?: string;
  memberId?: number;
  year?: number;
  status?: string;
  state?: 'open' | 'overdue' | 'assessed';
  modelOnly?: boolean;
  today: string;
}

function filterWhere(actor: Actor, f: TaskFilter): SQL {
  return and(
    taskScope(actor),
    f.unitPath ? sql`${tasks.unitPath} LIKE ${f.unitPath + '%'}` : undefined,
    f.memberId ? eq(tasks.memberId, f.memberId) : undefined,
    f.year ? and(lte(tasks.startYear, f.year), gte(tasks.endYear, f.year)) : undefined,
    f.status ? eq(tasks.status, f.status) : undefined,
    f.state === 'open' ? and(eq(tasks.status, 'approved'), isNull(tasks.outcome)) : undefined,
    f.state === 'overdue'
      ? and(eq(tasks.status, 'approved'), isNull(tasks.outcome), lt(tasks.deadline, f.today))
      : undefined,
    f.state === 'assessed' ? sql`${tasks.outcome} is not null` : undefined,
    f.modelOnly ? eq(tasks.isModel, true) : undefined,
  )!;
}

const rowFields = {
  task: tasks,
  memberName: members.fullName,
  unitName: units.name,
};
export type TaskListRow = { task: TaskRow; memberName: string; unitName: string };

export async function listTasks(
  db: Db,
  actor: Actor,
  f: TaskFilter,
  page: { limit: number; offset: number },
): Promise<TaskListRow[]> {
  return db
    .select(rowFields)
    .from(tasks)
    .innerJoin(members, eq(members.id, tasks.memberId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(filterWhere(actor, f))
    .orderBy(asc(tasks.deadline), desc(tasks.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countTasks(db: Db, actor: Actor, f: TaskFilter, cap: number) {
  const inner = db
    .select({ one: sql`1` })
    .from(tasks)
    .where(filterWhere(actor, f))
    .limit(cap + 1)
    .as('capped');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner);
  return Number(row?.n ?? 0);
}

export async function findTaskRow(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select(rowFields)
    .from(tasks)
    .innerJoin(members, eq(members.id, tasks.memberId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(and(eq(tasks.id, id), taskScope(actor)))
    .limit(1);
  return row;
}

/** Overdue tasks under a path (the warnings dashboard), most overdue first. */
export async function overdueTasks(
  db: Db,
  scopePath: string,
  today: string,
  page: { limit: number; offset: number } | null,
) {
  const q = db
    .select({ ...rowFields, birthDate: members.birthDate })
    .from(tasks)
    .innerJoin(members, eq(members.id, tasks.memberId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(
      and(
        eq(tasks.status, 'approved'),
        isNull(tasks.outcome),
        lt(tasks.deadline, today),
        sql`${tasks.unitPath} LIKE ${scopePath + '%'}`,
      ),
    )
    .orderBy(asc(tasks.deadline), asc(tasks.id));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

export async function countOverdue(db: Db, scopePath: string, today: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(
      and(
        eq(tasks.status, 'approved'),
        isNull(tasks.outcome),
        lt(tasks.deadline, today),
        sql`${tasks.unitPath} LIKE ${scopePath + '%'}`,
      ),
    );
  return Number(row?.n ?? 0);
}

export const memberNames = async (db: Db, ids: number[]) =>
  ids.length
    ? new Map(
        (
          await db
            .select({ id: members.id, name: members.fullName })
            .from(members)
            .where(inArray(members.id, ids))
        ).map((r) => [r.id, r.name]),
      )
    : new Map<number, string>();

import { createHash } from 'node:crypto';
import { and, lt, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ImportProblem } from '../../contracts/imports.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { storedFiles } from '../dossiers/dossiers.schema.ts';
import { members } from '../members/members.schema.ts';
import { units } from '../units/units.schema.ts';
import { importJobs } from './imports.schema.ts';

export type JobRow = typeof importJobs.$inferSelect;
export type JobValues = Partial<Omit<typeof importJobs.$inferInsert, 'id'>>;

// ─── Files ──────────────────────────────────────────────────────────────────────────────

export async function storeFile(tx: Db, content: Buffer, mimeType: string): Promise<number> {
  const [row] = await tx
    .insert(storedFiles)
    .values({
      sha256: createHash('sha256').update(content).digest('hex'),
      sizeBytes: content.length,
      mimeType,
      content,
    })
    .returning({ id: storedFiles.id });
  return row!.id;
}

/** The uploaded file of a job the caller may see (the job row carries the scope). */
export async function jobFile(db: Db, actor: Actor, jobId: number): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: storedFiles.content })
    .from(importJobs)
    .innerJoin(storedFiles, eq(storedFiles.id, importJobs.fileId))
    .where(and(eq(importJobs.id, jobId), inScope(importJobs.unitPath, actor)))
    .limit(1);
  return row?.content;
}

// ─── Jobs ───────────────────────────────────────────────────────────────────────────────

export async function insertJob(tx: Db, values: typeof importJobs.$inferInsert): Promise<JobRow> {
  const [row] = await tx.insert(importJobs).values(values).returning();
  return row!;
}

export async function findJob(db: Db, actor: Actor, id: number): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), inScope(importJobs.unitPath, actor)))
    .limit(1);
  return row;
}

export async function listJobs(
  db: Db,
  actor: Actor,
  f: { kind?: string; limit: number },
): Promise<JobRow[]> {
  return db
    .select()
    .from(importJobs)
    .where(
      and(inScope(importJobs.unitPath, actor), f.kind ? eq(importJobs.kind, f.kind) : undefined),
    )
    .orderBy(desc(importJobs.id))
    .limit(f.limit);
}

/** Changes a job of the caller's subtree; `onlyIn` guards a status change against a race. */
export async function updateJob(
  db: Db,
  actor: Actor,
  id: number,
  values: JobValues,
  onlyIn?: string[],
): Promise<JobRow | undefined> {
  const [row] = await db
    .update(importJobs)
    .set({ ...values, updatedAt: new Date() })
    .where(
      and(
        eq(importJobs.id, id),
        inScope(importJobs.unitPath, actor),
        onlyIn ? inArray(importJobs.status, onlyIn) : undefined,
      ),
    )
    .returning();
  return row;
}

/**
 * At start-up, jobs left checking or importing by a stopped process: their work is gone (an
 * import's transaction rolled back), so they are marked failed. Not scoped: a system task.
 */
export async function failRunningJobs(
  db: Db,
  message: string,
  untouchedSince?: Date,
): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', message, updatedAt: new Date(), finishedAt: new Date() })
    .where(
      and(
        inArray(importJobs.status, ['checking', 'importing']),
        untouchedSince ? lt(importJobs.updatedAt, untouchedSince) : undefined,
      ),
    )
    .returning({ id: importJobs.id });
  return rows.length;
}

export async function namesOfUsers(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const problemsOf = (row: JobRow) => (row.problems ?? []) as ImportProblem[];

// ─── Lookups for checking rows ──────────────────────────────────────────────────────────

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  path: string;
  depth: number;
  type: string;
  status: string;
  validFrom: string;
  validTo: string | null;
}

/** The units of a subtree (inside the caller's), for resolving codes in a file. */
export async function unitsUnder(db: Db, actor: Actor, path: string): Promise<UnitInfo[]> {
  return db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      path: units.path,
      depth: units.depth,
      type: units.type,
      status: units.status,
      validFrom: units.validFrom,
      validTo: units.validTo,
    })
    .from(units)
    .where(and(inScope(units.path, actor), sql`${units.path} like ${path + '%'}`));
}

/** Unit codes already used anywhere (codes are unique system-wide; nothing else is revealed). */
export async function takenUnitCodes(db: Db, codes: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db
      .select({ code: units.code })
      .from(units)
      .where(sql`${units.code} = any(${sql.param(codes.slice(i, i + 5000))}::text[])`);
    for (const r of rows) taken.add(r.code);
  }
  return taken;
}

/**
 * ID numbers already held by a member anywhere. Deliberately not scoped, like the form's
 * check: an ID number belongs to one person wherever they sit; only "taken" is revealed.
 */
export async function takenIdNumbers(db: Db, ids: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await db
      .select({ idNumber: members.idNumber })
      .from(members)
      .where(sql`${members.idNumber} = any(${sql.param(ids.slice(i, i + 10_000))}::text[])`);
    for (const r of rows) if (r.idNumber) taken.add(r.idNumber);
  }
  return taken;
}

// ─── Writing members in batches ─────────────────────────────────────────────────────────

/** Inserted columns: field → SQL element type. Every other column keeps its default. */
export const memberInsertTypes = {
  unitId: 'int',
  unitPath: 'text',
  fullName: 'text',
  otherNames: 'text',
  gender: 'text',
  birthDate: 'date',
  birthplace: 'text',
  hometownCommune: 'text',
  hometownProvince: 'text',
  residence: 'text',
  ethnicity: 'text',
  religion: 'text',
  idNumber: 'text',
  joinDate: 'date',
  officialDate: 'date',
  cardNumber: 'text',
  status: 'text',
  tempAttendancePlace: 'text',
  tempAttendanceFrom: 'date',
  tempAttendanceTo: 'date',
  exempted: 'bool',
  exemptionFrom: 'date',
  exemptionReason: 'text',
  generalEducation: 'text',
  professionalLevel: 'text',
  professionalField: 'text',
  politicalTheory: 'text',
  stateManagement: 'text',
  searchText: 'text',
  sortKey: 'text',
} as const satisfies Partial<Record<keyof typeof members.$inferInsert, string>>;
export type MemberInsertField = keyof typeof memberInsertTypes;
export const memberInsertFields = Object.keys(memberInsertTypes) as MemberInsertField[];

/**
 * One batch: the members (one INSERT from per-column arrays), their first membership period
 * (as the form writes it: from the join date, or today when there is none) and one audit
 * row per member, so each record's "Lịch sử thay đổi" shows where it came from. The audit row
 * points at the job and its file rather than copying every field: the job keeps the uploaded
 * file, which is the record as it arrived. Scale: one statement per batch.
 */
export async function insertMemberBatch(
  tx: Db,
  actor: Actor,
  batch: Record<MemberInsertField, unknown[]>,
  meta: { today: string; jobId: number; fileName: string },
): Promise<number> {
  const arrays = sql.join(
    memberInsertFields.map((f) => sql`${sql.param(batch[f])}::${sql.raw(memberInsertTypes[f])}[]`),
    sql`, `,
  );
  const columns = sql.raw(memberInsertFields.map((f) => `"${members[f].name}"`).join(', '));
  const after = sql`jsonb_build_object('importJobId', ${meta.jobId}::int, 'fileName', ${meta.fileName}::text)`;
  const actorName = `${actor.displayName} (${actor.username})`;
  const suffix = ` (nhập từ tệp ${meta.fileName})`;
  const result = await tx.execute(sql`
    with ins as (
      insert into members (${columns}) select * from unnest(${arrays}) returning *
    ),
    hist as (
      insert into member_unit_history (member_id, unit_id, from_date, reason)
      select id, unit_id, coalesce(join_date, ${meta.today}::date),
             case when join_date is null then 'created' else 'joined' end
      from ins
      returning 1
    ),
    audited as (
      insert into audit_log
        (actor_id, actor_name, action, entity_type, entity_id, scope_path, summary, after)
      select ${actor.userId}::int, ${actorName}::text, 'create', 'member', ins.id, ins.unit_path,
             'Thêm hồ sơ đảng viên ' || ins.full_name || ' vào ' || u.name || ${suffix}::text,
             ${after}
      from ins join units u on u.id = ins.unit_id
      returning 1
    )
    select (select count(*) from ins)::int as n,
           (select count(*) from hist)::int as h,
           (select count(*) from audited)::int as a`);
  const row = rowsOf<{ n: number; h: number; a: number }>(result)[0];
  const n = Number(row?.n ?? 0);
  if (Number(row?.h) !== n || Number(row?.a) !== n) {
    throw new Error('import batch: history or audit rows do not match the members inserted');
  }
  return n;
}

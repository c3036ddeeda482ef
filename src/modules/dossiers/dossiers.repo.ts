import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { activeMemberStatuses } from '../../contracts/enums.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { users } from '../accounts/accounts.schema.ts';
import { members } from '../members/members.schema.ts';
import { documentTypes, dossierDocuments, storedFiles } from './dossiers.schema.ts';

export type DocumentTypeRow = typeof documentTypes.$inferSelect;
export type DossierDocumentRow = typeof dossierDocuments.$inferSelect;

/** Current members only (not transferred out, deceased, removed…), as the posts warnings count. */
const activeStatus = sql`m.status in (${sql.join(
  activeMemberStatuses.map((s) => sql`${s}`),
  sql`, `,
)})`;

// ─── Document types (a shared catalogue, not scoped) ─────────────────────────────────────

export function listTypes(db: Db, filter: { process?: string; includeInactive: boolean }) {
  return db
    .select()
    .from(documentTypes)
    .where(
      and(
        filter.process ? eq(documentTypes.process, filter.process) : undefined,
        filter.includeInactive ? undefined : eq(documentTypes.active, true),
      ),
    )
    .orderBy(asc(documentTypes.process), asc(documentTypes.sortOrder), asc(documentTypes.id));
}

export async function findType(db: Db, id: number, forUpdate = false) {
  const q = db.select().from(documentTypes).where(eq(documentTypes.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function typeCodeTaken(db: Db, process: string, code: string) {
  const [row] = await db
    .select({ id: documentTypes.id })
    .from(documentTypes)
    .where(and(eq(documentTypes.process, process), eq(documentTypes.code, code)))
    .limit(1);
  return Boolean(row);
}

export async function insertType(db: Db, values: typeof documentTypes.$inferInsert) {
  const [row] = await db.insert(documentTypes).values(values).returning();
  return row!;
}

export async function updateType(
  db: Db,
  id: number,
  version: number,
  values: Partial<typeof documentTypes.$inferInsert>,
) {
  const [row] = await db
    .update(documentTypes)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(documentTypes.id, id), eq(documentTypes.version, version)))
    .returning();
  return row;
}

// ─── Members, seen through the caller's scope ───────────────────────────────────────────

/** The member if the caller's subtree holds them; locked when documents are about to change. */
export async function findMember(db: Db, actor: Actor, id: number, forUpdate = false) {
  const q = db
    .select({
      id: members.id,
      unitPath: members.unitPath,
      fullName: members.fullName,
      archivedAt: members.archivedAt,
    })
    .from(members)
    .where(and(eq(members.id, id), inScope(members.unitPath, actor)))
    .limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

// ─── Documents ──────────────────────────────────────────────────────────────────────────

const uploader = alias(users, 'uploader');
const reviewer = alias(users, 'reviewer');

const documentColumns = {
  doc: dossierDocuments,
  sizeBytes: storedFiles.sizeBytes,
  mimeType: storedFiles.mimeType,
  uploadedByName: uploader.displayName,
  reviewedByName: reviewer.displayName,
};

/** Every upload of a member for the types of a process, current first, newest first. */
export function memberDocuments(db: Db, memberId: number, process: string) {
  return db
    .select(documentColumns)
    .from(dossierDocuments)
    .innerJoin(documentTypes, eq(documentTypes.id, dossierDocuments.documentTypeId))
    .innerJoin(storedFiles, eq(storedFiles.id, dossierDocuments.fileId))
    .leftJoin(uploader, eq(uploader.id, dossierDocuments.uploadedBy))
    .leftJoin(reviewer, eq(reviewer.id, dossierDocuments.reviewedBy))
    .where(and(eq(dossierDocuments.memberId, memberId), eq(documentTypes.process, process)))
    .orderBy(desc(dossierDocuments.createdAt), desc(dossierDocuments.id));
}

export type DocumentWithFile = Awaited<ReturnType<typeof memberDocuments>>[number];

/** One document with its file facts, only when its member lies in the caller's subtree. */
export async function findDocument(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({
      ...documentColumns,
      type: documentTypes,
      memberUnitPath: members.unitPath,
      memberName: members.fullName,
    })
    .from(dossierDocuments)
    .innerJoin(members, eq(members.id, dossierDocuments.memberId))
    .innerJoin(documentTypes, eq(documentTypes.id, dossierDocuments.documentTypeId))
    .innerJoin(storedFiles, eq(storedFiles.id, dossierDocuments.fileId))
    .leftJoin(uploader, eq(uploader.id, dossierDocuments.uploadedBy))
    .leftJoin(reviewer, eq(reviewer.id, dossierDocuments.reviewedBy))
    .where(and(eq(dossierDocuments.id, id), inScope(members.unitPath, actor)))
    .limit(1);
  return row;
}

/** The bytes of a file; call only after the scope and permission checks passed. */
export async function fileContent(db: Db, fileId: number) {
  const [row] = await db
    .select({ content: storedFiles.content, mimeType: storedFiles.mimeType })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId))
    .limit(1);
  return row;
}

export async function insertFile(
  tx: Db,
  file: { sha256: string; sizeBytes: number; mimeType: string; content: Buffer },
) {
  const [row] = await tx.insert(storedFiles).values(file).returning({ id: storedFiles.id });
  return row!.id;
}

/** Marks the current upload of this member and type as replaced; returns it (or nothing). */
export async function supersedeCurrent(tx: Db, memberId: number, typeId: number) {
  const [row] = await tx
    .update(dossierDocuments)
    .set({ supersededAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        eq(dossierDocuments.memberId, memberId),
        eq(dossierDocuments.documentTypeId, typeId),
        isNull(dossierDocuments.supersededAt),
      ),
    )
    .returning();
  return row;
}

export async function insertDocument(tx: Db, values: typeof dossierDocuments.$inferInsert) {
  const [row] = await tx.insert(dossierDocuments).values(values).returning();
  return row!;
}

export async function reviewDocument(
  tx: Db,
  id: number,
  version: number,
  values: { status: string; rejectReason: string; reviewedBy: number },
) {
  const [row] = await tx
    .update(dossierDocuments)
    .set({ ...values, reviewedAt: new Date(), updatedAt: new Date(), version: version + 1 })
    .where(
      and(
        eq(dossierDocuments.id, id),
        eq(dossierDocuments.version, version),
        isNull(dossierDocuments.supersededAt),
      ),
    )
    .returning();
  return row;
}

// ─── Completeness over a subtree ────────────────────────────────────────────────────────

export interface CompletenessFilter {
  /** Subtree to list (already checked to lie in the caller's scope). */
  path: string;
  process: string;
  completeness: 'all' | 'incomplete' | 'complete';
  /** Only people holding a post on this date (cadre lists). */
  postHoldersOn: string | null;
  page: number;
  pageSize: number;
}

export interface CompletenessRow {
  memberId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  verifiedRequired: number;
  required: number;
  pending: number;
  rejected: number;
  total: number;
}

/**
 * One page of the subtree's current members (active status, not archived) with, per person,
 * how many required types of the process have a verified current document (and how many are
 * pending or rejected). Each person probes the one-current-document index; post holders are
 * found from the appointments first, so the warnings list touches only them. The window count
 * gives the total; unit names are joined for the page only.
 */
export async function completenessPage(
  db: Db,
  actor: Actor,
  f: CompletenessFilter,
): Promise<CompletenessRow[]> {
  const holders = f.postHoldersOn
    ? sql`and m.id in (select a.member_id from appointments a
                       where a.start_date <= ${f.postHoldersOn}
                         and (a.end_date is null or a.end_date >= ${f.postHoldersOn}))`
    : sql``;
  const status =
    f.completeness === 'incomplete'
      ? sql`where s.verified < r.n`
      : f.completeness === 'complete'
        ? sql`where s.verified >= r.n`
        : sql``;
  const result = await db.execute(sql`
    with req as (
      select id from document_types where process = ${f.process} and active and required
    ),
    r as (select count(*)::int as n from req),
    s as (
      select m.id, m.full_name, m.sort_key, m.unit_id, x.verified, x.pending, x.rejected
      from members m
      cross join lateral (
        select count(*) filter (where d.status = 'verified')::int as verified,
               count(*) filter (where d.status = 'pending')::int as pending,
               count(*) filter (where d.status = 'rejected')::int as rejected
        from dossier_documents d
        where d.member_id = m.id and d.superseded_at is null
          and d.document_type_id in (select id from req)
      ) x
      where ${inScope(sql`m.unit_path`, actor)} and m.unit_path like ${f.path + '%'}
        and m.archived_at is null and ${activeStatus} ${holders}
    ),
    p as (
      select s.*, r.n, count(*) over ()::int as total
      from s cross join r
      ${status}
      order by s.sort_key, s.id
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}
    )
    select p.id as "memberId", p.full_name as "fullName", p.unit_id as "unitId",
           u.name as "unitName", p.verified as "verifiedRequired", p.n as "required",
           p.pending as "pending", p.rejected as "rejected", p.total as "total"
    from p join units u on u.id = p.unit_id
    order by p.sort_key, p.id`);
  return rowsOf<CompletenessRow>(result).map((r) => ({
    ...r,
    memberId: Number(r.memberId),
    unitId: Number(r.unitId),
    verifiedRequired: Number(r.verifiedRequired),
    required: Number(r.required),
    pending: Number(r.pending),
    rejected: Number(r.rejected),
    total: Number(r.total),
  }));
}

/** Total rows for a filter when the requested page lies past the end (the window saw none). */
export async function completenessCount(db: Db, actor: Actor, f: CompletenessFilter) {
  const [first] = await completenessPage(db, actor, { ...f, page: 1, pageSize: 1 });
  return first?.total ?? 0;
}

/** For the listed members, the names of required types without a verified current document. */
export async function missingTypeNames(db: Db, memberIds: number[], process: string) {
  if (!memberIds.length) return new Map<number, string[]>();
  const found = await db
    .select({
      memberId: members.id,
      typeName: documentTypes.name,
    })
    .from(members)
    .innerJoin(
      documentTypes,
      and(
        eq(documentTypes.process, process),
        eq(documentTypes.active, true),
        eq(documentTypes.required, true),
      ),
    )
    .leftJoin(
      dossierDocuments,
      and(
        eq(dossierDocuments.memberId, members.id),
        eq(dossierDocuments.documentTypeId, documentTypes.id),
        isNull(dossierDocuments.supersededAt),
        eq(dossierDocuments.status, 'verified'),
      ),
    )
    .where(and(inArray(members.id, memberIds), isNull(dossierDocuments.id)))
    .orderBy(asc(members.id), asc(documentTypes.sortOrder), asc(documentTypes.id));
  const byMember = new Map<number, string[]>();
  for (const r of found) {
    const list = byMember.get(r.memberId) ?? [];
    list.push(r.typeName);
    byMember.set(r.memberId, list);
  }
  return byMember;
}

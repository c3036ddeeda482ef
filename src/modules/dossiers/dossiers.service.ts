import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type {
  CompletenessPage,
  CompletenessQuery,
  CreateDocumentTypeBody,
  DocumentTypeDto,
  DocumentTypeList,
  DossierDocumentDto,
  DossierDto,
  ReviewDocumentBody,
  UpdateDocumentTypeBody,
} from '../../contracts/dossiers.ts';
import {
  documentFileKinds,
  dossierDocumentStatusLabels,
  dossierProcessLabels,
  type DocumentFileKind,
  type DossierDocumentStatus,
  type DossierProcess,
} from '../../contracts/enums.ts';
import { fieldLabels } from '../../contracts/field-labels.ts';
import {
  hasPermission,
  hasRole,
  requireReader,
  requireWriter,
  type Actor,
} from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { fieldError, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import { explain } from '../../core/rules/verdict.ts';
import { findUnit } from '../units/units.repo.ts';
import * as repo from './dossiers.repo.ts';
import {
  canHandleFile,
  canManageCatalogue,
  checkReview,
  checkUpload,
  completenessSummary,
  kindMimeTypes,
  sanitizeFileName,
} from './dossiers.rules.ts';

type Ctx = { db: Db; actor: Actor };
const MEMBER = 'Hồ sơ đảng viên';
const DOCUMENT = 'Giấy tờ';
const DOCUMENT_TYPE = 'Loại giấy tờ';

// ─── Mappers ────────────────────────────────────────────────────────────────────────────

function toTypeDto(row: repo.DocumentTypeRow): DocumentTypeDto {
  return {
    id: row.id,
    process: row.process as DossierProcess,
    typeCode: row.code,
    typeName: row.name,
    description: row.description,
    required: row.required,
    sensitive: row.sensitive,
    allowedKinds: row.allowedKinds.filter((k): k is DocumentFileKind =>
      (documentFileKinds as readonly string[]).includes(k),
    ),
    maxSizeMb: row.maxSizeMb,
    sortOrder: row.sortOrder,
    active: row.active,
    version: row.version,
  };
}

/** Audit snapshot of a type: the catalogue fields, under their stored names. */
const typeSnapshot = (row: repo.DocumentTypeRow) => ({
  process: row.process,
  code: row.code,
  name: row.name,
  description: row.description,
  required: row.required,
  sensitive: row.sensitive,
  allowedKinds: row.allowedKinds,
  maxSizeMb: row.maxSizeMb,
  sortOrder: row.sortOrder,
  active: row.active,
});

function toDocumentDto(row: repo.DocumentWithFile, canDownload: boolean): DossierDocumentDto {
  const d = row.doc;
  return {
    id: d.id,
    memberId: d.memberId,
    documentTypeId: d.documentTypeId,
    fileName: canDownload ? d.fileName : null,
    sizeBytes: canDownload ? Number(row.sizeBytes) : null,
    mimeType: canDownload ? row.mimeType : null,
    canDownload,
    status: d.status as DossierDocumentStatus,
    rejectReason: d.rejectReason,
    uploadedAt: d.createdAt.toISOString(),
    uploadedBy: row.uploadedByName ?? null,
    reviewedAt: d.reviewedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedByName ?? null,
    supersededAt: d.supersededAt?.toISOString() ?? null,
    version: d.version,
  };
}

const mayHandle = (actor: Actor, type: { sensitive: boolean }) =>
  canHandleFile(type, hasPermission(actor, 'sensitive'));

function requireFileAccess(actor: Actor, type: { sensitive: boolean }) {
  const verdict = mayHandle(actor, type);
  if (!verdict.ok) throw forbidden(`${explain(verdict)}.`);
}

function requireCatalogueAdmin(actor: Actor) {
  const verdict = canManageCatalogue(actor);
  if (!verdict.ok) throw forbidden(`${explain(verdict)}.`);
}

// ─── Document types ─────────────────────────────────────────────────────────────────────

export async function listDocumentTypes({
  db,
  actor,
  process,
  includeInactive,
}: Ctx & { process?: DossierProcess; includeInactive: boolean }): Promise<DocumentTypeList> {
  requireReader(actor);
  const rows = await repo.listTypes(db, { process, includeInactive });
  return { items: rows.map(toTypeDto), canManage: canManageCatalogue(actor).ok };
}

export async function createDocumentType({
  db,
  actor,
  body,
}: Ctx & { body: CreateDocumentTypeBody }): Promise<DocumentTypeDto> {
  requireCatalogueAdmin(actor);
  return db.transaction(async (tx) => {
    if (await repo.typeCodeTaken(tx, body.process, body.typeCode)) {
      throw fieldError(
        'typeCode',
        fieldLabels['typeCode']!,
        `đã có trong quy trình “${dossierProcessLabels[body.process]}”; hãy chọn mã khác`,
      );
    }
    const row = await repo.insertType(tx, {
      process: body.process,
      code: body.typeCode,
      name: body.typeName,
      description: body.description,
      required: body.required,
      sensitive: body.sensitive,
      allowedKinds: body.allowedKinds,
      maxSizeMb: body.maxSizeMb,
      sortOrder: body.sortOrder,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'document_type',
      entityId: row.id,
      scopePath: actor.scopePath,
      summary: `Thêm loại giấy tờ “${row.name}” vào ${dossierProcessLabels[body.process]}`,
      after: typeSnapshot(row),
    });
    return toTypeDto(row);
  });
}

export async function updateDocumentType({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdateDocumentTypeBody }): Promise<DocumentTypeDto> {
  requireCatalogueAdmin(actor);
  return db.transaction(async (tx) => {
    const before = await repo.findType(tx, id, true);
    if (!before) throw notFound(DOCUMENT_TYPE);
    if (before.version !== body.version) throw staleVersion();
    const saved = await repo.updateType(tx, id, body.version, {
      name: body.typeName,
      description: body.description,
      required: body.required,
      sensitive: body.sensitive,
      allowedKinds: body.allowedKinds,
      maxSizeMb: body.maxSizeMb,
      sortOrder: body.sortOrder,
      active: body.active,
    });
    if (!saved) throw staleVersion();
    const changes = diff(typeSnapshot(before), typeSnapshot(saved));
    if (changes) {
      const action =
        before.active && !saved.active
          ? 'archive'
          : !before.active && saved.active
            ? 'restore'
            : 'update';
      const verb = { archive: 'Ngừng dùng', restore: 'Dùng lại', update: 'Sửa' }[action];
      await recordAudit(tx, actor, {
        action,
        entityType: 'document_type',
        entityId: id,
        scopePath: actor.scopePath,
        summary: `${verb} loại giấy tờ “${saved.name}” (${dossierProcessLabels[saved.process as DossierProcess]})`,
        ...changes,
      });
    }
    return toTypeDto(saved);
  });
}

// ─── A person's dossier ─────────────────────────────────────────────────────────────────

export async function getDossier({
  db,
  actor,
  memberId,
  process,
}: Ctx & { memberId: number; process: DossierProcess }): Promise<DossierDto> {
  requireReader(actor);
  const member = await repo.findMember(db, actor, memberId);
  if (!member) throw notFound(MEMBER);
  const [types, docs] = await Promise.all([
    repo.listTypes(db, { process, includeInactive: true }),
    repo.memberDocuments(db, memberId, process),
  ]);
  const byType = new Map<number, repo.DocumentWithFile[]>();
  for (const d of docs) {
    const list = byType.get(d.doc.documentTypeId) ?? [];
    list.push(d);
    byType.set(d.doc.documentTypeId, list);
  }
  // Retired types stay listed only where this person has documents of them.
  const shown = types.filter((t) => t.active || byType.has(t.id));
  let required = 0;
  let verified = 0;
  const items = shown.map((t) => {
    const canDownload = mayHandle(actor, t).ok;
    const list = byType.get(t.id) ?? [];
    const current = list.find((d) => d.doc.supersededAt === null) ?? null;
    if (t.active && t.required) {
      required += 1;
      if (current?.doc.status === 'verified') verified += 1;
    }
    return {
      type: toTypeDto(t),
      current: current ? toDocumentDto(current, canDownload) : null,
      previous: list.filter((d) => d !== current).map((d) => toDocumentDto(d, canDownload)),
    };
  });
  return {
    memberId,
    process,
    items,
    requiredCount: required,
    verifiedRequiredCount: verified,
    complete: verified >= required,
    summary: completenessSummary(verified, required),
    canWrite: hasRole(actor, 'admin', 'officer'),
    canSeeSensitive: hasPermission(actor, 'sensitive'),
  };
}

/** What the content really is, from its first bytes (never the name or the client's type). */
async function detectKind(content: Buffer) {
  const found = content.length ? await fileTypeFromBuffer(content) : undefined;
  const kind = (documentFileKinds as readonly string[]).includes(found?.ext ?? '')
    ? (found!.ext as DocumentFileKind)
    : null;
  return { kind, label: found?.ext ?? null };
}

export async function uploadDocument({
  db,
  actor,
  memberId,
  typeId,
  fileName,
  content,
}: Ctx & {
  memberId: number;
  typeId: number;
  fileName: string;
  content: Buffer;
}): Promise<DossierDocumentDto> {
  requireWriter(actor);
  const detected = await detectKind(content);
  return db.transaction(async (tx) => {
    // Locking the person serialises uploads for them, so only one document stays current.
    const member = await repo.findMember(tx, actor, memberId, true);
    if (!member) throw notFound(MEMBER);
    const type = await repo.findType(tx, typeId);
    if (!type) throw fieldError('typeId', fieldLabels['typeId']!, 'không có trong danh mục');
    requireFileAccess(actor, type);
    const problem = checkUpload({
      type: { ...type, typeName: type.name },
      sizeBytes: content.length,
      detectedKind: detected.kind,
      detectedLabel: detected.label,
      memberArchived: member.archivedAt !== null,
    });
    if (problem) enforce(problem.verdict, problem.field);
    const kind = detected.kind!;
    const safeName = sanitizeFileName(fileName, kind);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const fileId = await repo.insertFile(tx, {
      sha256,
      sizeBytes: content.length,
      mimeType: kindMimeTypes[kind],
      content,
    });
    const replaced = await repo.supersedeCurrent(tx, memberId, typeId);
    const doc = await repo.insertDocument(tx, {
      memberId,
      documentTypeId: typeId,
      fileId,
      fileName: safeName,
      uploadedBy: actor.userId,
    });
    const shownName = type.sensitive ? '(phần mật)' : safeName;
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'member',
      entityId: memberId,
      scopePath: member.unitPath,
      summary:
        `${replaced ? 'Thay' : 'Tải lên'} giấy tờ “${type.name}” ` +
        `(${dossierProcessLabels[type.process as DossierProcess]}): ${shownName}`,
      before: replaced ? { documentId: replaced.id, status: replaced.status } : null,
      after: {
        documentId: doc.id,
        documentType: type.code,
        fileName: shownName,
        sizeBytes: content.length,
        sha256,
        status: doc.status,
      },
    });
    const saved = await repo.findDocument(tx, actor, doc.id);
    return toDocumentDto(saved!, true);
  });
}

/** The file of a document, only after the caller is known to see its person (else 404). */
export async function downloadDocument({ db, actor, id }: Ctx & { id: number }) {
  requireReader(actor);
  const row = await repo.findDocument(db, actor, id);
  if (!row) throw notFound(DOCUMENT);
  requireFileAccess(actor, row.type);
  const file = await repo.fileContent(db, row.doc.fileId);
  if (!file) throw notFound(DOCUMENT);
  return { fileName: row.doc.fileName, mimeType: file.mimeType, content: file.content };
}

export async function reviewDocument({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: ReviewDocumentBody }): Promise<DossierDocumentDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const row = await repo.findDocument(tx, actor, id);
    if (!row) throw notFound(DOCUMENT);
    // Locks the person, as uploads do, so a review never races a replacement.
    await repo.findMember(tx, actor, row.doc.memberId, true);
    requireFileAccess(actor, row.type);
    if (row.doc.version !== body.version) throw staleVersion();
    enforce(checkReview({ superseded: row.doc.supersededAt !== null }), 'outcome');
    const reason = body.outcome === 'rejected' ? body.reason : '';
    const saved = await repo.reviewDocument(tx, id, body.version, {
      status: body.outcome,
      rejectReason: reason,
      reviewedBy: actor.userId,
    });
    if (!saved) throw staleVersion();
    const label = dossierDocumentStatusLabels[body.outcome];
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'member',
      entityId: row.doc.memberId,
      scopePath: row.memberUnitPath,
      summary:
        body.outcome === 'verified'
          ? `Xác minh giấy tờ “${row.type.name}”: ${label}`
          : `Trả lại giấy tờ “${row.type.name}”: ${reason}`,
      before: { documentId: id, status: row.doc.status, rejectReason: row.doc.rejectReason },
      after: { documentId: id, status: saved.status, rejectReason: saved.rejectReason },
    });
    const fresh = await repo.findDocument(tx, actor, id);
    return toDocumentDto(fresh!, true);
  });
}

// ─── Completeness over a list ───────────────────────────────────────────────────────────

async function subtreePath({ db, actor }: Ctx, unitId: number | undefined) {
  if (unitId === undefined) return actor.scopePath;
  const unit = await findUnit(db, actor, unitId);
  return unit?.path ?? null;
}

export async function dossierCompleteness({
  db,
  actor,
  query,
}: Ctx & { query: CompletenessQuery }): Promise<CompletenessPage> {
  requireReader(actor);
  const page = { page: query.page, pageSize: query.pageSize };
  const required = (
    await repo.listTypes(db, { process: query.process, includeInactive: false })
  ).filter((t) => t.required).length;
  const path = await subtreePath({ db, actor }, query.unitId);
  // A unit outside the subtree lists nothing, as if it had no members.
  if (path === null) return { items: [], total: 0, totalIsCapped: false, required, ...page };
  const filter: repo.CompletenessFilter = {
    path,
    process: query.process,
    completeness: query.completeness,
    postHoldersOn: query.postHolders === 'true' ? today() : null,
    ...page,
  };
  const rows = await repo.completenessPage(db, actor, filter);
  const total =
    rows[0]?.total ?? (query.page > 1 ? await repo.completenessCount(db, actor, filter) : 0);
  const missing = await repo.missingTypeNames(
    db,
    rows.filter((r) => r.verifiedRequired < r.required).map((r) => r.memberId),
    query.process,
  );
  return {
    items: rows.map(({ total: _total, ...r }) => ({
      ...r,
      missing: missing.get(r.memberId) ?? [],
    })),
    total,
    totalIsCapped: false,
    required,
    ...page,
  };
}

/**
 * For the warnings dashboard: people of the subtree holding a post today whose dossier lacks a
 * verified current document of a required type (process 'cadre_record' unless told otherwise).
 */
export async function membersMissingRequiredDocuments({
  db,
  actor,
  unitId,
  process = 'cadre_record',
  page = 1,
  pageSize = 50,
}: Ctx & {
  unitId?: number;
  process?: DossierProcess;
  page?: number;
  pageSize?: number;
}): Promise<{
  items: { memberId: number; fullName: string; unitName: string; missing: string[] }[];
  total: number;
}> {
  const result = await dossierCompleteness({
    db,
    actor,
    query: { unitId, process, completeness: 'incomplete', postHolders: 'true', page, pageSize },
  });
  return {
    items: result.items.map((r) => ({
      memberId: r.memberId,
      fullName: r.fullName,
      unitName: r.unitName,
      missing: r.missing,
    })),
    total: result.total,
  };
}

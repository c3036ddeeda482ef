import { countCap } from '../../contracts/common.ts';
import type { z } from 'zod';
import { fieldLabels } from '../../contracts/field-labels.ts';
import {
  selfEditableFields,
  type createMemberBody,
  type MemberDto,
  type MemberFields,
  type MemberListItem,
  type MemberListQuery,
  type transferMemberBody,
} from '../../contracts/members.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { dayBefore, today } from '../../core/dates.ts';
import {
  AppError,
  conflict,
  fieldError,
  forbidden,
  invalid,
  notFound,
  staleVersion,
} from '../../core/errors.ts';
import { explain, type Verdict } from '../../core/rules/verdict.ts';
import { formatDate, searchKey, vietnameseNameSortKey } from '../../core/vietnamese/index.ts';
import { loadRules } from '../rules/registry.ts';
import { findUnit } from '../units/units.repo.ts';
import { fieldsOf, toListItem, toMemberDto, type StoredFields } from './members.dto.ts';
import * as repo from './members.repo.ts';
import {
  canHoldMembers,
  canTransfer,
  checkMemberRecord,
  memberRuleValues,
  type MemberProblem,
  type ProblemField,
} from './members.rules.ts';

type Ctx = { db: Db; actor: Actor };
const MEMBER = 'Hồ sơ đảng viên';
const label = (field: string) => fieldLabels[field] ?? field;

/** Refused rules become one 400 answer naming each field, with the rule's source. */
function enforce(problems: MemberProblem[]): void {
  if (problems.length) {
    throw invalid(
      problems.map((p) => ({ field: p.field, label: label(p.field), message: explain(p.verdict) })),
    );
  }
}
const enforceVerdict = (verdict: Verdict, field: ProblemField) =>
  enforce(verdict.ok ? [] : [{ field, verdict }]);

/** The Party Statute's numbers (join age, probation) for a unit, from the rule registry. */
const ruleValues = async (db: Db, unitPath: string) =>
  memberRuleValues(await loadRules(db), unitPath, today());

/** Columns derived from the name, recomputed on every write so search and order never drift. */
export const derived = (f: { fullName: string; otherNames: string | null }) => ({
  searchText: searchKey(`${f.fullName} ${f.otherNames ?? ''}`),
  sortKey: vietnameseNameSortKey(f.fullName),
});

async function present(db: Db, row: repo.MemberRow): Promise<MemberDto> {
  return toMemberDto(
    row,
    await repo.unitNameOf(db, row.unitId),
    await repo.unitHistory(db, row.id),
  );
}

async function unitForMembers({ db, actor }: Ctx, unitId: number, field: ProblemField) {
  const unit = await findUnit(db, actor, unitId);
  if (!unit) {
    throw fieldError(field, label(field), 'không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn');
  }
  enforceVerdict(canHoldMembers(unit), field);
  return unit;
}

/** An ID number belongs to one person; the answer says so without naming who or where. */
async function assertIdNumberFree(tx: Db, idNumber: string | null, exceptId?: number) {
  if (!idNumber) return;
  await repo.lockIdNumber(tx, idNumber);
  if (await repo.idNumberTaken(tx, idNumber, exceptId)) {
    throw fieldError(
      'idNumber',
      label('idNumber'),
      'đã có trong một hồ sơ đảng viên khác; hãy kiểm tra lại số đã nhập',
    );
  }
}

async function lockedMember(ctx: Ctx, id: number, version: number, access: repo.Access) {
  const row = await repo.findMember(ctx.db, ctx.actor, id, { access, forUpdate: true });
  if (!row) throw notFound(MEMBER);
  if (row.version !== version) throw staleVersion();
  return row;
}

const ownMemberId = (actor: Actor): number => {
  if (actor.memberId === null) {
    throw new AppError(
      404,
      'NOT_FOUND',
      'Tài khoản của bạn chưa được gắn với hồ sơ đảng viên nào.',
    );
  }
  return actor.memberId;
};

// ─── Reading ────────────────────────────────────────────────────────────────────────────

export async function listMembers({ db, actor, query }: Ctx & { query: MemberListQuery }) {
  requireReader(actor);
  const page = { page: query.page, pageSize: query.pageSize };
  let unit: { id: number; path: string } | undefined;
  if (query.unitId !== undefined) {
    unit = await findUnit(db, actor, query.unitId);
    // A unit outside the subtree filters everything out, as if it had no members.
    if (!unit) return { items: [], total: 0, totalIsCapped: false, ...page };
  }
  const filter = { ...query, unit, today: today() };
  const scopePath = unit ? unit.path : actor.scopePath;
  const scopeFirst = (await subtreeSize(db, scopePath)) <= listTuning.smallScope ? scopePath : null;
  if (!scopeFirst && listTuning.useEstimates) {
    // Many matches: an exact count would read them all; the planner's estimate is instant.
    const estimate = await repo.estimateCount(db, actor, filter);
    if (estimate >= listTuning.estimateFrom) {
      const rows = await largeListPage(db, actor, filter);
      if (!Array.isArray(rows)) return { ...rows, ...page };
      const exact = rows.length < filter.pageSize; // the last page shows the true total
      const total = exact ? (filter.page - 1) * filter.pageSize + rows.length : roughly(estimate);
      return {
        items: rows.map(toListItem),
        total,
        totalIsCapped: false,
        totalIsEstimate: !exact,
        ...page,
      };
    }
  }
  if (listTuning.useMatches && (scopeFirst || filter.q)) {
    const matched = await repo.pageFromMatches(db, actor, filter, scopeFirst);
    if (!matched) {
      // More matches than the cap: already known, so only the page is still needed.
      const rows = await repo.listPage(db, actor, filter);
      return { items: rows.map(toListItem), total: countCap, totalIsCapped: true, ...page };
    }
    return {
      items: matched.rows.map(toListItem),
      total: matched.total,
      totalIsCapped: false,
      ...page,
    };
  }
  const [rows, count] = await Promise.all([
    repo.listPage(db, actor, filter),
    repo.countCapped(db, actor, filter),
  ]);
  return { items: rows.map(toListItem), ...count, ...page };
}

/**
 * A page of a large result set in name order. Name searches first walk a bounded stretch of
 * the name-order index; when the matches are sparse there (a given name late in the
 * alphabet) the trigram path finds them faster, exactly counted if they are few.
 */
async function largeListPage(db: Db, actor: Actor, filter: repo.ListFilter) {
  if (!repo.coveredByNameIndex(filter)) return repo.listPage(db, actor, filter);
  if (filter.q) {
    const walked = await repo.walkNameOrder(db, actor, filter, listTuning.walkBound);
    if (walked.length === filter.pageSize) return repo.pageByIds(db, walked);
    const matched = listTuning.useMatches
      ? await repo.pageFromMatches(db, actor, filter, null)
      : null;
    if (matched) {
      return { items: matched.rows.map(toListItem), total: matched.total, totalIsCapped: false };
    }
  }
  return repo.pageByIds(db, await repo.walkNameOrder(db, actor, filter, null));
}

/** 123,456 → 123,000: an estimate should not look exact. */
function roughly(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / step) * step;
}

/**
 * Below `smallScope` members a subtree is read whole and filtered, rather than through indexes.
 * Mutable so tests can drive each query strategy over the same small data.
 */
export const listTuning = {
  smallScope: 20_000,
  useMatches: true,
  useEstimates: true,
  /** From this many estimated matches the total is given as an estimate. */
  estimateFrom: 5_000,
  /** How far a name search walks the name-order index before trying the trigram index. */
  walkBound: 50_000,
};
const sizeCache = new Map<string, { n: number; at: number }>();

/** Subtree sizes change slowly; a minute-old figure is good enough to choose a query plan. */
async function subtreeSize(db: Db, path: string): Promise<number> {
  const hit = sizeCache.get(path);
  if (hit && Date.now() - hit.at < 60_000) return hit.n;
  const n = await repo.subtreeMemberCount(db, path);
  if (sizeCache.size > 10_000) sizeCache.clear();
  sizeCache.set(path, { n, at: Date.now() });
  return n;
}

/**
 * Every row of a filtered list (the same query as GET /api/members), in the list's order, at
 * most `cap` of them: read in keyset batches so a long export never holds the whole list.
 */
export async function listMembersForExport({
  db,
  actor,
  query,
  cap,
}: Ctx & { query: MemberListQuery; cap: number }): Promise<AsyncIterable<MemberListItem>> {
  requireReader(actor);
  let unit: { id: number; path: string } | undefined;
  if (query.unitId !== undefined) {
    unit = await findUnit(db, actor, query.unitId);
    if (!unit) return (async function* () {})();
  }
  const filter = { ...query, unit, today: today() };
  return (async function* () {
    let after: { sortKey: string; id: number } | null = null;
    let left = cap;
    while (left > 0) {
      const rows = await repo.listAfter(db, actor, filter, after, Math.min(2000, left));
      for (const r of rows) yield toListItem(r);
      if (rows.length < Math.min(2000, left)) return;
      left -= rows.length;
      const last = rows[rows.length - 1]!;
      after = { sortKey: last.sortKey, id: last.id };
    }
  })();
}

/** Readers see their subtree; any signed-in member sees their own record. */
export async function getMember({ db, actor, id }: Ctx & { id: number }): Promise<MemberDto> {
  const own = actor.memberId === id;
  if (!own) requireReader(actor);
  const row = await repo.findMember(db, actor, id, { access: own ? 'own' : 'scope' });
  if (!row) throw notFound(MEMBER);
  return present(db, row);
}

export const getOwnMember = ({ db, actor }: Ctx) =>
  getMember({ db, actor, id: ownMemberId(actor) });

/** For other modules' routes (history): not found unless in scope or the actor's own record. */
export async function assertMemberVisible(db: Db, actor: Actor, id: number): Promise<void> {
  if (actor.memberId === id) return;
  if (!(await repo.isVisible(db, actor, id))) throw notFound(MEMBER);
}

// ─── Writing ────────────────────────────────────────────────────────────────────────────

export async function createMember({
  db,
  actor,
  body,
}: Ctx & { body: z.output<typeof createMemberBody> }): Promise<MemberDto> {
  requireWriter(actor);
  const { unitId, ...fields } = body;
  const target = await findUnit(db, actor, unitId);
  enforce(
    checkMemberRecord(fields, today(), await ruleValues(db, target?.path ?? actor.scopePath)),
  );
  return db.transaction(async (tx) => {
    const unit = await unitForMembers({ db: tx, actor }, unitId, 'unitId');
    await assertIdNumberFree(tx, fields.idNumber);
    const row = await repo.insertMember(tx, {
      ...fields,
      ...derived(fields),
      unitId: unit.id,
      unitPath: unit.path,
    });
    await repo.insertMembership(tx, {
      memberId: row.id,
      unitId: unit.id,
      fromDate: fields.joinDate ?? today(),
      reason: fields.joinDate ? 'joined' : 'created',
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'member',
      entityId: row.id,
      scopePath: unit.path,
      summary: `Thêm hồ sơ đảng viên ${row.fullName} vào ${unit.name}`,
      after: { ...fieldsOf(row), unitId: unit.id },
    });
    return present(tx, row);
  });
}

/** Shared by the officer's edit and the member's own edit: diff, save, audit. */
async function applyChanges(
  tx: Db,
  actor: Actor,
  row: repo.MemberRow,
  patch: Partial<MemberFields>,
  access: repo.Access,
  summary: string,
): Promise<MemberDto> {
  const before = fieldsOf(row);
  const after: StoredFields = { ...before, ...patch };
  const changes = diff(before, after);
  if (!changes) return present(tx, row);
  if (after.idNumber !== before.idNumber) await assertIdNumberFree(tx, after.idNumber, row.id);
  const saved = await repo.updateMember(
    tx,
    actor,
    row.id,
    row.version,
    { ...after, ...derived(after) },
    access,
  );
  if (!saved) throw staleVersion();
  const names = Object.keys(changes.after).map(label).join(', ');
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'member',
    entityId: row.id,
    scopePath: saved.unitPath,
    summary: `${summary} ${saved.fullName}: ${names}`,
    ...changes,
  });
  return present(tx, saved);
}

export async function updateMember({
  db,
  actor,
  id,
  version,
  patch,
}: Ctx & { id: number; version: number; patch: Partial<MemberFields> }): Promise<MemberDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const row = await lockedMember({ db: tx, actor }, id, version, 'scope');
    const now = today();
    // Records imported with old inconsistencies stay editable: only problems this change
    // introduces block it.
    const params = await ruleValues(tx, row.unitPath);
    const known = checkMemberRecord(fieldsOf(row), now, params);
    const problems = checkMemberRecord({ ...fieldsOf(row), ...patch }, now, params).filter(
      (p) => !known.some((k) => k.field === p.field && k.verdict.message === p.verdict.message),
    );
    enforce(problems);
    return applyChanges(tx, actor, row, patch, 'scope', 'Sửa hồ sơ đảng viên');
  });
}

/** A member edits the few fields of their own record that are theirs to keep current. */
export async function updateOwnMember({
  db,
  actor,
  version,
  patch,
  unknownKeys = [],
}: Ctx & {
  version: number;
  patch: Partial<MemberFields>;
  /** Fields sent that the own-record form does not have: refused rather than ignored. */
  unknownKeys?: string[];
}): Promise<MemberDto> {
  const id = ownMemberId(actor);
  const allowed = new Set<string>(selfEditableFields);
  const refused = [...Object.keys(patch), ...unknownKeys].filter((k) => !allowed.has(k));
  if (refused.length) {
    throw forbidden(
      `Bạn chỉ được tự sửa: ${selfEditableFields.map(label).join(', ')}. Không được tự sửa: ${refused.map(label).join(', ')}.`,
    );
  }
  return db.transaction(async (tx) => {
    const row = await lockedMember({ db: tx, actor }, id, version, 'own');
    return applyChanges(tx, actor, row, patch, 'own', 'Đảng viên tự cập nhật hồ sơ');
  });
}

async function setArchived(
  { db, actor }: Ctx,
  id: number,
  version: number,
  archive: boolean,
  reason: string | null,
): Promise<MemberDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const row = await lockedMember({ db: tx, actor }, id, version, 'scope');
    if (archive === (row.archivedAt !== null)) {
      throw conflict(archive ? 'Hồ sơ này đã được lưu trữ.' : 'Hồ sơ này đang không bị lưu trữ.');
    }
    const archivedAt = archive ? new Date() : null;
    const saved = await repo.updateMember(tx, actor, id, version, { archivedAt });
    if (!saved) throw staleVersion();
    await recordAudit(tx, actor, {
      action: archive ? 'archive' : 'restore',
      entityType: 'member',
      entityId: id,
      scopePath: saved.unitPath,
      summary: `${archive ? 'Lưu trữ' : 'Khôi phục'} hồ sơ đảng viên ${saved.fullName}${reason ? `: ${reason}` : ''}`,
      before: { archivedAt: row.archivedAt?.toISOString() ?? null },
      after: { archivedAt: archivedAt?.toISOString() ?? null, ...(reason ? { reason } : {}) },
    });
    return present(tx, saved);
  });
}

export const archiveMember = (ctx: Ctx & { id: number; version: number; reason: string | null }) =>
  setArchived(ctx, ctx.id, ctx.version, true, ctx.reason);

export const restoreMember = (ctx: Ctx & { id: number; version: number }) =>
  setArchived(ctx, ctx.id, ctx.version, false, null);

/** Chuyển sinh hoạt đảng: closes the membership period in force and opens one in the new unit. */
export async function transferMember({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: z.output<typeof transferMemberBody> }): Promise<MemberDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const row = await lockedMember({ db: tx, actor }, id, body.version, 'scope');
    const target = await unitForMembers({ db: tx, actor }, body.toUnitId, 'toUnitId');
    const open = await repo.openMembership(tx, id);
    enforce(
      canTransfer(
        {
          status: row.status,
          archived: row.archivedAt !== null,
          unitId: row.unitId,
          currentFrom: open?.fromDate ?? null,
        },
        target.id,
        body.effectiveDate,
        today(),
      ),
    );
    const moved = await relocateMembers(tx, actor, {
      memberIds: [id],
      to: { id: target.id, path: target.path, name: target.name },
      effectiveDate: body.effectiveDate,
      reason: 'transfer',
      note: body.note,
    });
    if (moved !== 1) throw staleVersion();
    const saved = await repo.findMember(tx, actor, id);
    if (!saved) throw notFound(MEMBER);
    return present(tx, saved);
  });
}

// ─── For the units module (inside its own transaction) ───────────────────────────────────

const relocationSummary: Record<'merge' | 'split' | 'transfer', string> = {
  merge: 'Chuyển sinh hoạt do hợp nhất tổ chức: từ ',
  split: 'Chuyển sinh hoạt do chia tách tổ chức: từ ',
  transfer: 'Chuyển sinh hoạt đảng từ ',
};

/**
 * Moves the members of `fromUnitIds` (archived included) and/or the listed `memberIds` to
 * `to`, closing and opening their membership periods and writing one audit row each, all in
 * set-based statements. The caller has checked access and the target unit. Returns the count.
 */
export async function relocateMembers(
  tx: Db,
  actor: Actor,
  opts: {
    fromUnitIds?: number[];
    memberIds?: number[];
    /** Only listed members currently in this unit move (a split takes its source's members). */
    requireUnitId?: number;
    to: { id: number; path: string; name: string };
    effectiveDate: string;
    reason: 'merge' | 'split' | 'transfer';
    note?: string | null;
  },
): Promise<number> {
  if (!opts.fromUnitIds?.length && !opts.memberIds?.length) return 0;
  return repo.relocate(tx, actor, {
    ...opts,
    dayBefore: dayBefore(opts.effectiveDate),
    summaryPrefix: relocationSummary[opts.reason],
    summarySuffix: ` sang ${opts.to.name} từ ngày ${formatDate(opts.effectiveDate)}`,
  });
}

/** The copied unit path of members, after a unit moved in the tree. */
export const rewriteMemberUnitPaths = (tx: Db, oldPrefix: string, newPrefix: string) =>
  repo.rewritePaths(tx, oldPrefix, newPrefix);

/** Direct members of a unit, archived included. */
export const countMembersInUnit = (tx: Db, unitId: number) => repo.countInUnit(tx, unitId);

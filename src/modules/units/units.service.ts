import type { UnitType } from '../../contracts/enums.ts';
import type { z } from 'zod';
import type {
  createUnitBody,
  mergeUnitsBody,
  moveUnitBody,
  splitUnitBody,
  updateUnitBody,
} from '../../contracts/units.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { dayBefore } from '../../core/dates.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { AppError, conflict, fieldError, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import {
  countMembersInUnit,
  relocateMembers,
  rewriteMemberUnitPaths,
} from '../members/members.service.ts';
import * as repo from './units.repo.ts';
import { canHoldChildren, canMerge, canMoveUnder, canTakeEffect } from './units.rules.ts';

type Ctx = { db: Db; actor: Actor };
const UNIT = 'Tổ chức đảng';

/** For other modules' routes (history): not found unless the unit lies in the actor's subtree. */
export async function assertUnitVisible(db: Db, actor: Actor, id: number): Promise<void> {
  requireReader(actor);
  await visibleUnit({ db, actor }, id);
}

async function visibleUnit({ db, actor }: Ctx, id: number) {
  const unit = await repo.findUnit(db, actor, id);
  if (!unit) throw notFound(UNIT);
  return unit;
}

const auditFields = (u: repo.UnitRow) => ({
  parentId: u.parentId,
  type: u.type,
  code: u.code,
  name: u.name,
  locality: u.locality,
  status: u.status,
  validFrom: u.validFrom,
  validTo: u.validTo,
});

async function ensureCodeFree(db: Db, code: string, exceptId?: number) {
  if (await repo.codeTaken(db, code, exceptId)) {
    throw fieldError('code', 'Mã tổ chức', `mã "${code}" đã được dùng cho tổ chức khác`);
  }
}

/** The actor's own root (no parentId) or the visible children of a unit. */
export async function listChildren(ctx: Ctx, parentId: number | undefined, includeClosed: boolean) {
  requireReader(ctx.actor);
  if (parentId === undefined) {
    const root = await repo.findWithChildCount(ctx.db, ctx.actor, ctx.actor.unitId);
    return root ? [root] : [];
  }
  await visibleUnit(ctx, parentId);
  return repo.listChildren(ctx.db, ctx.actor, parentId, includeClosed);
}

export async function search(ctx: Ctx, q: string, limit: number) {
  requireReader(ctx.actor);
  return repo.searchUnits(ctx.db, ctx.actor, q, limit);
}

export async function getDetail(ctx: Ctx, id: number) {
  requireReader(ctx.actor);
  const row = await repo.findWithChildCount(ctx.db, ctx.actor, id);
  if (!row) throw notFound(UNIT);
  const ancestorIds = row.unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((a) => a !== id);
  const [ancestors, stats, versions, events] = await Promise.all([
    repo.findUnits(ctx.db, ctx.actor, ancestorIds),
    repo.subtreeStats(ctx.db, row.unit.path),
    repo.listVersions(ctx.db, id),
    repo.listEvents(ctx.db, id),
  ]);
  const names = await repo.namesOf(ctx.db, [
    ...versions.map((v) => v.parentId).filter((p): p is number => p !== null),
    ...events.flatMap((e) => [...e.sourceIds, ...e.targetIds]),
  ]);
  return {
    ...row,
    ancestors: ancestorIds
      .map((a) => ancestors.find((u) => u.id === a))
      .filter((u): u is repo.UnitRow => !!u)
      .map((u) => ({ id: u.id, name: u.name })),
    stats,
    versions: versions.map((v) => ({
      ...v,
      parentName: v.parentId ? (names.get(v.parentId) ?? null) : null,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      effectiveDate: e.effectiveDate,
      decision: e.decision,
      sources: e.sourceIds.map((s) => ({ id: s, name: names.get(s) ?? '' })),
      targets: e.targetIds.map((t) => ({ id: t, name: names.get(t) ?? '' })),
    })),
  };
}

export async function getStats(ctx: Ctx, id: number) {
  requireReader(ctx.actor);
  const unit = await visibleUnit(ctx, id);
  return repo.subtreeStats(ctx.db, unit.path);
}

export async function createUnit(ctx: Ctx, input: z.infer<typeof createUnitBody>) {
  requireWriter(ctx.actor);
  const parent = await repo.findUnit(ctx.db, ctx.actor, input.parentId);
  if (!parent)
    throw fieldError('parentId', 'Tổ chức cấp trên', 'không tồn tại hoặc ngoài phạm vi quản lý');
  if (parent.status !== 'active')
    throw fieldError('parentId', 'Tổ chức cấp trên', 'đã hết hiệu lực');
  enforce(canHoldChildren(parent.type as UnitType), 'parentId');
  return ctx.db.transaction(async (tx) => {
    await ensureCodeFree(tx, input.code);
    const unit = await repo.insertUnit(tx, {
      ...input,
      parentId: parent.id,
      parentPath: parent.path,
      parentDepth: parent.depth,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'create',
      entityType: 'unit',
      entityId: unit.id,
      scopePath: unit.path,
      summary: `Thành lập ${unit.name} trực thuộc ${parent.name}`,
      after: auditFields(unit),
    });
    return { unit, childCount: 0 };
  });
}

/** Rename, re-code, re-type: the old values stay in the unit's version history. */
export async function updateUnit(ctx: Ctx, id: number, input: z.infer<typeof updateUnitBody>) {
  requireWriter(ctx.actor);
  const unit = await visibleUnit(ctx, id);
  if (unit.status !== 'active') throw conflict('Tổ chức đã hết hiệu lực, không sửa được.');
  enforce(
    canTakeEffect(input.effectiveDate, await currentVersionStart(ctx.db, id)),
    'effectiveDate',
  );
  return ctx.db.transaction(async (tx) => {
    if (input.code && input.code !== unit.code) await ensureCodeFree(tx, input.code, id);
    const { version, effectiveDate, ...values } = input;
    const updated = await repo.updateUnitRow(tx, id, version, values);
    if (!updated) throw staleVersion();
    await repo.newVersion(tx, updated, effectiveDate, dayBefore(effectiveDate));
    const change = diff(auditFields(unit), auditFields(updated));
    if (change) {
      await recordAudit(tx, ctx.actor, {
        action: values.name && values.name !== unit.name ? 'rename' : 'update',
        entityType: 'unit',
        entityId: id,
        scopePath: updated.path,
        summary:
          values.name && values.name !== unit.name
            ? `Đổi tên "${unit.name}" thành "${updated.name}"`
            : `Sửa thông tin ${updated.name}`,
        ...change,
      });
    }
    return repo.findWithChildCount(tx, ctx.actor, id).then((r) => r!);
  });
}

async function currentVersionStart(db: Db, id: number): Promise<string> {
  const versions = await repo.listVersions(db, id);
  return versions.find((v) => v.validTo === null)?.validFrom ?? '1900-01-01';
}

export async function moveUnit(ctx: Ctx, id: number, input: z.infer<typeof moveUnitBody>) {
  requireWriter(ctx.actor);
  const unit = await visibleUnit(ctx, id);
  if (id === ctx.actor.unitId)
    throw new AppError(403, 'FORBIDDEN', 'Không thể chuyển tổ chức gốc của tài khoản.');
  const parent = await repo.findUnit(ctx.db, ctx.actor, input.newParentId);
  if (!parent)
    throw fieldError(
      'newParentId',
      'Tổ chức cấp trên mới',
      'không tồn tại hoặc ngoài phạm vi quản lý',
    );
  enforce(canMoveUnder(asFacts(unit), asFacts(parent)), 'newParentId');
  enforce(
    canTakeEffect(input.effectiveDate, await currentVersionStart(ctx.db, id)),
    'effectiveDate',
  );
  return ctx.db.transaction(async (tx) => {
    const [current] = await repo.findUnits(tx, ctx.actor, [id]);
    if (!current || current.version !== input.version) throw staleVersion();
    await reparent(tx, current, parent, input.effectiveDate);
    const moved = (await repo.findWithChildCount(tx, ctx.actor, id))!;
    await recordAudit(tx, ctx.actor, {
      action: 'move',
      entityType: 'unit',
      entityId: id,
      scopePath: moved.unit.path,
      summary: `Chuyển ${unit.name} sang trực thuộc ${parent.name}`,
      before: { parentId: unit.parentId },
      after: { parentId: parent.id },
    });
    return moved;
  });
}

const asFacts = (u: repo.UnitRow) => ({
  id: u.id,
  path: u.path,
  status: u.status,
  type: u.type as UnitType,
});

/** Moves a unit (and its subtree, and their members' scope) beneath a new parent. */
async function reparent(tx: Db, unit: repo.UnitRow, parent: repo.UnitRow, effectiveDate: string) {
  const newPath = `${parent.path}${unit.id}/`;
  await repo.rewriteSubtreePath(tx, unit.path, newPath, parent.depth + 1 - unit.depth);
  await rewriteMemberUnitPaths(tx, unit.path, newPath);
  await repo.setParent(tx, unit.id, parent.id);
  await repo.newVersion(
    tx,
    { ...unit, parentId: parent.id },
    effectiveDate,
    dayBefore(effectiveDate),
  );
}

/**
 * Hợp nhất: sources end the day before the effective date; their sub-units and members
 * pass to the target, whose history (and theirs) keeps the old names.
 */
export async function mergeUnits(ctx: Ctx, input: z.infer<typeof mergeUnitsBody>) {
  requireWriter(ctx.actor);
  const ids = [...new Set(input.sourceIds)];
  const sources = await repo.findUnits(ctx.db, ctx.actor, ids);
  if (sources.length !== ids.length)
    throw fieldError(
      'sourceIds',
      'Các tổ chức hợp nhất',
      'có tổ chức không tồn tại hoặc ngoài phạm vi quản lý',
    );
  if (sources.some((s) => s.id === ctx.actor.unitId))
    throw fieldError(
      'sourceIds',
      'Các tổ chức hợp nhất',
      'không được gồm tổ chức gốc của tài khoản',
    );
  enforce(canMerge(sources.map(asFacts)), 'sourceIds');
  if (!input.targetId === !input.newUnit) {
    throw fieldError(
      'targetId',
      'Tổ chức tiếp nhận',
      'chọn một tổ chức trong danh sách hoặc nhập tổ chức mới',
    );
  }
  if (input.targetId && !ids.includes(input.targetId))
    throw fieldError('targetId', 'Tổ chức tiếp nhận', 'phải là một trong các tổ chức hợp nhất');
  for (const s of sources)
    enforce(
      canTakeEffect(input.effectiveDate, await currentVersionStart(ctx.db, s.id)),
      'effectiveDate',
    );

  return ctx.db.transaction(async (tx) => {
    let target: repo.UnitRow;
    if (input.newUnit) {
      const parent = await repo.findUnit(tx, ctx.actor, input.newUnit.parentId);
      if (!parent)
        throw fieldError(
          'parentId',
          'Tổ chức cấp trên',
          'không tồn tại hoặc ngoài phạm vi quản lý',
        );
      if (sources.some((s) => parent.path.startsWith(s.path)))
        throw fieldError(
          'parentId',
          'Tổ chức cấp trên',
          'không được nằm trong các tổ chức bị hợp nhất',
        );
      enforce(canHoldChildren(parent.type as UnitType), 'parentId');
      await ensureCodeFree(tx, input.newUnit.code);
      target = await repo.insertUnit(tx, {
        ...input.newUnit,
        validFrom: input.effectiveDate,
        parentId: parent.id,
        parentPath: parent.path,
        parentDepth: parent.depth,
      });
      await recordAudit(tx, ctx.actor, {
        action: 'create',
        entityType: 'unit',
        entityId: target.id,
        scopePath: target.path,
        summary: `Thành lập ${target.name} do hợp nhất ${sources.map((s) => s.name).join(', ')}`,
        after: auditFields(target),
      });
    } else {
      target = sources.find((s) => s.id === input.targetId)!;
    }
    const ending = sources.filter((s) => s.id !== target.id);
    let movedMembers = 0;
    // Nothing in a merge moves the target, so its row (and path) stays valid throughout.
    for (const source of ending) {
      for (const child of await repo.activeChildren(tx, source.id)) {
        await reparent(tx, child, target, input.effectiveDate);
      }
      movedMembers += await relocateMembers(tx, ctx.actor, {
        fromUnitIds: [source.id],
        to: { id: target.id, path: target.path, name: target.name },
        effectiveDate: input.effectiveDate,
        reason: 'merge',
        note: input.decision || null,
      });
      // Read before the transaction: a concurrent edit of the source makes this stale.
      const ended = await repo.updateUnitRow(tx, source.id, source.version, {
        status: 'merged',
        validTo: dayBefore(input.effectiveDate),
      });
      if (!ended) throw staleVersion();
      await repo.closeVersion(tx, source.id, dayBefore(input.effectiveDate));
      await recordAudit(tx, ctx.actor, {
        action: 'merge',
        entityType: 'unit',
        entityId: source.id,
        scopePath: source.path,
        summary: `Hợp nhất ${source.name} vào ${target.name} từ ngày ${formatDate(input.effectiveDate)}`,
        before: { status: source.status, validTo: source.validTo },
        after: { status: 'merged', validTo: dayBefore(input.effectiveDate), mergedInto: target.id },
      });
    }
    await repo.insertEvent(tx, {
      kind: 'merge',
      effectiveDate: input.effectiveDate,
      decision: input.decision,
      sourceIds: ending.map((s) => s.id),
      targetIds: [target.id],
      details: { movedMembers },
    });
    await recordAudit(tx, ctx.actor, {
      action: 'merge',
      entityType: 'unit',
      entityId: target.id,
      scopePath: target.path,
      summary: `Tiếp nhận ${ending.map((s) => s.name).join(', ')} (${movedMembers} đảng viên)`,
      after: { mergedFrom: ending.map((s) => s.id), movedMembers },
    });
    return { targetId: target.id, movedMembers };
  });
}

/** Chia tách: new sibling units take the chosen sub-units and members of the source. */
export async function splitUnit(ctx: Ctx, id: number, input: z.infer<typeof splitUnitBody>) {
  requireWriter(ctx.actor);
  const source = await visibleUnit(ctx, id);
  if (id === ctx.actor.unitId)
    throw new AppError(403, 'FORBIDDEN', 'Không thể chia tách tổ chức gốc của tài khoản.');
  if (source.status !== 'active' || source.parentId === null)
    throw conflict('Chỉ chia tách được tổ chức đang hoạt động và có tổ chức cấp trên.');
  enforce(
    canTakeEffect(input.effectiveDate, await currentVersionStart(ctx.db, id)),
    'effectiveDate',
  );
  const parent = (
    await repo.findUnits(ctx.db, { ...ctx.actor, scopePath: '/' }, [source.parentId])
  )[0]!;
  const children = new Set(await repo.childIds(ctx.db, id));
  const claimedChildren = input.parts.flatMap((p) => p.childUnitIds);
  const claimedMembers = input.parts.flatMap((p) => p.memberIds);
  if (
    new Set(claimedChildren).size !== claimedChildren.length ||
    new Set(claimedMembers).size !== claimedMembers.length
  ) {
    throw fieldError(
      'parts',
      'Các tổ chức mới',
      'một tổ chức hoặc đảng viên được chia cho hai nơi',
    );
  }
  if (claimedChildren.some((c) => !children.has(c)))
    throw fieldError(
      'childUnitIds',
      'Tổ chức trực thuộc chuyển sang',
      'chỉ chọn tổ chức trực thuộc trực tiếp của tổ chức bị chia tách',
    );

  return ctx.db.transaction(async (tx) => {
    const [current] = await repo.findUnits(tx, ctx.actor, [id]);
    if (!current || current.version !== input.version) throw staleVersion();
    const newUnitIds: number[] = [];
    let movedMembers = 0;
    for (const part of input.parts) {
      await ensureCodeFree(tx, part.code);
      const { childUnitIds, memberIds, ...fields } = part;
      const created = await repo.insertUnit(tx, {
        ...fields,
        validFrom: input.effectiveDate,
        parentId: parent.id,
        parentPath: parent.path,
        parentDepth: parent.depth,
      });
      if (childUnitIds.length) enforce(canHoldChildren(created.type as UnitType), 'type');
      newUnitIds.push(created.id);
      await recordAudit(tx, ctx.actor, {
        action: 'create',
        entityType: 'unit',
        entityId: created.id,
        scopePath: created.path,
        summary: `Thành lập ${created.name} do chia tách ${source.name}`,
        after: auditFields(created),
      });
      for (const child of await repo.findUnits(tx, ctx.actor, childUnitIds)) {
        await reparent(tx, child, created, input.effectiveDate);
      }
      if (memberIds.length) {
        const moved = await relocateMembers(tx, ctx.actor, {
          memberIds,
          fromUnitIds: undefined,
          to: { id: created.id, path: created.path, name: created.name },
          effectiveDate: input.effectiveDate,
          reason: 'split',
          note: input.decision || null,
          requireUnitId: id,
        });
        if (moved !== memberIds.length)
          throw fieldError(
            'memberIds',
            'Đảng viên chuyển sang',
            'có đảng viên không thuộc tổ chức bị chia tách',
          );
        movedMembers += moved;
      }
    }
    if (input.closeSource) {
      const left = (await repo.childIds(tx, id)).length + (await countMembersInUnit(tx, id));
      if (left > 0)
        throw fieldError(
          'closeSource',
          'Kết thúc tổ chức cũ',
          `tổ chức cũ còn ${left} tổ chức trực thuộc/đảng viên chưa được chia cho tổ chức mới`,
        );
      const fresh = (await repo.findUnits(tx, ctx.actor, [id]))[0]!;
      await repo.updateUnitRow(tx, id, fresh.version, {
        status: 'split',
        validTo: dayBefore(input.effectiveDate),
      });
      await repo.closeVersion(tx, id, dayBefore(input.effectiveDate));
    }
    await repo.insertEvent(tx, {
      kind: 'split',
      effectiveDate: input.effectiveDate,
      decision: input.decision,
      sourceIds: [id],
      targetIds: newUnitIds,
      details: { movedMembers, closeSource: input.closeSource },
    });
    await recordAudit(tx, ctx.actor, {
      action: 'split',
      entityType: 'unit',
      entityId: id,
      scopePath: source.path,
      summary: `Chia tách ${source.name} thành ${input.parts.map((p) => p.name).join(', ')}${input.closeSource ? '; tổ chức cũ kết thúc' : ''}`,
      after: { newUnitIds, movedMembers, closeSource: input.closeSource },
    });
    return { newUnitIds, movedMembers };
  });
}

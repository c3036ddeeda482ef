/**
 * The people summoned to a congress: summon, statuses with their reasons, replacement of an
 * absent delegate by an alternate, the paged list with counts, and check-in at the door.
 */
import {
  attendeeRoleLabels,
  attendeeStatusLabels,
  type AttendanceCounts,
  type AttendeeDto,
  type AttendeeListQuery,
  type AttendeePage,
  type AttendeeRole,
  type AttendeeStatus,
  type UpdateAttendeeBody,
} from '../../contracts/congress.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, notFound, staleVersion } from '../../core/errors.ts';
import { explain } from '../../core/rules/verdict.ts';
import {
  checkReplacement,
  checkRole,
  checkStatusChange,
  memberRoleOf,
  newCardCode,
} from './congress.rules.ts';
import * as repo from './congress.repo.ts';
import { loadCongress } from './congress.service.ts';

type Ctx = { db: Db; actor: Actor };
const ATTENDEE = 'Người được triệu tập';

function toDto(
  v: repo.AttendeeView,
  names: Map<number, string>,
  replaces: Map<number, string>,
): AttendeeDto {
  const { a } = v;
  return {
    id: a.id,
    congressId: a.congressId,
    memberId: a.memberId,
    fullName: v.fullName,
    gender: v.gender,
    birthDate: v.birthDate,
    unitName: v.unitName,
    role: a.role as AttendeeRole,
    roleLabel: attendeeRoleLabels[a.role as AttendeeRole] ?? a.role,
    status: a.status as AttendeeStatus,
    statusLabel: attendeeStatusLabels[a.status as AttendeeStatus] ?? a.status,
    conveningCommittee: a.conveningCommittee,
    replacedByAttendeeId: a.replacedByAttendeeId,
    replacedByName: a.replacedByAttendeeId ? (names.get(a.replacedByAttendeeId) ?? null) : null,
    replacesName: replaces.get(a.id) ?? null,
    cardCode: a.cardCode,
    checkedInAt: a.checkedInAt ? a.checkedInAt.toISOString() : null,
    statusNote: a.statusNote,
    version: a.version,
  };
}

/** DTOs with the names of who replaces whom resolved. */
export async function presentAll(db: Db, congressId: number, views: repo.AttendeeView[]) {
  const pairs = views.some((v) => v.a.replacedByAttendeeId !== null || v.a.role === 'alternate')
    ? await repo.replacementNames(db, congressId)
    : [];
  const names = new Map(pairs.map((p) => [p.id, p.fullName]));
  const replaces = new Map<number, string>();
  for (const p of pairs) if (p.replacedBy) replaces.set(p.replacedBy, p.fullName);
  return views.map((v) => toDto(v, names, replaces));
}

export async function attendanceCounts(db: Db, congressId: number): Promise<AttendanceCounts> {
  const rows = await repo.statusCounts(db, congressId);
  const byStatus: Record<string, number> = {};
  const byRole: Record<string, number> = {};
  let summoned = 0;
  let presentN = 0;
  let replaced = 0;
  let altPresent = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    byRole[r.role] = (byRole[r.role] ?? 0) + r.n;
    if (r.status === 'replaced') replaced += r.n;
    // Seats are those of the non-alternates; an alternate fills a replaced delegate's seat.
    if (r.role === 'alternate') {
      if (r.status === 'present') altPresent += r.n;
      continue;
    }
    summoned += r.n;
    if (r.status === 'present') presentN += r.n;
  }
  return { summoned, present: presentN + Math.min(altPresent, replaced), byStatus, byRole };
}

export async function listAttendees({
  db,
  actor,
  congressId,
  query,
}: Ctx & { congressId: number; query: AttendeeListQuery }): Promise<AttendeePage> {
  requireReader(actor);
  const c = await loadCongress(db, actor, congressId);
  const rows = await repo.listAttendees(db, c.id, query);
  const total = rows[0]?.total ?? (query.page > 1 ? await repo.countAttendees(db, c.id, query) : 0);
  return {
    items: await presentAll(db, c.id, rows),
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
    counts: await attendanceCounts(db, c.id),
  };
}

async function insertWithCodes(
  tx: Db,
  congressId: number,
  rows: Omit<Parameters<typeof repo.insertAttendees>[1][number], 'cardCode'>[],
) {
  // A clash of random codes (1 in ~10⁹) is retried with fresh codes for the rows it skipped.
  let pending = rows;
  let added = 0;
  for (let attempt = 0; attempt < 5 && pending.length; attempt++) {
    const inserted = await repo.insertAttendees(
      tx,
      pending.map((r) => ({ ...r, cardCode: newCardCode(congressId) })),
    );
    added += inserted.length;
    const done = new Set(inserted.map((r) => r.memberId));
    pending = pending.filter((r) => !done.has(r.memberId));
  }
  return added;
}

/** Members' congress: every full and probationary member of the unit's subtree, in one action. */
export async function summonMembers({ db, actor, congressId }: Ctx & { congressId: number }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const c = await loadCongress(tx, actor, congressId, true);
    if (c.kind !== 'members')
      throw conflict('Đại hội đại biểu: hãy chọn từng đại biểu chính thức và dự khuyết.');
    const list = await repo.membersToSummon(tx, c);
    const rows = list.flatMap((m) => {
      const role = memberRoleOf(m.status);
      if (!role) return [];
      // Someone attending temporarily elsewhere on the congress's first day starts out so.
      const elsewhere =
        m.tempAttendanceFrom !== null &&
        m.tempAttendanceFrom <= c.startsOn &&
        (m.tempAttendanceTo === null || m.tempAttendanceTo >= c.startsOn);
      return [
        {
          congressId: c.id,
          memberId: m.id,
          role,
          status: elsewhere ? 'attending_elsewhere' : 'expected',
          statusNote: elsewhere ? `Sinh hoạt tạm thời: ${m.tempAttendancePlace ?? ''}`.trim() : '',
        },
      ];
    });
    const added = await insertWithCodes(tx, c.id, rows);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: c.id,
      scopePath: c.unitPath,
      summary: `Triệu tập ${added} đảng viên dự ${c.name}`,
      after: { added },
    });
    return { added, alreadySummoned: 0 };
  });
}

/** Delegates' congress: the chosen members as official delegates or alternates. */
export async function addDelegates({
  db,
  actor,
  congressId,
  body,
}: Ctx & {
  congressId: number;
  body: { memberIds: number[]; role: 'delegate' | 'alternate'; conveningCommittee: boolean };
}) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const c = await loadCongress(tx, actor, congressId, true);
    const verdict = checkRole(c.kind as 'members' | 'delegates', body.role);
    if (!verdict.ok) throw fieldError('role', 'Tư cách', explain(verdict));
    const ids = [...new Set(body.memberIds)];
    const found = await repo.membersForDelegates(tx, c, ids);
    if (found.length !== ids.length)
      throw fieldError(
        'memberIds',
        'Người được chọn',
        'Có người không phải đảng viên đang sinh hoạt trong đảng bộ tổ chức đại hội',
      );
    const fresh = found.filter((m) => !m.summoned);
    const added = await insertWithCodes(
      tx,
      c.id,
      fresh.map((m) => ({
        congressId: c.id,
        memberId: m.id,
        role: body.role,
        conveningCommittee: body.role === 'delegate' && body.conveningCommittee,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: c.id,
      scopePath: c.unitPath,
      summary: `Triệu tập ${added} ${attendeeRoleLabels[body.role].toLowerCase()} dự ${c.name}`,
      after: {
        memberIds: fresh.map((m) => m.id),
        role: body.role,
        conveningCommittee: body.conveningCommittee,
      },
    });
    return { added, alreadySummoned: found.length - fresh.length };
  });
}

export async function loadAttendee(tx: Db, actor: Actor, id: number) {
  const row = await repo.findAttendee(tx, actor, id, true);
  if (!row) throw notFound(ATTENDEE);
  return row;
}

export async function viewOf(db: Db, id: number) {
  const [v] = await repo.findAttendeeViews(db, [id]);
  return (await presentAll(db, v!.a.congressId, [v!]))[0]!;
}

const attendeeFields = (a: repo.AttendeeRow) => ({
  role: a.role,
  status: a.status,
  statusNote: a.statusNote,
  conveningCommittee: a.conveningCommittee,
  replacedByAttendeeId: a.replacedByAttendeeId,
});

export async function updateAttendee({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdateAttendeeBody }): Promise<AttendeeDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { a, c } = await loadAttendee(tx, actor, id);
    if (a.version !== body.version) throw staleVersion();
    const next = { ...a };
    if (body.role !== undefined) {
      const v = checkRole(c.kind as 'members' | 'delegates', body.role);
      if (!v.ok) throw fieldError('role', 'Tư cách', explain(v));
      next.role = body.role;
    }
    if (body.status !== undefined) {
      const v = checkStatusChange(a as never, body.status);
      if (!v.ok) throw fieldError('status', 'Tình trạng', explain(v));
      next.status = body.status;
      if (body.status === 'present' && !a.checkedInAt) next.checkedInAt = new Date();
    }
    if (body.statusNote !== undefined) next.statusNote = body.statusNote;
    if (body.conveningCommittee !== undefined) next.conveningCommittee = body.conveningCommittee;
    const changes = diff(attendeeFields(a), attendeeFields(next));
    if (!changes) return viewOf(tx, id);
    const saved = await repo.updateAttendee(tx, id, a.version, {
      role: next.role,
      status: next.status,
      statusNote: next.statusNote,
      conveningCommittee: next.conveningCommittee,
      checkedInAt: next.checkedInAt,
    });
    if (!saved) throw staleVersion();
    const dto = await viewOf(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'congress',
      entityId: c.id,
      scopePath: c.unitPath,
      summary: `${dto.fullName}: ${dto.statusLabel}${next.statusNote ? ` (${next.statusNote})` : ''}`,
      ...changes,
    });
    return dto;
  });
}

/** An absent official delegate's seat goes to an alternate, who then votes in their place. */
export async function replaceDelegate({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: { version: number; alternateId: number; statusNote: string } }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { a, c } = await loadAttendee(tx, actor, id);
    if (a.version !== body.version) throw staleVersion();
    const alt = await repo.findAttendee(tx, actor, body.alternateId, true);
    if (!alt || alt.a.congressId !== c.id) throw notFound('Đại biểu dự khuyết');
    const verdict = checkReplacement(a as never, {
      role: alt.a.role as AttendeeRole,
      status: alt.a.status as AttendeeStatus,
      alreadyReplacing: await repo.isReplacing(tx, alt.a.id),
    });
    if (!verdict.ok) throw fieldError('alternateId', 'Đại biểu dự khuyết', explain(verdict));
    const saved = await repo.updateAttendee(tx, id, a.version, {
      status: 'replaced',
      replacedByAttendeeId: alt.a.id,
      statusNote: body.statusNote,
    });
    if (!saved) throw staleVersion();
    const dto = await viewOf(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'congress',
      entityId: c.id,
      scopePath: c.unitPath,
      summary: `Đại biểu dự khuyết ${dto.replacedByName} thay đại biểu ${dto.fullName}`,
      before: attendeeFields(a),
      after: attendeeFields(saved),
    });
    return dto;
  });
}

/** Undoes a replacement: the delegate is back to "not checked in". */
export async function undoReplacement({
  db,
  actor,
  id,
  version,
}: Ctx & { id: number; version: number }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { a, c } = await loadAttendee(tx, actor, id);
    if (a.version !== version) throw staleVersion();
    if (a.replacedByAttendeeId === null) throw conflict('Đại biểu này chưa có người thay.');
    const saved = await repo.updateAttendee(tx, id, a.version, {
      status: 'expected',
      replacedByAttendeeId: null,
    });
    if (!saved) throw staleVersion();
    const dto = await viewOf(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'congress',
      entityId: c.id,
      scopePath: c.unitPath,
      summary: `Hủy việc thay đại biểu ${dto.fullName}`,
      before: attendeeFields(a),
      after: attendeeFields(saved),
    });
    return dto;
  });
}

export async function removeAttendee({
  db,
  actor,
  id,
  version,
}: Ctx & { id: number; version: number }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { a, c } = await loadAttendee(tx, actor, id);
    if (a.version !== version) throw staleVersion();
    if (
      a.status === 'present' ||
      a.replacedByAttendeeId !== null ||
      (await repo.isReplacing(tx, id))
    )
      throw conflict(
        'Người này đã điểm danh hoặc đang thay/được thay: không thể xóa khỏi danh sách.',
      );
    const dto = await viewOf(tx, id);
    if (!(await repo.deleteAttendee(tx, id, version))) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'congress',
      entityId: c.id,
      scopePath: c.unitPath,
      summary: `Bỏ ${dto.fullName} khỏi danh sách triệu tập`,
      before: { memberId: a.memberId, ...attendeeFields(a) },
    });
    return { ok: true as const };
  });
}

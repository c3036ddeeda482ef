/**
 * Congresses: create, edit, list, read; the threshold base of the people summoned; and the
 * functions the elections module calls (getCongress, getThresholdBase, listNominees).
 */
import {
  bodyKindLabels,
  congressKindLabels,
  congressStatusLabels,
  type BodyDto,
  type BodyInput,
  type CongressDto,
  type CongressKind,
  type CongressPage,
  type CongressStatus,
  type CreateCongressBody,
  type ThresholdBaseDto,
  type UpdateCongressBody,
  type BodyKind,
} from '../../contracts/congress.ts';
import { hasRole, requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { diff, listAudit, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, notFound, staleVersion } from '../../core/errors.ts';
import { explain } from '../../core/rules/verdict.ts';
import { presentCount, thresholdBase } from '../elections/base.rules.ts';
import { loadRules } from '../rules/registry.ts';
import { findUnit } from '../units/units.repo.ts';
import { checkBodies, checkDates, defaultAgeReferenceMonth, seatChecks } from './congress.rules.ts';
import * as repo from './congress.repo.ts';

import { listNominees } from './nomination.service.ts';
import { getPlan } from './plan.service.ts';

export { listNominees };

type Ctx = { db: Db; actor: Actor };
const CONGRESS = 'Đại hội';

export const canWrite = (actor: Actor) => hasRole(actor, 'admin', 'officer');

const toBodyDto = (b: repo.BodyRow): BodyDto => ({
  id: b.id,
  kind: b.kind as BodyKind,
  kindLabel: bodyKindLabels[b.kind as BodyKind] ?? b.kind,
  name: b.name,
  seats: b.seats,
  sortOrder: b.sortOrder,
});

const baseFields = (c: repo.CongressRow, unitName: string, actor: Actor) => ({
  id: c.id,
  unitId: c.unitId,
  unitName,
  unitPath: c.unitPath,
  name: c.name,
  term: c.term,
  kind: c.kind as CongressKind,
  kindLabel: congressKindLabels[c.kind as CongressKind] ?? c.kind,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  ageReferenceMonth: c.ageReferenceMonth,
  status: c.status as CongressStatus,
  statusLabel: congressStatusLabels[c.status as CongressStatus] ?? c.status,
  canWrite: canWrite(actor),
  version: c.version,
});

async function present(db: Db, actor: Actor, c: repo.CongressRow): Promise<CongressDto> {
  // One after another: inside a transaction the queries share one connection.
  const bodies = await repo.listBodies(db, c.id);
  const unit = await findUnit(db, actor, c.unitId);
  const rules = await loadRules(db);
  return {
    ...baseFields(c, unit?.name ?? '', actor),
    bodies: bodies.map(toBodyDto),
    seatChecks: unit ? seatChecks(bodies as BodyInputRow[], unit, c.startsOn, rules) : [],
  };
}
type BodyInputRow = { kind: BodyKind; name: string; seats: number };

/** The congress, scope-checked; 404 when it lies outside the caller's subtree. */
export async function loadCongress(db: Db, actor: Actor, id: number, forUpdate = false) {
  const row = await repo.findCongress(db, actor, id, forUpdate);
  if (!row) throw notFound(CONGRESS);
  return row;
}

export async function getCongress({ db, actor, id }: Ctx & { id: number }): Promise<CongressDto> {
  requireReader(actor);
  return present(db, actor, await loadCongress(db, actor, id));
}

export async function listCongresses({
  db,
  actor,
  query,
}: Ctx & {
  query: { q?: string; status?: CongressStatus; page: number; pageSize: number };
}): Promise<CongressPage> {
  requireReader(actor);
  const rows = await repo.listCongresses(db, actor, query);
  const total =
    rows[0]?.total ?? (query.page > 1 ? await repo.countCongresses(db, actor, query) : 0);
  return {
    items: rows.map((r) => ({
      ...baseFields(r.c, r.unitName, actor),
      summoned: r.summoned,
      present: r.present,
    })),
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function refuse(
  verdict: {
    ok: boolean;
    message: string;
    citations: never[] | { rule: string; document: string }[];
  },
  field: string,
  label: string,
) {
  if (!verdict.ok) throw fieldError(field, label, explain(verdict));
}

export async function ageReferenceFor({
  db,
  actor,
  unitId,
  on,
}: Ctx & { unitId: number; on: string }) {
  requireReader(actor);
  const unit = await findUnit(db, actor, unitId);
  if (!unit) throw notFound('Tổ chức đảng');
  const r = defaultAgeReferenceMonth(unit.type, unit.path, on, await loadRules(db));
  if (!r)
    throw fieldError(
      'ageReferenceMonth',
      'Tháng tính tuổi',
      'Chưa có quy định tháng tính tuổi cho cấp này; hãy nhập tay',
    );
  return { month: r.value, citation: r.citation };
}

export async function createCongress({
  db,
  actor,
  body,
}: Ctx & { body: CreateCongressBody }): Promise<CongressDto> {
  requireWriter(actor);
  const unit = await findUnit(db, actor, body.unitId);
  if (!unit) throw notFound('Tổ chức đảng');
  refuse(checkDates(body.startsOn, body.endsOn), 'endsOn', 'Ngày bế mạc');
  refuse(checkBodies(body.bodies), 'bodies', 'Cơ quan bầu');
  let month = body.ageReferenceMonth;
  if (!month) {
    const r = defaultAgeReferenceMonth(unit.type, unit.path, body.startsOn, await loadRules(db));
    if (!r)
      throw fieldError(
        'ageReferenceMonth',
        'Tháng tính tuổi',
        'Chưa có quy định cho cấp này; hãy nhập tay',
      );
    month = r.value;
  }
  return db.transaction(async (tx) => {
    const row = await repo.insertCongress(tx, {
      unitId: unit.id,
      unitPath: unit.path,
      name: body.name,
      term: body.term,
      kind: body.kind,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      ageReferenceMonth: month,
    });
    const bodies = await repo.insertBodies(
      tx,
      body.bodies.map((b, i) => ({
        congressId: row.id,
        kind: b.kind,
        name: b.name,
        seats: b.seats,
        sortOrder: i,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: row.id,
      scopePath: row.unitPath,
      summary: `Tạo ${row.name} (${congressKindLabels[body.kind]}, nhiệm kỳ ${row.term})`,
      after: { ...congressFields(row), bodies: bodies.map(bodySummary) },
    });
    return present(tx, actor, row);
  });
}

const congressFields = (c: repo.CongressRow) => ({
  name: c.name,
  term: c.term,
  kind: c.kind,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  ageReferenceMonth: c.ageReferenceMonth,
  status: c.status,
});
const bodySummary = (b: { name: string; seats: number }) => `${b.name}: ${b.seats}`;

export async function updateCongress({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdateCongressBody }): Promise<CongressDto> {
  requireWriter(actor);
  const { version, bodies, ...patch } = body;
  return db.transaction(async (tx) => {
    const row = await loadCongress(tx, actor, id, true);
    if (row.version !== version) throw staleVersion();
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = { ...row, ...values } as repo.CongressRow;
    refuse(checkDates(next.startsOn, next.endsOn), 'endsOn', 'Ngày bế mạc');
    if (next.kind !== row.kind && (await repo.countAttendees(tx, id, {})) > 0)
      throw conflict('Đã có người được triệu tập: không thể đổi hình thức đại hội.');
    const changes = diff(congressFields(row), congressFields(next));
    const bodyChange = bodies ? await saveBodies(tx, id, bodies) : null;
    if (!changes && !bodyChange) return present(tx, actor, row);
    const saved = await repo.updateCongress(tx, id, version, values);
    if (!saved) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'congress',
      entityId: id,
      scopePath: row.unitPath,
      summary: `Sửa ${saved.name}: ${[...Object.keys(changes?.after ?? {}), ...(bodyChange ? ['cơ quan bầu'] : [])].join(', ')}`,
      before: { ...(changes?.before ?? {}), ...(bodyChange ? { bodies: bodyChange.before } : {}) },
      after: { ...(changes?.after ?? {}), ...(bodyChange ? { bodies: bodyChange.after } : {}) },
    });
    return present(tx, actor, saved);
  });
}

/** Replaces the list of bodies: keeps ids given, adds new ones, removes the rest if unused. */
async function saveBodies(tx: Db, congressId: number, input: BodyInput[]) {
  refuse(checkBodies(input), 'bodies', 'Cơ quan bầu');
  const existing = await repo.listBodies(tx, congressId);
  const byId = new Map(existing.map((b) => [b.id, b]));
  for (const b of input) {
    if (b.id !== undefined && !byId.has(b.id)) throw notFound('Cơ quan bầu');
  }
  const keep = new Set(input.filter((b) => b.id !== undefined).map((b) => b.id!));
  const removed = existing.filter((b) => !keep.has(b.id));
  const inUse = await repo.bodiesInUse(
    tx,
    removed.map((b) => b.id),
  );
  const blocked = removed.find((b) => inUse.has(b.id));
  if (blocked)
    throw conflict(
      `${blocked.name} đã có đề án nhân sự, bước giới thiệu hoặc cuộc bầu cử: không thể xóa.`,
    );
  const before = existing.map(bodySummary);
  await repo.deleteBodies(
    tx,
    removed.map((b) => b.id),
  );
  const added: (typeof input)[number][] = [];
  for (const [i, b] of input.entries()) {
    if (b.id === undefined) added.push(b);
    else
      await repo.updateBody(tx, b.id, { kind: b.kind, name: b.name, seats: b.seats, sortOrder: i });
  }
  await repo.insertBodies(
    tx,
    added.map((b) => ({
      congressId,
      kind: b.kind,
      name: b.name,
      seats: b.seats,
      sortOrder: input.indexOf(b),
    })),
  );
  const after = input.map(bodySummary);
  return JSON.stringify(before) === JSON.stringify(after) ? null : { before, after };
}

// ─── Threshold base ──────────────────────────────────────────────────────────────────────

export async function getThresholdBase({
  db,
  actor,
  congressId,
}: Ctx & { congressId: number }): Promise<ThresholdBaseDto & { present: number }> {
  requireReader(actor);
  const c = await loadCongress(db, actor, congressId);
  // Grouped in SQL, expanded here: the rule takes people, the database need only count them.
  const attendees = (await repo.baseGroups(db, c.id)).flatMap((g) =>
    Array.from({ length: g.n }, () => ({
      role: g.role as never,
      status: g.status as never,
      conveningCommittee: g.conveningCommittee,
    })),
  );
  const kind = c.kind as CongressKind;
  const base = thresholdBase({ kind, attendees });
  const who =
    kind === 'members'
      ? 'Đảng viên chính thức được triệu tập'
      : 'Đại biểu chính thức được triệu tập';
  const lines = [
    { label: who, count: base.summoned, sign: '+' as const },
    ...base.exclusions.map((e) => ({ label: e.label, count: e.count, sign: '-' as const })),
  ];
  const excluded = base.exclusions.filter((e) => e.count > 0);
  const explanation =
    `${base.summoned}` +
    excluded.map((e) => ` − ${e.count}`).join('') +
    ` = ${base.base}: trúng cử phải được trên một nửa của ${base.base}`;
  return {
    base: base.base,
    summoned: base.summoned,
    present: presentCount({ kind, attendees }),
    lines,
    explanation,
    citations: [base.citation],
  };
}

// ─── What the elections module reads (names of its congress-link.ts) ─────────────────────

export async function congressForElections(ctx: Ctx & { id: number }) {
  const c = await getCongress(ctx);
  return {
    id: c.id,
    name: c.name,
    unitId: c.unitId,
    unitName: c.unitName,
    unitPath: c.unitPath,
    term: c.term,
    kind: c.kind,
    kindLabel: c.kindLabel,
    startDate: c.startsOn,
    endDate: c.endsOn,
    bodies: c.bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind, seats: b.seats })),
  };
}

/** A body of a congress in the actor's scope (404 otherwise). */
export async function loadBody(
  db: Db,
  actor: Actor,
  congressId: number,
  bodyId: number,
  forUpdate = false,
) {
  const congress = await loadCongress(db, actor, congressId, forUpdate);
  const body = (await repo.listBodies(db, congress.id)).find((b) => b.id === bodyId);
  if (!body) throw notFound('Cơ quan bầu');
  return { congress, body };
}

export async function thresholdBaseForElections(ctx: Ctx & { congressId: number }) {
  const b = await getThresholdBase(ctx);
  return {
    value: b.base,
    summoned: b.summoned,
    present: b.present,
    absent: b.summoned - b.present,
    breakdown: b.lines
      .filter((l) => l.sign === '-')
      .map((l) => ({ label: l.label, count: l.count })),
    citations: b.citations,
  };
}

/**
 * The convening committee's list for a body: the plan's re-elected members (the outgoing
 * committee re-nominates them) and the names that passed the last nomination step — as in
 * seed 001, where 47 re-elected and 34 first-time names chosen from 151 sources made the 81.
 */
export async function nomineesForElections(ctx: Ctx & { congressId: number; bodyId: number }) {
  const passed = await listNominees(ctx);
  const seen = new Set(passed.map((n) => n.memberId));
  const reelected = (await getPlan(ctx)).candidates.filter(
    (c) => c.reelected && !seen.has(c.memberId),
  );
  return [...reelected, ...passed].map((n) => ({ memberId: n.memberId, fullName: n.fullName }));
}

/** The congress's history: every change to it, its people, plan and nomination steps. */
export async function congressHistory({ db, actor, id }: Ctx & { id: number }) {
  requireReader(actor);
  const c = await loadCongress(db, actor, id);
  const rows = await listAudit(db, actor, { entityType: 'congress', entityId: c.id, limit: 200 });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    summary: r.summary,
    before: r.before as Record<string, unknown> | null,
    after: r.after as Record<string, unknown> | null,
  }));
}

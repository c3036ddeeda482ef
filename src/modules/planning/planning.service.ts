/** Pools and the people in them: access first, then the QĐ 377 checks, then the repo. */
import type {
  AddEntryBody,
  CheckEntryResult,
  CreatePoolBody,
  EntryDto,
  EntryStatus,
  PlanningCheckDto,
  PlanningSource,
  PoliticalStandard,
  PoolDetailDto,
  PoolDto,
  PoolPageDto,
  RemoveEntryBody,
} from '../../contracts/planning.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { conflict, fieldError, invalid, notFound, staleVersion } from '../../core/errors.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { isVisible } from '../members/members.repo.ts';
import { findPostTitle } from '../posts/posts.repo.ts';
import { findUnit } from '../units/units.repo.ts';
import { checkCandidate, rulesFor, type Candidate } from './candidate.ts';
import * as repo from './planning.repo.ts';

type Ctx = { db: Db; actor: Actor };
const POOL = 'Quỹ quy hoạch';
const ENTRY = 'Người trong quy hoạch';

export const toPoolDto = (p: repo.PoolView, maxPeople: number): PoolDto => ({
  id: p.id,
  postTitleId: p.postTitleId,
  postTitleName: p.postTitleName,
  isKey: p.isKey,
  unitId: p.unitId,
  unitName: p.unitName,
  term: p.term,
  activeCount: p.activeCount,
  maxPeople,
  note: p.note,
  version: p.version,
});

/** Current posts by member, "Phó Bí thư — Đảng ủy phường X; …", for the pool's table. */
async function currentPosts(db: Db, memberIds: number[], date: string) {
  const out = new Map<number, string[]>();
  for (const a of await repo.appointmentsOf(db, memberIds)) {
    if (a.startDate > date || (a.endDate !== null && a.endDate < date)) continue;
    out.set(a.memberId, [...(out.get(a.memberId) ?? []), a.name]);
  }
  return out;
}

export async function toEntryDtos(db: Db, rows: repo.EntryView[], date: string) {
  const posts = await currentPosts(db, [...new Set(rows.map((r) => r.memberId))], date);
  return rows.map((e): EntryDto => ({
    id: e.id,
    poolId: e.poolId,
    memberId: e.memberId,
    fullName: e.fullName,
    birthDate: e.birthDate,
    gender: e.gender,
    ethnicity: e.ethnicity,
    memberUnitName: e.memberUnitName,
    currentPost: (posts.get(e.memberId) ?? []).join('; '),
    source: e.source as PlanningSource,
    nominationRound: e.nominationRound,
    votesCast: e.votesCast,
    votesFor: e.votesFor,
    decisionNumber: e.decisionNumber,
    decisionDate: e.decisionDate,
    politicalStandard: e.politicalStandard as PoliticalStandard,
    status: e.status as EntryStatus,
    removedDate: e.removedDate,
    removalDecisionNumber: e.removalDecisionNumber,
    removalReason: e.removalReason,
    note: e.note,
    version: e.version,
  }));
}

export async function listPools({
  db,
  actor,
  query,
}: Ctx & {
  query: { unitId?: number; term?: string; page: number; pageSize: number };
}): Promise<PoolPageDto> {
  requireReader(actor);
  let path = actor.scopePath;
  if (query.unitId) {
    const unit = await findUnit(db, actor, query.unitId);
    if (!unit) throw notFound('Tổ chức');
    path = unit.path;
  }
  const { items, total } = await repo.listPools(db, actor, { ...query, path });
  const date = today();
  const out: PoolDto[] = [];
  for (const p of items)
    out.push(toPoolDto(p, (await rulesFor(db, p.unitPath, date)).maxPeople.value));
  return {
    items: out,
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPool({ db, actor, id }: Ctx & { id: number }): Promise<PoolDetailDto> {
  requireReader(actor);
  const pool = await repo.findPool(db, actor, id);
  if (!pool) throw notFound(POOL);
  const r = await rulesFor(db, pool.unitPath, today());
  const entries = await repo.entriesOfPools(db, [id], false);
  return {
    ...toPoolDto(pool, r.maxPeople.value),
    maxPeopleCitation: r.maxPeople.citation,
    entries: await toEntryDtos(db, entries, today()),
  };
}

export async function createPool({
  db,
  actor,
  body,
}: Ctx & { body: CreatePoolBody }): Promise<PoolDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, actor, body.unitId);
    if (!unit) {
      throw fieldError('unitId', 'Tổ chức', 'không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn');
    }
    const title = await findPostTitle(tx, body.postTitleId);
    if (!title || !title.active) throw fieldError('postTitleId', 'Chức danh', 'không tồn tại');
    if (await repo.poolKeyTaken(tx, body.unitId, body.postTitleId, body.term)) {
      throw conflict(
        `Đã có quỹ quy hoạch ${title.name} — ${unit.name} nhiệm kỳ ${body.term}; hãy mở quỹ đó.`,
      );
    }
    const row = await repo.insertPool(tx, body);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'planning',
      entityId: row.id,
      scopePath: unit.path,
      summary: `Lập quỹ quy hoạch ${title.name} — ${unit.name}, nhiệm kỳ ${body.term}`,
      after: { poolId: row.id, postTitleId: row.postTitleId, unitId: row.unitId, term: row.term },
    });
    const view = (await repo.findPool(tx, actor, row.id))!;
    return toPoolDto(view, (await rulesFor(tx, view.unitPath, today())).maxPeople.value);
  });
}

async function visiblePool(ctx: Ctx, id: number, lock = false) {
  const pool = await repo.findPool(ctx.db, ctx.actor, id, lock);
  if (!pool) throw notFound(POOL);
  return pool;
}

/** The verdicts for a person before they are added (the form shows them as they are picked). */
export async function checkEntry({
  db,
  actor,
  poolId,
  memberId,
  decisionDate,
}: Ctx & { poolId: number; memberId: number; decisionDate?: string }): Promise<CheckEntryResult> {
  requireWriter(actor);
  const pool = await visiblePool({ db, actor }, poolId);
  if (!(await isVisible(db, actor, memberId))) throw notFound('Hồ sơ đảng viên');
  const checks = await checkCandidate(db, actor, pool, {
    memberId,
    decisionDate: decisionDate ?? today(),
    votesCast: null,
    votesFor: null,
    politicalStandard: 'met',
  });
  return { ok: !checks.some((c) => c.severity === 'block'), checks };
}

const refuse = (checks: PlanningCheckDto[], field = 'memberId') => {
  const blocking = checks.filter((c) => c.severity === 'block');
  if (!blocking.length) return;
  throw invalid(
    blocking.map((c) => ({
      field,
      label: 'Người được quy hoạch',
      message: `${c.message} (theo ${c.citations.map((x) => x.document).join('; ')})`,
    })),
  );
};

/** Inserts one person after every check; used by a single addition and by a review. */
export async function addChecked(
  tx: Db,
  actor: Actor,
  pool: repo.PoolView,
  c: Candidate & {
    source: PlanningSource;
    nominationRound: string;
    decisionNumber: string;
    note: string;
    addedReviewId?: number;
  },
) {
  // Lock order: the pool (its count of 3), then the person (their count of posts).
  await repo.findPool(tx, actor, pool.id, true);
  await repo.lockMember(tx, c.memberId);
  if (!(await isVisible(tx, actor, c.memberId))) throw notFound('Hồ sơ đảng viên');
  const checks = await checkCandidate(tx, actor, pool, c);
  refuse(checks);
  const row = await repo.insertEntry(tx, {
    poolId: pool.id,
    memberId: c.memberId,
    source: c.source,
    nominationRound: c.nominationRound,
    votesCast: c.votesCast,
    votesFor: c.votesFor,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    politicalStandard: c.politicalStandard,
    addedReviewId: c.addedReviewId ?? null,
    note: c.note,
  });
  const [view] = await repo
    .entriesOfPools(tx, [pool.id], true)
    .then((l) => l.filter((e) => e.id === row.id));
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'planning',
    entityId: pool.id,
    scopePath: pool.unitPath,
    summary: `Đưa ${view!.fullName} vào quy hoạch ${pool.postTitleName} — ${pool.unitName} (${pool.term}), quyết định ${c.decisionNumber} ngày ${formatDate(c.decisionDate)}`,
    after: {
      entryId: row.id,
      memberId: row.memberId,
      source: row.source,
      nominationRound: row.nominationRound,
      votesCast: row.votesCast,
      votesFor: row.votesFor,
      decisionNumber: row.decisionNumber,
      decisionDate: row.decisionDate,
    },
  });
  return { view: view!, warnings: checks.filter((x) => x.severity === 'warn') };
}

export async function addEntry({
  db,
  actor,
  poolId,
  body,
}: Ctx & { poolId: number; body: AddEntryBody }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const pool = await visiblePool({ db: tx, actor }, poolId, true);
    const { view, warnings } = await addChecked(tx, actor, pool, body);
    const [entry] = await toEntryDtos(tx, [view], body.decisionDate);
    return { entry: entry!, warnings };
  });
}

async function writableEntry(ctx: Ctx, id: number, version: number) {
  const entry = await repo.findEntry(ctx.db, ctx.actor, id, true);
  if (!entry) throw notFound(ENTRY);
  if (entry.version !== version) throw staleVersion();
  const pool = (await repo.findPool(ctx.db, ctx.actor, entry.poolId))!;
  const [view] = (await repo.entriesOfPools(ctx.db, [pool.id], false)).filter((e) => e.id === id);
  return { entry, pool, view: view! };
}

export async function updateEntry({
  db,
  actor,
  id,
  body,
}: Ctx & {
  id: number;
  body: { version: number; politicalStandard?: PoliticalStandard; note?: string };
}): Promise<EntryDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { entry, pool, view } = await writableEntry({ db: tx, actor }, id, body.version);
    if (entry.status !== 'active') {
      throw conflict('Người này đã được đưa ra khỏi quy hoạch; không sửa được dòng lịch sử.');
    }
    const values = {
      politicalStandard: body.politicalStandard ?? entry.politicalStandard,
      note: body.note ?? entry.note,
    };
    const saved = await repo.updateEntry(tx, id, body.version, values);
    if (!saved) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'planning',
      entityId: pool.id,
      scopePath: pool.unitPath,
      summary: `Sửa thông tin quy hoạch của ${view.fullName} (${pool.postTitleName} — ${pool.unitName})`,
      before: { entryId: id, politicalStandard: entry.politicalStandard, note: entry.note },
      after: { entryId: id, ...values },
    });
    const [fresh] = (await repo.entriesOfPools(tx, [pool.id], false)).filter((e) => e.id === id);
    return (await toEntryDtos(tx, [fresh!], today()))[0]!;
  });
}

/** Marks one entry removed (rows are kept: the pool's history). */
export async function removeOne(
  tx: Db,
  actor: Actor,
  pool: repo.PoolView,
  view: repo.EntryView,
  version: number,
  r: {
    removedDate: string;
    removalDecisionNumber: string;
    removalReason: string;
    reviewId?: number;
  },
) {
  if (view.status !== 'active') {
    throw conflict(`${view.fullName} đã được đưa ra khỏi quy hoạch trước đó.`);
  }
  if (r.removedDate < view.decisionDate) {
    throw fieldError(
      'removedDate',
      'Ngày đưa ra khỏi quy hoạch',
      `trước ngày quyết định quy hoạch (${formatDate(view.decisionDate)})`,
    );
  }
  const saved = await repo.updateEntry(tx, view.id, version, {
    status: 'removed',
    removedDate: r.removedDate,
    removalDecisionNumber: r.removalDecisionNumber,
    removalReason: r.removalReason,
    removedReviewId: r.reviewId ?? null,
  });
  if (!saved) throw staleVersion();
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'planning',
    entityId: pool.id,
    scopePath: pool.unitPath,
    summary: `Đưa ${view.fullName} ra khỏi quy hoạch ${pool.postTitleName} — ${pool.unitName} (${pool.term}): ${r.removalReason}`,
    before: { entryId: view.id, status: 'active' },
    after: {
      entryId: view.id,
      status: 'removed',
      removedDate: r.removedDate,
      removalDecisionNumber: r.removalDecisionNumber,
      removalReason: r.removalReason,
    },
  });
  return saved;
}

export async function removeEntry({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: RemoveEntryBody }): Promise<EntryDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { pool, view } = await writableEntry({ db: tx, actor }, id, body.version);
    await removeOne(tx, actor, pool, view, body.version, body);
    const [fresh] = (await repo.entriesOfPools(tx, [pool.id], false)).filter((e) => e.id === id);
    return (await toEntryDtos(tx, [fresh!], today()))[0]!;
  });
}

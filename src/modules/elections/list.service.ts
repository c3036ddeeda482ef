/** Use cases of an election and its list: create, floor/self nominations, withdrawals, approval. */
import { and, eq, sql } from 'drizzle-orm';
import {
  candidateSourceLabels,
  listStatusLabels,
  type AddCandidateBody,
  type CandidateDto,
  type CandidateSource,
  type CheckDto,
  type CongressElectionsDto,
  type ElectionDto,
  type ListStatus,
  type RoundSummaryDto,
} from '../../contracts/elections.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { conflict, fieldError, invalid, notFound, staleVersion } from '../../core/errors.ts';
import { explain } from '../../core/rules/verdict.ts';
import { vietnameseNameSortKey } from '../../core/vietnamese/index.ts';
import { congressInfo, memberOfCongress, nominees } from './congress-link.ts';
import { loadElectionRules } from './election-rule-values.ts';
import { isWriter, loadElection, type ElectionRow } from './elections.access.ts';
import * as repo from './elections.repo.ts';
import { electionCandidates, elections } from './elections.schema.ts';
import { checkElectionList, checkFloorNomination, type ListCandidate } from './list.rules.ts';
import { summaryOf } from './round-state.ts';

type Ctx = { db: Db; actor: Actor };

export async function listCongressElections({
  db,
  actor,
  congressId,
}: Ctx & { congressId: number }): Promise<CongressElectionsDto> {
  requireReader(actor);
  const congress = await congressInfo(db, actor, congressId);
  const rows = await repo.electionsOfCongress(db, congressId);
  const byBody = new Map(rows.map((r) => [r.bodyId, r]));
  const bodies = await Promise.all(
    congress.bodies.map(async (b) => {
      const e = byBody.get(b.id);
      return {
        bodyId: b.id,
        bodyName: b.name,
        seats: b.seats,
        electionId: e?.id ?? null,
        listStatus: (e?.listStatus as ListStatus | undefined) ?? null,
        candidates: e ? (await repo.activeCandidateIds(db, e.id)).length : 0,
        rounds: e ? (await repo.roundsOf(db, e.id)).length : 0,
      };
    }),
  );
  return { congressId, congressName: congress.name, bodies, canWrite: isWriter(actor) };
}

export async function createElection({
  db,
  actor,
  congressId,
  bodyId,
}: Ctx & { congressId: number; bodyId: number }): Promise<ElectionDto> {
  requireWriter(actor);
  const congress = await congressInfo(db, actor, congressId);
  const body = congress.bodies.find((b) => b.id === bodyId);
  if (!body) throw notFound('Cơ quan bầu');
  const committee = await nominees(db, actor, congressId, bodyId);
  const id = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(elections).where(eq(elections.bodyId, bodyId));
    if (existing) throw conflict(`Cuộc bầu ${body.name} đã được lập.`);
    const [row] = await tx
      .insert(elections)
      .values({
        congressId,
        bodyId,
        unitPath: congress.unitPath,
        congressName: congress.name,
        bodyName: body.name,
      })
      .returning();
    if (committee.length) {
      await tx.insert(electionCandidates).values(
        committee.map((n) => ({
          electionId: row!.id,
          memberId: n.memberId,
          fullName: n.fullName,
          nameKey: vietnameseNameSortKey(n.fullName),
          source: 'committee',
        })),
      );
    }
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: row!.id,
      scopePath: congress.unitPath,
      summary: `Lập cuộc bầu ${body.name} (${congress.name}) với ${committee.length} người do cấp ủy giới thiệu`,
      after: { bodyId, candidates: committee.map((c) => c.fullName) },
    });
    return row!.id;
  });
  return getElection({ db, actor, id });
}

const toCandidate = (c: repo.CandidateRow): CandidateDto => ({
  id: c.id,
  memberId: c.memberId,
  fullName: c.fullName,
  source: c.source as CandidateSource,
  sourceLabel: candidateSourceLabels[c.source as CandidateSource],
  nominationAgree: c.nominationAgree,
  nominationPresent: c.nominationPresent,
  withdrawn: c.withdrawnAt !== null,
  withdrawnReason: c.withdrawnReason,
});

/** The list checks (A's rules) with their citations; any refusal blocks approval. */
export async function listChecks(db: Db, election: ElectionRow, seats: number) {
  const rules = await loadElectionRules(db, election.unitPath, today());
  const active = (await repo.candidatesOf(db, election.id)).filter((c) => !c.withdrawnAt);
  const list: ListCandidate[] = active.map((c) => ({
    id: String(c.id),
    name: c.fullName,
    source: c.source as CandidateSource,
    ...(c.source !== 'committee' && c.nominationAgree !== null && c.nominationPresent !== null
      ? { floorVote: { agree: c.nominationAgree, present: c.nominationPresent } }
      : {}),
  }));
  const result = checkElectionList({ seats, candidates: list, rules });
  const checks: CheckDto[] = result.checks.map((c) => ({
    ok: c.verdict.ok,
    blocking: true,
    message: c.verdict.message,
    citations: c.verdict.citations,
  }));
  return { ok: result.ok, form: result.form, checks, rules };
}

export async function getElection({ db, actor, id }: Ctx & { id: number }): Promise<ElectionDto> {
  const e = await loadElection(db, actor, id, 'read');
  const congress = await congressInfo(db, actor, e.congressId);
  const seats = congress.bodies.find((b) => b.id === e.bodyId)?.seats ?? 0;
  const candidates = (await repo.candidatesOf(db, id)).map(toCandidate);
  candidates.sort((a, b) => Number(a.withdrawn) - Number(b.withdrawn));
  const { ok, checks } = await listChecks(db, e, seats);
  const rounds: RoundSummaryDto[] = (await repo.roundsOf(db, id)).map(summaryOf);
  const electedSoFar = rounds
    .filter((r) => r.status === 'closed')
    .reduce((n, r) => n + (r.electedCount ?? 0), 0);
  return {
    id,
    congressId: e.congressId,
    congressName: congress.name,
    bodyId: e.bodyId,
    bodyName: e.bodyName,
    seats,
    listStatus: e.listStatus as ListStatus,
    listStatusLabel: listStatusLabels[e.listStatus as ListStatus],
    approveAgree: e.approveAgree,
    approvePresent: e.approvePresent,
    approvedAt: e.approvedAt?.toISOString() ?? null,
    approvedBy: e.approvedBy,
    candidates,
    checks,
    canApprove: ok && e.listStatus === 'draft',
    rounds,
    electedSoFar,
    canWrite: isWriter(actor),
    version: e.version,
  };
}

function assertDraft(e: ElectionRow) {
  if (e.listStatus !== 'draft') {
    throw conflict(
      'Đại hội đã biểu quyết thông qua danh sách bầu cử; danh sách đã khóa, không thêm, bớt được nữa.',
    );
  }
}

/** A floor nomination or self-nomination, put on the list only with > 30% of those present. */
export async function addCandidate({
  db,
  actor,
  electionId,
  body,
}: Ctx & { electionId: number; body: AddCandidateBody }): Promise<ElectionDto> {
  const e = await loadElection(db, actor, electionId, 'write');
  assertDraft(e);
  if (body.nominationAgree > body.nominationPresent) {
    throw fieldError('nominationAgree', 'Số đồng ý', 'không được lớn hơn số người có mặt');
  }
  if (body.memberId) {
    const congress = await congressInfo(db, actor, e.congressId);
    body = { ...body, ...(await memberOfCongress(db, actor, congress, body.memberId)) };
  }
  const rules = await loadElectionRules(db, e.unitPath, today());
  const verdict = checkFloorNomination({
    agree: body.nominationAgree,
    present: body.nominationPresent,
    rules,
  });
  if (!verdict.ok) {
    throw fieldError('nominationAgree', 'Biểu quyết của đại hội', explain(verdict));
  }
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(elections)
      .where(eq(elections.id, electionId))
      .for('update');
    assertDraft(locked!);
    if (body.memberId) {
      const [dup] = await tx
        .select({ id: electionCandidates.id })
        .from(electionCandidates)
        .where(
          and(
            eq(electionCandidates.electionId, electionId),
            eq(electionCandidates.memberId, body.memberId),
            sql`${electionCandidates.withdrawnAt} IS NULL`,
          ),
        );
      if (dup) throw conflict(`${body.fullName} đã có trong danh sách bầu cử.`);
    }
    const [row] = await tx
      .insert(electionCandidates)
      .values({
        electionId,
        memberId: body.memberId ?? null,
        fullName: body.fullName,
        nameKey: vietnameseNameSortKey(body.fullName),
        source: body.source,
        nominationAgree: body.nominationAgree,
        nominationPresent: body.nominationPresent,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: electionId,
      scopePath: e.unitPath,
      summary: `${candidateSourceLabels[body.source]}: thêm ${body.fullName} vào danh sách bầu ${e.bodyName} (${verdict.message})`,
      after: { candidateId: row!.id, ...body },
    });
  });
  return getElection({ db, actor, id: electionId });
}

export async function withdrawCandidate({
  db,
  actor,
  electionId,
  candidateId,
  reason,
}: Ctx & { electionId: number; candidateId: number; reason: string }): Promise<ElectionDto> {
  const e = await loadElection(db, actor, electionId, 'write');
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(elections)
      .where(eq(elections.id, electionId))
      .for('update');
    assertDraft(locked!);
    const [c] = await tx
      .update(electionCandidates)
      .set({ withdrawnAt: new Date(), withdrawnReason: reason })
      .where(
        and(
          eq(electionCandidates.id, candidateId),
          eq(electionCandidates.electionId, electionId),
          sql`${electionCandidates.withdrawnAt} IS NULL`,
        ),
      )
      .returning();
    if (!c) throw notFound('Người trong danh sách');
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'election',
      entityId: electionId,
      scopePath: e.unitPath,
      summary: `Rút ${c.fullName} khỏi danh sách bầu ${e.bodyName}: ${reason}`,
      before: { candidateId, withdrawn: false },
      after: { candidateId, withdrawn: true, reason },
    });
  });
  return getElection({ db, actor, id: electionId });
}

/** The congress votes the list; it is then locked. Refused while a check fails. */
export async function approveList({
  db,
  actor,
  electionId,
  agree,
  present,
  version,
}: Ctx & { electionId: number; agree: number; present: number; version: number }) {
  const e = await loadElection(db, actor, electionId, 'write');
  assertDraft(e);
  if (agree > present || present < 1) {
    throw fieldError('agree', 'Số đồng ý', 'phải từ 0 đến số người có mặt (số có mặt phải dương)');
  }
  const congress = await congressInfo(db, actor, e.congressId);
  const seats = congress.bodies.find((b) => b.id === e.bodyId)?.seats ?? 0;
  const { ok, checks } = await listChecks(db, e, seats);
  if (!ok) {
    throw invalid(
      checks
        .filter((c) => !c.ok)
        .map((c) => ({
          field: 'candidates',
          label: 'Danh sách bầu cử',
          message: explain({ ok: false, message: c.message, citations: c.citations }),
        })),
    );
  }
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(elections)
      .set({
        listStatus: 'approved',
        approveAgree: agree,
        approvePresent: present,
        approvedAt: new Date(),
        approvedBy: actor.displayName,
        version: e.version + 1,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(elections.id, electionId),
          eq(elections.version, version),
          eq(elections.listStatus, 'draft'),
        ),
      )
      .returning();
    if (!row) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'approve',
      entityType: 'election',
      entityId: electionId,
      scopePath: e.unitPath,
      summary: `Đại hội biểu quyết thông qua danh sách bầu ${e.bodyName}: ${agree}/${present} đồng ý; danh sách đã khóa`,
      after: { agree, present },
    });
  });
  return getElection({ db, actor, id: electionId });
}

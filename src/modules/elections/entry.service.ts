/**
 * Ballot entry by the counting committee's operators: batches (hòm phiếu), each operator's own
 * independent copy of a batch, ballots entered one by one with their validity shown at once.
 * Every save is a new row of the append-only entry log; an operator sees only their own copy.
 */
import { and, eq, sql } from 'drizzle-orm';
import type {
  BallotForm,
  BatchDto,
  CountingHomeDto,
  EnterBallotBody,
  EntryRoundDto,
  MyEntriesDto,
} from '../../contracts/elections.ts';
import type { Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, forbidden, notFound } from '../../core/errors.ts';
import { ballotJudge } from './ballot.rules.ts';
import { assertOpen, loadRound, lockRound, type RoundRow } from './elections.access.ts';
import * as repo from './elections.repo.ts';
import {
  ballotBatches,
  ballotEntries,
  batchOperators,
  congressCounters,
  electionRounds,
  elections,
  roundAnnulments,
  roundDecisions,
} from './elections.schema.ts';
import { toBallot } from './final-ballots.ts';
import { summaryOf } from './round-state.ts';

type Ctx = { db: Db; actor: Actor };

/** The rounds a counting account (or an officer assigned as one) may enter ballots for. */
export async function countingHome({ db, actor }: Ctx): Promise<CountingHomeDto> {
  const rows = await db
    .select({ election: elections, round: electionRounds, annulment: roundAnnulments })
    .from(congressCounters)
    .innerJoin(elections, eq(elections.congressId, congressCounters.congressId))
    .innerJoin(electionRounds, eq(electionRounds.electionId, elections.id))
    .leftJoin(roundAnnulments, eq(roundAnnulments.roundId, electionRounds.id))
    .where(
      and(
        eq(congressCounters.userId, actor.userId),
        sql`${elections.unitPath} LIKE ${actor.scopePath + '%'}`,
      ),
    )
    .orderBy(elections.congressId, elections.id, electionRounds.number);
  const out = new Map<number, CountingHomeDto[number]>();
  for (const r of rows) {
    let c = out.get(r.election.congressId);
    if (!c) {
      c = { congressId: r.election.congressId, congressName: r.election.congressName, rounds: [] };
      out.set(r.election.congressId, c);
    }
    const s = summaryOf({ round: r.round, decision: null, annulment: r.annulment });
    c.rounds.push({
      roundId: r.round.id,
      bodyName: r.election.bodyName,
      number: r.round.number,
      status: s.status,
      statusLabel: s.statusLabel,
    });
  }
  return [...out.values()];
}

/** Validity of stored ballots of a round (A's rules), the list checked once for all of them. */
export function judgementsFor(round: RoundRow, list: number[]) {
  const form = round.form as BallotForm;
  const judge = ballotJudge({ form, candidateIds: list.map(String), seats: round.seats });
  return (e: repo.EntryRow | repo.ResolutionRow) => {
    const j = judge(toBallot(form, e));
    return j.valid
      ? { valid: true, reason: null, uncounted: j.uncounted.map(Number) }
      : { valid: false, reason: j.reason, uncounted: [] };
  };
}

export async function getEntryRound({
  db,
  actor,
  roundId,
}: Ctx & { roundId: number }): Promise<EntryRoundDto> {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  const [list, batches, operators, decision, annulment] = await Promise.all([
    repo.roundList(db, roundId),
    repo.batchesOf(db, roundId),
    repo.operatorsOf(db, roundId),
    db.select().from(roundDecisions).where(eq(roundDecisions.roundId, roundId)),
    db.select().from(roundAnnulments).where(eq(roundAnnulments.roundId, roundId)),
  ]);
  const batchDtos: BatchDto[] = [];
  for (const b of batches) {
    const ops = operators.filter((o) => o.batchId === b.id).sort((x, y) => x.copy - y.copy);
    const mine = ops.find((o) => o.userId === actor.userId);
    const myBallots = mine
      ? (await repo.currentEntries(db, roundId, b.id, mine.copy)).filter((e) => !e.deleted).length
      : 0;
    batchDtos.push({
      id: b.id,
      name: b.name,
      copies: Array.from({ length: round.entryCopies }, (_, i) => {
        const o = ops.find((x) => x.copy === i + 1);
        return {
          copy: i + 1,
          operator: o ? (o.userId === actor.userId ? 'Bạn' : 'Đã có người nhận') : null,
          finished: Boolean(o?.finishedAt),
        };
      }),
      myCopy: mine?.copy ?? null,
      myFinished: Boolean(mine?.finishedAt),
      myBallots,
    });
  }
  return {
    round: summaryOf({ round, decision: decision[0] ?? null, annulment: annulment[0] ?? null }),
    congressName: election.congressName,
    bodyName: election.bodyName,
    candidates: list.map((l) => ({
      id: l.candidate.id,
      fullName: l.candidate.fullName,
      position: l.position,
    })),
    batches: batchDtos,
    ballotsIssued: round.ballotsIssued,
    ballotsReturned: round.ballotsReturned,
    version: round.version,
    canManage: true,
  };
}

export async function createBatch({
  db,
  actor,
  roundId,
  name,
}: Ctx & { roundId: number; name: string }) {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  await db.transaction(async (tx) => {
    assertOpen(await lockRound(tx, roundId));
    const [dup] = await tx
      .select({ id: ballotBatches.id })
      .from(ballotBatches)
      .where(and(eq(ballotBatches.roundId, roundId), eq(ballotBatches.name, name)));
    if (dup) throw conflict(`Đã có tập phiếu "${name}" trong vòng bầu này.`);
    const [b] = await tx.insert(ballotBatches).values({ roundId, name }).returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}: thêm tập phiếu "${name}"`,
      after: { roundId, batchId: b!.id, name },
    });
  });
  return getEntryRound({ db, actor, roundId });
}

/** The caller takes the next free copy of the batch (one copy per operator). */
export async function claimCopy({
  db,
  actor,
  roundId,
  batchId,
}: Ctx & { roundId: number; batchId: number }) {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  await db.transaction(async (tx) => {
    assertOpen(await lockRound(tx, roundId));
    const batch = await batchOf(tx, roundId, batchId);
    const ops = await tx.select().from(batchOperators).where(eq(batchOperators.batchId, batchId));
    if (ops.some((o) => o.userId === actor.userId)) return;
    const taken = new Set(ops.map((o) => o.copy));
    const copy = [1, 2, 3].find((c) => c <= round.entryCopies && !taken.has(c));
    if (!copy) {
      throw conflict(
        `Tập phiếu "${batch.name}" đã đủ ${round.entryCopies} người nhập độc lập; mỗi người chỉ nhập một lần.`,
      );
    }
    await tx.insert(batchOperators).values({ roundId, batchId, copy, userId: actor.userId });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}: ${actor.displayName} nhận lần nhập ${copy} của "${batch.name}"`,
      after: { roundId, batchId, copy },
    });
  });
  return getEntryRound({ db, actor, roundId });
}

async function batchOf(db: Db, roundId: number, batchId: number) {
  const [batch] = await db
    .select()
    .from(ballotBatches)
    .where(and(eq(ballotBatches.id, batchId), eq(ballotBatches.roundId, roundId)));
  if (!batch) throw notFound('Tập phiếu');
  return batch;
}

async function myOperator(db: Db, actor: Actor, batchId: number) {
  const [op] = await db
    .select()
    .from(batchOperators)
    .where(and(eq(batchOperators.batchId, batchId), eq(batchOperators.userId, actor.userId)));
  if (!op) {
    throw forbidden(
      'Bạn chưa nhận lần nhập nào của tập phiếu này; hãy chọn "Nhận lần nhập" trước.',
    );
  }
  return op;
}

/** Only the caller's own copy: the other operators' entries stay hidden until reconciliation. */
export async function myEntries({
  db,
  actor,
  roundId,
  batchId,
}: Ctx & { roundId: number; batchId: number }): Promise<MyEntriesDto> {
  const { round } = await loadRound(db, actor, roundId, 'count');
  const batch = await batchOf(db, roundId, batchId);
  const op = await myOperator(db, actor, batchId);
  const list = (await repo.roundList(db, roundId)).map((l) => l.candidate.id);
  const rows = (await repo.currentEntries(db, roundId, batchId, op.copy)).filter((e) => !e.deleted);
  const saves = await repo.saveCounts(db, roundId, batchId, op.copy);
  const judgementOf = judgementsFor(round, list);
  const items = rows
    .sort((a, b) => b.id - a.id)
    .map((e) => ({
      serial: e.serial,
      issued: e.issued,
      struck: e.struck,
      agree: e.agree,
      disagree: e.disagree,
      judgement: judgementOf(e),
      enteredAt: e.enteredAt.toISOString(),
      corrections: (saves.get(e.serial) ?? 1) - 1,
    }));
  const valid = items.filter((i) => i.judgement.valid).length;
  return {
    batchId,
    batchName: batch.name,
    copy: op.copy,
    finished: Boolean(op.finishedAt),
    items,
    total: items.length,
    valid,
    invalid: items.length - valid,
  };
}

/** Saves one ballot in the caller's copy and answers its validity at once. */
export async function enterBallot({
  db,
  actor,
  roundId,
  batchId,
  body,
}: Ctx & { roundId: number; batchId: number; body: EnterBallotBody }) {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  const list = (await repo.roundList(db, roundId)).map((l) => l.candidate.id);
  const known = new Set(list);
  const form = round.form as BallotForm;
  const marks = form === 'strike' ? body.struck : [...body.agree, ...body.disagree];
  const unknown = marks.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw fieldError(
      'struck',
      'Phiếu bầu',
      `mã ${unknown} không có trong danh sách của vòng bầu này`,
    );
  }
  const values = {
    serial: body.serial,
    issued: body.issued,
    struck: form === 'strike' ? [...new Set(body.struck)].sort((a, b) => a - b) : [],
    agree: form === 'yesno' ? [...new Set(body.agree)].sort((a, b) => a - b) : [],
    disagree: form === 'yesno' ? [...new Set(body.disagree)].sort((a, b) => a - b) : [],
  };
  const saved = await db.transaction(async (tx) => {
    assertOpen(await lockRound(tx, roundId));
    const batch = await batchOf(tx, roundId, batchId);
    const op = await myOperator(tx, actor, batchId);
    if (op.finishedAt) {
      throw conflict(
        'Bạn đã xác nhận nhập xong lần nhập này; sai sót còn lại do ban kiểm phiếu xử lý khi đối chiếu.',
      );
    }
    // One serial, by index: entry stays fast however many ballots the batch holds.
    const existing = await repo.currentEntry(tx, roundId, batchId, op.copy, body.serial);
    const exists = existing !== null && !existing.deleted;
    if (exists && !body.correction) {
      throw conflict(
        `Phiếu số ${body.serial} đã được nhập trong lần nhập này; chọn "Sửa phiếu" để sửa.`,
      );
    }
    if (!exists && body.deleted) throw notFound(`Phiếu số ${body.serial}`);
    const other = await repo.serialInOtherBatch(tx, roundId, batchId, body.serial);
    if (other !== null && !body.deleted) {
      throw conflict(`Phiếu số ${body.serial} đã có trong một tập phiếu khác của vòng bầu này.`);
    }
    const [row] = await tx
      .insert(ballotEntries)
      .values({
        roundId,
        batchId,
        copy: op.copy,
        ...values,
        deleted: body.deleted,
        userId: actor.userId,
        userName: actor.displayName,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: exists ? (body.deleted ? 'delete' : 'update') : 'create',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}, "${batch.name}" lần nhập ${op.copy}: ${
        body.deleted ? 'bỏ' : exists ? 'sửa' : 'nhập'
      } phiếu số ${body.serial}`,
      before: exists ? { ...pick(existing) } : null,
      after: { entryId: row!.id, ...values, deleted: body.deleted },
    });
    return row!;
  });
  return {
    serial: saved.serial,
    deleted: saved.deleted,
    judgement: judgementsFor(round, list)(saved),
  };
}

const pick = (e: repo.EntryRow) => ({
  serial: e.serial,
  issued: e.issued,
  struck: e.struck,
  agree: e.agree,
  disagree: e.disagree,
});

/** The operator declares their copy complete; it can then be compared with the others. */
export async function finishCopy({
  db,
  actor,
  roundId,
  batchId,
}: Ctx & { roundId: number; batchId: number }) {
  const { round, election } = await loadRound(db, actor, roundId, 'count');
  assertOpen(round);
  await db.transaction(async (tx) => {
    assertOpen(await lockRound(tx, roundId));
    const batch = await batchOf(tx, roundId, batchId);
    const op = await myOperator(tx, actor, batchId);
    if (op.finishedAt) return;
    await tx
      .update(batchOperators)
      .set({ finishedAt: new Date() })
      .where(eq(batchOperators.id, op.id));
    await recordAudit(tx, actor, {
      action: 'close',
      entityType: 'election',
      entityId: election.id,
      scopePath: election.unitPath,
      summary: `Vòng ${round.number} bầu ${election.bodyName}: xác nhận nhập xong "${batch.name}" lần nhập ${op.copy}`,
      after: { roundId, batchId, copy: op.copy },
    });
  });
  return getEntryRound({ db, actor, roundId });
}

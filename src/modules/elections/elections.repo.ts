/** SQL of the elections module. Callers have checked access to the election or round. */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db/client.ts';
import {
  ballotBatches,
  ballotEntries,
  ballotResolutions,
  batchOperators,
  electionCandidates,
  electionRounds,
  elections,
  roundAnnulments,
  roundCandidates,
  roundDecisions,
} from './elections.schema.ts';

export type CandidateRow = typeof electionCandidates.$inferSelect;
export type EntryRow = typeof ballotEntries.$inferSelect;
export type ResolutionRow = typeof ballotResolutions.$inferSelect;
export type BatchRow = typeof ballotBatches.$inferSelect;
export type OperatorRow = typeof batchOperators.$inferSelect;

export const electionsOfCongress = (db: Db, congressId: number) =>
  db.select().from(elections).where(eq(elections.congressId, congressId));

export const candidatesOf = (db: Db, electionId: number) =>
  db
    .select()
    .from(electionCandidates)
    .where(eq(electionCandidates.electionId, electionId))
    .orderBy(asc(electionCandidates.nameKey), asc(electionCandidates.id));

export const roundsOf = (db: Db, electionId: number) =>
  db
    .select({ round: electionRounds, decision: roundDecisions, annulment: roundAnnulments })
    .from(electionRounds)
    .leftJoin(roundDecisions, eq(roundDecisions.roundId, electionRounds.id))
    .leftJoin(roundAnnulments, eq(roundAnnulments.roundId, electionRounds.id))
    .where(eq(electionRounds.electionId, electionId))
    .orderBy(asc(electionRounds.number));

/** The names on a round's ballot, in print order. */
export const roundList = (db: Db, roundId: number) =>
  db
    .select({ candidate: electionCandidates, position: roundCandidates.position })
    .from(roundCandidates)
    .innerJoin(electionCandidates, eq(electionCandidates.id, roundCandidates.candidateId))
    .where(eq(roundCandidates.roundId, roundId))
    .orderBy(asc(roundCandidates.position));

export const batchesOf = (db: Db, roundId: number) =>
  db
    .select()
    .from(ballotBatches)
    .where(eq(ballotBatches.roundId, roundId))
    .orderBy(asc(ballotBatches.id));

export const operatorsOf = (db: Db, roundId: number) =>
  db.select().from(batchOperators).where(eq(batchOperators.roundId, roundId));

/** The current entry of every (batch, copy, serial) of a round: the latest row of the log. */
export async function currentEntries(db: Db, roundId: number, batchId?: number, copy?: number) {
  const where = [eq(ballotEntries.roundId, roundId)];
  if (batchId !== undefined) where.push(eq(ballotEntries.batchId, batchId));
  if (copy !== undefined) where.push(eq(ballotEntries.copy, copy));
  return db
    .selectDistinctOn([ballotEntries.batchId, ballotEntries.copy, ballotEntries.serial])
    .from(ballotEntries)
    .where(and(...where))
    .orderBy(
      ballotEntries.batchId,
      ballotEntries.copy,
      ballotEntries.serial,
      desc(ballotEntries.id),
    );
}

/** The current entry of one serial in one copy (the latest row of the log), if any. */
export async function currentEntry(
  db: Db,
  roundId: number,
  batchId: number,
  copy: number,
  serial: string,
) {
  const [row] = await db
    .select()
    .from(ballotEntries)
    .where(
      and(
        eq(ballotEntries.roundId, roundId),
        eq(ballotEntries.batchId, batchId),
        eq(ballotEntries.copy, copy),
        eq(ballotEntries.serial, serial),
      ),
    )
    .orderBy(desc(ballotEntries.id))
    .limit(1);
  return row ?? null;
}

/** How many times each serial of a copy was saved (corrections = saves − 1). */
export async function saveCounts(db: Db, roundId: number, batchId: number, copy: number) {
  const rows = await db
    .select({ serial: ballotEntries.serial, n: count() })
    .from(ballotEntries)
    .where(
      and(
        eq(ballotEntries.roundId, roundId),
        eq(ballotEntries.batchId, batchId),
        eq(ballotEntries.copy, copy),
      ),
    )
    .groupBy(ballotEntries.serial);
  return new Map(rows.map((r) => [r.serial, Number(r.n)]));
}

export async function currentResolutions(db: Db, roundId: number) {
  return db
    .selectDistinctOn([ballotResolutions.batchId, ballotResolutions.serial])
    .from(ballotResolutions)
    .where(eq(ballotResolutions.roundId, roundId))
    .orderBy(ballotResolutions.batchId, ballotResolutions.serial, desc(ballotResolutions.id));
}

/**
 * A serial currently entered in another batch of the round (any copy, not withdrawn): judged on
 * the latest row of each copy, so a ballot withdrawn from the wrong batch can be entered again.
 */
export async function serialInOtherBatch(db: Db, roundId: number, batchId: number, serial: string) {
  const rows = await db
    .selectDistinctOn([ballotEntries.batchId, ballotEntries.copy], {
      batchId: ballotEntries.batchId,
      deleted: ballotEntries.deleted,
    })
    .from(ballotEntries)
    .where(
      and(
        eq(ballotEntries.roundId, roundId),
        eq(ballotEntries.serial, serial),
        sql`${ballotEntries.batchId} <> ${batchId}`,
      ),
    )
    .orderBy(ballotEntries.batchId, ballotEntries.copy, desc(ballotEntries.id));
  return rows.find((r) => !r.deleted)?.batchId ?? null;
}

export async function entryLogPage(db: Db, roundId: number, page: number, pageSize: number) {
  const offset = (page - 1) * pageSize;
  const rows = await db.execute(sql`
    SELECT * FROM (
      SELECT 'entry' AS kind, e.id, b.name AS batch_name, e.copy, e.serial, e.issued, e.struck,
             e.agree, e.disagree, e.deleted, NULL AS source, e.user_name, e.entered_at AS at
        FROM ballot_entries e JOIN ballot_batches b ON b.id = e.batch_id WHERE e.round_id = ${roundId}
      UNION ALL
      SELECT 'resolution', r.id, b.name, NULL, r.serial, r.issued, r.struck, r.agree, r.disagree,
             r.deleted, r.source, r.user_name, r.resolved_at
        FROM ballot_resolutions r JOIN ballot_batches b ON b.id = r.batch_id WHERE r.round_id = ${roundId}
    ) log ORDER BY at DESC, id DESC LIMIT ${pageSize} OFFSET ${offset}`);
  const [total] = rowsOf<{ n: string }>(
    await db.execute(sql`
    SELECT (SELECT count(*) FROM ballot_entries WHERE round_id = ${roundId})
         + (SELECT count(*) FROM ballot_resolutions WHERE round_id = ${roundId}) AS n`),
  );
  return { rows: rowsOf<LogRow>(rows), total: Number(total?.n ?? 0) };
}

export interface LogRow {
  kind: 'entry' | 'resolution';
  id: number;
  batch_name: string;
  copy: number | null;
  serial: string;
  issued: boolean;
  struck: number[];
  agree: number[];
  disagree: number[];
  deleted: boolean;
  source: string | null;
  user_name: string;
  at: string | Date;
}

export const activeCandidateIds = async (db: Db, electionId: number) =>
  (
    await db
      .select({ id: electionCandidates.id })
      .from(electionCandidates)
      .where(
        and(eq(electionCandidates.electionId, electionId), isNull(electionCandidates.withdrawnAt)),
      )
  ).map((r) => r.id);

export const candidatesByIds = (db: Db, ids: number[]) =>
  ids.length
    ? db.select().from(electionCandidates).where(inArray(electionCandidates.id, ids))
    : Promise.resolve([] as CandidateRow[]);

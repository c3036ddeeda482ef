/**
 * Who may do what with an election. Officers and administrators of the congress's subtree do
 * everything; readers read; a counting-committee account (role `counter`, assigned to the
 * congress) reaches only its congress's ballot entry and reconciliation. Everything outside
 * the caller's reach answers 404, so its existence is not revealed.
 */
import { and, eq } from 'drizzle-orm';
import { hasRole, isInScope, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { accessCheck, deny, explain } from '../../core/rules/verdict.ts';
import { congressCounters, electionRounds, elections } from './elections.schema.ts';

export type ElectionRow = typeof elections.$inferSelect;
export type RoundRow = typeof electionRounds.$inferSelect;
export type Reach = 'read' | 'write' | 'count';

export const ELECTION = 'Cuộc bầu cử';
export const ROUND = 'Vòng bầu';

export const isWriter = (actor: Actor) => hasRole(actor, 'admin', 'officer');
export const isReader = (actor: Actor) => hasRole(actor, 'admin', 'officer', 'reader');

export async function isCounterOf(db: Db, actor: Actor, congressId: number): Promise<boolean> {
  if (!hasRole(actor, 'counter')) return false;
  const rows = await db
    .select({ id: congressCounters.id })
    .from(congressCounters)
    .where(
      and(eq(congressCounters.congressId, congressId), eq(congressCounters.userId, actor.userId)),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether the actor reaches a record of this congress for `reach`. */
export async function reaches(
  db: Db,
  actor: Actor,
  congressId: number,
  unitPath: string,
  reach: Reach,
): Promise<boolean> {
  if (!isInScope(actor, unitPath)) return false;
  if (reach === 'read') return isReader(actor);
  if (reach === 'write') return isWriter(actor);
  return isWriter(actor) || (await isCounterOf(db, actor, congressId));
}

/** The election, if the actor reaches it; otherwise 404 (or 403 for an in-scope reader writing). */
export async function loadElection(db: Db, actor: Actor, id: number, reach: Reach) {
  const [row] = await db.select().from(elections).where(eq(elections.id, id));
  if (!row || !(await reaches(db, actor, row.congressId, row.unitPath, reach))) {
    if (row && reach !== 'read' && isInScope(actor, row.unitPath) && isReader(actor)) {
      throw forbidden();
    }
    throw notFound(ELECTION);
  }
  return row;
}

export async function loadRound(db: Db, actor: Actor, id: number, reach: Reach) {
  const [found] = await db
    .select({ round: electionRounds, election: elections })
    .from(electionRounds)
    .innerJoin(elections, eq(elections.id, electionRounds.electionId))
    .where(eq(electionRounds.id, id));
  if (!found) throw notFound(ROUND);
  const { election } = found;
  if (!(await reaches(db, actor, election.congressId, election.unitPath, reach))) {
    if (reach !== 'read' && isInScope(actor, election.unitPath) && isReader(actor)) {
      throw forbidden();
    }
    throw notFound(ROUND);
  }
  return found;
}

/** Row-level lock on the round for a use case that changes it: serialises entry and closing. */
export async function lockRound(tx: Db, id: number): Promise<RoundRow> {
  const [row] = await tx
    .select()
    .from(electionRounds)
    .where(eq(electionRounds.id, id))
    .for('update');
  if (!row) throw notFound(ROUND);
  return row;
}

export const FROZEN_RULE = accessCheck(
  'Vòng bầu đã kết thúc thì phiếu và kết quả được khóa; chỉ bầu vòng mới hoặc cấp trên hủy kết quả',
);

/** Refuses any change to a closed round, whoever asks (the database refuses it too). */
export function assertOpen(round: RoundRow): void {
  if (round.closedAt) {
    throw forbidden(
      `${explain(deny('Vòng bầu này đã kết thúc, phiếu và kết quả đã khóa, không ai được sửa', [FROZEN_RULE]))}.`,
    );
  }
}

/** The congress's reader view, used after the caller's own access check passed (a counter closing a round needs the base). */
export const congressReader = (actor: Actor, unitPath: string): Actor => ({
  ...actor,
  scopePath: unitPath,
  roles: ['reader'],
});

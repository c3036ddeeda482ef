import type { RoundReport } from '../../contracts/elections.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';

/** The whole record of one round for the minutes and the announcement (filled in below). */
export async function getRoundReport(_: {
  db: Db;
  actor: Actor;
  roundId: number;
}): Promise<RoundReport> {
  void _;
  throw new Error('getRoundReport: not implemented yet');
}
